"""Views of the rayon's assessment home (counts, allocation, reassignment) and of the assessor
register (entries, declared relationships; an assessor's own declarations)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from sergur.assessments.forms.allocation import (
    AllocateForm,
    AssessorForm,
    ReassignForm,
    RelationForm,
)
from sergur.assessments.models import Assessor
from sergur.assessments.selectors.allocation import (
    allocation_get_for_reassign,
    assessed_cases,
    assessed_row,
    assessor_get_for_user,
    candidates,
    case_get_for_rayon,
    own_assessor_get,
    programme_year_pick,
    rayon_get_for_user,
    received_cases,
    relations_of,
    state_counts,
    teacher_by_participant,
    third_wanted,
)
from sergur.assessments.selectors.allocation_slots import (
    register,
    register_gaps,
)
from sergur.assessments.services.allocation import (
    allocation_reassign,
    allocation_run,
    assessor_save,
    relation_declare,
    third_assessor_assign,
)
from sergur.cases.models import Case
from sergur.cases.selectors import RAYON_STATES
from sergur.common.http import AuthenticatedHttpRequest
from sergur.common.i18n import rules_lang

PER_PAGE = 25
UNPLACED_SHOWN = 20
TEACHER_NOT_FOUND = gettext_lazy("No teacher of this rayon has participant number %(number)s.")


def _year(request: HttpRequest) -> int | None:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isascii() and raw.isdigit() else None  # "²".isdigit() too


def _home(year: int) -> str:
    return f"{reverse('assessments:rayon')}?year={year}"


# -- the rayon's assessment home ------------------------------------------------------------


@require_safe
@login_required
def rayon_home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Counts by state, the portfolios waiting for assessors, those being assessed."""
    rayon_get_for_user(user=request.user)
    programme_year = programme_year_pick(_year(request))
    counts = state_counts(user=request.user, programme_year=programme_year)
    waiting = Paginator(received_cases(user=request.user, programme_year=programme_year), PER_PAGE)
    assessed = Paginator(assessed_cases(user=request.user, programme_year=programme_year), PER_PAGE)
    assessed_page = assessed.get_page(request.GET.get("apage"))
    rows = [assessed_row(case) for case in assessed_page.object_list]
    return render(
        request,
        "assessments/allocation/rayon.html",
        {
            "programme_year": programme_year,
            "counts": [
                (label, counts.get(state, 0))
                for state, label in Case.State.choices
                if state in RAYON_STATES
            ],
            "page": waiting.get_page(request.GET.get("page")),
            "assessed_page": assessed_page,
            "rows": rows,
            "form": AllocateForm(initial={"year": programme_year.year}),
        },
    )


