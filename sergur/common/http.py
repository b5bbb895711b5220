"""What every app's views share: the signed-in request, a refusal as sentences, private downloads.

A download of a person's files or data is never cached on the way (`private`, `no-store`) and
never re-typed by the browser (`nosniff`): the type sent is the one the service found in the
bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control
from django_stubs_ext import StrOrPromise

from sergur.accounts.client import client_address

if TYPE_CHECKING:
    from django.core.files import File
    from django.forms import BaseForm
    from django_htmx.middleware import HtmxDetails

    from sergur.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A request past login_required and HtmxMiddleware: its user is a signed-in User."""

    user: User
    htmx: HtmxDetails


def error_messages(error: ValidationError) -> list[str]:
    """A service's refusal as the sentences to show."""
    return [str(message) for message in error.messages]


def messages_error(request: HttpRequest, error: ValidationError) -> None:
    """Flash every sentence of a service's refusal as an error message."""
    for text in error_messages(error):
        messages.error(request, text)


def form_error_messages(form: BaseForm, *, labelled: bool = False) -> list[str]:
    """Every error of a bound form, field by field, as sentences; `labelled` puts the field's
    label before each error of a field (errors of the whole form stay as they are)."""
    return [
        f"{form.fields[name].label}: {error}" if labelled and name in form.fields else str(error)
        for name, field_errors in form.errors.items()
        for error in field_errors
    ]


def posted_form[ResponseT: HttpResponseBase](
    request: HttpRequest,
    form: BaseForm,
    action: Callable[[dict[str, Any]], object],
    *,
    done: StrOrPromise,
    then: ResponseT,
) -> ResponseT:
    """A small form posted from a page, the page shown again after it (`then`, a redirect):
    the form's errors, each after its field's label, or the service's refusal are flashed as
    errors and nothing is done; otherwise `action(form.cleaned_data)` runs and `done` is
    flashed."""
    if not form.is_valid():
        for text in form_error_messages(form, labelled=True):
            messages.error(request, text)
        return then
    try:
        action(form.cleaned_data)
    except ValidationError as error:
        messages_error(request, error)
    else:
        messages.success(request, done)
    return then


def private[ResponseT: HttpResponseBase](response: ResponseT) -> ResponseT:
    """Mark a download private: no cache keeps it, no browser guesses another type for it."""
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response


def attachment[ResponseT: HttpResponseBase](response: ResponseT, *, filename: str) -> ResponseT:
    """A private download saved as `filename` (a name the view built, safe as it is)."""
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return private(response)


def file_download(
    file: File[Any], *, filename: str, content_type: str, as_attachment: bool = True
) -> FileResponse:
    """A stored file streamed as a private download (or shown inline), under `filename`, with
    the type found in its bytes."""
    return private(
        FileResponse(
            file, as_attachment=as_attachment, filename=filename, content_type=content_type
        )
    )


def throttled(request: HttpRequest, *, scope: str, limit: int, window: int) -> bool:
    """Count one public request of the client in `scope` and say whether it is over `limit`
    in `window` seconds. The count is in the shared cache (settings.CACHES), by the real client
    address behind trusted proxies; only a hash of the address is kept."""
    address = client_address(request)
    key = f"{scope}:" + hashlib.sha256(address.encode()).hexdigest()[:32]
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)
        count = 1
    return count > limit
