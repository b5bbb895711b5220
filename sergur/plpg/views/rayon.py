"""The rayon admin's PLPG pages: the classes with the proposal, the instructor register and
the subject merge table. Other roles get 403 (404 for another rayon's objects)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.views.decorators.http import require_POST, require_safe

from sergur.accounts.models import User
from sergur.common.http import AuthenticatedHttpRequest, messages_error
from sergur.plpg.forms import InstructorForm, MergeForm, RelationForm
from sergur.plpg.models import Instructor, SubjectMerge
from sergur.plpg.selectors import (
    instructor_list,
    participant_list_for_user,
    plpg_candidates,
    plpg_class_list_for_user,
)
from sergur.plpg.services import (
    instructor_relation_declare,
    instructor_save,
    plpg_classes_propose,
    subject_merge_set,
)
from sergur.registry.models import ProgrammeYear, Rayon

PROPOSED = ngettext_lazy("%(count)s class formed.", "%(count)s classes formed.", "count")
INSTRUCTOR_SAVED = _("The instructor is in the register.")
MERGE_SAVED = _("The merge table is saved.")
NO_ACCOUNT = _("No instructor account has this username.")
RELATION_SAVED = _("The relationship is recorded; the instructor will not teach this teacher.")


def _rayon(request: AuthenticatedHttpRequest) -> Rayon:
    user = request.user
    if user.role != User.Role.RAYON_ADMIN or user.rayon is None:
        raise PermissionDenied
    return user.rayon


def _year() -> ProgrammeYear | None:
    return ProgrammeYear.objects.order_by("-year").first()


def _relation_form(request: AuthenticatedHttpRequest, data: object = None) -> RelationForm:
    rayon = _rayon(request)
    return RelationForm(
        data,
        instructors=instructor_list(rayon=rayon.pk),
        participants=participant_list_for_user(user=request.user),
    )


def _page(
    request: AuthenticatedHttpRequest,
    instructor_form: InstructorForm | None = None,
    status: int = 200,
    relation_form: RelationForm | None = None,
) -> HttpResponse:
    rayon = _rayon(request)
    year = _year()
    context = {
        "rayon": rayon,
        "year": year,
        "classes": plpg_class_list_for_user(user=request.user)[:200],
        "waiting": plpg_candidates(rayon=rayon.pk, programme_year=year).count() if year else 0,
        "instructors": instructor_list(rayon=rayon.pk)[:200],
        "instructor_form": instructor_form or InstructorForm(),
        "merges": SubjectMerge.objects.filter(rayon=rayon).select_related("subject", "into"),
        "merge_form": MergeForm(),
        "relation_form": relation_form or _relation_form(request),
    }
    return render(request, "plpg/rayon.html", context, status=status)


@require_safe
@login_required
def rayon_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The rayon's classes, the participants waiting, the register and the merge table."""
    return _page(request)


@require_POST
@login_required
def propose(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """Form classes for every published MPLPG participant not yet placed."""
    rayon = _rayon(request)
    year = _year()
    if year is None:
        raise PermissionDenied
    try:
        created = plpg_classes_propose(rayon=rayon, programme_year=year, actor=request.user)
    except ValidationError as exc:
        messages_error(request, exc)
    else:
        messages.success(request, PROPOSED % {"count": len(created)})
    return redirect("plpg:rayon")


@require_POST
@login_required
def instructor_add(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """Add an instructor to the rayon's register."""
    rayon = _rayon(request)
    form = InstructorForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    account = User.objects.filter(
        username=form.cleaned_data["username"], role=User.Role.INSTRUCTOR
    ).first()
    if account is None or Instructor.objects.filter(user=account).exists():
        form.add_error("username", NO_ACCOUNT)
        return _page(request, form, status=400)
    entry = form.save(commit=False)
    entry.user, entry.rayon = account, rayon
    try:
        instructor_save(
            instructor=entry, subjects=form.cleaned_data["subjects"], actor=request.user
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return _page(request, form, status=400)
    messages.success(request, INSTRUCTOR_SAVED)
    return redirect("plpg:rayon")


@require_POST
@login_required
def merge_set(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """Set or clear a row of the subject merge table."""
    rayon = _rayon(request)
    form = MergeForm(request.POST)
    if not form.is_valid():
        return _page(request, status=400)
    try:
        subject_merge_set(
            rayon=rayon,
            subject=form.cleaned_data["subject"],
            into=form.cleaned_data["into"],
            actor=request.user,
        )
    except ValidationError as exc:
        messages_error(request, exc)
    else:
        messages.success(request, MERGE_SAVED)
    return redirect("plpg:rayon")


@require_POST
@login_required
def relation_declare(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """Record that an instructor is related to a participant: never their instructor."""
    form = _relation_form(request, request.POST)
    if not form.is_valid():
        return _page(request, status=400, relation_form=form)
    try:
        instructor_relation_declare(
            instructor=form.cleaned_data["instructor"],
            teacher=form.cleaned_data["participant"].case.teacher,
            relation=form.cleaned_data["relation"],
            actor=request.user,
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return _page(request, status=400, relation_form=form)
    messages.success(request, RELATION_SAVED)
    return redirect("plpg:rayon")
