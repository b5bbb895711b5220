"""Clarification (K): the teacher answers before the deadline (text, optional scan with the
evidence checks); the rayon clears the doubts or confirms fraud; pages and access."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from sergur.assessments.models import ClarificationResponse, Result
from sergur.assessments.services.decisions import (
    clarification_resolve,
    clarification_respond,
    result_publish,
)
from sergur.assessments.tests.decisions_support import decided
from sergur.assessments.tests.support import submit_complete
from sergur.cases.models import Case, CaseEvent
from sergur.portfolios.tests.teacher_support import pdf_upload

# Enough for L once the doubt is cleared: groups A and B above their minimums, C counted.
PASSING = {
    "qualification": "200",
    "training": "100",
    "teaching_experience": "180",
    "lesson_plans": "60",
    "teaching_observation": "60",
    "superior_assessment": "50",
    "academic_achievement": "40",
    "professional_works": "60",
    "scientific_forums": "40",
    "organization_experience": "30",
    "awards": "30",
}


def asked(cast: Any, now: dt.datetime | None = None) -> Result:
    """Sri's portfolio decided K and published."""
    result = decided(cast.sri_case, "K", parts=PASSING)
    return result_publish(result=result, actor=cast.rayon_admin, now=now or timezone.now())


def test_the_teacher_answers_with_a_scan(cast: Any) -> None:
    asked(cast)

    response = clarification_respond(
        case=cast.sri_case,
        actor=cast.sri,
        text="The original diploma is attached.",
        upload=pdf_upload("ijazah-asli.pdf"),
        now=timezone.now(),
    )

    assert response.content_type == "application/pdf"
    assert response.original_name == "ijazah-asli.pdf"
    assert response.file
    assert CaseEvent.objects.filter(case=cast.sri_case, kind=CaseEvent.Kind.CLARIFICATION).exists()


def test_a_broken_scan_is_refused_and_nothing_is_saved(cast: Any) -> None:
    asked(cast)
    upload = SimpleUploadedFile("scan.pdf", b"not a pdf at all", content_type="application/pdf")

    with pytest.raises(ValidationError) as raised:
        clarification_respond(
            case=cast.sri_case, actor=cast.sri, text="See scan", upload=upload, now=timezone.now()
        )

    assert "scan" in raised.value.error_dict
    assert not ClarificationResponse.objects.exists()


def test_after_the_deadline_no_answer_is_taken(cast: Any) -> None:
    result = asked(cast)
    assert result.respond_until is not None

    with translation.override("en"), pytest.raises(ValidationError, match="deadline"):
        clarification_respond(
            case=cast.sri_case,
            actor=cast.sri,
            text="late",
            upload=None,
            now=result.respond_until + dt.timedelta(minutes=1),
        )


def test_only_the_owner_answers(cast: Any) -> None:
    asked(cast)
    with pytest.raises(ValidationError):
        clarification_respond(
            case=cast.sri_case, actor=cast.budi, text="x", upload=None, now=timezone.now()
        )


def test_an_empty_answer_is_refused(cast: Any) -> None:
    asked(cast)
    with pytest.raises(ValidationError) as raised:
        clarification_respond(
            case=cast.sri_case, actor=cast.sri, text="  ", upload=None, now=timezone.now()
        )
    assert "text" in raised.value.error_dict


def test_no_answer_unless_a_clarification_is_asked(cast: Any) -> None:
    decided(cast.sri_case, "K")  # decided, not yet published
    with pytest.raises(ValidationError):
        clarification_respond(
            case=cast.sri_case, actor=cast.sri, text="x", upload=None, now=timezone.now()
        )


def test_cleared_drops_the_doubtful_codes_and_decides_again(cast: Any) -> None:
    submit_complete(cast.sri_case, cast)  # the closed envelope: component 5 present
    old = asked(cast)

    new = clarification_resolve(
        case=cast.sri_case,
        actor=cast.rayon_admin,
        fraud=False,
        reason="The original matches the copy.",
        now=timezone.now(),
    )

    assert new.source == Result.Source.CLARIFICATION
    assert new.review["doubtful_evidence"] == []
    assert new.code == "L"
    assert new.parts == old.parts
    assert not Result.objects.get(pk=old.pk).current
    assert Case.objects.get(pk=cast.sri_case.pk).state == Case.State.DECIDED


