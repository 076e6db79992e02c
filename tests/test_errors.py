import pytest
from django.test import Client
from django.urls import include, path

from tests.conftest import count_h1


def boom(request):
    raise RuntimeError("kapot")


urlpatterns = [path("boom/", boom), path("", include("communitycare.urls"))]


def test_404_is_styled(client, db):
    response = client.get("/heuvelland/nergens/")
    html = response.content.decode()
    assert response.status_code == 404
    assert count_h1(html) == 1
    assert "css/portaal.css" in html


@pytest.mark.urls("tests.test_errors")
def test_500_is_styled_and_dutch(db):
    response = Client(raise_request_exception=False).get("/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in html
    assert count_h1(html) == 1
