"""The group's programme: packages, meetings with attendance, outputs and reports (the
coordinator), and the files (everyone who sees the group)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST, require_safe

from sergur.common.audit import audit_download
from sergur.common.http import (
    AuthenticatedHttpRequest,
    file_download,
    form_error_messages,
    messages_error,
)
from sergur.common.uploads import install_capped_upload_handler
from sergur.kkg.forms import AttendanceForm, MeetingForm, OutputForm, PackageForm, ReportForm
from sergur.kkg.models import Group, Package
from sergur.kkg.selectors import (
    group_get_for_user,
    group_rights,
    meeting_get_for_user,
    output_get_for_user,
    package_get_for_user,
    year_kkg_params,
)
from sergur.kkg.services import (
    meeting_add,
    meeting_attendance_record,
    output_add,
    package_add,
    package_report_submit,
)
from sergur.kkg.views.groups import group_context

PACKAGE_ADDED = _("The package is in the programme.")
MEETING_ADDED = _("The meeting is planned.")
ATTENDANCE_SAVED = _("Attendance saved: the meeting is held.")
OUTPUT_ADDED = _("The output is stored.")
REPORT_SAVED = _("The report is stored.")


def _managed(request: AuthenticatedHttpRequest, group: Group) -> None:
    if not group_rights(user=request.user, group=group).manage:
        raise PermissionDenied


def _flash(request: AuthenticatedHttpRequest, form_errors: list[str]) -> None:
    for text in form_errors:
        messages.error(request, text)


def _back(package: Package) -> HttpResponse:
    response = redirect("kkg:group", pk=package.group_id)
    response["Location"] += f"?year={package.year}#package-{package.pk}"
    return response


@require_POST
@login_required
def package_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Add a package to the programme (the coordinator)."""
    group = group_get_for_user(user=request.user, pk=pk)
    _managed(request, group)
    year = request.POST.get("year", "")
    try:
        params = year_kkg_params(int(year) if year.isdigit() else timezone.localdate().year)
    except ValidationError as error:
        messages_error(request, error)
        return redirect("kkg:group", pk=group.pk)
    form = PackageForm(request.POST, params=params)
    if not form.is_valid():
        context = group_context(request, group, package_form=form)
        return render(request, "kkg/group_detail.html", context, status=400)
    package = package_add(actor=request.user, group=group, **form.cleaned_data)
    messages.success(request, PACKAGE_ADDED)
    return _back(package)


@require_POST
@login_required
def meeting_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Plan a meeting of a package (the coordinator)."""
    package = package_get_for_user(user=request.user, pk=pk)
    _managed(request, package.group)
    form = MeetingForm(request.POST, group=package.group)
    if not form.is_valid():
        _flash(request, form_error_messages(form, labelled=True))
        return _back(package)
    try:
        meeting_add(actor=request.user, package=package, **form.cleaned_data)
    except ValidationError as error:
        messages_error(request, error)
    else:
        messages.success(request, MEETING_ADDED)
    return _back(package)


@require_safe
@login_required
def meeting_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A meeting: agenda, resource persons, attendance (the coordinator records it)."""
    meeting = meeting_get_for_user(user=request.user, pk=pk)
    group = meeting.package.group
    rights = group_rights(user=request.user, group=group)
    present = list(meeting.attendances.values_list("membership_id", flat=True))
    form = AttendanceForm(group=group, initial={"present": present}) if rights.manage else None
    return render(
        request,
        "kkg/meeting.html",
        {
            "meeting": meeting,
            "group": group,
            "form": form,
            "present": meeting.attendances.select_related("membership__teacher").order_by(
                "membership__teacher__name"
            ),
            "persons": meeting.resource_persons.order_by("name"),
        },
    )


@require_POST
@login_required
def attendance(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Record who attended (the coordinator)."""
    meeting = meeting_get_for_user(user=request.user, pk=pk)
    group = meeting.package.group
    _managed(request, group)
    form = AttendanceForm(request.POST, group=group)
    if not form.is_valid():
        _flash(request, form_error_messages(form, labelled=True))
        return redirect("kkg:meeting", pk=meeting.pk)
    meeting_attendance_record(
        actor=request.user, meeting=meeting, present=form.cleaned_data["present"]
    )
    messages.success(request, ATTENDANCE_SAVED)
    return _back(meeting.package)


# CSRF is checked inside the views below, after the capped upload handler is installed (as
# the evidence upload does).
@csrf_exempt
@require_POST
@login_required
def output_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """Store an output of a package (the coordinator)."""
    install_capped_upload_handler(request, max_bytes=settings.SERGUR_EVIDENCE_MAX_BYTES)
    response: HttpResponseBase = csrf_protect(_output_create)(request, pk)
    return response


def _output_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    package = package_get_for_user(user=request.user, pk=pk)
    _managed(request, package.group)
    form = OutputForm(request.POST, request.FILES, params=year_kkg_params(package.year))
    if not form.is_valid():
        _flash(request, form_error_messages(form, labelled=True))
        return _back(package)
    try:
        output_add(
            actor=request.user,
            package=package,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
        )
    except ValidationError as error:
        messages_error(request, error)
    else:
        messages.success(request, OUTPUT_ADDED)
    return _back(package)


@csrf_exempt
@require_POST
@login_required
def report_upload(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """Store the package's written report (the coordinator)."""
    install_capped_upload_handler(request, max_bytes=settings.SERGUR_EVIDENCE_MAX_BYTES)
    response: HttpResponseBase = csrf_protect(_report_upload)(request, pk)
    return response


def _report_upload(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    package = package_get_for_user(user=request.user, pk=pk)
    _managed(request, package.group)
    form = ReportForm(request.POST, request.FILES)
    if not form.is_valid():
        _flash(request, form_error_messages(form, labelled=True))
        return _back(package)
    try:
        package_report_submit(
            actor=request.user,
            package=package,
            upload=form.cleaned_data["file"],
            now=timezone.now(),
        )
    except ValidationError as error:
        messages_error(request, error)
    else:
        messages.success(request, REPORT_SAVED)
    return _back(package)


_SUFFIX = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


@require_safe
@login_required
def output_file(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The file of an output, for everyone who sees the group."""
    output = output_get_for_user(user=request.user, pk=pk)
    audit_download(
        request=request,
        file="kkg_output",
        object_kind="kkg_output",
        object_id=output.pk,
        district_id=output.package.group.district_id,
    )
    name = f"kkg-output-{output.pk}.{_SUFFIX.get(output.content_type, 'bin')}"
    return file_download(output.file.open("rb"), filename=name, content_type=output.content_type)


@require_safe
@login_required
def report_file(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The package's report, for everyone who sees the group (404 while there is none)."""
    package = package_get_for_user(user=request.user, pk=pk)
    if not package.report:
        from django.http import Http404

        raise Http404
    audit_download(
        request=request,
        file="kkg_report",
        object_kind="kkg_package",
        object_id=package.pk,
        district_id=package.group.district_id,
    )
    name = f"kkg-report-{package.pk}.{_SUFFIX.get(package.report_type, 'bin')}"
    return file_download(package.report.open("rb"), filename=name, content_type=package.report_type)
