import pytest
from axes.helpers import get_client_ip_address
from django.test import RequestFactory


def request(remote: str, forwarded: str):
    return RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)


def test_forwarded_header_is_ignored_without_proxies(settings):
    settings.PROXY_COUNT = 0
    assert get_client_ip_address(request("203.0.113.7", "1.2.3.4")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("198.51.100.9", "198.51.100.9"),
        # A visitor who sends their own header cannot choose their address.
        ("1.1.1.1, 198.51.100.9", "198.51.100.9"),
        ("", "10.0.0.2"),
        # Not an address (a request around the proxy): the proxy's own counts.
        ("1.1.1.1, \x00", "10.0.0.2"),
        ("x" * 300, "10.0.0.2"),
        ("fe80::1%eth0", "10.0.0.2"),
        ("2001:DB8::0001", "2001:db8::1"),
    ],
)
def test_behind_one_proxy_the_address_it_saw_counts(settings, forwarded, expected):
    settings.PROXY_COUNT = 1
    assert get_client_ip_address(request("10.0.0.2", forwarded)) == expected
