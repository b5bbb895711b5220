"""The home page and the page that scores a portfolio file; neither stores anything."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_safe
from django_htmx.middleware import HtmxDetails

from sergur.common.uploads import install_capped_upload_handler
from sergur.common.waiting import waiting_for
from sergur.scoring.forms import PortfolioScoreForm
from sergur.scoring.services import ScoreOutcome, portfolio_score_upload

TEMPLATE = "scoring/score.html"
RESULT_PARTIAL = f"{TEMPLATE}#result"


class HtmxHttpRequest(HttpRequest):
    """A request as HtmxMiddleware leaves it (django-htmx's advice for type checking)."""

    htmx: HtmxDetails


@require_safe
@never_cache
def home(request: HttpRequest) -> HttpResponse:
    """What sergur is, the way to the scoring page and, for someone signed in, what waits
    on them (sergur/common/waiting.py: one query a count)."""
    waiting = waiting_for(getattr(request, "user", None))
    return render(request, "scoring/home.html", {"waiting": waiting})


# CSRF is checked inside `dispatch`, right after the capped upload handler is installed: the
# handler must be in place before anything reads request.POST, and the CSRF check reads it
# (Django's "Modifying upload handlers on the fly").
@method_decorator(
    [csrf_exempt, never_cache, sensitive_post_parameters("portfolio_text")], name="dispatch"
)
class PortfolioScoreView(View):
    """Score an uploaded or pasted portfolio file and show the table, or its errors.

    An htmx request gets only the result fragment; without JavaScript the form posts normally
    and the whole page comes back. The file is read, scored and forgotten.
    """

    http_method_names = ["get", "head", "post"]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        """Cap uploads, then check CSRF, then handle the request."""
        install_capped_upload_handler(request, max_bytes=settings.SERGUR_PORTFOLIO_MAX_BYTES)
        return csrf_protect(super().dispatch)(request, *args, **kwargs)

    def get(self, request: HtmxHttpRequest) -> HttpResponse:
        """The empty form."""
        return self._render(request, PortfolioScoreForm(), None)

    def post(self, request: HtmxHttpRequest) -> HttpResponse:
        """Validate the form, score the file, show the result or every error."""
        form = PortfolioScoreForm(request.POST, request.FILES)
        outcome = None
        if form.is_valid():
            outcome = portfolio_score_upload(
                data=form.cleaned_data["portfolio_data"], year=form.cleaned_data["year"]
            )
        return self._render(request, form, outcome)

    def _render(
        self, request: HtmxHttpRequest, form: PortfolioScoreForm, outcome: ScoreOutcome | None
    ) -> HttpResponse:
        fragment_only = bool(request.htmx) and not request.htmx.boosted
        context = {
            "form": form,
            "outcome": outcome,
            "max_bytes": settings.SERGUR_PORTFOLIO_MAX_BYTES,
        }
        response = render(request, RESULT_PARTIAL if fragment_only else TEMPLATE, context)
        patch_vary_headers(response, ["HX-Request"])
        return response
