"""The appeal pages: the teacher's form and the case-page panel, the rayon admin's list and
assignment, the reviewer's page and decision, the file download and the statistics; each for
the wrong role and someone else's appeal too, with bounded queries."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from sergur.appeals.models import Appeal
from sergur.appeals.panels import appeal_panel
from sergur.appeals.selectors import CASE_ASSESSOR
from sergur.appeals.services import (
    PART_RANGE,
    STORED_MAXIMUM,
    TOTAL_TOO_LARGE,
    WINDOW_CLOSED,
    appeal_decide,
    appeal_file,
)
from sergur.appeals.tests.support import EXE, assigned, published, upload
from sergur.assessments.models import Allocation, Result
from sergur.assessments.selectors import parts_from_json, review_from_json
from sergur.cases.models import Case
from sergur.common.uploads import TOO_LARGE, WRONG_TYPE, human_size
from sergur.portfolios.tests.teacher_support import pdf_bytes
from sergur.rules.assessment import PARTS
from sergur.rules.messages import COMPONENTS


def as_user(client: Client, user: Any) -> Client:
    client.force_login(user)
    return client


def page(response: Any) -> str:
    return str(response.content.decode())


def in_id(message: Any, **params: Any) -> str:
    """A message as the Indonesian page shows it (escaped)."""
    with translation.override("id"):
        text = str(message) % params if params else str(message)
    return escape(text)


def url(name: str, *args: Any) -> str:
    return reverse(f"appeals:{name}", args=args)


@pytest.fixture
def open_case(cast: Any) -> Case:
    """Sri's case with an MS decision published just now (the window is open)."""
    published(cast.sri_case, "MS", now=timezone.now())
    case: Case = cast.sri_case
    return case


@pytest.fixture
def appeal(cast: Any, open_case: Case) -> Appeal:
    """Sri's appeal, with a file."""
    return appeal_file(
        case=open_case,
        actor=cast.sri,
        grounds="Komponen 2 dinilai terlalu rendah.",
        upload=upload("surat.pdf", pdf_bytes("surat")),
        now=timezone.now(),
    )


def _decide_data(result: Result, **changes: Any) -> dict[str, Any]:
    parts = parts_from_json(result.parts)
    review = review_from_json(result.review)
    data: dict[str, Any] = {f"part_{p}": str(parts[p]) for p in PARTS}
    data["administrative_defects"] = "\n".join(review.administrative_defects)
    data["doubtful_evidence"] = ", ".join(review.doubtful_evidence)
    data["reasons"] = "Nilai sudah sesuai bukti."
    data.update(changes)
    return data


# -- the teacher ---------------------------------------------------------------------------------