def test_fraud_confirmed_disqualifies(cast: Any) -> None:
    asked(cast)

    new = clarification_resolve(
        case=cast.sri_case,
        actor=cast.rayon_admin,
        fraud=True,
        reason="The certificate was forged.",
        now=timezone.now(),
    )

    assert new.code == "D" and new.review["fraud_found"] is True
    result_publish(result=new, actor=cast.rayon_admin, now=timezone.now())
    assert Case.objects.get(pk=cast.sri_case.pk).state == Case.State.DISQUALIFIED


def test_resolving_needs_a_reason(cast: Any) -> None:
    asked(cast)
    with pytest.raises(ValidationError):
        clarification_resolve(
            case=cast.sri_case, actor=cast.rayon_admin, fraud=False, reason="", now=timezone.now()
        )


# -- pages ---------------------------------------------------------------------------------------


def clarify_url(case: Case) -> str:
    return reverse("assessments:clarify", args=[case.pk])


def decide_url(case: Case) -> str:
    return reverse("assessments:clarification_decide", args=[case.pk])


def test_the_teacher_sends_a_clarification(client: Client, cast: Any) -> None:
    asked(cast)
    client.force_login(cast.sri)

    assert client.get(clarify_url(cast.sri_case)).status_code == 200
    response = client.post(
        clarify_url(cast.sri_case), {"text": "Original attached", "scan": pdf_upload()}
    )

    assert response.status_code == 302
    answer = ClarificationResponse.objects.get()
    file_url = reverse("assessments:clarification_file", args=[cast.sri_case.pk, answer.pk])
    assert client.get(file_url).status_code == 200
    client.force_login(cast.rayon_admin)
    assert client.get(file_url).status_code == 200
    client.force_login(cast.budi)
    assert client.get(file_url).status_code == 404


def test_a_refused_scan_is_explained_on_the_page(client: Client, cast: Any) -> None:
    asked(cast)
    client.force_login(cast.sri)
    bad = SimpleUploadedFile("scan.png", b"plain text", content_type="image/png")

    response = client.post(clarify_url(cast.sri_case), {"text": "See scan", "scan": bad})

    assert response.status_code == 400
    assert "Original attached" not in response.content.decode()
    assert not ClarificationResponse.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("budi", 404), ("rayon_admin", 403), ("asesor", 404)])
def test_only_the_owner_opens_the_clarification_form(
    client: Client, cast: Any, who: str, status: int
) -> None:
    asked(cast)
    client.force_login(getattr(cast, who))
    assert client.get(clarify_url(cast.sri_case)).status_code == status


def test_no_form_while_no_clarification_is_asked(client: Client, cast: Any) -> None:
    decided(cast.sri_case, "K")
    client.force_login(cast.sri)
    assert client.get(clarify_url(cast.sri_case)).status_code == 404


def test_the_rayon_decides_on_the_page(client: Client, cast: Any) -> None:
    asked(cast)
    clarification_respond(
        case=cast.sri_case, actor=cast.sri, text="Original shown", upload=None, now=timezone.now()
    )
    client.force_login(cast.rayon_admin)

    page = client.get(decide_url(cast.sri_case))
    assert page.status_code == 200 and "Original shown" in page.content.decode()
    missing = client.post(decide_url(cast.sri_case), {"outcome": "cleared", "reason": ""})
    assert missing.status_code == 400
    response = client.post(decide_url(cast.sri_case), {"outcome": "fraud", "reason": "Forged"})

    assert response.status_code == 302
    assert Result.objects.get(current=True, case=cast.sri_case).code == "D"


@pytest.mark.parametrize(
    ("who", "status"),
    [("sri", 403), ("rayon_other", 404), ("dinas", 403), ("dinas_other", 403), ("asesor", 403)],
)
def test_only_the_rayon_decides_on_a_clarification(
    client: Client, cast: Any, who: str, status: int
) -> None:
    asked(cast)
    client.force_login(getattr(cast, who))
    assert client.get(decide_url(cast.sri_case)).status_code == status
    client.post(decide_url(cast.sri_case), {"outcome": "fraud", "reason": "x"})
    assert Result.objects.get(current=True, case=cast.sri_case).code == "K"
