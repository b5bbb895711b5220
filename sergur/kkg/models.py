"""KKG/MGMP working groups: the group of a cluster or subject, its members, its yearly
programme in packages of meetings with attendance and outputs, and the district's register of
resource persons (docs/kkg.md; docs/sources/domain.md §7.4; seed 004)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.registry.models import District, School, Subject, Teacher


def kkg_file_path(instance: models.Model, filename: str) -> str:
    """Stored under a random name: the uploader's file name never reaches the file system."""
    return f"kkg/{uuid.uuid4().hex}"


class Group(models.Model):
    """A teachers' working group: a KKG of a school cluster (gugus: the core school, SD inti,
    and member schools, SD imbas) or an MGMP of a subject. Nonstructural and independent
    (seed 004): it elects its own coordinator; the district registers and supports it."""

    class Kind(models.TextChoices):
        KKG = "kkg", _("KKG (cluster of class teachers)")
        MGMP = "mgmp", _("MGMP (subject teachers)")

    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=150)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="kkg_groups")
    core_school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="kkg_core_of", verbose_name=_("core school")
    )
    member_schools = models.ManyToManyField(
        School, blank=True, related_name="kkg_member_of", verbose_name=_("member schools")
    )
    subject = models.ForeignKey(
        Subject, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("subject")
    )
    coordinator = models.ForeignKey(
        Teacher,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kkg_coordinates",
        verbose_name=_("coordinator"),
    )
    coordinator_elected_on = models.DateField(_("coordinator elected on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="kkg") | models.Q(subject__isnull=False),
                name="kkg_group_mgmp_has_subject",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A teacher's membership of a working group."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE, related_name="kkg_memberships")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    joined_on = models.DateField(_("joined on"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "teacher"], name="kkg_membership_once")
        ]

    def __str__(self) -> str:
        return f"{self.group_id}/{self.teacher_id}"


class ResourcePerson(models.Model):
    """A resource person (narasumber) in the district's register, shared by every group of
    the district (seed 004: "few reliable human resources")."""

    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=150)
    expertise = models.CharField(_("expertise"), max_length=200)
    institution = models.CharField(_("institution"), max_length=150, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("resource person")
        verbose_name_plural = _("resource persons")

    def __str__(self) -> str:
        return self.name


class Package(models.Model):
    """A package of at least three meetings in a group's yearly programme, working on one
    kind of output; its written report earns its credit (docs/sources/domain.md §7.4)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="packages")
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("number"))
    topic = models.CharField(_("topic"), max_length=200)
    output_kind = models.CharField(_("output"), max_length=20)
    planned_meetings = models.PositiveSmallIntegerField(_("planned meetings"), default=3)
    report = models.FileField(_("report"), upload_to=kkg_file_path, blank=True, max_length=200)
    report_type = models.CharField(max_length=32, blank=True)
    report_at = models.DateTimeField(_("report submitted"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["group", "year", "number"], name="kkg_package_number_once"
            )
        ]
        ordering = ["year", "number"]

    def __str__(self) -> str:
        return f"{self.group_id}/{self.year}/{self.number}"


class Meeting(models.Model):
    """A meeting of a package: its date, agenda and resource persons; attendance once held."""

    package = models.ForeignKey(Package, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("date"))
    agenda = models.TextField(_("agenda"), max_length=2000)
    resource_persons = models.ManyToManyField(
        ResourcePerson, blank=True, related_name="meetings", verbose_name=_("resource persons")
    )
    attendance_taken = models.BooleanField(_("held (attendance taken)"), default=False)

    class Meta:
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.package_id}/{self.held_on}"


class Attendance(models.Model):
    """A member present at a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="attendances")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "membership"], name="kkg_attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}/{self.membership_id}"


class Output(models.Model):
    """A product of a package (lesson plans, an assessment instrument, teaching media…),
    offered to the members who made it as PKB evidence."""

    package = models.ForeignKey(Package, on_delete=models.CASCADE, related_name="outputs")
    kind = models.CharField(_("kind"), max_length=20)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=kkg_file_path, max_length=200)
    content_type = models.CharField(max_length=32)
    size = models.PositiveBigIntegerField()
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.title
