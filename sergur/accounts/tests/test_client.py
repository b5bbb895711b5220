"""The real client address behind the trusted reverse proxies."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from sergur.accounts.client import client_address


def request(remote: str, forwarded: str | None = None):
    made = RequestFactory().get("/", REMOTE_ADDR=remote)
    if forwarded is not None:
        made.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return made


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.SERGUR_TRUSTED_PROXIES = []

    assert client_address(request("203.0.113.9", "192.0.2.1")) == "203.0.113.9"


def test_a_request_from_an_untrusted_address_is_that_address(settings):
    settings.SERGUR_TRUSTED_PROXIES = ["10.0.0.1"]

    assert client_address(request("203.0.113.9", "192.0.2.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("198.51.100.7", "198.51.100.7"),
        # The client wrote the left entries itself: the proxy's own entry counts.
        ("192.0.2.1, 192.0.2.2, 198.51.100.7", "198.51.100.7"),
        # Two proxies in a row (a load balancer in 10.0.0.0/8 in front of the web proxy).
        ("198.51.100.7, 10.1.2.3", "198.51.100.7"),
        ("2001:db8::1", "2001:db8::1"),
        # Nothing but proxies: the first hop.
        ("10.1.2.3", "10.1.2.3"),
        # Nothing usable: the proxy itself.
        ("", "10.0.0.1"),
        ("not-an-address", "10.0.0.1"),
    ],
)
def test_behind_a_trusted_proxy_the_right_most_untrusted_hop_counts(settings, forwarded, expected):
    settings.SERGUR_TRUSTED_PROXIES = ["10.0.0.1", "10.0.0.0/8"]

    assert client_address(request("10.0.0.1", forwarded)) == expected
