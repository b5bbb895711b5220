"""The working groups and PKB in the teacher's copy (export.py lists every section): their
memberships, attendance and the groups they coordinate (docs/privacy.md, "Your own copy")."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from sergur.kkg.models import Attendance, Group, Meeting, Membership, Output, Package
from sergur.privacy.selectors.section import Section

SHARED = _(
    "The working group's programme, shared by all its members; the teacher's own part is in "
    "their membership and attendance."
)

DEVELOPMENT_SECTIONS: tuple[Section, ...] = (
    Section(
        "kkg_memberships",
        _("Working-group memberships"),
        Membership,
        lambda t: Membership.objects.filter(teacher=t),
    ),
    Section(
        "kkg_attendance",
        _("Working-group attendance"),
        Attendance,
        lambda t: Attendance.objects.filter(membership__teacher=t),
    ),
    Section(
        "kkg_coordinated",
        _("Working groups coordinated"),
        Group,
        lambda t: Group.objects.filter(coordinator=t),
    ),
)

DEVELOPMENT_EXCLUDED: Mapping[type[models.Model], StrOrPromise] = {
    Package: SHARED,
    Meeting: SHARED,
    Output: SHARED,
}