def test_the_teacher_files_an_appeal_with_a_file(client, cast, open_case):
    response = as_user(client, cast.sri).post(
        url("file", open_case.pk),
        {"grounds": "Sertifikat diklat belum dihitung.", "evidence": upload("s.png", b"")},
    )
    assert response.status_code == 200  # an empty file is refused, the grounds kept
    assert "Sertifikat diklat belum dihitung." in page(response)
    assert not Appeal.objects.exists()

    response = client.post(
        url("file", open_case.pk),
        {"grounds": "Sertifikat diklat belum dihitung.", "evidence": upload("s.pdf", pdf_bytes())},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("portfolios:case", args=[open_case.pk])
    appeal = Appeal.objects.get()
    assert appeal.evidence_type == "application/pdf"


def test_the_form_shows_the_window_end(client, cast, open_case):
    response = as_user(client, cast.sri).get(url("file", open_case.pk))

    assert response.status_code == 200
    assert 'name="grounds"' in page(response)
    assert 'enctype="multipart/form-data"' in page(response)


def test_after_the_window_the_form_says_why_and_is_gone(client, cast):
    at = timezone.now() - dt.timedelta(days=15)
    result = published(cast.sri_case, "MS", now=at)

    response = as_user(client, cast.sri).get(url("file", cast.sri_case.pk))

    text = page(response)
    assert response.status_code == 200
    assert 'name="grounds"' not in text
    assert result.appeal_until is not None
    assert in_id(WINDOW_CLOSED).split("%")[0] in text
    response = client.post(url("file", cast.sri_case.pk), {"grounds": "x"})
    assert response.status_code == 200
    assert in_id(WINDOW_CLOSED).split("%")[0] in page(response)
    assert not Appeal.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("x.pdf", EXE, WRONG_TYPE),
        ("big.pdf", pdf_bytes("besar") + b"%" + b"0" * 6000, TOO_LARGE),
    ],
    ids=["renamed executable", "oversize"],
)
def test_a_bad_file_is_refused_and_the_grounds_kept(
    client, cast, open_case, settings, name, data, message
):
    settings.SERGUR_EVIDENCE_MAX_BYTES = 2000

    response = as_user(client, cast.sri).post(
        url("file", open_case.pk), {"grounds": "Alasan saya.", "evidence": upload(name, data)}
    )

    text = page(response)
    assert response.status_code == 200
    assert "Alasan saya." in text
    if message is TOO_LARGE:
        assert in_id(TOO_LARGE, size=human_size(len(data)), limit=human_size(2000)) in text
    else:
        assert in_id(WRONG_TYPE, found="application/x-msdownload") in text
    assert not Appeal.objects.exists()


def test_someone_elses_case_is_not_found_and_staff_may_not_file(client, cast, open_case):
    assert as_user(client, cast.budi).get(url("file", open_case.pk)).status_code == 404
    assert as_user(client, cast.asesor3).get(url("file", open_case.pk)).status_code == 404
    for staff in (cast.rayon_admin, cast.dinas, cast.pak_kepala):
        response = as_user(client, staff).post(url("file", open_case.pk), {"grounds": "x"})
        assert response.status_code == 403
    assert not Appeal.objects.exists()


def test_signed_out_users_are_sent_to_sign_in(client, cast, open_case):
    response = client.get(url("file", open_case.pk))

    assert response.status_code == 302 and reverse("login") in response["Location"]


# -- the case-page panel ---------------------------------------------------------------------


def _panel_html(user: Any, case: Case) -> str:
    panel = appeal_panel(user, Case.objects.select_related("teacher").get(pk=case.pk))
    assert panel is not None
    return render_to_string(panel.template, panel.context)


def test_the_panel_offers_the_appeal_until_the_window_ends(cast, open_case):
    html = _panel_html(cast.sri, open_case)

    assert url("file", open_case.pk) in html


def _named_reviewer(cast: Any) -> Any:
    """asesor3 with a name of their own, to look for on the teacher's pages."""
    reviewer = cast.asesor3
    reviewer.first_name, reviewer.last_name = "Penelaah", "Rahasia"
    reviewer.save(update_fields=["first_name", "last_name"])
    return reviewer


def test_the_panel_shows_the_outcome_and_reasons_never_the_reviewer(cast, appeal):
    _named_reviewer(cast)
    assigned(appeal, cast.asesor3, cast.rayon_admin, now=timezone.now())
    result = appeal.result
    appeal_decide(
        appeal=appeal,
        actor=cast.asesor3,
        parts=parts_from_json(result.parts),
        review=review_from_json(result.review),
        reasons="Nilai sudah sesuai bukti fisik.",
        now=timezone.now(),
    )

    html = _panel_html(cast.sri, cast.sri_case)

    assert "Nilai sudah sesuai bukti fisik." in html
    assert url("file", cast.sri_case.pk) not in html  # one appeal per decision
    for name in ("Rahasia", cast.asesor3.username, cast.asesor3.assessor.number):
        assert name not in html


