"""The SK penetapan peserta's own data: its number, the day it was signed and its signatory."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from sergur.accounts.models import User
from sergur.registry.models import District, ProgrammeYear
from sergur.selection.models import SkLetter


@transaction.atomic
def sk_letter_record(
    *,
    programme_year: ProgrammeYear,
    district: District,
    number: str,
    signed_on: dt.date,
    signatory_name: str,
    signatory_nip: str,
    actor: User | None,
) -> SkLetter:
    """Record (or correct) the number, signing day and signatory the district's SK of the
    year carries (Buku 1: the SK penetapan peserta is signed by the head of the district
    office)."""
    letter = (
        SkLetter.objects.select_for_update()
        .filter(programme_year=programme_year, district=district)
        .first()
    ) or SkLetter(programme_year=programme_year, district=district)
    letter.number = number.strip()
    letter.signed_on = signed_on
    letter.signatory_name = " ".join(signatory_name.split())
    letter.signatory_nip = signatory_nip.strip()
    letter.recorded_by = actor
    letter.full_clean()
    letter.save()
    return letter
