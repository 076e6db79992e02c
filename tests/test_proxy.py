"""deploy/nginx.conf in front of a real app server: repeated reads come from the proxy.

The shipped configuration itself is started (Debian's nginx, as root in CI), with only
its ports, paths and TLS changed for loopback; the app server is gunicorn with the
production settings (tests/appserver.py) on the test database.
"""

import gzip
import http.client
import re
import time

import pytest
from django.db import connection, transaction

from tests import proxyserver
from tests.appserver import (
    ROOT,
    Browser,
    Response,
    app_servers,
    collectstatic,
    database_url,
    give_password,
    production_env,
)
from tests.factories import RegioFactory, UserFactory, WijkFactory
from wijken.base import roles
from wijken.base.models import Wijk

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the app server shares a PostgreSQL database"
    ),
    pytest.mark.skipif(
        not proxyserver.installed(),
        reason="nginx is not installed (.ci/run installs it: apt-get install nginx)",
    ),
]

PASSWORD = "proxy-geheim"
WIJK = "/heuvelland/oosterbeemd/"
# Short, so the test can wait for a page to expire in the proxy.
PROXY_SECONDS = 2


def fetch(base_url: str, path: str, headers: dict | None = None) -> Response:
    """A GET with the given headers; a gzipped body is unpacked, so `text` is the page."""
    port = int(base_url.rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Connection": "close", **(headers or {})})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return Response(response.status, response.headers, body.decode())


@pytest.fixture
def wijk(transactional_db):
    regio = RegioFactory(naam="Heuvelland", slug="heuvelland")
    return WijkFactory(regio=regio, naam="Oosterbeemd", slug="oosterbeemd")


@pytest.fixture
def proxy(transactional_db, tmp_path):
    env = production_env(database_url(connection.settings_dict))
    env["PAGINA_PROXY_SECONDEN"] = str(PROXY_SECONDS)
    collectstatic(env)
    with (
        app_servers(env, count=1, workers=1, threads=4) as (server,),
        proxyserver.nginx(tmp_path, server.port) as url,
    ):
        yield url


def wait_until_expired() -> None:
    """nginx counts whole seconds and still serves a page in the second it expires."""
    time.sleep(PROXY_SECONDS + 1.5)


def cache_status(response: Response) -> str:
    return response.headers.get("X-Cache-Status", "")


def test_a_repeated_read_is_a_proxy_hit_and_an_edit_shows_once_it_expires(proxy, wijk):
    first = fetch(proxy, WIJK)
    assert first.status == 200
    assert cache_status(first) == "MISS"
    second = fetch(proxy, WIJK)
    assert cache_status(second) == "HIT"
    assert second.text == first.text
    # A browser's conditional GET is answered by the proxy.
    conditional = fetch(proxy, WIJK, {"If-None-Match": first.headers["ETag"]})
    assert conditional.status == 304
    assert cache_status(conditional) == "HIT"

    wait_until_expired()
    unchanged = fetch(proxy, WIJK)
    assert cache_status(unchanged) == "REVALIDATED"  # the app said 304
    assert unchanged.text == first.text

    with transaction.atomic():  # as the domain writes: the version changes on commit
        Wijk.objects.filter(pk=wijk.pk).update(behoeften="Een moestuin bij het huis")
    wait_until_expired()
    edited = fetch(proxy, WIJK)
    assert cache_status(edited) == "EXPIRED"
    assert "Een moestuin bij het huis" in edited.text
    assert cache_status(fetch(proxy, WIJK)) == "HIT"


def test_compressed_pages_are_cached_per_encoding(proxy, wijk):
    plain = fetch(proxy, WIJK)
    gzipped = [fetch(proxy, WIJK, {"Accept-Encoding": "gzip"}) for _ in range(2)]
    assert [response.headers.get("Content-Encoding") for response in gzipped] == ["gzip"] * 2
    assert [cache_status(response) for response in gzipped] == ["MISS", "HIT"]
    assert gzipped[1].text == plain.text
    assert cache_status(fetch(proxy, WIJK)) == "HIT"


def test_the_back_office_and_logged_in_visitors_pass_the_proxy_by(proxy, wijk):
    user = UserFactory(username="coordinator", rol=roles.COORDINATOR)
    give_password(user, PASSWORD)
    wijk.coordinatoren.add(user)
    coordinator = Browser(proxy)
    coordinator.login("coordinator", PASSWORD)

    for _ in range(2):
        for path in ("/beheer/", f"/beheer{WIJK}", "/admin/login/"):
            response = coordinator.get(path)
            assert response.status == 200, path
            assert cache_status(response) == "", path  # not even looked up
            assert "no-store" in response.headers["Cache-Control"], path
        assert cache_status(Browser(proxy).get("/beheer/")) == ""  # the login redirect

    fetch(proxy, WIJK)
    assert cache_status(fetch(proxy, WIJK)) == "HIT"
    # Staff see the public page from the app, so an edit of theirs shows at once.
    assert cache_status(coordinator.get(WIJK)) == "BYPASS"
    edit = {"naam": "Oosterbeemd", "introductie": "Een groene wijk.", "behoeften": ""}
    edit |= {"contact_voor_vragen": "", "wie_leeft_hier": "", "cbs_code": ""}
    assert coordinator.post(f"/beheer{WIJK}", edit).status == 302
    assert "Een groene wijk." in coordinator.get(WIJK).text


def test_static_files_come_from_nginx(proxy):
    manifest = (ROOT / "staticfiles" / "staticfiles.json").read_text()
    hashed = re.search(r'"([^"]+\.[0-9a-f]{12}\.css)"', manifest).group(1)
    response = fetch(proxy, f"/static/{hashed}", {"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in response.headers["Cache-Control"]
    assert cache_status(response) == ""
