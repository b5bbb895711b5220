"""Selection of participants (Buku 1; docs/sources/domain.md §4): the district's yearly run with
every teacher's eligibility, rank and participant number, the quota allocation per region and
school level, and the logged moves of unfilled quota within a province."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.common.models import AppendOnlyModel
from sergur.registry.models import (
    District,
    ProgrammeYear,
    Province,
    School,
    Teacher,
    nip_format,
)
from sergur.rules.messages import Message, Term

APPEND_ONLY = "quota moves are append-only"


def _encode(value: object) -> Any:
    if isinstance(value, Message):
        return message_to_json(value)
    if isinstance(value, Term):
        return {"term": value.value}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, bool | int | str) or value is None:
        return value
    return str(value)


def _decode(value: Any) -> object:
    if isinstance(value, dict):
        if "code" in value:
            return message_from_json(value)
        if "term" in value:
            return Term(str(value["term"]))
        if "decimal" in value:
            return Decimal(str(value["decimal"]))
    return value


def message_to_json(message: Message) -> dict[str, Any]:
    """A reason as stored: its code and parameters (nested messages and terms kept), so that
    it renders later in the reader's language."""
    return {"code": message.code, "params": {k: _encode(v) for k, v in message.params}}


def message_from_json(data: dict[str, Any]) -> Message:
    """A stored reason back as a message of the catalogue."""
    params = data.get("params") or {}
    return Message(str(data["code"]), tuple((k, _decode(v)) for k, v in params.items()))


class SelectionRun(models.Model):
    """One district committee's determination of the participants of a programme year
    (penetapan peserta): the parameters used, the quota given and who ran it, when."""

    class Status(models.TextChoices):
        DONE = "done", _("Done")

    programme_year = models.ForeignKey(
        ProgrammeYear, on_delete=models.PROTECT, related_name="selection_runs"
    )
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="selection_runs")
    quota = models.PositiveIntegerField(_("district quota"))
    national_target = models.PositiveIntegerField(_("national target"), null=True, blank=True)
    params = models.JSONField(_("parameters used"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DONE
    )
    replaces = models.JSONField(
        _("replaced run"),
        default=dict,
        blank=True,
        help_text=_("Who ran the run this one replaced, when, and what it selected."),
    )
    candidates = models.PositiveIntegerField(_("candidates"), default=0)
    eligible = models.PositiveIntegerField(_("eligible"), default=0)
    selected = models.PositiveIntegerField(_("selected"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("run by"),
    )
    created_at = models.DateTimeField(_("run at"), auto_now_add=True)

    class Meta:
        ordering = ["-programme_year__year", "district"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme_year", "district"], name="one_selection_run_a_district_year"
            )
        ]
        verbose_name = _("selection run")
        verbose_name_plural = _("selection runs")

    def __str__(self) -> str:
        return f"{self.district} {self.programme_year}"


class SelectionEntry(models.Model):
    """One teacher in a selection run: eligible or not with the reasons (codes and parameters,
    rendered in the reader's language), the counted service, the rank and its factors,
    whether selected and why, and the participant number."""

    class SelectedBy(models.TextChoices):
        NONE = "", _("Not selected")
        RANK = "rank", _("By rank within the quota")
        NON_PNS_SHARE = "non_pns_share", _("By the minimum non-PNS share")

    run = models.ForeignKey(SelectionRun, on_delete=models.CASCADE, related_name="entries")
    programme_year = models.ForeignKey(
        ProgrammeYear, on_delete=models.PROTECT, related_name="selection_entries"
    )
    teacher = models.ForeignKey(Teacher, on_delete=models.PROTECT, related_name="selections")
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    eligible = models.BooleanField(_("eligible"))
    reasons = models.JSONField(
        _("reasons"), default=list, blank=True, help_text=_("Message codes with parameters.")
    )
    service_months = models.PositiveIntegerField(_("months of service counted"), default=0)
    position = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    factors = models.JSONField(_("rank factors"), default=list, blank=True)
    selected = models.BooleanField(_("selected"), default=False)
    selected_by = models.CharField(
        _("why selected"), max_length=16, choices=SelectedBy.choices, blank=True
    )
    participant_number = models.CharField(_("participant number"), max_length=14, blank=True)
    note = models.JSONField(
        _("selection note"),
        default=dict,
        blank=True,
        help_text=_("Why selected, or why a place went to the non-PNS share (a message)."),
    )

    class Meta:
        ordering = ["run", models.F("position").asc(nulls_last=True), "teacher__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme_year", "teacher"], name="one_selection_entry_a_year"
            ),
            models.UniqueConstraint(
                fields=["programme_year", "participant_number"],
                condition=~models.Q(participant_number=""),
                name="participant_number_unique_a_year",
            ),
            models.CheckConstraint(
                condition=models.Q(selected=False) | models.Q(eligible=True),
                name="selected_only_if_eligible",
            ),
        ]
        verbose_name = _("selection entry")
        verbose_name_plural = _("selection entries")

    def __str__(self) -> str:
        return f"{self.teacher} ({self.programme_year})"

    @property
    def reason_messages(self) -> list[Message]:
        """The stored reasons as messages, to render in the reader's language."""
        return [message_from_json(item) for item in self.reasons]

    @property
    def note_message(self) -> Message | None:
        """Why selected or displaced, as a message (None when there is nothing to say)."""
        return message_from_json(self.note) if self.note else None