def test_the_teachers_case_page_never_names_the_reviewer(client, cast, appeal):
    reviewer = _named_reviewer(cast)
    assigned(appeal, reviewer, cast.rayon_admin, now=timezone.now())
    as_user(client, reviewer).post(
        url("decide", appeal.pk), _decide_data(appeal.result, fraud_found="on")
    )
    assert Appeal.objects.get().outcome == Appeal.Outcome.CHANGED

    text = page(as_user(client, cast.sri).get(reverse("portfolios:case", args=[appeal.case_id])))

    assert "Rahasia" not in text and reviewer.username not in text
    assert "Rahasia" in page(
        as_user(client, cast.rayon_admin).get(reverse("portfolios:case", args=[appeal.case_id]))
    )


def test_the_panel_is_for_the_teacher_and_staff_not_assessors(cast, appeal):
    case = Case.objects.select_related("teacher").get(pk=cast.sri_case.pk)

    assert appeal_panel(cast.asesor, case) is None
    assert appeal_panel(cast.pak_kepala, case) is None
    staff_html = _panel_html(cast.rayon_admin, case)
    assert url("detail", appeal.pk) in staff_html
    assert "Komponen 2" not in staff_html  # the grounds are on the appeal's own page


def test_the_panel_answers_in_two_queries(cast, appeal):
    case = Case.objects.select_related("teacher").get(pk=cast.sri_case.pk)
    with CaptureQueriesContext(connection) as queries:
        appeal_panel(cast.sri, case)

    assert len(queries) == 2


# -- the rayon admin ---------------------------------------------------------------------------


def test_the_rayon_admin_lists_the_appeals(client, cast, appeal):
    response = as_user(client, cast.rayon_admin).get(url("list"))

    assert response.status_code == 200
    assert url("detail", appeal.pk) in page(response)


def test_another_rayon_lists_none(client, cast, appeal):
    response = as_user(client, cast.rayon_other).get(url("list"))

    assert response.status_code == 200
    assert url("detail", appeal.pk) not in page(response)


@pytest.mark.parametrize("who", ["sri", "dinas", "lpmp", "pak_kepala"])
def test_other_roles_may_not_list(client, cast, who):
    assert as_user(client, getattr(cast, who)).get(url("list")).status_code == 403


def test_the_list_takes_the_same_queries_however_many_appeals(client, cast, appeal):
    as_user(client, cast.rayon_admin)
    with CaptureQueriesContext(connection) as few:
        client.get(url("list"))
    published(cast.budi_case, "K", now=timezone.now())
    appeal_file(case=cast.budi_case, actor=cast.budi, grounds="x", now=timezone.now())
    with CaptureQueriesContext(connection) as many:
        response = client.get(url("list"))

    assert response.status_code == 200
    assert len(many) == len(few)


def test_the_admin_assigns_an_independent_reviewer(client, cast, appeal):
    as_user(client, cast.rayon_admin)
    assert client.get(url("detail", appeal.pk)).status_code == 200

    response = client.post(url("assign", appeal.pk), {"reviewer": cast.asesor3.assessor.pk})

    assert response.status_code == 302
    assert Appeal.objects.get().reviewer == cast.asesor3.assessor


def test_a_case_assessor_is_refused_on_the_page(client, cast, appeal):
    Allocation.objects.create(case=cast.sri_case, assessor=cast.asesor.assessor, slot=1)

    response = as_user(client, cast.rayon_admin).post(
        url("assign", appeal.pk), {"reviewer": cast.asesor.assessor.pk}
    )

    assert response.status_code == 200
    assert in_id(CASE_ASSESSOR) in page(response)
    assert Appeal.objects.get().reviewer is None


def test_the_appeal_page_of_another_rayon_is_not_found(client, cast, appeal):
    as_user(client, cast.rayon_other)
    assert client.get(url("detail", appeal.pk)).status_code == 404
    response = client.post(url("assign", appeal.pk), {"reviewer": cast.asesor3.assessor.pk})
    assert response.status_code == 404
    assert Appeal.objects.get().reviewer is None


