"""A teacher's development page (their own, or one the user may see), the verifier's
worklist, and the forms: the teacher records activities; the principal or supervisor of the
teacher's main school verifies them and opens plans; the district records the standing.
Anyone who may not see the teacher gets 404; one who sees but may not act gets 403."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST, require_safe

from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal
from sergur.common.audit import audit_download
from sergur.common.http import (
    AuthenticatedHttpRequest,
    file_download,
    form_error_messages,
    messages_error,
)
from sergur.common.i18n import rules_lang
from sergur.common.uploads import install_capped_upload_handler
from sergur.development.forms import (
    ELEMENT_LABELS,
    KIND_LABELS,
    ActivityForm,
    PlanForm,
    RemedialForm,
    StandingForm,
    VerifyForm,
)
from sergur.development.selectors import (
    activity_get_for_user,
    appraisals_needing_plans,
    pkb_rights,
    teacher_activities,
    teacher_get_for_user,
    teacher_plans,
    teacher_progress,
    verifier_plans_due,
    verifier_worklist,
    year_params,
)
from sergur.development.services import (
    activity_record,
    activity_verify,
    plan_open,
    plan_open_remedial,
    standing_record,
)
from sergur.kkg.selectors import member_packages
from sergur.registry.models import Teacher
from sergur.rules.development import Kind
from sergur.rules.messages import number

Role = User.Role
RECORDED = _("The activity is recorded and waits for verification.")
VERIFIED = _("The activity is verified.")
REJECTED = _("The activity is rejected.")
PLAN_OPENED = _("The plan is open.")
STANDING_SAVED = _("The standing is saved.")
_SUFFIX = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


def _teacher_context(request: AuthenticatedHttpRequest, teacher: Teacher) -> dict[str, Any]:
    today = timezone.localdate()
    rights = pkb_rights(user=request.user, teacher=teacher)
    lang = rules_lang()
    dev, _kkg = year_params(today.year)
    progress = teacher_progress(teacher=teacher, year=today.year)
    result = progress.balance
    suggestions = []
    if result is not None:
        for item in result.suggestions:
            name = dev.collective_activity(item.key).name(lang) if item.key else ""
            suggestions.append(
                (KIND_LABELS[item.kind], item.count, number(item.credit, lang), item.hours, name)
            )
    context: dict[str, Any] = {
        "teacher": teacher,
        "rights": rights,
        "progress": progress,
        "lines": [
            (
                ELEMENT_LABELS[line.element.value],
                *(number(v, lang) for v in (line.needed, line.earned, line.counted, line.missing)),
            )
            for line in (result.lines if result else ())
        ],
        "total": [number(v, lang) for v in (result.step.akk, result.counted, result.missing)]
        if result
        else [],
        "reasons": [r.text(lang) for r in result.reasons] if result else [],
        "notes": [n.text(lang) for n in result.notes] if result else [],
        "suggestions": suggestions,
        "plans": teacher_plans(teacher=teacher),
        "activities": teacher_activities(teacher=teacher),
        "kind_labels": {k.value: v for k, v in KIND_LABELS.items()},
        "packages": member_packages(teacher=teacher),
        "below": appraisals_needing_plans(teacher=teacher) if rights.verify else [],
    }
    if rights.record:
        context["activity_form"] = ActivityForm(
            teacher=teacher, params=dev, initial={"done_on": today}
        )
    if rights.verify:
        context["verify_form"] = VerifyForm()
        context["plan_form"] = PlanForm(initial={"year": today.year})
    if rights.standing:
        standing = progress.standing
        initial = (
            {
                "rank": standing.rank,
                "since": standing.since,
                "carried_pk": standing.carried_pk,
                "supporting": standing.supporting,
            }
            if standing
            else {"rank": teacher.rank, "carried_pk": 0, "supporting": 0}
        )
        context["standing_form"] = StandingForm(params=dev, initial=initial)
    return context


@require_safe
@login_required
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The teacher's own development: progress, plans, activities, the KKG packages."""
    if request.user.role != Role.TEACHER:
        raise PermissionDenied
    teacher = Teacher.objects.filter(user=request.user).first()
    if teacher is None:
        raise Http404
    return render(request, "development/teacher.html", _teacher_context(request, teacher))


@require_safe
@login_required
def teacher_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A teacher's development, for those who may see it."""
    teacher = teacher_get_for_user(user=request.user, pk=pk)
    return render(request, "development/teacher.html", _teacher_context(request, teacher))


