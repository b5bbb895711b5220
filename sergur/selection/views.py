"""Views of selection: the district's selection page (run it, the ranked list), the quota page,
the SK penetapan peserta as PDF, the public participant lookup (NUPTK posted, never in a URL)
and the teacher's own page (factors, rank, reasons, why selected or not)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from sergur.accounts.models import User
from sergur.common.audit import audit_download
from sergur.common.filters import list_filters_post, list_filters_recall
from sergur.common.http import AuthenticatedHttpRequest, throttled
from sergur.common.i18n import rules_lang
from sergur.rules.messages import Message
from sergur.selection.documents import SkData, SkRow, SkSignature, sk_pdf
from sergur.selection.forms import (
    ParticipantLookupForm,
    QuotaAllocateForm,
    QuotaRedistributeForm,
    SelectionFilterForm,
    SelectionRunForm,
    SkLetterForm,
)
from sergur.selection.models import QuotaMove, SelectionEntry
from sergur.selection.selectors import (
    certified_subject_for,
    district_get_for_user,
    district_quota,
    entry_list,
    is_operator,
    lookup_year,
    own_entries,
    participants,
    programme_year_get,
    public_status,
    quota_moves,
    quota_rows,
    quota_scope,
    run_get,
    sk_letter_get,
    sk_signatory_last,
)
from sergur.selection.services import (
    quota_allocate_from_runs,
    quota_redistribute,
    selection_run,
    sk_letter_record,
)
from sergur.selection.wording import factors, why

PER_PAGE = 50
LOOKUPS_PER_WINDOW = 30
LOOKUP_WINDOW_SECONDS = 600


@dataclass(frozen=True)
class EntryRow:
    """One line of the selection list, with its reasons in the reader's language."""

    entry: SelectionEntry
    reasons: list[str]


