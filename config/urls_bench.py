"""The benchmark's URLs (config.settings.bench): the site's, plus a trivial view that
bench/portfolio_pages.py loads beside the portfolio pages on the same server, as the yardstick
of what the stack itself (gunicorn, middleware, session) costs per request."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def trivial(request: HttpRequest) -> HttpResponse:
    """A constant answer through the whole middleware stack, without a query."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial, name="bench_trivial"), *site_urlpatterns]
