"""A clarification's scan is personal data: taking it is a recorded download."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from sergur.assessments.models import ClarificationResponse
from sergur.assessments.tests.test_clarification import asked, clarify_url
from sergur.common.audit import Action
from sergur.common.models import AuditRecord
from sergur.portfolios.tests.teacher_support import pdf_upload


def test_the_clarification_scan_download_is_recorded(client: Client, cast: Any) -> None:
    asked(cast)
    client.force_login(cast.sri)
    client.post(clarify_url(cast.sri_case), {"text": "Original attached", "scan": pdf_upload()})
    answer = ClarificationResponse.objects.get()
    client.force_login(cast.rayon_admin)

    client.get(reverse("assessments:clarification_file", args=[cast.sri_case.pk, answer.pk]))

    (record,) = AuditRecord.objects.filter(action=Action.DOWNLOAD)
    assert (record.object_kind, record.object_id) == ("case", str(cast.sri_case.pk))
    assert record.actor_id == cast.rayon_admin.pk
    assert record.detail == {"file": "clarification", "clarification": answer.pk}
