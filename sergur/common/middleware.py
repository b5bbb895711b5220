"""The request's client address, for the audit records written while it is served."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

from sergur.common.audit import request_address


class AuditAddressMiddleware:
    """Every audit record written while serving a request (a service deep down, a signal)
    carries the request's real client address, taken as django-axes takes it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        with request_address(request):
            return self.get_response(request)
