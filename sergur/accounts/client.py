"""The real client address behind the trusted reverse proxies (docs/security.md)."""

from __future__ import annotations

import ipaddress
from functools import cache

from django.conf import settings
from django.http import HttpRequest

type Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@cache
def _trusted(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    # An address or a network (10.0.0.0/8); a malformed entry fails at the first request.
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The address the request came from: the connection's own address, unless that is a
    trusted proxy (SERGUR_TRUSTED_PROXIES); then the right-most X-Forwarded-For entry that no
    trusted proxy added. Entries left of it were written by the client and can be forged."""
    trusted = _trusted(tuple(settings.SERGUR_TRUSTED_PROXIES))
    remote = str(request.META.get("REMOTE_ADDR", ""))

    def is_trusted(text: str) -> bool:
        address = _address(text)
        return address is not None and any(address in network for network in trusted)

    if not trusted or not is_trusted(remote):
        return remote
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not is_trusted(hop):
            return hop if _address(hop) is not None else remote
    return hops[0] if hops else remote
