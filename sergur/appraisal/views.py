"""The PKG pages (docs/pkg.md, "On the web"): the worklist of each role, the appraisal with its
form, observations, result with every step and signatures, and the teacher's self-evaluation.
Every page finds the appraisal through the access helper: someone who may not see it gets 404,
someone who sees it but may not do this gets 403."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from sergur.accounts.models import User
from sergur.appraisal.forms import (
    AssignForm,
    ObjectionForm,
    ObservationForm,
    OpenForm,
    ScoresForm,
    SelfEvaluationForm,
    evidence_name,
    point_name,
)
from sergur.appraisal.models import Appraisal, AppraiserAssignment
from sergur.appraisal.selectors import (
    appraisal_get_for_user,
    appraisal_instrument,
    appraisal_list_for_user,
    appraisal_result,
    appraisal_rights,
    appraiser_worklist,
    assignment_scope,
    assignment_teachers_for_principal,
    self_evaluation_for,
)
from sergur.appraisal.services import (
    appraisal_countersign,
    appraisal_object,
    appraisal_open,
    appraisal_scores_save,
    appraisal_sign,
    appraisal_submit,
    appraiser_assign,
    observation_add,
    self_evaluation_save,
)
from sergur.common.http import (
    AuthenticatedHttpRequest,
    form_error_messages,
    messages_error,
    posted_form,
)
from sergur.common.i18n import rules_lang
from sergur.registry.models import Teacher
from sergur.rules.appraisal import decimal, latest_instruments, plain

Role = User.Role
HOME_ROLES = frozenset(
    {Role.TEACHER, Role.PRINCIPAL, Role.SUPERVISOR, Role.DISTRICT_COMMITTEE, Role.DISTRICT_HEAD}
)
ASSIGNED = _("The appraiser is assigned.")
OPENED = _("The appraisal is opened.")
SAVED = _("The points are saved.")
OBSERVED = _("The observation is recorded.")
SUBMITTED = _("The appraisal is sent to the teacher to sign.")
SIGNED = _("You signed the appraisal.")
OBJECTED = _("Your objection is recorded; the appraisal goes back to the appraiser.")
COUNTERSIGNED = _("The appraisal is countersigned.")
SELF_SAVED = _("Your self-evaluation is saved.")


def _year() -> int:
    return timezone.localdate().year


def _instrument_choices(lang: str) -> list[tuple[str, str]]:
    return [(i.key, f"{i.name(lang)} (v{i.version})") for i in latest_instruments()]


def _assign_form(user: User, data: Any = None) -> AssignForm:
    school = user.school_id
    appraisers = User.objects.filter(
        Q(pk=user.pk) | Q(role=Role.TEACHER, teacher__assignments__school=school)
    ).distinct()
    return AssignForm(
        data,
        teachers=assignment_teachers_for_principal(user=user),
        appraisers=appraisers.order_by("last_name", "username"),
        initial={"year": _year()},
    )


@require_safe
@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Each role's worklist: the appraiser's assigned teachers, the principal's assignments and
    countersignatures, the teacher's own appraisals, the supervisor's and district's lists."""
    user = request.user
    if not user.is_superuser and user.role not in HOME_ROLES:
        raise PermissionDenied
    lang = rules_lang()
    year = _year()
    worklist = list(appraiser_worklist(user=user, year=year))
    opened = {
        (a.teacher_id, a.year)
        for a in Appraisal.objects.filter(appraiser=user, year=year).only("teacher", "year")
    }
    appraisals = appraisal_list_for_user(user=user)
    waiting = [
        a
        for a in appraisals.filter(
            state__in=(Appraisal.State.SIGNED, Appraisal.State.PRINCIPAL_SIGNED)
        )
        if (rights := appraisal_rights(user=user, appraisal=a)).countersign_principal
        or rights.countersign_supervisor
    ]
    teacher = Teacher.objects.filter(user=user).first()
    context = {
        "year": year,
        "worklist": [(a, (a.teacher_id, a.year) in opened) for a in worklist],
        "open_form": OpenForm(choices=_instrument_choices(lang)),
        "appraisals": appraisals[:300],
        "waiting": waiting,
        "assign_form": _assign_form(user) if user.role == Role.PRINCIPAL else None,
        "assignments": AppraiserAssignment.objects.filter(
            school=user.school_id, year=year
        ).select_related("teacher", "appraiser")
        if user.role == Role.PRINCIPAL
        else [],
        "teacher": teacher,
    }
    return render(request, "appraisal/home.html", context)


