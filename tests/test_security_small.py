"""Issue 13, findings 6 and 8: links from SITE_URL only, and the smaller promises."""

import pytest
from django.test import Client

from tests.factories_openkoffie import OpenKoffieFactory

OTHER_HOST = "127.0.0.1:6666"


# --- absolute links come from SITE_URL, never from the Host header ----------------------


@pytest.mark.parametrize(
    "url",
    [
        "/open-koffie.ics",
        "/heuvelland/valkenburg-oosterbeemd/open-koffie.ics",
        "/api/",
        "/api/wijken/",
        "/api/open-koffie/",
    ],
)
def test_another_host_never_reaches_the_links_served_next(wijk_a, settings, url):
    """The calendar feed is cached: the first visitor's Host once went to the next one."""
    settings.SITE_URL = "https://wijkportaal.example.org"
    OpenKoffieFactory(wijk=wijk_a)
    first = Client(HTTP_HOST=OTHER_HOST).get(url)
    second = Client().get(url)
    for response in (first, second):
        assert response.status_code == 200
        text = response.content.decode()
        assert "6666" not in text
        assert "https://wijkportaal.example.org/" in text


def test_the_feed_of_one_open_koffie_links_to_its_page(wijk_a, settings):
    settings.SITE_URL = "https://wijkportaal.example.org"
    open_koffie = OpenKoffieFactory(wijk=wijk_a)
    url = f"{open_koffie.get_absolute_url().rstrip('/')}.ics"
    text = Client(HTTP_HOST=OTHER_HOST).get(url).content.decode().replace("\r\n ", "")
    assert f"URL:https://wijkportaal.example.org{open_koffie.get_absolute_url()}" in text
