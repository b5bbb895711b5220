"""An approved transfer changes the teacher's master data (the main school): one audit
record in the destination district; a refusal changes nothing and records no change."""

from __future__ import annotations

import pytest
from django.utils import timezone

from sergur.common.audit import Action
from sergur.common.models import AuditRecord
from sergur.conftest import Cast
from sergur.registry.models import School
from sergur.transfers.services import transfer_answer
from sergur.transfers.tests.test_services import request

pytestmark = pytest.mark.django_db


def _changes() -> list[AuditRecord]:
    return list(AuditRecord.objects.filter(action=Action.TEACHER_CHANGED))


def test_an_approved_move_is_recorded_as_a_change_of_the_teacher(
    cast: Cast, sleman_school: School
) -> None:
    transfer = request(cast, sleman_school)

    transfer_answer(
        transfer=transfer, actor=cast.dinas, approve=True, reason="Setuju", now=timezone.now()
    )

    (record,) = _changes()
    assert (record.object_kind, record.object_id) == ("teacher", str(transfer.teacher_id))
    assert (record.actor_id, record.district_id) == (cast.dinas.pk, transfer.destination_id)
    assert record.detail == {"transfer": transfer.pk, "from_district": transfer.origin_id}


def test_a_refusal_records_no_change(cast: Cast, sleman_school: School) -> None:
    transfer = request(cast, sleman_school)

    transfer_answer(
        transfer=transfer, actor=cast.dinas, approve=False, reason="Tidak", now=timezone.now()
    )

    assert _changes() == []
