"""The operator's admin screens for the assessment: every list and detail opens; the register
may be edited; what the services write is read-only; nobody else gets in."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from sergur.assessments.models import (
    Allocation,
    BatchJob,
    Correction,
    DeclaredRelation,
    Reconciliation,
    Result,
    Sheet,
)
from sergur.assessments.tests.support import allocate, at_rayon

READ_ONLY = ["allocation", "sheet", "reconciliation", "correction", "result", "batchjob"]
EDITABLE = ["assessor", "declaredrelation"]


@pytest.fixture
def rows(cast: Any) -> dict[str, Any]:
    case = at_rayon(cast.sri_case)
    (sheet, _) = allocate(case, cast.asesor, cast.asesor2)
    reconciliation = Reconciliation.objects.create(case=case, round=1, mode="joint")
    correction = Correction.objects.create(
        reconciliation=reconciliation,
        part="qualification",
        before=Decimal(1),
        after=Decimal(2),
        reason="r",
        by=cast.rayon_admin,
    )
    result = Result.objects.create(
        case=case,
        round=1,
        source="mean",
        parts={},
        total=Decimal(1),
        code="L",
        decided_at=timezone.now(),
    )
    job = BatchJob.objects.create(
        kind="rescore", programme_year=case.programme_year, started_by=cast.operator
    )
    relation = DeclaredRelation.objects.create(
        assessor=cast.asesor3.assessor, teacher=cast.budi_case.teacher, relation="adik"
    )
    return {
        "assessor": cast.asesor.assessor,
        "declaredrelation": relation,
        "allocation": sheet.allocation,
        "sheet": sheet,
        "reconciliation": reconciliation,
        "correction": correction,
        "result": result,
        "batchjob": job,
    }


@pytest.mark.parametrize("model", READ_ONLY + EDITABLE)
def test_every_list_and_detail_opens_for_the_operator(client, cast, rows, model):
    client.force_login(cast.operator)
    assert client.get(reverse(f"admin:assessments_{model}_changelist")).status_code == 200
    detail = reverse(f"admin:assessments_{model}_change", args=[rows[model].pk])
    assert client.get(detail).status_code == 200


@pytest.mark.parametrize("model", READ_ONLY)
def test_what_the_services_write_cannot_be_added_changed_or_deleted(client, cast, rows, model):
    client.force_login(cast.operator)
    assert client.get(reverse(f"admin:assessments_{model}_add")).status_code == 403
    delete = reverse(f"admin:assessments_{model}_delete", args=[rows[model].pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Sheet.objects.count() == 2 and Allocation.objects.count() == 2


@pytest.mark.parametrize("model", EDITABLE)
def test_the_register_may_be_edited(client, cast, rows, model):
    client.force_login(cast.operator)
    assert client.get(reverse(f"admin:assessments_{model}_add")).status_code == 200


def test_nobody_else_opens_the_admin(client, cast, rows):
    client.force_login(cast.rayon_admin)
    response = client.get(reverse("admin:assessments_assessor_changelist"))
    assert response.status_code == 302
