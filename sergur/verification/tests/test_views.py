"""The verification pages: the worklists, the case page (with and without htmx), carrying
verdicts over, completing a stage, the rayon's bulk receipt; who may see and do what; bad
input; queries that do not grow with the rows."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_open
from sergur.cases.tests.support import state_set
from sergur.conftest import Cast
from sergur.portfolios.models import Evidence
from sergur.registry.tests.factories import (
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)
from sergur.verification.forms import REASON_MISSING, UNKNOWN_VERDICT
from sergur.verification.models import DocumentVerdict, Stage
from sergur.verification.selectors import case_verification
from sergur.verification.services import MISSING_VERDICTS, NOTHING_REMAINING, NOTHING_SUGGESTED
from sergur.verification.tests.support import judge, submit, to_stage
from sergur.verification.views import STAGE_PASSED, STAGE_RETURNED, VERDICT_SAVED

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def signed_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def text(response: Any) -> str:
    return str(response.content.decode())


def diploma(case: Case) -> Evidence:
    view = case_verification(case=case, stage=Stage.DISTRICT)
    return next(doc.file for doc in view.documents if doc.is_diploma)


# -- worklists ------------------------------------------------------------------------------


def test_each_office_sees_its_own_worklist(client: Client, cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    url = reverse("verification:worklist")
    page = text(signed_in(client, cast.dinas).get(url))
    assert reverse("verification:case", args=[case.pk]) in page
    assert cast.sri_case.teacher.name in page
    for other in (cast.dinas_other, cast.lpmp, cast.rayon_admin):
        response = signed_in(client, other).get(url)
        assert response.status_code == 200
        assert reverse("verification:case", args=[case.pk]) not in text(response)
    to_stage(case, cast, Stage.QUALITY)
    assert reverse("verification:case", args=[case.pk]) in text(
        signed_in(client, cast.lpmp).get(url)
    )
    to_stage(case, cast, Stage.RAYON)
    page = text(signed_in(client, cast.rayon_admin).get(url))
    assert reverse("verification:case", args=[case.pk]) in page
    assert reverse("verification:receive_all") in page
    assert reverse("verification:case", args=[case.pk]) not in text(
        signed_in(client, cast.rayon_other).get(url)
    )


@pytest.mark.parametrize("who", ["sri", "pak_kepala", "asesor", "operator"])
def test_the_worklist_is_forbidden_to_those_who_verify_nothing(
    client: Client, cast: Cast, who: str
) -> None:
    response = signed_in(client, getattr(cast, who)).get(reverse("verification:worklist"))
    assert response.status_code == 403


def test_a_visitor_who_is_not_signed_in_is_sent_to_login(client: Client, cast: Cast) -> None:
    for url in (
        reverse("verification:worklist"),
        reverse("verification:case", args=[cast.sri_case.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def _submitted_cases(cast: Cast, count: int) -> None:
    """`count` more cases of the cast's district in SUBMITTED (no portfolio needed for a list)."""
    school = cast.sri_case.teacher.assignments.get().school
    for _ in range(count):
        person = TeacherFactory(user=UserFactory(role=User.Role.TEACHER))
        TeachingAssignmentFactory(teacher=person, school=school)
        case = case_open(teacher=person, programme_year=cast.sri_case.programme_year, actor=None)
        state_set(
            case=case, to_state=Case.State.SUBMITTED, actor=None, kind=CaseEvent.Kind.SUBMITTED
        )


def test_the_worklist_queries_do_not_grow_with_the_rows(client: Client, cast: Cast) -> None:
    signed_in(client, cast.dinas)
    url = reverse("verification:worklist")
    _submitted_cases(cast, 1)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _submitted_cases(cast, 6)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert text(response).count(reverse("verification:case", args=[0])[:-2]) >= 7
    assert len(many) == len(few)


# -- the case page --------------------------------------------------------------------------


