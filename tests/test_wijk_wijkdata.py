"""The wijkdata on the public wijk page: charts with text alternatives, sources, trend."""

import datetime
import re
from decimal import Decimal

import pytest

from tests.factories_openkoffie import OpenKoffieFactory
from tests.factories_wijkdata import BeleefdeWijkdataFactory, WijkcijferFactory
from wijken.base.indicatoren import Indicator
from wijken.base.models import Wijk
from wijken.wijkdata import charts
from wijken.wijkdata.maten import Bron, Eenheid, Profielmaat
from wijken.wijkdata.models import Wijkcijfer, met_wijkdata

URL = "/heuvelland/valkenburg-oosterbeemd/"


@pytest.fixture
def eenzaamheid(wijk_a):
    WijkcijferFactory(wijk=wijk_a, jaar=2020, waarde="49.8", vergelijking_gemeente="49.5")
    WijkcijferFactory(wijk=wijk_a, jaar=2022, waarde="53.4", vergelijking_gemeente="50.1")
    return list(Wijkcijfer.objects.order_by("jaar"))


def section(html: str, section_id: str) -> str:
    start = html.index(f'id="{section_id}"')
    return html[start : html.index("</section>", start)]


def test_indicator_chart_has_text_alternative_table_source_and_trend(client, eenzaamheid):
    html = section(client.get(URL).content.decode(), "wijkdata")
    assert re.search(r'<svg[^>]+role="img"[^>]+aria-labelledby="grafiek-eenzaamheid-titel', html)
    assert '<title id="grafiek-eenzaamheid-titel">Eenzaamheid in Valkenburg-Oosterbeemd' in html
    desc = re.search(r'<desc id="grafiek-eenzaamheid-desc">(.*?)</desc>', html).group(1)
    assert "2020: 49,8%; 2022: 53,4%" in desc
    assert "gemeente: 2020: 49,5%; 2022: 50,1%" in desc
    assert "Bron: RIVM modelschatting, 2020 en 2022." in html
    assert "<caption>Eenzaamheid in Valkenburg-Oosterbeemd per jaar" in html
    assert "<td>53,4%</td><td>50,1%</td>" in html
    # Plain words: worse than the gemeente, and rising loneliness is not good.
    assert "minder goed dan in de gemeente (50,1%)" in html
    assert "In 2020 was het 49,8%: het is gestegen, en dat is minder goed." in html
    assert "Aandachtspunt" in html
    assert "Over zelfredzaamheid zijn nog geen cijfers." in html


def test_beleefde_wijkdata_and_emphasis_are_shown(client, wijk_a, eenzaamheid):
    BeleefdeWijkdataFactory(
        wijk=wijk_a,
        herkenning="Op zondag <b>is</b> het stil.",
        open_koffie=OpenKoffieFactory(
            wijk=wijk_a, begin=datetime.datetime(2025, 3, 12, 14, tzinfo=datetime.UTC)
        ),
        nadruk=True,
    )
    html = section(client.get(URL).content.decode(), "wijkdata")
    assert "De wijk wil hieraan werken" in html
    assert "Op zondag &lt;b&gt;is&lt;/b&gt; het stil." in html
    assert "Besproken op de Open Koffie van 12 maart 2025." in html


def test_demo_figures_say_so(client, wijk_a):
    WijkcijferFactory(wijk=wijk_a, demo=True)
    html = client.get(URL).content.decode()
    assert "Voorbeeldcijfers, geen echte metingen." in html


def test_profile_in_section_one(client, wijk_a):
    for jaar, inwoners, ouderen in [(2023, 2385, "30.8"), (2024, 2410, "31.5")]:
        WijkcijferFactory(
            wijk=wijk_a,
            maat=Profielmaat.INWONERS,
            eenheid=Eenheid.AANTAL,
            bron=Bron.CBS,
            jaar=jaar,
            waarde=inwoners,
            vergelijking_gemeente=None,
        )
        WijkcijferFactory(
            wijk=wijk_a,
            maat=Profielmaat.AANDEEL_65_PLUS,
            bron=Bron.CBS,
            jaar=jaar,
            waarde=ouderen,
            vergelijking_gemeente="28.4",
        )
    html = section(client.get(URL).content.decode(), "wie-leeft-hier")
    assert "staat hier nog niets" not in html
    assert "2.410" in html and "In 2023: 2.385" in html
    assert 'aria-labelledby="grafiek-profiel-titel grafiek-profiel-desc"' in html
    assert "Inwoners van 65 jaar en ouder: 30,8% in 2023, 31,5% in 2024 (gemeente: 28,4%)" in html
    assert "CBS Kerncijfers wijken en buurten (2023, 2024)" in html


def test_bars_start_at_zero_and_scale_with_the_value(wijk_a, eenzaamheid):
    grafiek = charts.staafgrafiek("g", "titel", eenzaamheid)
    laag, hoog = grafiek.staven
    assert laag.y + laag.hoogte == hoog.y + hoog.hoogte  # one baseline
    assert hoog.hoogte / laag.hoogte == pytest.approx(53.4 / 49.8, rel=0.01)
    assert grafiek.rasterlijnen[0][1] == "0%"


def staafhoogtes(html: str, grafiek_id: str) -> list[float]:
    svg = html[html.index(f'id="{grafiek_id}-titel"') :]
    svg = svg[: svg.index("</svg>")]
    return [
        float(h)
        for h in re.findall(r'<rect class="grafiek__staaf[^"]*"[^>]*height="([\d.]+)"', svg)
    ]


