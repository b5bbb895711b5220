"""Users and their roles."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in to sergur: a teacher, an officer, an assessor or an operator."""

    class Role(models.TextChoices):
        TEACHER = "teacher", _("Teacher")
        PRINCIPAL = "principal", _("Principal")
        SUPERVISOR = "supervisor", _("Supervisor")
        DISTRICT_COMMITTEE = "district_committee", _("District committee")
        # Endorses the portfolio of a principal-participant in the principal's place
        # (docs/sources/seeds/003_358fe984fbae11df.txt, FAQ on the portfolio, question 4).
        DISTRICT_HEAD = "district_head", _("Head of the district education office")
        QUALITY_OFFICE = "quality_office", _("Quality office (LPMP)")
        RAYON_ADMIN = "rayon_admin", _("Rayon admin")
        ASSESSOR = "assessor", _("Assessor")
        INSTRUCTOR = "instructor", _("PLPG instructor")
        OPERATOR = "operator", _("Operator")
        # Issues NRGs and may suspend or revoke any certificate (docs/certificates.md).
        MINISTRY = "ministry", _("Ministry (Ditjen GTK)")
        # Keeps the school's timetable and teaching loads (docs/allowance.md); works for
        # the school in `school`.
        SCHOOL_OPERATOR = "school_operator", _("School operator")
        # The district's finance office: allowance amounts, SKTP lists, payment runs and their
        # exports (docs/allowance.md); works for the district in `district`.
        FINANCE = "finance", _("Finance office")

    role = models.CharField(_("role"), max_length=32, choices=Role.choices, blank=True)
    # The organisation a role works for; which one applies depends on the role.
    school = models.ForeignKey(
        "registry.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="principals",
        verbose_name=_("school (principal)"),
    )
    supervised_schools = models.ManyToManyField(
        "registry.School",
        blank=True,
        related_name="supervisors",
        verbose_name=_("supervised schools (supervisor)"),
    )
    district = models.ForeignKey(
        "registry.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="committee_members",
        verbose_name=_("district (district committee, head of the district office)"),
    )
    province = models.ForeignKey(
        "registry.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quality_officers",
        verbose_name=_("province (quality office)"),
    )
    rayon = models.ForeignKey(
        "registry.Rayon",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("rayon (rayon admin, assessor)"),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def clean(self) -> None:
        """A role that works for an organisation must name it."""
        super().clean()
        needs = {
            self.Role.PRINCIPAL: ("school", self.school_id),
            self.Role.DISTRICT_COMMITTEE: ("district", self.district_id),
            self.Role.DISTRICT_HEAD: ("district", self.district_id),
            self.Role.QUALITY_OFFICE: ("province", self.province_id),
            self.Role.RAYON_ADMIN: ("rayon", self.rayon_id),
            self.Role.ASSESSOR: ("rayon", self.rayon_id),
        }
        if self.role in needs:
            field, value = needs[self.Role(self.role)]
            if value is None:
                raise ValidationError({field: _("This role needs its organisation.")})

    @property
    def is_case_staff(self) -> bool:
        """Whether the user follows cases for an office (district committee, quality office,
        rayon admin) or is a superuser: they see a case's panels as staff."""
        return self.is_superuser or self.role in CASE_STAFF_ROLES

    @property
    def is_case_staff_or_operator(self) -> bool:
        """Whether the user is case staff or the operator who runs the system: they may read
        the names of assessors in a case's log."""
        return self.is_case_staff or self.role == self.Role.OPERATOR


CASE_STAFF_ROLES = frozenset(
    {User.Role.DISTRICT_COMMITTEE, User.Role.QUALITY_OFFICE, User.Role.RAYON_ADMIN}
)
"""The roles of the offices that follow cases (beside superusers)."""
