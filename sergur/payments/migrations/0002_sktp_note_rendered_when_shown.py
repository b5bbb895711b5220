"""The SKTP job used to store its note on the teachers it could not list ("Eligible but not
listed …: n") as text in `Sktp.error`, in whatever language the job ran in. The note is now
rendered when shown, from `not_listed`, in the reader's language (`Sktp.note`), so the text
stored on a finished SKTP is cleared: a finished job stores no error. Reversing writes the
English note back from `not_listed`."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def _clear(apps: Any, schema_editor: Any) -> None:
    sktps = apps.get_model("payments", "Sktp")
    sktps.objects.filter(state="done").exclude(error="").update(error="")


def _restore(apps: Any, schema_editor: Any) -> None:
    sktps = apps.get_model("payments", "Sktp")
    for sktp in sktps.objects.filter(state="done", not_listed__gt=0):
        sktp.error = (
            "Eligible but not listed for want of an amount (no pay profile, or no "
            f"salary-table row): {sktp.not_listed}."
        )
        sktp.save(update_fields=["error"])


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0001_pay_profiles_sktp_and_runs"),
    ]

    operations = [migrations.RunPython(_clear, _restore)]