def test_the_district_page_lists_every_document_and_the_diplomas_first(
    client: Client, cast: Cast
) -> None:
    case = submit(cast.sri_case, cast)
    response = signed_in(client, cast.dinas).get(reverse("verification:case", args=[case.pk]))
    assert response.status_code == 200
    page = text(response)
    view = case_verification(case=case, stage=Stage.DISTRICT)
    for doc in view.documents:
        assert reverse("portfolios:evidence", args=[case.pk, doc.file.pk]) in page
        assert f'id="doc-{doc.file.pk}"' in page
    assert page.index(f'id="doc-{diploma(case).pk}"') < page.index('id="documents-heading"')
    assert reverse("verification:complete", args=[case.pk]) in page


@pytest.mark.parametrize(
    "who", ["dinas_other", "lpmp", "rayon_admin", "sri", "budi", "pak_kepala", "asesor", "operator"]
)
def test_the_case_page_is_hidden_from_everyone_but_the_stage_office(
    client: Client, cast: Cast, who: str
) -> None:
    case = submit(cast.sri_case, cast)
    signed_in(client, getattr(cast, who))
    assert client.get(reverse("verification:case", args=[case.pk])).status_code == 404
    for name in ("verdict", "complete", "accept_suggestions", "meet_remaining"):
        response = client.post(
            reverse(f"verification:{name}", args=[case.pk]),
            {"evidence": diploma(case).pk, "verdict": "MP"},
        )
        assert response.status_code == 404
    assert not DocumentVerdict.objects.exists()
    case.refresh_from_db()
    assert case.state == Case.State.SUBMITTED


def test_the_district_cannot_open_a_case_that_is_not_submitted(client: Client, cast: Cast) -> None:
    signed_in(client, cast.dinas)
    assert client.get(reverse("verification:case", args=[cast.sri_case.pk])).status_code == 404
    case = to_stage(submit(cast.sri_case, cast), cast, Stage.QUALITY)
    assert client.get(reverse("verification:case", args=[case.pk])).status_code == 404


def test_the_case_page_queries_do_not_grow_with_the_documents(client: Client, cast: Cast) -> None:
    small = submit(cast.sri_case, cast)
    large = submit(cast.budi_case, cast, extra_rows=8)
    judge(small, cast.dinas)
    judge(large, cast.dinas)
    signed_in(client, cast.dinas)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("verification:case", args=[small.pk])).status_code == 200
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("verification:case", args=[large.pk])).status_code == 200
    assert len(many) == len(few)


# -- verdicts -------------------------------------------------------------------------------


