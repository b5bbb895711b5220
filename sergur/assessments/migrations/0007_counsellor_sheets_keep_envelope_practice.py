"""A counsellor's 4b moved from the closed envelope to the assessor's sheet (seed 003, Buku II
pp. 33-35, "Oleh Penilai (Asesor)"). Sheets written before the move have no practice items, so
a re-score would give their 4b 0: each such sheet of a counsellor whose envelope holds the 24
practice items takes those items, the scores its outcome was computed with. Sheets that
already hold practice items, and every subject teacher's sheet, are left alone. Reversing
keeps the copied items (they are the sheet's own from then on); nothing else changed."""

from __future__ import annotations

from typing import Any

from django.db import migrations

PRACTICE_SIZE = 24


def _copy_envelope_practice(apps: Any, schema_editor: Any) -> None:
    envelopes = apps.get_model("portfolios", "EnvelopeInstrument")
    sheets = apps.get_model("assessments", "Sheet")
    practice_by_case = {
        case_id: items
        for case_id, items in envelopes.objects.filter(variant="counselor").values_list(
            "case_id", "observation_items"
        )
        if isinstance(items, list)
        and len(items) == PRACTICE_SIZE
        and all(isinstance(item, int) and not isinstance(item, bool) for item in items)
    }
    if not practice_by_case:
        return
    changed = []
    for sheet in sheets.objects.filter(allocation__case_id__in=list(practice_by_case)).only(
        "id", "practice_items", "allocation__case_id"
    ).select_related("allocation"):
        if sheet.practice_items:
            continue
        sheet.practice_items = list(practice_by_case[sheet.allocation.case_id])
        changed.append(sheet)
    sheets.objects.bulk_update(changed, ["practice_items"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0006_sheet_counsellor_practice_items"),
        ("portfolios", "0002_counselor_practice_records_and_envelope"),
    ]

    operations = [
        migrations.RunPython(_copy_envelope_practice, migrations.RunPython.noop),
    ]