def test_the_teacher_may_not_open_the_reviewers_page(client, cast, appeal):
    as_user(client, cast.sri)
    assert client.get(url("detail", appeal.pk)).status_code == 403
    response = client.post(url("assign", appeal.pk), {"reviewer": cast.asesor3.assessor.pk})
    assert response.status_code == 403


# -- the reviewer --------------------------------------------------------------------------------


def test_the_reviewer_reads_and_decides(client, cast, appeal):
    assigned(appeal, cast.asesor3, cast.rayon_admin, now=timezone.now())
    as_user(client, cast.asesor3)

    response = client.get(url("detail", appeal.pk))
    text = page(response)
    assert response.status_code == 200
    assert "Komponen 2 dinilai terlalu rendah." in text
    assert url("evidence", appeal.pk) in text
    assert 'name="part_training"' in text and 'name="reasons"' in text
    assert url("list") in text

    response = client.post(url("decide", appeal.pk), _decide_data(appeal.result))

    assert response.status_code == 302
    decided = Appeal.objects.get()
    assert decided.outcome == Appeal.Outcome.UPHELD and decided.reasons


def test_the_reviewer_changes_the_decision_by_the_rules(client, cast, appeal):
    assigned(appeal, cast.asesor3, cast.rayon_admin, now=timezone.now())

    response = as_user(client, cast.asesor3).post(
        url("decide", appeal.pk), _decide_data(appeal.result, fraud_found="on")
    )

    assert response.status_code == 302
    decided = Appeal.objects.get()
    assert decided.outcome == Appeal.Outcome.CHANGED and decided.new_code == "D"
    assert Case.objects.get(pk=cast.sri_case.pk).state == Case.State.DISQUALIFIED


def test_a_bad_decision_form_keeps_the_values(client, cast, appeal):
    assigned(appeal, cast.asesor3, cast.rayon_admin, now=timezone.now())

    response = as_user(client, cast.asesor3).post(
        url("decide", appeal.pk), _decide_data(appeal.result, part_training="-3", reasons="")
    )

    assert response.status_code == 200
    assert 'value="-3"' in page(response)
    assert Appeal.objects.get().decided_at is None


def test_a_part_out_of_its_range_is_explained_and_the_values_kept(client, cast, appeal):
    assigned(appeal, cast.asesor3, cast.rayon_admin, now=timezone.now())
    data = _decide_data(appeal.result, part_teaching_experience="200", part_training="12.5")

    response = as_user(client, cast.asesor3).post(url("decide", appeal.pk), data)

    text = page(response)
    assert response.status_code == 200
    part = COMPONENTS["teaching_experience"]["id"]
    assert in_id(PART_RANGE, part=part, minimum=0, maximum=160) in text
    assert 'value="200"' in text and 'value="12.5"' in text
    assert Appeal.objects.get().decided_at is None


def test_parts_past_what_a_decision_holds_are_explained_not_a_server_error(client, cast, appeal):
    assigned(appeal, cast.asesor3, cast.rayon_admin, now=timezone.now())
    data = _decide_data(appeal.result, part_training="60000", part_academic_achievement="60000")

    response = as_user(client, cast.asesor3).post(url("decide", appeal.pk), data)

    text = page(response)
    assert response.status_code == 200
    assert in_id(TOTAL_TOO_LARGE, total="120000", maximum=STORED_MAXIMUM) in text
    assert text.count('value="60000"') == 2
    assert Appeal.objects.get().decided_at is None
    assert Result.objects.get(case=cast.sri_case, current=True) == appeal.result


