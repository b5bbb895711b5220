"""A school's teaching load for a semester: the operator keeps its lines, duties, counselling
and the teachers' facts, imports the timetable and confirms the school's part; the district
committee reads it. Anyone else: 403 by role, 404 for a school out of reach."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_safe

from sergur.allowance.forms import (
    CounsellingForm,
    DutyForm,
    FactsForm,
    LoadImportForm,
    LoadLineForm,
    OpenHoursForm,
)
from sergur.allowance.models import AdditionalDuty, TeachingLoad
from sergur.allowance.selectors import (
    SchoolRights,
    latest_school_semester,
    load_line_get_for_user,
    open_hours_get_for_user,
    school_edit_get_for_user,
    school_get_for_user,
    school_list_for_user,
    school_load,
    school_scope,
    school_teachers,
    semester_params,
)
from sergur.allowance.services import (
    counselling_set,
    duty_add,
    duty_remove,
    load_confirm,
    load_import,
    load_line_delete,
    load_line_save,
    open_hours_add,
    open_hours_remove,
    teacher_semester_set,
)
from sergur.allowance.services.imports import teacher_hours
from sergur.common.http import AuthenticatedHttpRequest, form_error_messages, messages_error
from sergur.common.i18n import rules_lang
from sergur.common.uploads import install_capped_upload_handler
from sergur.registry.models import School
from sergur.rules.allowance.semester import Semester

SAVED = _("Saved.")
CONFIRMED = _("The school's part of the semester's load is confirmed.")
IMPORTED = _("The timetable is imported.")
CHECKED = _("The file has no problems; tick the box and send it again to import it.")
REFUSED = _("Nothing was saved: the file has problems, listed below.")
MAX_IMPORT_BYTES = 5 * 1024 * 1024


def _semester(request: AuthenticatedHttpRequest, school: School) -> Semester:
    return latest_school_semester(school=school, code=request.GET.get("semester"))


def _url(school: School, semester: Semester) -> str:
    return f"{reverse('allowance:school', args=[school.pk])}?semester={semester.code}"


@require_safe
@login_required
def school_list(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """The schools whose load the user reads; a school operator goes to their own."""
    if school_scope(request.user) is None:
        raise PermissionDenied
    schools = school_list_for_user(user=request.user)
    if request.user.school_id is not None and not request.user.is_superuser:
        return redirect("allowance:school", pk=request.user.school_id)
    return render(request, "allowance/school_list.html", {"schools": schools[:500]})


def _forms(school: School, semester: Semester, data: Any = None) -> dict[str, Any]:
    teachers = school_teachers(school)
    params = semester_params(semester)
    return {
        "line_form": LoadLineForm(data, teachers=teachers, prefix="line"),
        "open_form": OpenHoursForm(data, prefix="open"),
        "duty_form": DutyForm(
            data, teachers=teachers, params=params, lang=rules_lang(), prefix="duty"
        ),
        "counselling_form": CounsellingForm(data, teachers=teachers, prefix="counselling"),
        "facts_form": FactsForm(data, teachers=teachers, prefix="facts"),
    }


def _context(
    school: School, rights: SchoolRights, semester: Semester, **extra: Any
) -> dict[str, Any]:
    load = school_load(school=school, semester=semester)
    params = semester_params(semester)
    lang = rules_lang()
    duty_names = {duty.key: duty.name(lang) for duty in params.duties}
    context: dict[str, Any] = {
        "school": school,
        "semester": semester,
        "load": load,
        "edit": rights.edit,
        "duties": [(duty, duty_names.get(duty.kind, duty.kind)) for duty in load.duties],
        "import_form": LoadImportForm(),
        **_forms(school, semester),
    }
    context.update(extra)
    return context


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def school_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The school's load for a semester; its operator posts the forms on this page."""
    school, rights = school_get_for_user(user=request.user, pk=pk)
    semester = _semester(request, school)
    if request.method != "POST":
        return render(request, "allowance/school.html", _context(school, rights, semester))
    if not rights.edit:
        raise PermissionDenied
    action = request.POST.get("action", "")
    forms = _forms(school, semester, request.POST)
    try:
        done = _act(request, school, semester, action, forms)
    except ValidationError as exc:
        messages_error(request, exc)
        done = False
    if done:
        messages.success(request, CONFIRMED if action == "confirm" else SAVED)
        return redirect(_url(school, semester))
    context = _context(school, rights, semester, **forms)
    return render(request, "allowance/school.html", context, status=400)


