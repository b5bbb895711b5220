"""Views: the teacher's page about their data and the download of their own copy."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from sergur.common.audit import audit_download
from sergur.common.http import AuthenticatedHttpRequest, private
from sergur.privacy.archive import teacher_archive_write
from sergur.privacy.selectors import (
    retention_rules_current,
    teacher_data_read,
    teacher_get_for_user,
)
from sergur.registry.selectors import teacher_district_ids
from sergur.rules.messages import Lang


@require_safe
@login_required
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    """What the copy holds, how long each kind of record is kept, and the download."""
    teacher_get_for_user(user=request.user)
    lang: Lang = "en" if (get_language() or "id").startswith("en") else "id"
    rules = [
        {
            "holds": rule.holds[lang],
            "kept": (
                ngettext(
                    "%(years)d year after the case closed",
                    "%(years)d years after the case closed",
                    rule.years,
                )
                if rule.counts_from == "case_closed"
                else ngettext(
                    "%(years)d year after it was recorded",
                    "%(years)d years after it was recorded",
                    rule.years,
                )
            )
            % {"years": rule.years}
            if rule.years
            else gettext("Without a time limit"),
            "basis": rule.basis[lang],
        }
        for rule in retention_rules_current().values()
    ]
    return render(request, "privacy/mine.html", {"rules": rules})


@require_safe
@never_cache
@login_required
def download(request: AuthenticatedHttpRequest) -> FileResponse:
    """The signed-in teacher's own copy as a ZIP, streamed from a temporary file."""
    teacher = teacher_get_for_user(user=request.user)
    now = timezone.now()
    archive = teacher_archive_write(teacher_data_read(teacher=teacher, now=now))
    audit_download(
        request=request,
        file="personal_data",
        object_kind="teacher",
        object_id=teacher.pk,
        district_id=teacher_district_ids(teacher_ids=[teacher.pk]).get(teacher.pk),
    )
    filename = f"sergur-data-{timezone.localdate(now).isoformat()}.zip"
    response = FileResponse(
        archive, as_attachment=True, filename=filename, content_type="application/zip"
    )
    return private(response)