def test_only_the_reviewer_decides_on_the_page(client, cast, appeal):
    assigned(appeal, cast.asesor3, cast.rayon_admin, now=timezone.now())
    data = _decide_data(appeal.result)

    assert as_user(client, cast.asesor2).post(url("decide", appeal.pk), data).status_code == 404
    assert as_user(client, cast.asesor2).get(url("detail", appeal.pk)).status_code == 404
    assert as_user(client, cast.rayon_admin).post(url("decide", appeal.pk), data).status_code == 403
    assert as_user(client, cast.sri).post(url("decide", appeal.pk), data).status_code == 403
    assert Appeal.objects.get().decided_at is None


def test_the_reviewer_lists_their_reviews(client, cast, appeal):
    as_user(client, cast.asesor3)
    assert url("detail", appeal.pk) not in page(client.get(url("list")))

    assigned(appeal, cast.asesor3, cast.rayon_admin, now=timezone.now())

    assert url("detail", appeal.pk) in page(client.get(url("list")))


# -- the file --------------------------------------------------------------------------------


def test_the_file_goes_to_the_teacher_the_admin_and_the_reviewer(client, cast, appeal):
    assigned(appeal, cast.asesor3, cast.rayon_admin, now=timezone.now())

    for who in (cast.sri, cast.rayon_admin, cast.asesor3):
        response = as_user(client, who).get(url("evidence", appeal.pk))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.getvalue().startswith(b"%PDF")
    for who in (cast.budi, cast.asesor, cast.rayon_other, cast.dinas):
        assert as_user(client, who).get(url("evidence", appeal.pk)).status_code == 404


# -- the statistics --------------------------------------------------------------------------


def test_the_statistics_page(client, cast, appeal):
    response = as_user(client, cast.rayon_admin).get(url("stats"))

    text = page(response)
    assert response.status_code == 200
    assert '<td class="stat-filed">1</td>' in text
    assert '<td class="stat-pending">1</td>' in text
    year = cast.sri_case.programme_year.year
    text = page(client.get(url("stats"), {"year": year + 1}))
    assert '<td class="stat-filed">0</td>' in text
    assert client.get(url("stats"), {"year": "abc"}).status_code == 200


@pytest.mark.parametrize("who", ["sri", "asesor", "dinas"])
def test_other_roles_may_not_read_the_statistics(client, cast, who):
    assert as_user(client, getattr(cast, who)).get(url("stats")).status_code == 403


def test_the_appeal_page_takes_the_same_queries_however_many_assessors(client, cast, appeal):
    from sergur.assessments.models import Assessor
    from sergur.registry.tests.factories import UserFactory

    as_user(client, cast.rayon_admin)
    with CaptureQueriesContext(connection) as few:
        client.get(url("detail", appeal.pk))
    for n in range(8):
        user = UserFactory(username=f"extra{n}", role="assessor")
        Assessor.objects.create(
            user=user, rayon=appeal.rayon, number=f"X-{n}", degree="S2", institution="U"
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(url("detail", appeal.pk))

    assert response.status_code == 200
    assert len(many) == len(few)


def test_no_panel_before_a_decision_is_published(cast):
    case = Case.objects.select_related("teacher").get(pk=cast.sri_case.pk)
    with CaptureQueriesContext(connection) as queries:
        assert appeal_panel(cast.sri, case) is None
    assert len(queries) == 0

    from sergur.assessments.tests.decisions_support import decided

    decided(cast.sri_case, "L")  # decided, not published yet
    case.refresh_from_db()
    assert appeal_panel(cast.sri, case) is None


def test_the_form_never_shows_a_decision_before_it_is_published(client, cast):
    from sergur.assessments.tests.decisions_support import decided

    decided(cast.sri_case, "MS")  # decided by the rayon, not published yet

    response = as_user(client, cast.sri).get(url("file", cast.sri_case.pk))

    assert response.status_code == 200
    # The code as a word: a random CSRF token may hold the letters "MS" inside it.
    assert re.search(r"\bMS\b", page(response)) is None
    assert 'name="grounds"' not in page(response)  # nothing to appeal against yet
