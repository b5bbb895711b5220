"""Writing teachers' pay profiles: employment, rank, years in rank, the period the district
pays and the bank account (docs/allowance.md, "The pay profile"), one by one from the finance
office's form or many from a CSV or XLSX file (a dry run first).

A profile is read when an SKTP lists a teacher (the amount) and when a run pays a month (the
period): a change applies from the next SKTP and the next run. SKTP lines and payment entries
already recorded are append-only and never rewritten."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.common.audit import AuditEntry, actor_fields, audit_record, audit_record_many
from sergur.common.i18n import rules_lang
from sergur.payments.models import PayProfile, PayProfileVersion
from sergur.payments.selectors import district_teachers_by_nuptk, profiles_of
from sergur.payments.services.tables import file_rows
from sergur.registry.models import District, Teacher
from sergur.registry.selectors import teacher_district_ids
from sergur.rules.allowance.amount import TableError
from sergur.rules.allowance.profile_rows import (
    PROFILE_COLUMNS,
    ProfileRow,
    check_profiles,
    missing_columns,
)
from sergur.rules.messages import Message, msg
from sergur.tabular.readers import ReadError

FIELDS = (
    "employment",
    "golongan",
    "mkg",
    "mkg_counted_on",
    "paid_from",
    "paid_until",
    "bank_name",
    "bank_account",
    "effective_from",
)
RANK_FIELDS = ("employment", "golongan", "mkg", "mkg_counted_on")
"""What a promotion changes: the values a month is paid with, kept per period of force."""
CHANGED = "payments.profile_changed"
"""The audit action of a created or changed profile (its field names, never the values)."""
MAX_BYTES = 10 * 1024 * 1024
MAX_LINES = 100_000
TOO_LARGE = _("The file is larger than 10 MB; split it by school or subdistrict.")
TOO_LONG = _("The file has more than 100,000 lines; split it by school or subdistrict.")


def _changed(profile: PayProfile, values: dict[str, Any]) -> list[str]:
    return sorted(k for k, v in values.items() if getattr(profile, k, None) != v)


def _apply(
    profile: PayProfile, values: dict[str, Any], *, new: bool
) -> tuple[list[str], PayProfileVersion | None]:
    """Set `values` on the profile; the names of the fields changed and, when a changed rank
    takes effect after the current one (a promotion), the current rank as an earlier version
    in force until the day before. `effective_from` left empty corrects the current rank;
    one earlier than the current one's is refused (`EffectiveBefore`)."""
    values = dict(values)
    effective = values.pop("effective_from", None)
    changed = _changed(profile, values)
    version = None
    if new:
        values["effective_from"] = effective
        changed = _changed(profile, values)
    elif (
        effective is not None
        and effective != profile.effective_from
        and any(field in changed for field in RANK_FIELDS)
    ):
        current = profile.effective_from
        if current is not None and effective < current:
            raise EffectiveBefore(effective, current)
        version = PayProfileVersion(
            teacher_id=profile.teacher_id,
            employment=profile.employment,
            golongan=profile.golongan,
            mkg=profile.mkg,
            mkg_counted_on=profile.mkg_counted_on,
            effective_from=current,
            effective_until=effective - dt.timedelta(days=1),
        )
        values["effective_from"] = effective
        changed.append("effective_from")
    for key, value in values.items():
        setattr(profile, key, value)
    return sorted(changed), version


class EffectiveBefore(ValueError):
    """A change of rank dated before the current rank's date of force."""

    def __init__(self, value: dt.date, current: dt.date) -> None:
        super().__init__(value, current)
        self.value, self.current = value, current

    def message(self) -> Message:
        """The reason, in the rules core's words."""
        return msg(
            "pay.profile.effective_before",
            value=self.value.isoformat(),
            current=self.current.isoformat(),
        )


