"""Publishing decisions in bulk logs each case's event and its audit record; the PLPG list
taken as CSV is a recorded download."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.utils import timezone

from sergur.assessments.services.decisions import results_publish
from sergur.assessments.tests.decisions_support import decided
from sergur.assessments.tests.test_decisions import PLPG, page
from sergur.common.audit import Action, audit_verify
from sergur.common.models import AuditRecord


def test_a_bulk_publication_records_every_case(cast: Any) -> None:
    results = [decided(cast.sri_case, "L"), decided(cast.budi_case, "MPLPG")]

    results_publish(results=results, actor=cast.rayon_admin, now=timezone.now())

    records = AuditRecord.objects.filter(action=Action.CASE_EVENT, detail__kind="published")
    assert sorted(r.object_id for r in records) == sorted(
        str(case.pk) for case in (cast.sri_case, cast.budi_case)
    )
    assert {r.actor_id for r in records} == {cast.rayon_admin.pk}
    assert all(isinstance(r.detail["event"], int) for r in records)
    assert audit_verify()[1] == []


def test_the_plpg_csv_is_a_recorded_download(client: Client, cast: Any) -> None:
    page(client, cast.rayon_admin, PLPG, format="csv")

    (record,) = AuditRecord.objects.filter(action=Action.DOWNLOAD)
    assert record.detail == {"file": "plpg_csv"}
    assert (record.object_kind, record.object_id) == ("rayon", str(cast.rayon_admin.rayon_id))
