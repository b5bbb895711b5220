"""The quality-assurance page asks which final appraisals have a competency below standard.
Computing that from every indicator point on each visit was most of the page's time
(bench/quality_page.py), so the appraisal now keeps, when it is submitted, how many
competencies fell below the year's standard and the lowest converted value (docs/pkg.md,
"Scoring", steps 2-3). Existing results are backfilled through the rules core from their
indicator points, exactly as the submit service computes them; an appraisal whose year or
instrument data can no longer be read is left empty (QA then counts it as not below, as
before). Reversing drops the columns."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import migrations, models

from sergur.rules.appraisal import appraisal_params, evaluate, instrument


def _backfill(apps: Any, schema_editor: Any) -> None:
    appraisals = apps.get_model("appraisal", "Appraisal")
    dirs = tuple(settings.SERGUR_YEARS_DIRS)
    done = appraisals.objects.filter(score__isnull=False).prefetch_related("scores")
    for appraisal in done.iterator(chunk_size=500):
        try:
            used = instrument(appraisal.instrument_key, appraisal.instrument_version, dirs)
            params = appraisal_params(appraisal.year, dirs)
            points = {c.key: [0] * c.indicators for c in used.competencies}
            for score in appraisal.scores.all():
                row = points.get(score.competency)
                if row is not None and 1 <= score.indicator <= len(row):
                    row[score.indicator - 1] = score.points
            result = evaluate(
                used, points, params, rank=appraisal.rank, hours=appraisal.teaching_hours
            )
        except (LookupError, ValueError):
            continue
        appraisal.below_count = len(result.below_standard)
        appraisal.lowest_value = min((c.value for c in result.competencies), default=None)
        appraisal.save(update_fields=["below_count", "lowest_value"])


class Migration(migrations.Migration):
    dependencies = [
        ("appraisal", "0001_pkg_appraisals"),
        ("registry", "0008_school_coordinates"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="appraisal",
            name="below_count",
            field=models.PositiveSmallIntegerField(
                blank=True, null=True, verbose_name="competencies below standard"
            ),
        ),
        migrations.AddField(
            model_name="appraisal",
            name="lowest_value",
            field=models.PositiveSmallIntegerField(
                blank=True, null=True, verbose_name="lowest competency value"
            ),
        ),
        migrations.AddIndex(
            model_name="appraisal",
            index=models.Index(
                condition=models.Q(("below_count__gt", 0), ("state", "final")),
                fields=["year", "school"],
                name="appraisal_final_below",
            ),
        ),
        migrations.RunPython(_backfill, migrations.RunPython.noop, elidable=True),
    ]
