"""Writing a teacher's pay profile: employment, rank, years in rank, the period the district
pays and the bank account (docs/allowance.md, "Amount")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from sergur.accounts.models import User
from sergur.common.audit import audit_record
from sergur.payments.models import PayProfile
from sergur.registry.models import Teacher
from sergur.registry.selectors import teacher_district_ids

FIELDS = (
    "employment",
    "golongan",
    "mkg",
    "mkg_counted_on",
    "paid_from",
    "paid_until",
    "bank_name",
    "bank_account",
)


@transaction.atomic
def pay_profile_set(
    *, actor: User, teacher: Teacher, now: dt.datetime, **values: Any
) -> PayProfile:
    """Create or change the teacher's pay profile (every field checked), audited by field
    name (never the values: an account number is personal data)."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown pay profile fields: {sorted(unknown)}")
    profile = PayProfile.objects.filter(teacher=teacher).first() or PayProfile(teacher=teacher)
    changed = sorted(k for k, v in values.items() if getattr(profile, k, None) != v)
    for key, value in values.items():
        setattr(profile, key, value)
    profile.updated_at, profile.updated_by = now, actor
    profile.full_clean()
    profile.save()
    audit_record(
        action="payments.profile_changed",
        user=actor,
        object_kind="teacher",
        object_id=teacher.pk,
        district_id=teacher_district_ids(teacher_ids=[teacher.pk]).get(teacher.pk),
        detail={"fields": ",".join(changed)},
        now=now,
    )
    return profile
