"""Migration 0007: a counsellor's sheets written while 4b came from the envelope keep the
envelope's 24 practice items, so re-scoring them does not drop their 4b to 0."""

from __future__ import annotations

import importlib
from typing import Any

from django.apps import apps

from sergur.assessments.models import Sheet
from sergur.assessments.tests.support import allocate, at_rayon, submit_complete
from sergur.assessments.tests.test_counsellor_practice import counsellor_case
from sergur.portfolios.models import EnvelopeInstrument

MIGRATION = importlib.import_module(
    "sergur.assessments.migrations.0007_counsellor_sheets_keep_envelope_practice"
)


def test_a_counsellors_old_sheets_take_the_envelopes_practice_items(cast: Any) -> None:
    case = counsellor_case(cast)
    first, second = allocate(case, cast.asesor, cast.asesor2)
    # As stored before the move: the envelope held the 24 items, the sheets none.
    EnvelopeInstrument.objects.filter(case=case).update(observation_items=[3] * 24)
    Sheet.objects.filter(pk=second.pk).update(practice_items=[5] * 24)
    subject_sheets = allocate(at_rayon(submit_complete(cast.sri_case, cast)), cast.asesor)

    MIGRATION._copy_envelope_practice(apps, None)

    assert Sheet.objects.get(pk=first.pk).practice_items == [3] * 24
    assert Sheet.objects.get(pk=second.pk).practice_items == [5] * 24  # its own, kept
    assert Sheet.objects.get(pk=subject_sheets[0].pk).practice_items == []


def test_nothing_to_copy_changes_nothing(cast: Any) -> None:
    sheets = allocate(at_rayon(submit_complete(cast.sri_case, cast)), cast.asesor)

    MIGRATION._copy_envelope_practice(apps, None)

    assert Sheet.objects.get(pk=sheets[0].pk).practice_items == []
