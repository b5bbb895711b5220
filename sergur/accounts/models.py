"""Users and their roles."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in to sergur: a teacher, an officer, an assessor or an operator."""

    class Role(models.TextChoices):
        TEACHER = "teacher", _("Teacher")
        PRINCIPAL = "principal", _("Principal")
        SUPERVISOR = "supervisor", _("Supervisor")
        DISTRICT_COMMITTEE = "district_committee", _("District committee")
        QUALITY_OFFICE = "quality_office", _("Quality office (LPMP)")
        RAYON_ADMIN = "rayon_admin", _("Rayon admin")
        ASSESSOR = "assessor", _("Assessor")
        INSTRUCTOR = "instructor", _("PLPG instructor")
        OPERATOR = "operator", _("Operator")

    role = models.CharField(_("role"), max_length=32, choices=Role.choices, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username
