"""The published decisions as lists: the rayon's PLPG list and the district's results,
each as a page or as CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseBase, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from sergur.assessments.forms.decisions import CodeFilterForm
from sergur.assessments.models import Result
from sergur.assessments.selectors.decisions import district_results, plpg_rows
from sergur.assessments.views.decisions.publication import PAGE_SIZE
from sergur.common.audit import audit_download
from sergur.common.http import AuthenticatedHttpRequest, attachment
from sergur.common.i18n import rules_lang
from sergur.tabular.spreadsheet import neutralise


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv(rows: Iterable[list[str]], header: list[str], filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(header)
        for row in rows:
            yield writer.writerow([neutralise(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    return attachment(response, filename=filename)


def _result_cells(result: Result) -> list[str]:
    case = result.case
    return [
        case.participant_number,
        case.teacher.name,
        str(getattr(result, "school_name", "") or ""),
        str(case.teacher.subject or ""),
        result.code,
        str(result.total.normalize()),
        f"{timezone.localtime(result.published_at):%Y-%m-%d}" if result.published_at else "",
    ]


def _result_header() -> list[str]:
    return [
        gettext("participant number"),
        gettext("name"),
        gettext("school"),
        gettext("subject"),
        gettext("decision"),
        gettext("total"),
        gettext("published"),
    ]


@require_safe
@login_required
def plpg(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """The PLPG list: the teachers whose published decision is MPLPG (CSV with ?format=csv)."""
    rows = plpg_rows(user=request.user)
    if request.GET.get("format") == "csv":
        audit_download(
            request=request,
            file="plpg_csv",
            object_kind="rayon",
            object_id=request.user.rayon_id or "",
            district_id=None,
        )
        return _csv(
            (_result_cells(r) for r in rows.iterator(chunk_size=2000)),
            _result_header(),
            "plpg.csv",
        )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "assessments/decisions/plpg.html", {"page": page})


@require_safe
@login_required
def district_results_page(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """The district committee's view of its teachers' published decisions, by code (CSV with
    ?format=csv)."""
    filter_form = CodeFilterForm(request.GET or None)
    code = filter_form.cleaned_data["code"] if filter_form.is_valid() else ""
    rows = district_results(user=request.user, code=code)
    lang = rules_lang()
    if request.GET.get("format") == "csv":
        audit_download(
            request=request,
            file="results_csv",
            object_kind="district",
            object_id=request.user.district_id or "",
            district_id=request.user.district_id,
            detail={"code": code},
        )
        return _csv(
            (
                [*_result_cells(r), " | ".join(r.reasons.get(lang, []))]
                for r in rows.iterator(chunk_size=2000)
            ),
            [*_result_header(), gettext("reasons")],
            f"results{'-' + code if code else ''}.csv",
        )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "assessments/decisions/district.html",
        {
            "page": page,
            "rows": [(r, r.reasons.get(lang, [])) for r in page.object_list],
            "filter_form": filter_form,
            "code": code,
        },
    )