def _act(
    request: AuthenticatedHttpRequest,
    school: School,
    semester: Semester,
    action: str,
    forms: dict[str, Any],
) -> bool:
    """Run the posted action; False (with the form's errors shown) when it is not valid."""
    user, code = request.user, semester.code
    if action == "confirm":
        load_confirm(school=school, semester=code, actor=user)
        return True
    if action == "delete_duty":
        duty = AdditionalDuty.objects.filter(
            pk=_pk(request.POST.get("duty")), school=school, semester=code
        ).first()
        if duty is not None:
            duty_remove(duty=duty, actor=user)
        return True
    if action == "delete_open":
        open_hours_remove(
            entry=open_hours_get_for_user(user=user, pk=_pk(request.POST.get("open"))),
            actor=user,
        )
        return True
    form = forms.get(f"{action}_form")
    if form is None:
        return False
    if not form.is_valid():
        for message in form_error_messages(form, labelled=True):
            messages.error(request, message)
        return False
    data = form.cleaned_data
    if action == "line":
        load_line_save(
            line=None,
            school=school,
            semester=code,
            teacher=data["teacher"],
            class_label=data["class_label"],
            subject=data["subject"],
            hours=data["hours"],
            team_share=data["team_share"],
            pupils=data["pupils"],
            actor=user,
        )
    elif action == "open":
        open_hours_add(
            school=school,
            semester=code,
            class_label=data["class_label"],
            subject=data["subject"],
            hours=data["hours"],
            pupils=data["pupils"],
            actor=user,
        )
    elif action == "duty":
        duty_add(
            school=school, semester=code, teacher=data["teacher"], kind=data["kind"], actor=user
        )
    elif action == "counselling":
        counselling_set(
            school=school, semester=code, teacher=data["teacher"], pupils=data["pupils"], actor=user
        )
    else:
        teacher_semester_set(
            school=school,
            semester=code,
            teacher=data["teacher"],
            pkg=data["pkg"],
            employed_elsewhere=data["employed_elsewhere"],
            employer=data["employer"],
            actor=user,
        )
    return True


def _pk(value: str | None) -> int:
    return int(value) if value and value.isascii() and value.isdigit() else 0


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def line_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """Change or remove one of the school's timetable lines (its operator only)."""
    line = load_line_get_for_user(user=request.user, pk=pk)
    teachers = school_teachers(line.school)
    semester = latest_school_semester(school=line.school, code=line.semester)
    back = _url(line.school, semester)
    if request.method != "POST":
        form = LoadLineForm(initial=_initial(line), teachers=teachers)
        return render(request, "allowance/line.html", {"line": line, "form": form, "back": back})
    try:
        if "delete" in request.POST:
            load_line_delete(line=line, actor=request.user)
            messages.success(request, SAVED)
            return redirect(back)
        form = LoadLineForm(request.POST, teachers=teachers)
        if form.is_valid():
            data = form.cleaned_data
            load_line_save(
                line=line,
                school=line.school,
                semester=line.semester,
                teacher=data["teacher"],
                class_label=data["class_label"],
                subject=data["subject"],
                hours=data["hours"],
                team_share=data["team_share"],
                pupils=data["pupils"],
                actor=request.user,
            )
            messages.success(request, SAVED)
            return redirect(back)
    except ValidationError as exc:
        messages_error(request, exc)
        form = LoadLineForm(request.POST, teachers=teachers)
    context = {"line": line, "form": form, "back": back}
    return render(request, "allowance/line.html", context, status=400)


def _initial(line: TeachingLoad) -> dict[str, Any]:
    return {
        "teacher": line.teacher_id,
        "class_label": line.class_label,
        "subject": line.subject_id,
        "hours": line.hours,
        "team_share": line.team_share,
        "pupils": line.pupils,
    }


# CSRF is checked inside the view, after the capped upload handler is installed (as the
# teacher import does).
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def load_import_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The timetable import: a dry run lists every problem; a clean file replaces the lines."""
    if request.method == "POST":
        install_capped_upload_handler(request, max_bytes=MAX_IMPORT_BYTES)
    response: HttpResponseBase = csrf_protect(_load_import)(request, pk)
    return response


def _load_import(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    school = school_edit_get_for_user(user=request.user, pk=pk)
    semester = _semester(request, school)
    context: dict[str, Any] = {"school": school, "semester": semester, "form": LoadImportForm()}
    if request.method != "POST":
        return render(request, "allowance/import.html", context)
    form = LoadImportForm(request.POST, request.FILES)
    context["form"] = form
    if not form.is_valid():
        return render(request, "allowance/import.html", context, status=400)
    try:
        report = load_import(
            school=school,
            semester=semester.code,
            stream=form.cleaned_data["file"],
            actor=request.user,
            apply=form.cleaned_data["apply"],
        )
    except ValidationError as exc:
        messages_error(request, exc)
        return render(request, "allowance/import.html", context, status=400)
    context.update(report=report, hours=teacher_hours(report))
    if report.problems:
        messages.error(request, REFUSED)
        return render(request, "allowance/import.html", context, status=400)
    if report.written:
        messages.success(request, IMPORTED)
        return redirect(_url(school, semester))
    messages.info(request, CHECKED)
    return render(request, "allowance/import.html", context)