class QuotaAllocation(models.Model):
    """The quota of one district and school level in a programme year (KK, KSp = GSp/GK × KK),
    with the eligible teachers it was shared by and how many places the run filled."""

    programme_year = models.ForeignKey(
        ProgrammeYear, on_delete=models.PROTECT, related_name="quota_allocations"
    )
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    school_level = models.CharField(_("school level"), max_length=4, choices=School.Level.choices)
    eligible = models.PositiveIntegerField(_("eligible teachers"))
    quota = models.PositiveIntegerField(_("quota"))
    filled = models.PositiveIntegerField(_("filled"), default=0)
    national_target = models.PositiveIntegerField(_("national target"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("allocated by"),
    )
    created_at = models.DateTimeField(_("allocated at"), auto_now_add=True)

    class Meta:
        ordering = ["province__code", "district__code", "school_level"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme_year", "district", "school_level"],
                name="one_quota_a_district_level_year",
            )
        ]
        verbose_name = _("quota allocation")
        verbose_name_plural = _("quota allocations")

    def __str__(self) -> str:
        return f"{self.district} {self.school_level} {self.programme_year}: {self.quota}"


class QuotaMove(AppendOnlyModel):
    """Unfilled places moved from one district to another of the same province (reported to
    the LPMP, 2011 rules). Never changed or deleted."""

    append_only_message = APPEND_ONLY

    programme_year = models.ForeignKey(
        ProgrammeYear, on_delete=models.PROTECT, related_name="quota_moves"
    )
    from_district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    to_district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: no district of the province could take the places (LPMP)."),
    )
    school_level = models.CharField(
        _("school level"), max_length=4, choices=School.Level.choices, blank=True
    )
    places = models.PositiveIntegerField(_("places"))
    reason = models.JSONField(_("reason"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moved by"),
    )
    created_at = models.DateTimeField(_("moved at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("quota move")
        verbose_name_plural = _("quota moves")

    def __str__(self) -> str:
        return f"{self.from_district} → {self.to_district or '—'}: {self.places}"

    @property
    def reason_message(self) -> Message | None:
        """The stored reason as a message, to render in the reader's language."""
        return message_from_json(self.reason) if self.reason else None


sk_number_format = RegexValidator(
    r"^[0-9A-Za-z][0-9A-Za-z ./()-]{0,59}$",
    _(
        "Write the SK number as it stands on the letter, e.g. 421.2/0123/2007: letters, digits, "
        "spaces and . / - ( ) only."
    ),
)


class SkLetter(models.Model):
    """What the district's SK penetapan peserta of a programme year carries beyond the list:
    its number, the day it was signed and its signatory (the head of the district office,
    with NIP), as the district committee recorded them."""

    programme_year = models.ForeignKey(
        ProgrammeYear, on_delete=models.PROTECT, related_name="sk_letters"
    )
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="sk_letters")
    number = models.CharField(_("SK number"), max_length=60, validators=[sk_number_format])
    signed_on = models.DateField(_("signed on"))
    signatory_name = models.CharField(
        _("signatory's name"),
        max_length=120,
        help_text=_("With the titles as on the letter, e.g. Drs. H. Sukirman, M.Pd."),
    )
    signatory_nip = models.CharField(_("signatory's NIP"), max_length=18, validators=[nip_format])
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["programme_year", "district"], name="one_sk_letter_a_district_year"
            )
        ]
        verbose_name = _("SK letter")
        verbose_name_plural = _("SK letters")

    def __str__(self) -> str:
        return f"{self.number} ({self.district} {self.programme_year})"
