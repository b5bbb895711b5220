"""An appeal's file is personal data: taking it is a recorded download, in the case's
district; a refused request records nothing."""

from __future__ import annotations

from sergur.appeals.tests.views.test_pages import appeal, as_user, open_case, url  # noqa: F401
from sergur.common.audit import Action
from sergur.common.models import AuditRecord


def test_the_appeal_file_download_is_recorded(client, cast, appeal):  # noqa: F811
    assert as_user(client, cast.sri).get(url("evidence", appeal.pk)).status_code == 200
    assert as_user(client, cast.budi).get(url("evidence", appeal.pk)).status_code == 404

    (record,) = AuditRecord.objects.filter(action=Action.DOWNLOAD)
    assert (record.object_kind, record.object_id) == ("appeal", str(appeal.pk))
    assert (record.actor_id, record.district_id) == (cast.sri.pk, cast.dinas.district_id)
    assert record.detail == {"file": "appeal_evidence"}
