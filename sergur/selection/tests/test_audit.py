"""The SK penetapan peserta is a download of personal data: one audit record, in the
district's scope, with the year and the number of teachers it names (never their names)."""

from __future__ import annotations

from sergur.common.audit import Action
from sergur.common.models import AuditRecord
from sergur.selection.models import SelectionEntry
from sergur.selection.tests.test_views import district_url, login, ran  # noqa: F401


def test_the_sk_download_is_recorded(client, cast, ran):  # noqa: F811
    login(client, cast.dinas)
    response = client.get(district_url(ran, "selection:sk"))
    b"".join(response.streaming_content)

    (record,) = AuditRecord.objects.filter(action=Action.DOWNLOAD)
    assert (record.object_kind, record.object_id) == ("district", str(ran.district.pk))
    assert record.district_id == ran.district.pk
    assert record.detail["file"] == "sk"
    assert record.detail["year"] == ran.year.year
    assert record.detail["teachers"] == SelectionEntry.objects.filter(selected=True).count()