@require_safe
@login_required
def selection_home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Where the selection menu leads: a committee to its district in the current year, a
    teacher to their own page, an operator to the list of districts."""
    user = request.user
    if user.role == User.Role.TEACHER:
        return redirect("selection:me")
    year = lookup_year()
    if year is None:
        raise Http404
    if user.role == User.Role.DISTRICT_COMMITTEE and user.district_id:
        return redirect("selection:district", year=year.year, pk=user.district_id)
    if is_operator(user):
        return redirect("selection:quota", year=year.year)
    raise PermissionDenied


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def district_selection(request: AuthenticatedHttpRequest, year: int, pk: int) -> HttpResponse:
    """The district's selection of the year: run it (POST), and the list by rank with
    eligibility, reasons, selection and participant numbers, filtered and paginated; the
    number of queries does not grow with the rows."""
    district = district_get_for_user(user=request.user, pk=pk)
    programme_year = programme_year_get(year=year)
    allocated = district_quota(programme_year=programme_year, district=district)
    run_form = SelectionRunForm(
        request.POST if request.method == "POST" else None,
        initial={"quota": allocated} if allocated is not None else None,
    )
    if request.method == "POST" and run_form.is_valid():
        try:
            done = selection_run(
                programme_year=programme_year,
                district=district,
                quota=run_form.cleaned_data["quota"],
                national_target=run_form.cleaned_data.get("national_target"),
                actor=request.user,
            )
        except ValidationError as exc:
            run_form.add_error(None, exc)
        else:
            messages.success(
                request,
                gettext("Selection run: %(eligible)s eligible of %(total)s, %(selected)s selected.")
                % {"eligible": done.eligible, "total": done.candidates, "selected": done.selected},
            )
            return redirect("selection:district", year=year, pk=pk)
    run = run_get(programme_year=programme_year, district=district)
    # The filters come from the session (a name never travels in the URL: common/filters.py).
    remembered = list_filters_recall(request, key=_filters_key(year, district.pk))
    filter_form = SelectionFilterForm(remembered or None)
    filters = filter_form.filters()
    page = None
    rows: list[EntryRow] = []
    if run is not None:
        page = Paginator(entry_list(run=run, **filters), PER_PAGE).get_page(request.GET.get("page"))
        lang = rules_lang()
        rows = [
            EntryRow(entry, [m.text(lang) for m in entry.reason_messages])
            for entry in page.object_list
        ]
    context: dict[str, Any] = {
        "district": district,
        "programme_year": programme_year,
        "run": run,
        "run_form": run_form,
        "filter_form": filter_form,
        "filtered": any(filters.values()),
        "page": page,
        "rows": rows,
        "letter": sk_letter_get(programme_year=programme_year, district=district) if run else None,
    }
    return render(request, "selection/district.html", context)


def _filters_key(year: int, pk: int) -> str:
    return f"selection:{year}:{pk}"


@require_POST
@login_required
def district_selection_filter(
    request: AuthenticatedHttpRequest, year: int, pk: int
) -> HttpResponse:
    """Remember the filters of the district's list (posted, so that a teacher's name never
    reaches a URL or an access log) and go back to it; `clear` forgets them, an invalid
    filter is refused with its message."""
    district = district_get_for_user(user=request.user, pk=pk)
    return list_filters_post(
        request,
        key=_filters_key(year, district.pk),
        form=SelectionFilterForm(request.POST),
        back=reverse("selection:district", kwargs={"year": year, "pk": district.pk}),
    )


@require_safe
@never_cache
@login_required
def district_sk(request: AuthenticatedHttpRequest, year: int, pk: int) -> FileResponse:
    """The SK penetapan peserta of the district and year as PDF; 404 before the first run."""
    district = district_get_for_user(user=request.user, pk=pk)
    programme_year = programme_year_get(year=year)
    run = run_get(programme_year=programme_year, district=district)
    if run is None:
        raise Http404
    letter = sk_letter_get(programme_year=programme_year, district=district)
    data = SkData(
        # The letter names the district as the official letter does: "Kabupaten Bantul".
        district=f"{district.kind.capitalize()} {district.name}",
        province=district.province.name,
        programme_year=programme_year.year,
        quota=run.quota,
        issued_at=timezone.now(),
        rows=[
            SkRow(
                number=entry.participant_number,
                name=entry.teacher.name,
                school=entry.school.name if entry.school else "",
                subject=entry.teacher.subject.name,
            )
            for entry in participants(run=run)
        ],
        signature=SkSignature(
            number=letter.number,
            signed_on=letter.signed_on,
            name=letter.signatory_name,
            nip=letter.signatory_nip,
        )
        if letter
        else None,
    )
    filename = f"sk-peserta-{programme_year.year}-{district.province.code}{district.code}.pdf"
    audit_download(
        request=request,
        file="sk",
        object_kind="district",
        object_id=district.pk,
        district_id=district.pk,
        detail={"year": programme_year.year, "teachers": len(data.rows)},
    )
    return FileResponse(io.BytesIO(sk_pdf(data)), content_type="application/pdf", filename=filename)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def district_sk_letter(request: AuthenticatedHttpRequest, year: int, pk: int) -> HttpResponse:
    """The SK's number, signing day and signatory (name and NIP) that the PDF carries; the
    form starts from the district's last signatory."""
    district = district_get_for_user(user=request.user, pk=pk)
    programme_year = programme_year_get(year=year)
    letter = sk_letter_get(programme_year=programme_year, district=district)
    initial: dict[str, object] = {}
    if letter is None and (last := sk_signatory_last(district=district)) is not None:
        initial = {"signatory_name": last.signatory_name, "signatory_nip": last.signatory_nip}
    form = SkLetterForm(
        request.POST if request.method == "POST" else None, instance=letter, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            sk_letter_record(
                programme_year=programme_year,
                district=district,
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, gettext("The SK number and signatory are saved."))
            return redirect("selection:district", year=year, pk=pk)
    context = {"district": district, "programme_year": programme_year, "form": form}
    return render(request, "selection/sk_letter.html", context)


@dataclass(frozen=True)
class MoveRow:
    """One logged move with its reason in the reader's language."""

    move: QuotaMove
    reason: str


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def quota(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    """The quota allocation of the year (operator: every region; a district committee: its
    district) with eligible, quota and filled, and the log of moves; an operator allocates
    the national target and moves unfillable places within a province."""
    user = request.user
    quota_scope(user=user)  # 403 for roles that see no quota
    programme_year = programme_year_get(year=year)
    operator = is_operator(user)
    posted = request.POST if request.method == "POST" else None
    action = request.POST.get("action", "allocate") if posted is not None else ""
    form = QuotaAllocateForm(posted if action == "allocate" else None)
    move_form = QuotaRedistributeForm(posted if action == "redistribute" else None)
    if posted is not None:
        if not operator:
            raise PermissionDenied
        try:
            if action == "redistribute" and move_form.is_valid():
                moves = quota_redistribute(
                    programme_year=programme_year,
                    province=move_form.cleaned_data["province"],
                    actor=user,
                )
                logged = ngettext(
                    "%(count)s move logged.", "%(count)s moves logged.", len(moves)
                ) % {"count": len(moves)}
                messages.success(request, logged)
                return redirect("selection:quota", year=year)
            if action == "allocate" and form.is_valid():
                quota_allocate_from_runs(
                    programme_year=programme_year,
                    national_target=form.cleaned_data["national_target"],
                    actor=user,
                )
                messages.success(request, gettext("Quota allocated."))
                return redirect("selection:quota", year=year)
        except ValidationError as exc:
            (move_form if action == "redistribute" else form).add_error(None, exc)
    page = Paginator(quota_rows(user=user, programme_year=programme_year), PER_PAGE).get_page(
        request.GET.get("page")
    )
    lang = rules_lang()
    moves_shown = [
        MoveRow(move, m.text(lang) if (m := move.reason_message) else "")
        for move in quota_moves(user=user, programme_year=programme_year)[:200]
    ]
    context: dict[str, Any] = {
        "programme_year": programme_year,
        "page": page,
        "moves": moves_shown,
        "form": form if operator else None,
        "move_form": move_form if operator else None,
    }
    return render(request, "selection/quota.html", context)


def _throttled(request: HttpRequest) -> bool:
    return throttled(
        request, scope="selection-lookup", limit=LOOKUPS_PER_WINDOW, window=LOOKUP_WINDOW_SECONDS
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def participant_lookup(request: HttpRequest) -> HttpResponse:
    """Anyone checks a teacher's status by NUPTK (posted): name, school and status only —
    selected with number, eligible not selected, or not eligible; anything else is "not
    found". No birth date, NIP or reasons are shown."""
    form = ParticipantLookupForm(request.POST if request.method == "POST" else None)
    result = None
    searched = False
    throttled = False
    if request.method == "POST":
        throttled = _throttled(request)
        if throttled:
            form = ParticipantLookupForm()
        else:
            searched = True
            year = lookup_year()
            if form.is_valid() and year is not None:
                result = public_status(nuptk=form.cleaned_data["nuptk"], programme_year=year)
            # A wrong NUPTK and an unknown one read the same: "not found".
            form = ParticipantLookupForm()
    context = {"form": form, "result": result, "searched": searched, "throttled": throttled}
    return render(request, "selection/lookup.html", context, status=429 if throttled else 200)


@dataclass(frozen=True)
class OwnResult:
    """One year of the teacher's own selection, in plain words."""

    entry: SelectionEntry
    factors: list[Any]
    reasons: list[str]
    why: str
    subject: str


@require_safe
@never_cache
@login_required
def own_selection(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The teacher's own selection: factors in the year's key order, rank, eligibility
    reasons and why selected or not (Indonesian first)."""
    lang = rules_lang()
    results = []
    for entry in own_entries(user=request.user):
        reason: Message = why(entry, entry.run)
        results.append(
            OwnResult(
                entry=entry,
                factors=factors(entry, lang),
                reasons=[m.text(lang) for m in entry.reason_messages],
                why=reason.text(lang),
                subject=certified_subject_for(entry.teacher).reason.text(lang),
            )
        )
    return render(request, "selection/me.html", {"results": results})
