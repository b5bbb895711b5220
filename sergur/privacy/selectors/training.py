"""The PLPG and the certificate in the teacher's copy (export.py lists every section): their
place in a PLPG class, attendance, peer teaching, scores and remedial activities, their
certificates with the status history, and their NRG (docs/privacy.md, "Your own copy").

The PLPG is not blind: the teacher knows their class and instructor (docs/plpg.md "On the
web"), so nothing of their own record is left out. Who entered a score appears by role."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from sergur.certificates.models import Certificate, Nrg, StatusChange
from sergur.plpg.models import (
    Attendance,
    InstructorRelation,
    Participant,
    PeerTeaching,
    RemedialActivity,
    Score,
)
from sergur.privacy.selectors.section import Section

TRAINING_SECTIONS: tuple[Section, ...] = (
    Section(
        "plpg",
        _("PLPG class and result"),
        Participant,
        lambda t: Participant.objects.filter(case__teacher=t),
    ),
    Section(
        "plpg_attendance",
        _("PLPG attendance"),
        Attendance,
        lambda t: Attendance.objects.filter(participant__case__teacher=t),
    ),
    Section(
        "plpg_peer_teaching",
        _("PLPG peer teaching"),
        PeerTeaching,
        lambda t: PeerTeaching.objects.filter(participant__case__teacher=t),
    ),
    Section(
        "plpg_scores",
        _("PLPG exam scores"),
        Score,
        lambda t: Score.objects.filter(participant__case__teacher=t),
    ),
    Section(
        "plpg_remedial",
        _("PLPG remedial activities"),
        RemedialActivity,
        lambda t: RemedialActivity.objects.filter(participant__case__teacher=t),
    ),
    Section(
        "nrg", _("Teacher registration number (NRG)"), Nrg, lambda t: Nrg.objects.filter(teacher=t)
    ),
    Section(
        "certificates",
        _("Educator certificates"),
        Certificate,
        lambda t: Certificate.objects.filter(teacher=t),
    ),
    Section(
        "certificate_status",
        _("Certificate status history"),
        StatusChange,
        lambda t: StatusChange.objects.filter(certificate__teacher=t),
    ),
)

TRAINING_EXCLUDED: Mapping[type[models.Model], StrOrPromise] = {
    InstructorRelation: _(
        "A relationship declared for a PLPG instructor, so that they never teach the teacher; "
        "it is the instructor's record and showing it would name them."
    ),
}
"""The PLPG's records about a teacher that are not in their copy, and why."""
