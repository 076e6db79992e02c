from tests.conftest import count_h1
from wijken.base.models import Wijkverbinder

URL = "/heuvelland/valkenburg-oosterbeemd/word-wijkverbinder/"
DATA = {
    "naam": "Greet Habets",
    "telefoon": "06 5550 7777",
    "bijdrage": "Samen koken",
    "wederkerigheid": "Nieuwe mensen leren kennen",
    "talenten": "Koken",
}


def test_form_page(client, wijk_a):
    html = client.get(URL).content.decode()
    assert count_h1(html) == 1
    assert "Wat wilt u doen voor de wijk?" in html
    assert "Wat hoopt u er zelf aan over te houden?" in html


def test_signing_up_makes_an_interested_private_wijkverbinder(client, wijk_a):
    response = client.post(URL, DATA, follow=True)
    assert "Dank u wel voor uw aanmelding" in response.content.decode()
    verbinder = wijk_a.wijkverbinders.get()
    assert verbinder.status == Wijkverbinder.Status.GEINTERESSEERD
    assert verbinder.toestemming_publiek is False
    assert verbinder.bijdrage == "Samen koken" and verbinder.telefoon == "06 5550 7777"


def test_consent_cannot_be_given_through_the_public_form(client, wijk_a):
    client.post(URL, {**DATA, "toestemming_publiek": "on", "status": "actief"})
    verbinder = wijk_a.wijkverbinders.get()
    assert verbinder.toestemming_publiek is False
    assert verbinder.status == Wijkverbinder.Status.GEINTERESSEERD


def test_a_way_to_reach_someone_is_required(client, wijk_a):
    response = client.post(URL, {"naam": "Iemand"})
    assert "Vul een e-mailadres of een telefoonnummer in" in response.content.decode()
    assert not Wijkverbinder.objects.exists()


def test_spam_and_rapid_submissions_are_refused(client, wijk_a):
    assert client.post(URL, {**DATA, "website": "x"}).status_code == 400
    assert client.post(URL, DATA).status_code == 302
    response = client.post(URL, {**DATA, "naam": "Nog een"})
    assert response.status_code == 429
    assert "U heeft net al iets ingestuurd" in response.content.decode()
    assert wijk_a.wijkverbinders.count() == 1