def test_a_verdict_without_javascript_is_saved_and_the_page_shows_it(
    client: Client, cast: Cast
) -> None:
    case = submit(cast.sri_case, cast)
    file = diploma(case)
    signed_in(client, cast.dinas)
    response = client.post(
        reverse("verification:verdict", args=[case.pk]),
        {"evidence": file.pk, "verdict": "K", "reason": "Legalisir meragukan"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#doc-{file.pk}")
    saved = DocumentVerdict.objects.get()
    assert (saved.verdict, saved.reason, saved.stage, saved.decided_by) == (
        "K",
        "Legalisir meragukan",
        Stage.DISTRICT,
        cast.dinas,
    )
    with translation.override("id"):
        page = text(client.get(response["Location"]))
        assert escape(str(VERDICT_SAVED) % {"verdict": "K", "code": saved.code}) in page
    assert "Legalisir meragukan" in page


def test_a_verdict_with_htmx_answers_with_the_document_only(client: Client, cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    file = diploma(case)
    signed_in(client, cast.dinas)
    response = client.post(
        reverse("verification:verdict", args=[case.pk]),
        {"evidence": file.pk, "verdict": "MP"},
        headers=HTMX,
    )
    assert response.status_code == 200
    page = text(response)
    assert page.lstrip().startswith(f'<article id="doc-{file.pk}"')
    assert "<html" not in page
    assert '<div id="stage-progress" hx-swap-oob="true">' in page
    assert DocumentVerdict.objects.get().verdict == "MP"


@pytest.mark.parametrize("headers", [{}, HTMX])
def test_a_k_without_a_reason_is_explained_and_nothing_is_saved(
    client: Client, cast: Cast, headers: dict[str, str]
) -> None:
    case = submit(cast.sri_case, cast)
    file = diploma(case)
    signed_in(client, cast.dinas)
    with translation.override("id"):
        response = client.post(
            reverse("verification:verdict", args=[case.pk]),
            {"evidence": file.pk, "verdict": "TMP", "reason": ""},
            headers=headers,
        )
        assert response.status_code == 200
        assert escape(str(REASON_MISSING)) in text(response)
    assert f'value="TMP" id="doc{file.pk}_verdict_2" required checked' in text(response)
    assert not DocumentVerdict.objects.exists()


def test_an_unknown_verdict_is_explained(client: Client, cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    signed_in(client, cast.dinas)
    with translation.override("id"):
        response = client.post(
            reverse("verification:verdict", args=[case.pk]),
            {"evidence": diploma(case).pk, "verdict": "LULUS", "reason": "x"},
        )
        assert response.status_code == 200
        assert escape(str(UNKNOWN_VERDICT) % {"value": "LULUS"}) in text(response)
    assert not DocumentVerdict.objects.exists()


@pytest.mark.parametrize("evidence", ["", "abc", "0"])
def test_a_missing_or_broken_file_id_is_not_found(
    client: Client, cast: Cast, evidence: str
) -> None:
    case = submit(cast.sri_case, cast)
    signed_in(client, cast.dinas)
    response = client.post(
        reverse("verification:verdict", args=[case.pk]), {"evidence": evidence, "verdict": "MP"}
    )
    assert response.status_code == 404


def test_a_file_of_someone_elses_portfolio_is_not_found(client: Client, cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    other = submit(cast.budi_case, cast)
    signed_in(client, cast.dinas)
    response = client.post(
        reverse("verification:verdict", args=[case.pk]),
        {"evidence": diploma(other).pk, "verdict": "MP"},
    )
    assert response.status_code == 404
    assert not DocumentVerdict.objects.exists()


# -- completing -----------------------------------------------------------------------------


def test_completing_too_early_names_the_documents_and_keeps_the_verdicts(
    client: Client, cast: Cast
) -> None:
    case = submit(cast.sri_case, cast)
    file = diploma(case)
    signed_in(client, cast.dinas)
    client.post(
        reverse("verification:verdict", args=[case.pk]), {"evidence": file.pk, "verdict": "MP"}
    )
    with translation.override("id"):
        response = client.post(reverse("verification:complete", args=[case.pk]), follow=True)
        page = text(response)
        refusal = str(MISSING_VERDICTS % {"count": 2, "codes": ""})
        assert escape(refusal.split(":")[0]) in page
    assert "2.a (" in page
    case.refresh_from_db()
    assert case.state == Case.State.SUBMITTED
    assert DocumentVerdict.objects.count() == 1


def test_completing_passes_the_case_on_and_back_to_the_worklist(client: Client, cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    judge(case, cast.dinas)
    signed_in(client, cast.dinas)
    with translation.override("id"):
        response = client.post(reverse("verification:complete", args=[case.pk]), follow=True)
        assert escape(str(STAGE_PASSED) % {"name": case.teacher.name}) in text(response)
    assert response.redirect_chain[-1][0] == reverse("verification:worklist")
    case.refresh_from_db()
    assert case.state == Case.State.DISTRICT_VERIFIED
    # The district's page of the case is gone; the quality office's is there.
    assert client.get(reverse("verification:case", args=[case.pk])).status_code == 404
    signed_in(client, cast.lpmp)
    assert client.get(reverse("verification:case", args=[case.pk])).status_code == 200


def test_the_rayon_receives_on_its_page(client: Client, cast: Cast) -> None:
    case = to_stage(submit(cast.sri_case, cast), cast, Stage.RAYON)
    signed_in(client, cast.rayon_other)
    assert client.post(reverse("verification:complete", args=[case.pk])).status_code == 404
    signed_in(client, cast.rayon_admin)
    page = text(client.get(reverse("verification:case", args=[case.pk])))
    assert reverse("verification:complete", args=[case.pk]) in page
    assert client.post(reverse("verification:complete", args=[case.pk])).status_code == 302
    case.refresh_from_db()
    assert case.state == Case.State.RECEIVED


def test_receive_all_is_the_rayons_and_receives_its_list(client: Client, cast: Cast) -> None:
    case = to_stage(submit(cast.sri_case, cast), cast, Stage.RAYON)
    for outsider in (cast.dinas, cast.lpmp, cast.sri, cast.operator):
        signed_in(client, outsider)
        assert client.post(reverse("verification:receive_all")).status_code == 403
    signed_in(client, cast.rayon_other)
    assert client.post(reverse("verification:receive_all")).status_code == 302
    case.refresh_from_db()
    assert case.state == Case.State.QUALITY_VERIFIED
    signed_in(client, cast.rayon_admin)
    assert client.post(reverse("verification:receive_all")).status_code == 302
    case.refresh_from_db()
    assert case.state == Case.State.RECEIVED


def test_carrying_verdicts_over_after_a_resubmission(client: Client, cast: Cast) -> None:
    from django.utils import timezone

    from sergur.portfolios.services import portfolio_submit

    case = submit(cast.sri_case, cast)
    judge(case, cast.dinas, except_codes={"2.a": "Tidak dilegalisir"})
    signed_in(client, cast.dinas)
    client.post(reverse("verification:complete", args=[case.pk]))
    portfolio_submit(case=case, actor=cast.sri, declaration=True, now=timezone.now())
    page = text(client.get(reverse("verification:case", args=[case.pk])))
    assert reverse("verification:accept_suggestions", args=[case.pk]) in page
    response = client.post(reverse("verification:accept_suggestions", args=[case.pk]))
    assert response.status_code == 302
    rows = DocumentVerdict.objects.filter(suggested=True)
    total = len(case_verification(case=case, stage=Stage.DISTRICT).documents)
    assert rows.count() == total
    assert rows.get(code="2.a").verdict == "TMP"
    case.refresh_from_db()
    assert case.state == Case.State.SUBMITTED


def test_carrying_over_with_nothing_to_carry_is_explained(client: Client, cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    signed_in(client, cast.dinas)
    with translation.override("id"):
        response = client.post(
            reverse("verification:accept_suggestions", args=[case.pk]), follow=True
        )
        assert escape(str(NOTHING_SUGGESTED)) in text(response)
    assert not DocumentVerdict.objects.exists()


def test_returning_says_how_many_findings(client: Client, cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    judge(case, cast.dinas, except_codes={"1.b": "Tidak dilegalisir", "2.a": "Tidak terbaca"})
    signed_in(client, cast.dinas)
    with translation.override("id"):
        response = client.post(reverse("verification:complete", args=[case.pk]), follow=True)
        expected = STAGE_RETURNED % {"name": case.teacher.name, "count": 2}
        assert escape(expected) in text(response)
    case.refresh_from_db()
    assert case.state == Case.State.RETURNED


def test_the_remaining_documents_are_recorded_mp_from_the_case_page(
    client: Client, cast: Cast
) -> None:
    case = submit(cast.sri_case, cast)
    signed_in(client, cast.dinas)
    action = reverse("verification:meet_remaining", args=[case.pk])
    assert action in text(client.get(reverse("verification:case", args=[case.pk])))

    response = client.post(action)

    assert response.status_code == 302
    documents = case_verification(case=case, stage=Stage.DISTRICT).documents
    assert DocumentVerdict.objects.filter(case=case, verdict="MP").count() == len(documents)
    page = text(client.get(reverse("verification:case", args=[case.pk])))
    assert action not in page  # nothing left without a verdict
    with translation.override("id"):
        again = client.post(action, follow=True)
        assert escape(str(NOTHING_REMAINING)) in text(again)