@require_safe
@login_required
def worklist(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The activities waiting for the principal's or supervisor's verification, and the
    appraisals below standard waiting for their remedial plan."""
    user = request.user
    if not (user.is_superuser or user.role in (Role.PRINCIPAL, Role.SUPERVISOR)):
        raise PermissionDenied
    return render(
        request,
        "development/worklist.html",
        {
            "activities": verifier_worklist(user=user)[:500],
            "plans_due": verifier_plans_due(user=user)[:500],
            "kind_labels": {k.value: v for k, v in KIND_LABELS.items()},
        },
    )


# CSRF is checked inside the view, after the capped upload handler is installed (as the
# evidence upload does).
@csrf_exempt
@require_POST
@login_required
def activity_add(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """Record an activity with its evidence (the teacher)."""
    install_capped_upload_handler(request, max_bytes=settings.SERGUR_EVIDENCE_MAX_BYTES)
    response: HttpResponseBase = csrf_protect(_activity_add)(request)
    return response


def _activity_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    teacher = Teacher.objects.filter(user=request.user).first()
    if request.user.role != Role.TEACHER or teacher is None:
        raise PermissionDenied
    dev, _kkg = year_params(timezone.localdate().year)
    form = ActivityForm(request.POST, request.FILES, teacher=teacher, params=dev)
    if not form.is_valid():
        context = _teacher_context(request, teacher)
        context["activity_form"] = form
        return render(request, "development/teacher.html", context, status=400)
    data = form.cleaned_data
    try:
        activity_record(
            actor=request.user,
            teacher=teacher,
            kind=Kind(data["kind"]),
            title=data["title"],
            done_on=data["done_on"],
            hours=data["hours"] or 0,
            collective_key=data["collective_key"] or "",
            claimed=data["claimed"],
            plan=data["plan"],
            kkg_package=data["kkg_package"],
            kkg_output=data["kkg_output"],
            upload=data["file"],
        )
    except ValidationError as error:
        context = _teacher_context(request, teacher)
        context["activity_form"] = form
        messages_error(request, error)
        return render(request, "development/teacher.html", context, status=400)
    messages.success(request, RECORDED)
    return redirect("development:mine")


@require_POST
@login_required
def activity_verify_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Accept or reject an activity (the principal or supervisor of the main school)."""
    activity = activity_get_for_user(user=request.user, pk=pk)
    if not pkb_rights(user=request.user, teacher=activity.teacher).verify:
        raise PermissionDenied
    form = VerifyForm(request.POST)
    if not form.is_valid():
        for text in form_error_messages(form, labelled=True):
            messages.error(request, text)
        return redirect("development:teacher", pk=activity.teacher_id)
    accept = form.cleaned_data["decision"] == "accept"
    try:
        activity_verify(
            actor=request.user,
            activity=activity,
            accept=accept,
            now=timezone.now(),
            assessed=form.cleaned_data["assessed"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages_error(request, error)
    else:
        messages.success(request, VERIFIED if accept else REJECTED)
    return redirect("development:teacher", pk=activity.teacher_id)


@require_safe
@login_required
def evidence(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The evidence file of an activity, for those who see the teacher's development."""
    activity = activity_get_for_user(user=request.user, pk=pk)
    if not activity.evidence:
        raise Http404
    audit_download(
        request=request,
        file="pkb_evidence",
        object_kind="pkb_activity",
        object_id=activity.pk,
        district_id=None,
    )
    name = f"pkb-evidence-{activity.pk}.{_SUFFIX.get(activity.evidence_type, 'bin')}"
    return file_download(
        activity.evidence.open("rb"), filename=name, content_type=activity.evidence_type
    )


def _verifier_teacher(request: AuthenticatedHttpRequest, pk: int) -> Teacher:
    teacher = teacher_get_for_user(user=request.user, pk=pk)
    if not pkb_rights(user=request.user, teacher=teacher).verify:
        raise PermissionDenied
    return teacher


@require_POST
@login_required
def plan_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Open a career-development plan (the principal or supervisor)."""
    teacher = _verifier_teacher(request, pk)
    form = PlanForm(request.POST)
    if not form.is_valid():
        for text in form_error_messages(form, labelled=True):
            messages.error(request, text)
        return redirect("development:teacher", pk=teacher.pk)
    try:
        plan_open(
            actor=request.user, teacher=teacher, today=timezone.localdate(), **form.cleaned_data
        )
    except ValidationError as error:
        messages_error(request, error)
    else:
        messages.success(request, PLAN_OPENED)
    return redirect("development:teacher", pk=teacher.pk)


@require_POST
@login_required
def remedial_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Open the remedial plan of a signed appraisal with competencies below standard."""
    teacher = _verifier_teacher(request, pk)
    form = RemedialForm(request.POST)
    if not form.is_valid():
        for text in form_error_messages(form, labelled=True):
            messages.error(request, text)
        return redirect("development:teacher", pk=teacher.pk)
    appraisal = Appraisal.objects.filter(pk=form.cleaned_data["appraisal"], teacher=teacher).first()
    if appraisal is None:
        raise Http404
    try:
        plan_open_remedial(
            actor=request.user,
            appraisal=appraisal,
            goal=form.cleaned_data["goal"],
            deadline=form.cleaned_data["deadline"],
            today=timezone.localdate(),
        )
    except ValidationError as error:
        messages_error(request, error)
    else:
        messages.success(request, PLAN_OPENED)
    return redirect("development:teacher", pk=teacher.pk)


@require_POST
@login_required
def standing(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Record the rank held and the credits carried (the district committee)."""
    teacher = teacher_get_for_user(user=request.user, pk=pk)
    if not pkb_rights(user=request.user, teacher=teacher).standing:
        raise PermissionDenied
    dev, _kkg = year_params(timezone.localdate().year)
    form = StandingForm(request.POST, params=dev)
    if not form.is_valid():
        for text in form_error_messages(form, labelled=True):
            messages.error(request, text)
        return redirect("development:teacher", pk=teacher.pk)
    try:
        standing_record(actor=request.user, teacher=teacher, **form.cleaned_data)
    except ValidationError as error:
        messages_error(request, error)
    else:
        messages.success(request, STANDING_SAVED)
    return redirect("development:teacher", pk=teacher.pk)