def test_percentages_share_one_0_to_100_scale(client, wijk_a):
    """41 % beside 86 % looks less than half as tall, as it is (issue 16)."""
    WijkcijferFactory(wijk=wijk_a, maat=Indicator.ZELFREDZAAMHEID, waarde="86")
    WijkcijferFactory(wijk=wijk_a, maat=Indicator.SOCIALE_PARTICIPATIE, waarde="41")
    html = section(client.get(URL).content.decode(), "wijkdata")
    [hoog] = staafhoogtes(html, "grafiek-zelfredzaamheid")
    [laag] = staafhoogtes(html, "grafiek-sociale_participatie")
    assert laag < hoog / 2
    assert laag / hoog == pytest.approx(41 / 86, rel=0.01)
    # The same axis in both charts: 0, 50 and 100 %.
    wijk = met_wijkdata(Wijk.objects.publiek()).get(pk=wijk_a.pk)
    assen = {
        tuple(label for _, label in b.grafiek.rasterlijnen)
        for b in charts.indicatorbeelden(wijk)
        if b.grafiek
    }
    assert assen == {("0%", "50%", "100%")}


def test_profile_shares_on_the_same_scale_with_labels_clear_of_the_grid(wijk_a):
    for maat, waarde in [(Profielmaat.AANDEEL_65_PLUS, "41"), (Profielmaat.AANDEEL_75_PLUS, "96")]:
        WijkcijferFactory(wijk=wijk_a, maat=maat, bron=Bron.CBS, jaar=2024, waarde=waarde)
    wijk = met_wijkdata(Wijk.objects.publiek()).get(pk=wijk_a.pk)
    grafiek = charts.profiel(wijk).grafiek
    [laag], [hoog] = (rij.balken for rij in grafiek.rijen)
    assert laag.breedte / hoog.breedte == pytest.approx(41 / 96, rel=0.01)
    assert [label for _, label in grafiek.rasterlijnen] == ["0%", "50%", "100%"]
    # Beside a short bar the label has a white patch under it that covers the 50 % line;
    # a long bar (96 %) holds its label inside, right-aligned, within the chart.
    x, breedte = laag.achtergrond
    vijftig = grafiek.rasterlijnen[1][0]
    assert not laag.binnen and x < vijftig < x + breedte
    assert hoog.binnen and hoog.tekst_x <= grafiek.balk_x + hoog.breedte <= grafiek.breedte
    for rij in grafiek.rijen:  # grid lines only beside the bars, not through the labels
        assert rij.label_y < rij.raster_y[0] and rij.raster_y[1] < rij.vergelijking_y


def test_chart_series_follows_the_latest_source(wijk_a):
    WijkcijferFactory(wijk=wijk_a, jaar=2020, bron=Bron.GGD, waarde="40")
    WijkcijferFactory(wijk=wijk_a, jaar=2022, bron=Bron.RIVM, waarde="45")
    WijkcijferFactory(wijk=wijk_a, jaar=2022, bron=Bron.EIGEN_PEILING, waarde="60")
    wijk = met_wijkdata(Wijk.objects.publiek()).get(pk=wijk_a.pk)
    beeld = next(b for b in charts.indicatorbeelden(wijk) if b.indicator == Indicator.EENZAAMHEID)
    assert [c.bron for c in beeld.reeks] == [Bron.RIVM]
    assert sorted(c.bron for c in beeld.andere_bronnen) == [Bron.EIGEN_PEILING, Bron.GGD]


@pytest.mark.parametrize(
    ("maat", "waarde", "gemeente", "regio", "zwak"),
    [
        (Indicator.EENZAAMHEID, "55", "50", None, True),
        (Indicator.EENZAAMHEID, "45", "50", None, False),
        (Indicator.ZELFREDZAAMHEID, "80", "85", None, True),
        (Indicator.ZELFREDZAAMHEID, "90", "85", None, False),
        (Indicator.ZELFREDZAAMHEID, "85", "85", None, False),
        (Indicator.SAMENREDZAAMHEID, "70", None, "72", True),  # no gemeente: the regio
        (Indicator.SOCIALE_PARTICIPATIE, "30", None, None, False),  # nothing to compare
    ],
)
def test_weak_means_worse_than_the_nearest_comparison_in_python_and_sql(
    wijk_a, maat, waarde, gemeente, regio, zwak
):
    cijfer = WijkcijferFactory(
        wijk=wijk_a,
        maat=maat,
        waarde=waarde,
        vergelijking_gemeente=gemeente,
        vergelijking_regio=regio,
        vergelijking_nederland="1" if maat == Indicator.EENZAAMHEID else "99",
    )
    if gemeente is None and regio is None:
        cijfer.vergelijking_nederland = None
        cijfer.save()
    cijfer.refresh_from_db()
    assert cijfer.is_zwak is zwak
    assert Wijkcijfer.objects.zwak().filter(pk=cijfer.pk).exists() is zwak


def test_only_the_latest_year_counts(wijk_a):
    oud = WijkcijferFactory(wijk=wijk_a, jaar=2020, waarde="60")
    nieuw = WijkcijferFactory(wijk=wijk_a, jaar=2022, waarde="40")
    assert list(Wijkcijfer.objects.laatste()) == [nieuw]
    assert oud.is_zwak and not nieuw.is_zwak
    assert not Wijkcijfer.objects.laatste().zwak().exists()


def test_dutch_notation():
    cijfer = Wijkcijfer(eenheid=Eenheid.AANTAL, waarde=Decimal("12345.50"))
    assert cijfer.waarde_tekst == "12.345,5"
    assert Wijkcijfer(eenheid=Eenheid.PROCENT, waarde=Decimal("7.00")).waarde_tekst == "7%"