@require_POST
@login_required
def allocation_run_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Allocate assessors to every portfolio the rayon received; say what was placed and why
    the others were not."""
    rayon_get_for_user(user=request.user)
    form = AllocateForm(request.POST)
    year = form.cleaned_data["year"] if form.is_valid() else None
    programme_year = programme_year_pick(year)
    summary = allocation_run(programme_year=programme_year, actor=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d portfolio allocated to two assessors.",
            "%(count)d portfolios allocated to two assessors.",
            summary.placed,
        )
        % {"count": summary.placed},
    )
    for item in summary.unplaced[:UNPLACED_SHOWN]:
        messages.warning(
            request,
            gettext("%(number)s %(name)s not allocated: %(why)s")
            % {
                "number": item.case.participant_number,
                "name": item.case.teacher.name,
                "why": " ".join(item.reasons),
            },
        )
    hidden = len(summary.unplaced) - UNPLACED_SHOWN
    if hidden > 0:
        messages.warning(
            request,
            ngettext(
                "%(count)d more portfolio not allocated.",
                "%(count)d more portfolios not allocated.",
                hidden,
            )
            % {"count": hidden},
        )
    return redirect(_home(programme_year.year))


@require_http_methods(["GET", "POST"])
@login_required
def allocation_reassign_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Put another assessor in one slot, with the reason."""
    allocation = allocation_get_for_reassign(user=request.user, pk=pk)
    case = allocation.case
    choices = candidates(case=case, round=allocation.round, rayon=allocation.assessor.rayon_id)
    form = ReassignForm(request.POST or None, assessors=choices)
    if request.method == "POST" and form.is_valid():
        try:
            allocation_reassign(
                allocation=allocation,
                assessor=form.cleaned_data["assessor"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, gettext("The assessor was reassigned."))
            return redirect(_home(case.programme_year.year))
    return render(
        request,
        "assessments/allocation/reassign.html",
        {"allocation": allocation, "case": case, "form": form},
    )


@require_http_methods(["GET", "POST"])
@login_required
def third_assign_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Put a third assessor by hand on a reconciliation the automatic allocation could not
    serve, with the reason."""
    case = case_get_for_rayon(user=request.user, pk=pk)
    round = third_wanted(case)
    if round is None:
        raise Http404
    choices = candidates(case=case, round=round, rayon=rayon_get_for_user(user=request.user))
    form = ReassignForm(request.POST or None, assessors=choices)
    if request.method == "POST" and form.is_valid():
        try:
            third_assessor_assign(
                case=case,
                assessor=form.cleaned_data["assessor"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, gettext("The third assessor was allocated."))
            return redirect(_home(case.programme_year.year))
    return render(
        request,
        "assessments/allocation/third.html",
        {"case": case, "round": round, "form": form},
    )


# -- the register ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterRow:
    """A register entry with the FAQ criteria it lacks, in the reader's language."""

    assessor: Assessor
    gaps: tuple[str, ...]


@require_safe
@login_required
def register_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The rayon's assessors."""
    rayon = rayon_get_for_user(user=request.user)
    page = Paginator(register(rayon), PER_PAGE).get_page(request.GET.get("page"))
    gaps = register_gaps(page.object_list)
    lang = rules_lang()
    rows = [
        RegisterRow(entry, tuple(gap.text(lang) for gap in gaps.get(entry.pk, ())))
        for entry in page.object_list
    ]
    return render(request, "assessments/register/list.html", {"page": page, "rows": rows})


def _assessor_form(
    request: AuthenticatedHttpRequest, rayon: int, assessor: Assessor
) -> HttpResponse:
    form = AssessorForm(request.POST or None, instance=assessor, rayon=rayon)
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.rayon_id = rayon
        entry.home_school = form.cleaned_data["home_school_npsn"]
        try:
            assessor_save(assessor=entry, subjects=form.cleaned_data["subjects"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, gettext("The register entry was saved."))
            return redirect("assessments:register")
    return render(request, "assessments/register/form.html", {"form": form, "assessor": assessor})


@require_http_methods(["GET", "POST"])
@login_required
def register_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Add an assessor to the rayon's register."""
    rayon = rayon_get_for_user(user=request.user)
    return _assessor_form(request, rayon, Assessor(rayon_id=rayon))


@require_http_methods(["GET", "POST"])
@login_required
def register_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Change an entry of the rayon's register."""
    assessor = assessor_get_for_user(user=request.user, pk=pk)
    return _assessor_form(request, assessor.rayon_id, assessor)


def _relations_page(
    request: AuthenticatedHttpRequest, assessor: Assessor, here: str, own: bool
) -> HttpResponse:
    form = RelationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        number = form.cleaned_data["participant_number"]
        teacher = teacher_by_participant(rayon=assessor.rayon_id, number=number)
        if teacher is None:
            form.add_error("participant_number", TEACHER_NOT_FOUND % {"number": number})
        else:
            try:
                relation_declare(
                    assessor=assessor, teacher=teacher, relation=form.cleaned_data["relation"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, gettext("The relationship was declared."))
                return redirect(here)
    return render(
        request,
        "assessments/register/relations.html",
        {
            "assessor": assessor,
            "relations": relations_of(assessor),
            "form": form,
            "action": here,
            "own": own,
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def register_relations(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """An assessor's declared relationships, as the rayon admin records them."""
    assessor = assessor_get_for_user(user=request.user, pk=pk)
    here = reverse("assessments:register_relations", args=[assessor.pk])
    return _relations_page(request, assessor, here, own=False)


@require_http_methods(["GET", "POST"])
@login_required
def my_relations(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The signed-in assessor's own declared relationships."""
    assessor = own_assessor_get(user=request.user)
    return _relations_page(request, assessor, reverse("assessments:my_relations"), own=True)