@transaction.atomic
def pay_profile_set(
    *, actor: User, teacher: Teacher, now: dt.datetime, **values: Any
) -> PayProfile:
    """Create or change the teacher's pay profile (every field checked), audited by field
    name (never the values: an account number is personal data). Saving the same values
    again writes nothing."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown pay profile fields: {sorted(unknown)}")
    found = PayProfile.objects.select_for_update().filter(teacher=teacher).first()
    profile = found or PayProfile(teacher=teacher)
    try:
        changed, version = _apply(profile, values, new=found is None)
    except EffectiveBefore as error:
        raise ValidationError(
            {"effective_from": error.message().text(rules_lang())}, code="effective"
        ) from error
    if found is not None and not changed:
        return found
    profile.updated_at, profile.updated_by = now, actor
    profile.full_clean()
    profile.save()
    if version is not None:
        version.recorded_at, version.recorded_by = now, actor
        version.full_clean()
        version.save()
    audit_record(
        action=CHANGED,
        user=actor,
        object_kind="teacher",
        object_id=teacher.pk,
        district_id=teacher_district_ids(teacher_ids=[teacher.pk]).get(teacher.pk),
        detail={"fields": ",".join(changed), "new": found is None},
        now=now,
    )
    return profile


@dataclass(frozen=True)
class ProfileLoad:
    """What a load found: the good rows, every problem, how many profiles are (or would be)
    created, changed or left as they are, and whether they were saved."""

    rows: int
    errors: tuple[TableError, ...]
    created: int
    changed: int
    unchanged: int
    saved: bool


class _Header:
    """Remembers the columns of the first row while the rows stream through."""

    def __init__(self, rows: Iterator[tuple[int, dict[str, str]]]) -> None:
        self.rows = rows
        self.first: list[str] | None = None

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        for line, cells in self.rows:
            if self.first is None:
                self.first = list(cells)
            yield line, cells


def _values(row: ProfileRow) -> dict[str, Any]:
    return {
        "employment": row.employment.value,
        "golongan": row.golongan,
        "mkg": row.mkg,
        "mkg_counted_on": row.mkg_counted_on,
        "paid_from": row.paid_from,
        "paid_until": row.paid_until,
        "bank_name": row.bank_name,
        "bank_account": row.bank_account,
        "effective_from": row.effective_from,
    }


def pay_profiles_load(
    *,
    actor: User,
    district: District,
    upload: UploadedFile[Any] | IO[bytes],
    dry_run: bool,
    now: dt.datetime,
) -> ProfileLoad:
    """Check a pay-profile file (columns `PROFILE_COLUMNS`, one line per teacher of the
    district, by NUPTK) and, unless `dry_run` or a line is wrong, create or change the
    profiles, each audited; nothing is saved while one line is wrong."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(TOO_LARGE, code="too_large")
    header = _Header(file_rows(upload, max_lines=MAX_LINES, too_long=TOO_LONG))
    try:
        checked = check_profiles(header)
    except ReadError as error:
        return ProfileLoad(0, (TableError(error.line, "", error.message),), 0, 0, 0, False)
    errors = list(missing_columns(header.first or PROFILE_COLUMNS)) + list(checked.errors)
    if header.first is None:
        errors.append(TableError(0, "", msg("pay.csv.empty")))
    teachers = district_teachers_by_nuptk(
        district_id=district.pk, nuptks=[row.nuptk for row in checked.rows]
    )
    rows = []
    for row in checked.rows:
        if row.nuptk in teachers:
            rows.append((teachers[row.nuptk], row))
        else:
            errors.append(TableError(row.line, "nuptk", msg("pay.profile.unknown_teacher")))
    order = {column: index for index, column in enumerate(PROFILE_COLUMNS)}
    errors.sort(key=lambda e: (e.line, order.get(e.column, len(order))))
    existing = profiles_of(teacher for teacher, _row in rows)
    fresh: list[PayProfile] = []
    updated: list[tuple[PayProfile, list[str]]] = []
    versions: list[PayProfileVersion] = []
    for teacher, row in rows:
        values = _values(row)
        profile = existing.get(teacher)
        if profile is None:
            fresh.append(PayProfile(teacher_id=teacher, **values))
            continue
        try:
            changed, version = _apply(profile, values, new=False)
        except EffectiveBefore as error:
            errors.append(TableError(row.line, "effective_from", error.message()))
            continue
        if changed:
            updated.append((profile, changed))
        if version is not None:
            versions.append(version)
    errors.sort(key=lambda e: (e.line, order.get(e.column, len(order))))
    unchanged = len(rows) - len(fresh) - len(updated)
    if errors or dry_run:
        return ProfileLoad(len(rows), tuple(errors), len(fresh), len(updated), unchanged, False)
    _save(actor, district, fresh, updated, versions, now)
    return ProfileLoad(len(rows), (), len(fresh), len(updated), unchanged, True)


@transaction.atomic
def _save(
    actor: User,
    district: District,
    fresh: list[PayProfile],
    updated: list[tuple[PayProfile, list[str]]],
    versions: list[PayProfileVersion],
    now: dt.datetime,
) -> None:
    profiles = [*fresh, *(profile for profile, _fields in updated)]
    for profile in profiles:
        profile.updated_at, profile.updated_by = now, actor
        # One teacher a line was checked above; the uniqueness query per row is not needed.
        profile.full_clean(validate_unique=False, validate_constraints=False)
    for version in versions:
        version.recorded_at, version.recorded_by = now, actor
        version.full_clean(validate_unique=False, validate_constraints=False)
    PayProfile.objects.bulk_create(fresh, batch_size=1000)
    PayProfileVersion.objects.bulk_create(versions, batch_size=1000)
    PayProfile.objects.bulk_update(
        [profile for profile, _fields in updated],
        [*FIELDS, "updated_at", "updated_by"],
        batch_size=1000,
    )
    who = actor_fields(actor)
    audit_record_many(
        entries=[
            AuditEntry(
                action=CHANGED,
                actor_id=who["actor_id"],
                actor_role=who["actor_role"],
                object_kind="teacher",
                object_id=str(profile.teacher_id),
                district_id=district.pk,
                detail={"fields": ",".join(fields), "new": new, "source": "file"},
            )
            for profile, fields, new in [
                *((p, list(FIELDS), True) for p in fresh),
                *((p, f, False) for p, f in updated),
            ]
        ],
        now=now,
    )
