"""The professional allowance's teaching load and eligibility per semester (docs/allowance.md,
"Teaching load" and "Eligibility"): the load rows a school keeps, additional duties,
counsellors' pupils, each school's confirmation, the linearity mapping, the minister's written
approvals, the per-semester facts the rules read, and the computed eligibility that payments
read."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.registry.models import District, School, Subject, Teacher
from sergur.rules.allowance.semester import SemesterError, parse_semester

SEMESTER_HELP = _("YYYY-1 is January to June, YYYY-2 July to December.")


def semester_code(value: str) -> None:
    """Validate a semester code `YYYY-N` (sergur/rules/allowance/semester.py)."""
    try:
        parse_semester(value)
    except SemesterError as error:
        raise ValidationError(str(error), code="semester") from error


def semester_field() -> models.CharField[str, str]:
    """The semester code column every record of this app carries."""
    return models.CharField(
        _("semester"),
        max_length=6,
        validators=[semester_code],
        help_text=SEMESTER_HELP,
        db_index=True,
    )


class TeachingLoad(models.Model):
    """One line of a school's timetable for a semester: a teacher's weekly face-to-face hours
    (JP) with one class (rombel) in one subject (docs/allowance.md, "Teaching load")."""

    semester = semester_field()
    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE, related_name="loads")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="loads")
    class_label = models.CharField(_("class (rombel)"), max_length=30)
    subject = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="loads", verbose_name=_("subject")
    )
    hours = models.PositiveSmallIntegerField(
        _("face-to-face hours a week (JP)"),
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    team_share = models.DecimalField(
        _("team-teaching share"),
        max_digits=3,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal(1))],
        help_text=_("1 when taught alone; 0.5 when two teachers share the class."),
    )
    pupils = models.PositiveSmallIntegerField(
        _("pupils in the class"), null=True, blank=True, validators=[MaxValueValidator(200)]
    )
    updated_at = models.DateTimeField(_("changed"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["semester", "school", "class_label", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["semester", "teacher", "school", "class_label", "subject"],
                name="allowance_load_line_once",
            )
        ]
        indexes = [models.Index(fields=["semester", "school"], name="allowance_load_school")]
        verbose_name = _("teaching load line")
        verbose_name_plural = _("teaching load lines")

    def __str__(self) -> str:
        return f"{self.semester} {self.class_label} {self.subject_id}: {self.hours} JP"


class OpenHours(models.Model):
    """Weekly hours of one class (rombel) in one subject at a school that no teacher teaches
    in a semester (docs/allowance.md, "Open hours"). The district's teaching-load planner
    offers them to certified teachers short of hours; accepting its proposal gives them to a
    teacher as a timetable line and marks them filled."""

    semester = semester_field()
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="open_hours")
    class_label = models.CharField(_("class (rombel)"), max_length=30)
    subject = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="open_hours", verbose_name=_("subject")
    )
    hours = models.PositiveSmallIntegerField(
        _("face-to-face hours a week (JP)"),
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    pupils = models.PositiveSmallIntegerField(
        _("pupils in the class"), null=True, blank=True, validators=[MaxValueValidator(200)]
    )
    filled_at = models.DateTimeField(_("filled"), null=True, blank=True)
    filled_by = models.ForeignKey(
        Teacher,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("filled by"),
    )
    updated_at = models.DateTimeField(_("changed"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["semester", "school", "class_label", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["semester", "school", "class_label", "subject"],
                name="allowance_open_once",
            ),
            models.CheckConstraint(
                condition=models.Q(filled_at__isnull=True, filled_by__isnull=True)
                | models.Q(filled_at__isnull=False, filled_by__isnull=False),
                name="allowance_open_filled_by_whom",
            ),
        ]
        indexes = [models.Index(fields=["semester", "school"], name="allowance_open_school")]
        verbose_name = _("open hours")
        verbose_name_plural = _("open hours")

    def __str__(self) -> str:
        return f"{self.semester} {self.class_label} {self.subject_id}: {self.hours} JP open"

    @property
    def filled(self) -> bool:
        """Whether a teacher was given these hours."""
        return self.filled_at is not None


class AdditionalDuty(models.Model):
    """An additional duty (tugas tambahan) a teacher holds at a school for a semester; its
    kind and the hours it counts are programme-year data (docs/allowance.md, "Duties")."""

    semester = semester_field()
    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE, related_name="duties")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="duties")
    kind = models.CharField(_("duty"), max_length=30)
    updated_at = models.DateTimeField(_("changed"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["semester", "school", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["semester", "teacher", "school", "kind"], name="allowance_duty_once"
            )
        ]
        verbose_name = _("additional duty")
        verbose_name_plural = _("additional duties")

    def __str__(self) -> str:
        return f"{self.semester} {self.kind}"


class CounsellingLoad(models.Model):
    """The pupils a guidance and counselling teacher (guru BK) serves at a school in a
    semester; they count as hours by the year's ratio (docs/allowance.md, "Counsellors")."""

    semester = semester_field()
    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE, related_name="counselling")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="counselling")
    pupils = models.PositiveIntegerField(
        _("pupils served"), validators=[MinValueValidator(1), MaxValueValidator(2000)]
    )
    updated_at = models.DateTimeField(_("changed"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["semester", "school"]
        constraints = [
            models.UniqueConstraint(
                fields=["semester", "teacher", "school"], name="allowance_counselling_once"
            )
        ]
        verbose_name = _("counselling load")
        verbose_name_plural = _("counselling loads")

    def __str__(self) -> str:
        return f"{self.semester}: {self.pupils}"


class LoadConfirmation(models.Model):
    """A school's confirmation that its part of the semester's loads is right (docs/
    allowance.md, "Confirmation"); a change to the school's lines withdraws it."""

    semester = semester_field()
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="confirmations")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed"))

    class Meta:
        ordering = ["semester", "school"]
        constraints = [
            models.UniqueConstraint(fields=["semester", "school"], name="allowance_confirm_once")
        ]
        verbose_name = _("load confirmation")
        verbose_name_plural = _("load confirmations")

    def __str__(self) -> str:
        return f"{self.semester} {self.school_id}"


class Linearity(models.Model):
    """One line of the linearity table: a teacher certified in `certified` may teach
    `taught` (e.g. 190 Biologi may teach 097 IPA); docs/allowance.md, "Linearity"."""

    certified = models.ForeignKey(
        Subject, on_delete=models.CASCADE, related_name="+", verbose_name=_("certified subject")
    )
    taught = models.ForeignKey(
        Subject, on_delete=models.CASCADE, related_name="+", verbose_name=_("may teach")
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("changed"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["certified__code", "taught__code"]
        constraints = [
            models.UniqueConstraint(fields=["certified", "taught"], name="allowance_linear_once"),
            models.CheckConstraint(
                condition=~models.Q(certified=models.F("taught")), name="allowance_linear_other"
            ),
        ]
        verbose_name = _("linearity")
        verbose_name_plural = _("linearity table")

    def __str__(self) -> str:
        return f"{self.certified_id} -> {self.taught_id}"


class MinisterApproval(models.Model):
    """The minister's (or a designated official's) written approval that a teacher who
    cannot reach the hours is eligible for a period (Permendiknas 18/2007 art. 6(4), docs/
    sources/seeds/003_358fe984fbae11df.txt, FAQ "jam wajib mengajar"; docs/allowance.md)."""

    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE, related_name="approvals")
    letter_number = models.CharField(_("letter number"), max_length=80)
    letter_date = models.DateField(_("letter date"))
    official = models.CharField(_("signed by"), max_length=150)
    first_semester = models.CharField(
        _("from semester"), max_length=6, validators=[semester_code], help_text=SEMESTER_HELP
    )
    last_semester = models.CharField(
        _("to semester"), max_length=6, validators=[semester_code], help_text=SEMESTER_HELP
    )
    reason = models.TextField(_("reason"))
    recorded_at = models.DateTimeField(_("recorded"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-letter_date"]
        verbose_name = _("minister's approval")
        verbose_name_plural = _("minister's approvals")

    def __str__(self) -> str:
        return self.letter_number

    def clean(self) -> None:
        """The period runs forward."""
        try:
            first, last = parse_semester(self.first_semester), parse_semester(self.last_semester)
        except SemesterError:
            return
        if last < first:
            raise ValidationError(
                {"last_semester": _("The period must end in or after its first semester.")}
            )

    def covers(self, semester: str) -> bool:
        """Whether the approval's period holds `semester`."""
        return (
            parse_semester(self.first_semester)
            <= parse_semester(semester)
            <= parse_semester(self.last_semester)
        )


class TeacherSemester(models.Model):
    """What the rules need about a teacher for a semester beyond the load: the latest PKG
    category (a field until the appraisal app lands), other permanent employment, and the
    employer when it is not the registry's default (docs/allowance.md, "Eligibility")."""

    class Pkg(models.TextChoices):
        # docs/sources/domain.md §7.2, item 6: the five PK Guru categories.
        AMAT_BAIK = "amat_baik", _("Very good (Amat Baik)")
        BAIK = "baik", _("Good (Baik)")
        CUKUP = "cukup", _("Fair (Cukup)")
        SEDANG = "sedang", _("Moderate (Sedang)")
        KURANG = "kurang", _("Poor (Kurang)")

    class Employer(models.TextChoices):
        # Seed 003's FAQ (allowance conditions a-c): who appointed the teacher.
        DEFAULT = "", _("As the registry says (PNS: regional government)")
        REGIONAL = "regional", _("Regional government (PNS daerah)")
        CENTRAL = "central", _("Central government (PNS pusat)")
        FOUNDATION = "foundation", _("Foundation or other legal body (non-PNS)")

    semester = semester_field()
    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE, related_name="semesters")
    pkg = models.CharField(_("latest PKG category"), max_length=10, choices=Pkg.choices, blank=True)
    employed_elsewhere = models.BooleanField(
        _("permanently employed by another institution"), default=False
    )
    employer = models.CharField(
        _("employer"), max_length=10, choices=Employer.choices, blank=True, default=""
    )
    updated_at = models.DateTimeField(_("changed"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["teacher", "semester"], name="allowance_teacher_semester_once"
            )
        ]
        verbose_name = _("teacher's semester facts")
        verbose_name_plural = _("teachers' semester facts")

    def __str__(self) -> str:
        return f"{self.teacher_id} {self.semester}"


class SemesterEligibility(models.Model):
    """A teacher's computed eligibility for the allowance in a semester, with the counted
    hours and every rule's reason (docs/allowance.md, "Eligibility"). Recomputed, never
    edited; the payments app reads it."""

    class Funding(models.TextChoices):
        # docs/sources/seeds/003_358fe984fbae11df.txt, FAQ "persyaratan ... tunjangan" a-c.
        DAU = "dau", _("General allocation fund (DAU)")
        APBN = "apbn", _("State budget (APBN)")
        DECONCENTRATION = "dekon", _("Deconcentration funds")

    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE, related_name="eligibility")
    semester = semester_field()
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    eligible = models.BooleanField(_("eligible"))
    hours = models.DecimalField(_("counted hours (JP)"), max_digits=5, decimal_places=2)
    reasons = models.JSONField(_("reasons"), default=list)
    funding = models.CharField(_("funding"), max_length=5, choices=Funding.choices, blank=True)
    load_code = models.CharField(_("load code"), max_length=2, blank=True)
    computed_at = models.DateTimeField(_("computed"))

    class Meta:
        ordering = ["semester", "teacher"]
        constraints = [
            models.UniqueConstraint(
                fields=["teacher", "semester"], name="allowance_eligibility_once"
            )
        ]
        indexes = [
            models.Index(fields=["district", "semester"], name="allowance_elig_district"),
        ]
        verbose_name = _("semester eligibility")
        verbose_name_plural = _("semester eligibility")

    def __str__(self) -> str:
        return f"{self.teacher_id} {self.semester}: {self.eligible}"
