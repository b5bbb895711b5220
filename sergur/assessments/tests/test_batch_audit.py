"""The re-scoring batch writes its RESCORED events by COPY, without the case services: each
still gets its audit record, with the case, its district and the states."""

from __future__ import annotations

from django.test import override_settings

from sergur.assessments.tests.batch_support import changed_year
from sergur.assessments.tests.test_batch import _run, cases  # noqa: F401 - the fixture
from sergur.cases.models import CaseEvent
from sergur.common.audit import Action, audit_verify
from sergur.common.models import AuditRecord


def test_every_rescored_event_has_its_audit_record(cast, cases, tmp_path):  # noqa: F811
    with override_settings(
        SERGUR_YEARS_DIRS=(changed_year(tmp_path, pass_mark="100", near_miss_floor="90"),)  # nosec B106 # a score, no password
    ):
        _run(cast)

    events = CaseEvent.objects.filter(kind=CaseEvent.Kind.RESCORED)
    records = AuditRecord.objects.filter(action=Action.CASE_EVENT, detail__kind="rescored")
    assert events.exists()
    assert sorted(r.object_id for r in records) == sorted(str(e.case_id) for e in events)
    for record in records:
        event = events.get(case_id=int(record.object_id))
        assert (record.detail["from"], record.detail["to"]) == (event.from_state, event.to_state)
        assert record.actor_id == cast.operator.pk
        assert record.district_id == cast.dinas.district_id
    assert audit_verify()[1] == []
