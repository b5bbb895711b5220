"""The allowance's money: what a teacher's amount depends on (the pay profile), salary tables
loaded by a finance office, the SKTP decree per semester and district with its list, quarterly
payment runs with their append-only entries, and every export taken (docs/allowance.md,
"Amount" and "SKTP and payments")."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from sergur.allowance.models import SemesterEligibility, semester_field
from sergur.common.models import AppendOnlyModel
from sergur.registry.models import District, Teacher
from sergur.rules.allowance.amount import GOLONGAN, MAX_MKG, Employment

RANKS = [(rank, rank) for rank in GOLONGAN]
RANK_NEEDED = _("The rank is needed unless the teacher is non-PNS without inpassing.")
ENDS_BEFORE_START = _("The end of the paid period is before its start.")


class PayProfile(models.Model):
    """What a teacher's amount depends on beyond the registry: the employment (CPNS is not in
    the registry), the rank and years in rank (MKG) counted on a date, the period the district
    pays (a transfer in or out mid-quarter) and the bank account the allowance goes to."""

    class Kind(models.TextChoices):
        PNS = Employment.PNS.value, _("Civil servant (PNS)")
        CPNS = Employment.CPNS.value, _("Civil-servant candidate (CPNS)")
        NON_PNS_INPASSING = Employment.NON_PNS_INPASSING.value, _("Non-PNS with SK inpassing")
        NON_PNS = Employment.NON_PNS.value, _("Non-PNS without inpassing")

    teacher = models.OneToOneField(Teacher, on_delete=models.CASCADE, related_name="pay_profile")
    employment = models.CharField(_("employment"), max_length=20, choices=Kind.choices)
    golongan = models.CharField(
        _("rank (golongan)"),
        max_length=5,
        choices=RANKS,
        blank=True,
        help_text=_("The own rank, or the equivalent rank of the SK inpassing."),
    )
    mkg = models.PositiveSmallIntegerField(
        _("years in rank (MKG)"), default=0, validators=[MaxValueValidator(MAX_MKG)]
    )
    mkg_counted_on = models.DateField(_("MKG counted on"))
    # The day the employment, rank and MKG above apply from (a promotion's TMT); empty: from
    # always. The values they replaced are kept in PayProfileVersion, so a run pays each
    # month with the rank in force then.
    effective_from = models.DateField(
        _("rank in force from"),
        null=True,
        blank=True,
        help_text=_(
            "The date a new employment, rank or MKG applies from (a promotion's TMT); the "
            "earlier values stay for the months before it. Empty: a correction of the "
            "current values."
        ),
    )
    paid_from = models.DateField(_("paid by this district from"))
    paid_until = models.DateField(_("paid by this district until"), null=True, blank=True)
    bank_name = models.CharField(_("bank"), max_length=100, blank=True)
    bank_account = models.CharField(_("account number"), max_length=30, blank=True)
    updated_at = models.DateTimeField(_("changed"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("pay profile")
        verbose_name_plural = _("pay profiles")

    def __str__(self) -> str:
        return f"{self.teacher_id} {self.employment} {self.golongan}"

    def clean(self) -> None:
        """A rank unless non-PNS without inpassing (the flat amount needs none); a period that
        does not end before it starts."""
        errors: dict[str, str] = {}
        if not self.golongan and self.employment not in ("", self.Kind.NON_PNS):
            errors["golongan"] = str(RANK_NEEDED)
        if self.paid_until and self.paid_from and self.paid_until < self.paid_from:
            errors["paid_until"] = str(ENDS_BEFORE_START)
        if errors:
            raise ValidationError(errors)


class PayProfileVersion(AppendOnlyModel):
    """The employment, rank and MKG a teacher's pay profile held before a change that took
    effect later (a promotion): in force from `effective_from` (empty: from always) to
    `effective_until`, the day before the next values apply. A payment run pays each month
    with the values in force on its first day (docs/allowance.md, "The pay profile")."""

    append_only_message = "an earlier rank of a pay profile is kept as it was"

    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE, related_name="pay_versions")
    employment = models.CharField(_("employment"), max_length=20, choices=PayProfile.Kind.choices)
    golongan = models.CharField(_("rank (golongan)"), max_length=5, choices=RANKS, blank=True)
    mkg = models.PositiveSmallIntegerField(
        _("years in rank (MKG)"), default=0, validators=[MaxValueValidator(MAX_MKG)]
    )
    mkg_counted_on = models.DateField(_("MKG counted on"))
    effective_from = models.DateField(_("rank in force from"), null=True, blank=True)
    effective_until = models.DateField(_("rank in force until"))
    recorded_at = models.DateTimeField(_("recorded"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["teacher", "effective_until"]
        constraints = [
            models.UniqueConstraint(
                fields=["teacher", "effective_until"], name="pay_version_once_a_day"
            )
        ]
        verbose_name = _("earlier pay profile")
        verbose_name_plural = _("earlier pay profiles")

    def __str__(self) -> str:
        return f"{self.teacher_id} {self.golongan} until {self.effective_until}"


class SalaryTable(models.Model):
    """A full salary table a district's finance office loaded from CSV (the shipped PP 15/2019
    excerpt is in the rules core); the district's runs use the table in force on the month."""

    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    regulation = models.CharField(_("regulation"), max_length=100)
    effective_from = models.DateField(_("in force from"))
    effective_to = models.DateField(_("in force until"), null=True, blank=True)
    loaded_at = models.DateTimeField(_("loaded"))
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-effective_from", "-pk"]
        verbose_name = _("salary table")
        verbose_name_plural = _("salary tables")

    def __str__(self) -> str:
        return f"{self.regulation} ({self.effective_from})"


