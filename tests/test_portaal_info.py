"""The pages about the portal itself (issues 16 and 19): the footer on every page,
/contact/, /privacy/, /toegankelijkheid/, /methode/, tap-to-call links and the favicon."""

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import get_template
from django.urls import reverse

from communitycare.lib.contactlinks import contact_links, tel_uri
from initiatieven.models import STAPPEN
from openkoffie.models import AgendaOnderdeel
from tests.factories import HuisFactory, UserFactory
from wijken.base.models import RESERVED_SLUGS, Regio

INFO_PAGINAS = ["methode", "contact", "privacy", "toegankelijkheid"]


def footer(html: str) -> str:
    return html[html.index('<footer class="site-footer">') :]


@pytest.mark.parametrize("naam", INFO_PAGINAS)
def test_info_page_answers_with_one_h1(client, db, naam):
    response = client.get(reverse(naam))
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


def test_footer_links_on_home_and_wijk_page(client, wijk_a):
    for url in ["/", wijk_a.get_absolute_url()]:
        html = footer(client.get(url).content.decode())
        for naam in INFO_PAGINAS:
            assert f'href="{reverse(naam)}"' in html, (url, naam)
        assert "Hoe werkt Community Care?" in html


def test_the_organisation_comes_from_the_settings(client, db, settings):
    settings.ORGANISATIE_NAAM = "Zorggroep Voorbeeld"
    settings.ORGANISATIE_ADRES = "Kerkplein 3, 6211 AB Maastricht"
    settings.ORGANISATIE_TELEFOON = "043 123 45 67"
    settings.ORGANISATIE_EMAIL = "info@zorggroep.example"
    settings.PRIVACY_EMAIL = "fg@zorggroep.example"
    html = footer(client.get("/").content.decode())
    assert "Zorggroep Voorbeeld" in html
    assert "Kerkplein 3, 6211 AB Maastricht" in html
    assert '<a href="tel:+31431234567">043 123 45 67</a>' in html
    assert '<a href="mailto:info@zorggroep.example">info@zorggroep.example</a>' in html
    privacy = client.get(reverse("privacy")).content.decode()
    assert "Zorggroep Voorbeeld is verantwoordelijk" in privacy
    assert 'href="mailto:fg@zorggroep.example"' in privacy
    assert "autoriteitpersoonsgegevens.nl" in privacy


def test_the_500_page_renders_without_the_settings_context():
    """Django renders 500.html without context processors: the footer still stands."""
    html = get_template("500.html").render()
    assert f'href="{reverse("privacy")}"' in html
    assert "tel:" not in html


def test_methode_lists_the_four_phases_and_the_11_steps(client, db):
    html = client.get(reverse("methode")).content.decode()
    for fase in ["De wijk in beeld", "Wijkverbinders vinden", "Samen doen", "Borgen"]:
        assert fase in html
    assert len(STAPPEN) == 11
    stappen = html[html.index('class="methode-stappen"') :]
    stappen = stappen[: stappen.index("</ol>")]
    assert stappen.count("<li>") == 11
    for titel, _ in STAPPEN.values():
        assert titel in stappen
    for soort in AgendaOnderdeel.Soort:
        assert soort.label in html
    assert "duurt 2 uur" in html


def test_toegankelijkheid_names_the_standard_and_the_date(client, db):
    html = client.get(reverse("toegankelijkheid")).content.decode()
    assert "WCAG 2.1" in html and "EN 301 549" in html
    assert "2 december 2026" in html
    assert 'href="http://testserver/"' in html  # SITE_URL, never the Host header


def test_info_pages_read_no_data(client, db, no_page_cache, django_assert_num_queries):
    for naam in INFO_PAGINAS:
        with django_assert_num_queries(0):
            assert client.get(reverse(naam)).status_code == 200


def test_info_pages_are_served_from_the_page_cache(client, db, django_assert_num_queries):
    for naam in INFO_PAGINAS:
        client.get(reverse(naam))
        with django_assert_num_queries(1):  # the one cache read (the database cache)
            assert client.get(reverse(naam)).status_code == 200


# --- reserved slugs: a regio may not take the address of an info page --------------


@pytest.mark.parametrize("slug", INFO_PAGINAS)
def test_a_regio_may_not_take_an_info_page_slug(db, slug):
    assert slug in RESERVED_SLUGS
    with pytest.raises(ValidationError) as fout:
        Regio(naam="Methode", slug=slug).full_clean()
    assert "gereserveerd" in str(fout.value)
    Regio(naam="Methodes", slug=f"{slug}s").full_clean()  # a near name is fine


def test_the_admin_refuses_regio_methode(client, db):
    client.force_login(UserFactory(username="beheerder", is_staff=True, is_superuser=True))
    response = client.post("/admin/wijken/regio/add/", {"naam": "Methode", "slug": "methode"})
    assert response.status_code == 200
    assert "gereserveerd woord" in response.content.decode()
    assert not Regio.objects.filter(slug="methode").exists()


# --- tap to call ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "uri"),
    [
        ("043 123 45 67", "tel:+31431234567"),
        ("(043) 123 45 67", "tel:+31431234567"),
        ("06-1234 5678", "tel:+31612345678"),
        ("+31 (0)43 123 4567", "tel:+31431234567"),
        ("0031 43 1234567", "tel:+31431234567"),
        ("0800 1234", "tel:+318001234"),
        ("+32 11 22 33 44", "tel:+3211223344"),
        ("12-03-2024", None),
        ("6411 AA", None),
        ("043 123 45 678", None),
        ("0431234", None),
        ("zie de website", None),
    ],
)
def test_tel_uri(tekst, uri):
    assert tel_uri(tekst) == uri


def test_contact_links_leave_the_rest_alone_and_escaped():
    html = contact_links("Bel <b>Henk</b> op 06 9999 0000, mail henk@example.org. Open 09.00-17.00")
    assert html == (
        'Bel &lt;b&gt;Henk&lt;/b&gt; op <a href="tel:+31699990000">06 9999 0000</a>, '
        'mail <a href="mailto:henk@example.org">henk@example.org</a>. Open 09.00-17.00'
    )


def test_huis_phone_and_wijk_contact_are_tap_to_call(client, wijk_a):
    HuisFactory(wijk=wijk_a, telefoon="043 555 01 10")
    wijk_a.contact_voor_vragen = "Bel Henk: 06 9999 0000\nof mail vragen@example.org"
    wijk_a.save()
    html = client.get(wijk_a.get_absolute_url()).content.decode()
    assert 'Telefoon receptie: <a href="tel:+31435550110">043 555 01 10</a>' in html
    assert '<p>Bel Henk: <a href="tel:+31699990000">06 9999 0000</a><br>' in html
    assert '<a href="mailto:vragen@example.org">vragen@example.org</a>' in html


# --- favicon -------------------------------------------------------------------------


def test_favicon_at_the_root_and_linked(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    html = client.get("/").content.decode()
    assert 'rel="icon" href="/static/favicon/favicon.svg"' in html
    assert 'rel="icon" href="/static/favicon/favicon-32.png"' in html