@require_POST
@login_required
def assign(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """The principal names a teacher's appraiser."""
    if request.user.role != Role.PRINCIPAL or request.user.school_id is None:
        raise PermissionDenied
    form = _assign_form(request.user, request.POST)
    return posted_form(
        request,
        form,
        lambda data: appraiser_assign(
            teacher=data["teacher"],
            year=data["year"],
            appraiser=data["appraiser"],
            actor=request.user,
        ),
        done=ASSIGNED,
        then=redirect("appraisal:home"),
    )


@require_POST
@login_required
def open_appraisal(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The assigned appraiser opens the teacher's appraisal on an instrument."""
    scope = assignment_scope(request.user)
    if scope is None:
        raise PermissionDenied
    assignment = get_object_or_404(AppraiserAssignment.objects.filter(scope), pk=pk)
    if assignment.appraiser_id != request.user.pk:
        raise PermissionDenied
    form = OpenForm(request.POST, choices=_instrument_choices(rules_lang()))
    if not form.is_valid():
        for text in form_error_messages(form, labelled=True):
            messages.error(request, text)
        return redirect("appraisal:home")
    try:
        appraisal = appraisal_open(
            assignment=assignment,
            instrument_key=form.cleaned_data["instrument"],
            actor=request.user,
        )
    except ValidationError as exc:
        messages_error(request, exc)
        return redirect("appraisal:home")
    messages.success(request, OPENED)
    return redirect("appraisal:detail", pk=appraisal.pk)


def _scores_form(appraisal: Appraisal, data: Any = None) -> ScoresForm:
    used = appraisal_instrument(appraisal)
    initial: dict[str, Any] = {
        "teaching_hours": appraisal.teaching_hours,
        "monitoring_notes": appraisal.monitoring_notes,
    }
    for score in appraisal.scores.all():
        initial[point_name(score.competency, score.indicator)] = score.points
        initial[evidence_name(score.competency, score.indicator)] = score.evidence
    return ScoresForm(data, instrument=used, lang=rules_lang(), initial=initial)


def _context(request: AuthenticatedHttpRequest, appraisal: Appraisal) -> dict[str, Any]:
    lang = rules_lang()
    rights = appraisal_rights(user=request.user, appraisal=appraisal)
    result = appraisal_result(appraisal)
    own = self_evaluation_for(
        teacher=appraisal.teacher, year=appraisal.year, key=appraisal.instrument_key
    )
    comparison = [
        (
            c.competency.key,
            c.competency.name(lang),
            None if own is None else own.values.get(c.competency.key),
            c,
            decimal(c.percentage),
        )
        for c in result.competencies
    ]
    return {
        "appraisal": appraisal,
        "instrument": result.instrument,
        "instrument_name": result.instrument.name(lang),
        "result": result,
        "category_name": result.category.name(lang),
        "score_display": decimal(result.score),
        "credit_display": None if result.credit is None else plain(result.credit.amount),
        "comparison": comparison,
        "self_evaluation": own,
        "rights": rights,
        "observations": appraisal.observations.all(),
        "scores_form": _scores_form(appraisal) if rights.edit else None,
        "observation_form": ObservationForm() if rights.edit else None,
        "objection_form": ObjectionForm() if rights.sign else None,
    }


@require_safe
@login_required
def detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The appraisal: the form (for its appraiser), the result with every step, the
    observations, the self-evaluation beside it, and the signatures."""
    appraisal = appraisal_get_for_user(user=request.user, pk=pk)
    return render(request, "appraisal/detail.html", _context(request, appraisal))


def _editable(request: AuthenticatedHttpRequest, pk: int) -> Appraisal:
    appraisal = appraisal_get_for_user(user=request.user, pk=pk)
    if not appraisal_rights(user=request.user, appraisal=appraisal).edit:
        raise PermissionDenied
    return appraisal


@require_POST
@login_required
def scores(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The appraiser saves the points and evidence (and submits, with `submit`)."""
    appraisal = _editable(request, pk)
    form = _scores_form(appraisal, request.POST)
    if not form.is_valid():
        for text in form_error_messages(form, labelled=True):
            messages.error(request, text)
        context = _context(request, appraisal)
        context["scores_form"] = form
        return render(request, "appraisal/detail.html", context, status=400)
    try:
        appraisal_scores_save(
            appraisal=appraisal,
            points=form.points(),
            evidence=form.evidence(),
            monitoring_notes=form.cleaned_data["monitoring_notes"],
            teaching_hours=form.cleaned_data["teaching_hours"],
            actor=request.user,
        )
        if "submit" in request.POST:
            appraisal_submit(appraisal=appraisal, actor=request.user)
    except ValidationError as exc:
        messages_error(request, exc)
    else:
        messages.success(request, SUBMITTED if "submit" in request.POST else SAVED)
    return redirect("appraisal:detail", pk=pk)


@require_POST
@login_required
def observe(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The appraiser records an observation."""
    appraisal = _editable(request, pk)
    form = ObservationForm(request.POST)
    return posted_form(
        request,
        form,
        lambda data: observation_add(appraisal=appraisal, actor=request.user, **data),
        done=OBSERVED,
        then=redirect("appraisal:detail", pk=pk),
    )


def _signer(request: AuthenticatedHttpRequest, pk: int) -> Appraisal:
    appraisal = appraisal_get_for_user(user=request.user, pk=pk)
    if not appraisal_rights(user=request.user, appraisal=appraisal).sign:
        raise PermissionDenied
    return appraisal


@require_POST
@login_required
def sign(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The teacher signs the submitted appraisal."""
    appraisal = _signer(request, pk)
    try:
        appraisal_sign(appraisal=appraisal, actor=request.user)
    except ValidationError as exc:
        messages_error(request, exc)
    else:
        messages.success(request, SIGNED)
    return redirect("appraisal:detail", pk=pk)


@require_POST
@login_required
def object_to(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The teacher records an objection."""
    appraisal = _signer(request, pk)
    form = ObjectionForm(request.POST)
    return posted_form(
        request,
        form,
        lambda data: appraisal_object(
            appraisal=appraisal, actor=request.user, objection=data["objection"]
        ),
        done=OBJECTED,
        then=redirect("appraisal:detail", pk=pk),
    )


@require_POST
@login_required
def countersign(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The principal, then the supervisor, countersign."""
    appraisal = appraisal_get_for_user(user=request.user, pk=pk)
    rights = appraisal_rights(user=request.user, appraisal=appraisal)
    if not (rights.countersign_principal or rights.countersign_supervisor):
        raise PermissionDenied
    try:
        appraisal_countersign(appraisal=appraisal, actor=request.user)
    except ValidationError as exc:
        messages_error(request, exc)
    else:
        messages.success(request, COUNTERSIGNED)
    return redirect("appraisal:detail", pk=pk)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def self_evaluation(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    """The teacher's year-start self-evaluation on the classroom/subject-teacher instrument
    (the counsellor's for a counsellor)."""
    teacher = Teacher.objects.filter(user=request.user).select_related("subject").first()
    if teacher is None or request.user.role != Role.TEACHER:
        raise PermissionDenied
    lang = rules_lang()
    key = "pkg-counsellor" if teacher.subject.is_counseling else "pkg-teacher"
    used = next(i for i in latest_instruments() if i.key == key)
    own = self_evaluation_for(teacher=teacher, year=year, key=key)
    initial = {} if own is None else {f"v_{k}": v for k, v in own.values.items()}
    form = SelfEvaluationForm(
        request.POST if request.method == "POST" else None,
        instrument=used,
        lang=lang,
        initial=initial,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                self_evaluation_save(
                    teacher=teacher,
                    year=year,
                    instrument_key=key,
                    values=form.values(),
                    actor=request.user,
                )
            except ValidationError as exc:
                messages_error(request, exc)
            else:
                messages.success(request, SELF_SAVED)
                return redirect("appraisal:self", year=year)
        for text in form_error_messages(form, labelled=True):
            messages.error(request, text)
        status = 400
    return render(
        request,
        "appraisal/self.html",
        {"form": form, "year": year, "instrument_name": used.name(lang)},
        status=status,
    )