class SalaryRow(models.Model):
    """One cell of a loaded salary table."""

    table = models.ForeignKey(SalaryTable, on_delete=models.CASCADE, related_name="rows")
    golongan = models.CharField(_("rank (golongan)"), max_length=5, choices=RANKS)
    mkg = models.PositiveSmallIntegerField(_("years in rank (MKG)"))
    amount = models.DecimalField(_("base salary"), max_digits=14, decimal_places=0)

    class Meta:
        ordering = ["table", "golongan", "mkg"]
        constraints = [
            models.UniqueConstraint(fields=["table", "golongan", "mkg"], name="salary_row_once")
        ]
        verbose_name = _("salary table row")
        verbose_name_plural = _("salary table rows")

    def __str__(self) -> str:
        return f"{self.golongan} {self.mkg}: {self.amount}"


class Job(models.TextChoices):
    """The states of a background job with its progress."""

    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Sktp(models.Model):
    """The allowance decree (SKTP) of a district for a semester, numbered, listing every
    eligible teacher with the month's amount; issued by a background job whose progress it
    carries. Issuing again lists the teachers who became eligible since; a line is never
    changed (docs/allowance.md, "SKTP and payments")."""

    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    semester = semester_field()
    number = models.CharField(_("decree number"), max_length=40, unique=True)
    state = models.CharField(_("state"), max_length=10, choices=Job.choices, default=Job.QUEUED)
    total = models.PositiveIntegerField(_("eligible teachers"), default=0)
    done = models.PositiveIntegerField(_("done"), default=0)
    listed = models.PositiveIntegerField(_("listed"), default=0)
    not_listed = models.PositiveIntegerField(_("not listed (no amount)"), default=0)
    error = models.TextField(_("error"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-semester", "district"]
        constraints = [
            models.UniqueConstraint(fields=["district", "semester"], name="sktp_one_a_semester")
        ]
        verbose_name = _("SKTP")
        verbose_name_plural = _("SKTPs")

    def __str__(self) -> str:
        return self.number

    @property
    def percent(self) -> int:
        """Progress in whole percent."""
        return 100 if not self.total else min(100, self.done * 100 // self.total)

    @property
    def note(self) -> str:
        """What a finished job says beside its lines, in the reader's language: the eligible
        teachers left off for want of an amount. Rendered when shown from `not_listed`, never
        stored, since the job runs in whatever language its worker has."""
        if self.state != Job.DONE or not self.not_listed:
            return ""
        return ngettext(
            "%(count)d eligible teacher is not listed for want of an amount (no pay profile, "
            "or no salary-table row).",
            "%(count)d eligible teachers are not listed for want of an amount (no pay "
            "profile, or no salary-table row).",
            self.not_listed,
        ) % {"count": self.not_listed}


class SktpEntry(AppendOnlyModel):
    """One line of an SKTP: the teacher, the amount's basis and the month's amount as decided."""

    append_only_message = "an SKTP line is decided once and never changed"

    sktp = models.ForeignKey(Sktp, on_delete=models.PROTECT, related_name="entries")
    line = models.PositiveIntegerField(_("line"))
    teacher = models.ForeignKey(Teacher, on_delete=models.PROTECT, related_name="sktp_entries")
    eligibility = models.ForeignKey(SemesterEligibility, on_delete=models.PROTECT, related_name="+")
    employment = models.CharField(_("employment"), max_length=20, choices=PayProfile.Kind.choices)
    golongan = models.CharField(_("rank (golongan)"), max_length=5, blank=True)
    mkg = models.PositiveSmallIntegerField(_("years in rank (MKG)"), default=0)
    regulation = models.CharField(_("salary table"), max_length=100, blank=True)
    base = models.DecimalField(_("base salary"), null=True, max_digits=14, decimal_places=0)
    factor = models.DecimalField(_("factor"), max_digits=4, decimal_places=2)
    gross = models.DecimalField(_("a month, gross"), max_digits=14, decimal_places=0)
    tax = models.DecimalField(_("income tax a month"), max_digits=14, decimal_places=0)
    funding = models.CharField(_("funding"), max_length=5, blank=True)

    class Meta:
        ordering = ["sktp", "line"]
        constraints = [
            models.UniqueConstraint(fields=["sktp", "teacher"], name="sktp_teacher_once"),
            models.UniqueConstraint(fields=["sktp", "line"], name="sktp_line_once"),
        ]
        verbose_name = _("SKTP line")
        verbose_name_plural = _("SKTP lines")

    def __str__(self) -> str:
        return f"{self.sktp_id}/{self.line}"

    @property
    def net(self) -> object:
        """A month's amount paid out."""
        return self.gross - self.tax


class PaymentRun(models.Model):
    """One payment run of a district for a quarter, by a background job: every teacher of the
    semester's SKTP is paid what the rules say is owed beyond what was already paid. A run
    repeated records nothing new unless something changed."""

    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    sktp = models.ForeignKey(Sktp, on_delete=models.PROTECT, related_name="runs")
    state = models.CharField(_("state"), max_length=10, choices=Job.choices, default=Job.QUEUED)
    total = models.PositiveIntegerField(_("teachers"), default=0)
    done = models.PositiveIntegerField(_("done"), default=0)
    entries_count = models.PositiveIntegerField(_("new entries"), default=0)
    gross = models.DecimalField(_("gross"), default=0, max_digits=14, decimal_places=0)
    tax = models.DecimalField(_("income tax"), default=0, max_digits=14, decimal_places=0)
    error = models.TextField(_("error"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("payment run")
        verbose_name_plural = _("payment runs")

    def __str__(self) -> str:
        return f"{self.year}-Q{self.quarter} {self.district_id}"

    @property
    def label(self) -> str:
        """`2019-Q1`."""
        return f"{self.year}-Q{self.quarter}"

    @property
    def percent(self) -> int:
        """Progress in whole percent."""
        return 100 if not self.total else min(100, self.done * 100 // self.total)


class PaymentEntry(AppendOnlyModel):
    """What was paid a teacher for a month: a payment, or a correction (a new entry referring
    to the entry it corrects, with the difference; an entry is never edited)."""

    append_only_message = "payment entries are append-only: a correction is a new entry"

    run = models.ForeignKey(PaymentRun, on_delete=models.PROTECT, related_name="entries")
    teacher = models.ForeignKey(Teacher, on_delete=models.PROTECT, related_name="payments")
    sktp_entry = models.ForeignKey(
        SktpEntry, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    month = models.DateField(_("month"))
    gross = models.DecimalField(_("gross"), max_digits=14, decimal_places=0)
    tax = models.DecimalField(_("income tax"), max_digits=14, decimal_places=0)
    funding = models.CharField(_("funding"), max_length=5, blank=True)
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections"
    )
    reason = models.JSONField(_("reason"), default=dict)
    created_at = models.DateTimeField(_("recorded"))

    class Meta:
        ordering = ["month", "pk"]
        indexes = [models.Index(fields=["teacher", "month"], name="payment_teacher_month")]
        verbose_name = _("payment entry")
        verbose_name_plural = _("payment entries")

    def __str__(self) -> str:
        return f"{self.teacher_id} {self.month:%Y-%m}: {self.gross}"

    @property
    def net(self) -> object:
        """What was transferred (negative for a correction that claws back)."""
        return self.gross - self.tax


class Export(AppendOnlyModel):
    """An export taken of an SKTP or a run: who, when, which list and how many rows."""

    append_only_message = "the exports log is append-only"

    class Kind(models.TextChoices):
        SKTP = "sktp", _("SKTP list")
        FINANCE = "finance", _("Finance office list")
        BANK = "bank", _("Bank transfer list")

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        XLSX = "xlsx", "XLSX"
        CSV = "csv", "CSV"

    kind = models.CharField(_("list"), max_length=10, choices=Kind.choices)
    file_format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    sktp = models.ForeignKey(
        Sktp, on_delete=models.PROTECT, null=True, blank=True, related_name="exports"
    )
    run = models.ForeignKey(
        PaymentRun, on_delete=models.PROTECT, null=True, blank=True, related_name="exports"
    )
    rows = models.PositiveIntegerField(_("rows"))
    created_at = models.DateTimeField(_("taken"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self) -> str:
        return f"{self.kind} {self.file_format}"
