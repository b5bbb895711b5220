"""A PLPG class: its settings and timetable (the rayon admin), attendance, peer teaching and
scores (its instructor and the rayon admin), the import of written scores. Anyone else gets
404 (the class is not revealed); a role that sees the class but may not act gets 403."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST, require_safe

from sergur.common.http import AuthenticatedHttpRequest, messages_error, posted_form
from sergur.common.uploads import install_capped_upload_handler
from sergur.plpg.forms import ClassUpdateForm, ScoreImportForm, SessionForm
from sergur.plpg.models import Attendance, PlpgClass
from sergur.plpg.selectors import (
    class_rights,
    class_scope,
    plpg_class_get_for_user,
    plpg_class_list_for_user,
)
from sergur.plpg.services import (
    attendance_record,
    plpg_class_update,
    plpg_scores_import,
    plpg_session_add,
    written_parts,
)

SAVED = _("The class is saved.")
SESSION_ADDED = _("The session is in the timetable.")
ATTENDANCE_SAVED = _("Attendance saved: %(count)s present.")
IMPORTED = ngettext_lazy(
    "%(count)s score entered from the file.", "%(count)s scores entered from the file.", "count"
)
IMPORT_REFUSED = _("Nothing was entered: correct the rows below and upload the file again.")
MAX_IMPORT_BYTES = 2 * 1024 * 1024


@require_safe
@login_required
def class_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The instructor's classes (the rayon admin has the rayon page)."""
    if class_scope(request.user) is None:
        raise PermissionDenied
    classes = plpg_class_list_for_user(user=request.user)
    return render(request, "plpg/class_list.html", {"classes": classes[:200]})


def _context(request: AuthenticatedHttpRequest, plpg_class: PlpgClass) -> dict[str, Any]:
    rights = class_rights(user=request.user, plpg_class=plpg_class)
    participants = list(
        plpg_class.participants.select_related("case__teacher").order_by("case__teacher__name")
    )
    sessions = list(plpg_class.sessions.all())
    present = set(
        Attendance.objects.filter(session__plpg_class=plpg_class, present=True).values_list(
            "session", "participant"
        )
    )
    form = ClassUpdateForm(
        rayon=plpg_class.rayon_id,
        initial={
            "instructor": plpg_class.instructor,
            "venue": plpg_class.venue,
            "starts_on": plpg_class.starts_on,
            "ends_on": plpg_class.ends_on,
        },
    )
    return {
        "plpg_class": plpg_class,
        "rights": rights,
        "participants": participants,
        "sessions": [(s, [(p, (s.pk, p.pk) in present) for p in participants]) for s in sessions],
        "jp_planned": sum(s.jp for s in sessions),
        "update_form": form,
        "session_form": SessionForm(),
        "import_form": ScoreImportForm(),
        "written": written_parts(plpg_class),
    }


@require_safe
@login_required
def class_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The class: settings, timetable with attendance, participants and their status."""
    plpg_class = plpg_class_get_for_user(user=request.user, pk=pk)
    return render(request, "plpg/class_detail.html", _context(request, plpg_class))


def _class_for(request: AuthenticatedHttpRequest, pk: int, *, manage: bool) -> PlpgClass:
    plpg_class = plpg_class_get_for_user(user=request.user, pk=pk)
    rights = class_rights(user=request.user, plpg_class=plpg_class)
    if not (rights.manage if manage else rights.grade):
        raise PermissionDenied
    return plpg_class


@require_POST
@login_required
def class_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """Set the class's instructor, venue and dates."""
    plpg_class = _class_for(request, pk, manage=True)
    form = ClassUpdateForm(request.POST, rayon=plpg_class.rayon_id)
    return posted_form(
        request,
        form,
        lambda data: plpg_class_update(plpg_class=plpg_class, actor=request.user, **data),
        done=SAVED,
        then=redirect("plpg:class", pk=pk),
    )


@require_POST
@login_required
def session_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """Add a session to the class's timetable."""
    plpg_class = _class_for(request, pk, manage=True)
    form = SessionForm(request.POST)
    return posted_form(
        request,
        form,
        lambda data: plpg_session_add(plpg_class=plpg_class, actor=request.user, **data),
        done=SESSION_ADDED,
        then=redirect("plpg:class", pk=pk),
    )


@require_POST
@login_required
def attendance(request: AuthenticatedHttpRequest, pk: int, session: int) -> HttpResponseBase:
    """Record the attendance of one session (the boxes ticked are the participants present)."""
    plpg_class = _class_for(request, pk, manage=False)
    found = get_object_or_404(plpg_class.sessions, pk=session)
    present = {int(v) for v in request.POST.getlist("present") if v.isascii() and v.isdigit()}
    try:
        count = attendance_record(session=found, present=present, actor=request.user)
    except ValidationError as exc:
        messages_error(request, exc)
    else:
        messages.success(request, ATTENDANCE_SAVED % {"count": count})
    return redirect("plpg:class", pk=pk)


# CSRF is checked inside the view, after the capped upload handler is installed (as the
# teacher import does).
@csrf_exempt
@require_POST
@login_required
def scores_import(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """Import written scores from a CSV: every bad row refused with its line."""
    install_capped_upload_handler(request, max_bytes=MAX_IMPORT_BYTES)
    response: HttpResponseBase = csrf_protect(_scores_import)(request, pk)
    return response


def _scores_import(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plpg_class = _class_for(request, pk, manage=False)
    form = ScoreImportForm(request.POST, request.FILES)
    context = _context(request, plpg_class)
    if not form.is_valid():
        context["import_form"] = form
        return render(request, "plpg/class_detail.html", context, status=400)
    upload = form.cleaned_data["file"]
    report = plpg_scores_import(plpg_class=plpg_class, stream=upload, actor=request.user)
    if report.problems:
        context.update(import_problems=report.problems, import_form=form)
        messages.error(request, IMPORT_REFUSED)
        return render(request, "plpg/class_detail.html", context, status=400)
    messages.success(request, IMPORTED % {"count": report.entered})
    return render(request, "plpg/class_detail.html", _context(request, plpg_class))
