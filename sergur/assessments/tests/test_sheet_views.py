"""The scoring sheet's pages: who may open them (the access matrix), the lines with rule,
evidence and override, the RPP form, saving a draft with and without JavaScript, submission
after a confirmation, blindness before both sheets are in, and queries that do not grow with
the portfolio."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from sergur.assessments.forms.sheets import (
    PLAN_ITEM_LABEL,
    POINTS_LABEL,
    points_name,
    reason_name,
)
from sergur.assessments.models import Allocation, Assessor, Sheet
from sergur.assessments.selectors import sheet_score
from sergur.assessments.services.rounds import PLANS_INCOMPLETE
from sergur.assessments.tests.support import (
    allocate,
    at_rayon,
    fill_plans,
    submit_complete,
    submit_sheet,
)
from sergur.assessments.views.sheets import DRAFT_SAVED, SUBMITTED
from sergur.cases.models import Case
from sergur.conftest import PASSWORD
from sergur.portfolios.selectors import portfolio_read
from sergur.portfolios.tests.teacher_support import fill_rows
from sergur.rules.instruments import RPP

QUALIFICATION = "qualifications[0]"


def login(client: Client, user: Any) -> Client:
    assert client.login(username=user.username, password=PASSWORD)
    return client


def url(sheet: Sheet, name: str = "assessments:sheet") -> str:
    return reverse(name, args=[sheet.allocation_id])


@pytest.fixture
def sheets(cast: Any) -> list[Sheet]:
    case = at_rayon(submit_complete(cast.sri_case, cast))
    return allocate(case, cast.asesor, cast.asesor2)


def form_data(sheet: Sheet, *, item: str = "4", **extra: str) -> dict[str, str]:
    data = {
        f"plan_{plan}_{position}": item
        for plan in range(1, 6)
        for position in range(1, RPP.size + 1)
    }
    data.update({"defects": "", "fraud_note": "", "notes": "", "action": "save"})
    data.update(extra)
    return data


# -- access ----------------------------------------------------------------------------------


def test_the_allocated_assessor_opens_the_sheet(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    response = login(client, cast.asesor).get(url(sheets[0]))
    assert response.status_code == 200
    assert b'name="points:' in response.content
    assert b'name="plan_5_8"' in response.content


def test_the_sheet_warns_of_plans_not_from_different_topics(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    """Buku II (seed 003): five plans "dari semester dan materi yang berbeda" — a warning."""
    from sergur.portfolios.models import Entry

    plans = Entry.objects.filter(case=cast.sri_case, section="lesson_plan").order_by("position")
    first, second = plans[0], plans[1]
    second.values = {**second.values, "topic": first.values["topic"]}
    second.save(update_fields=["values"])

    response = login(client, cast.asesor).get(url(sheets[0]))

    assert response.status_code == 200
    assert "plan-warnings" in response.content.decode()
    assert "semester dan materi yang berbeda" in response.content.decode()


@pytest.mark.parametrize(
    "who", ["asesor2", "asesor3", "sri", "budi", "pak_kepala", "dinas", "lpmp", "rayon_other"]
)
def test_everyone_else_gets_404_on_every_sheet_url(
    client: Client, cast: Any, sheets: list[Sheet], who: str
) -> None:
    login(client, getattr(cast, who))
    for name in ("assessments:sheet", "assessments:sheet_submit"):
        assert client.get(url(sheets[0], name)).status_code == 404
        assert client.post(url(sheets[0], name), form_data(sheets[0])).status_code == 404
    sheets[0].refresh_from_db()
    assert sheets[0].plan_items == []


def test_the_assessor_of_another_case_gets_404(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    Allocation.objects.create(case=cast.budi_case, assessor=cast.asesor3.assessor, slot=1)
    login(client, cast.asesor3)
    assert client.get(url(sheets[0])).status_code == 404
    assert client.get(url(sheets[1])).status_code == 404


def test_an_inactive_allocation_is_closed_to_its_assessor(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    Allocation.objects.filter(pk=sheets[0].allocation_id).update(active=False)
    assert login(client, cast.asesor).get(url(sheets[0])).status_code == 404


def test_the_rayon_admin_reads_but_does_not_write(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    login(client, cast.rayon_admin)
    response = client.get(url(sheets[0]))
    assert response.status_code == 200
    assert b'name="points:' not in response.content
    assert client.post(url(sheets[0]), form_data(sheets[0])).status_code == 403
    assert client.get(url(sheets[0], "assessments:sheet_submit")).status_code == 403
    response = client.post(url(sheets[0], "assessments:sheet_submit"), {"confirm": "yes"})
    assert response.status_code == 403
    sheets[0].refresh_from_db()
    assert not sheets[0].submitted and sheets[0].plan_items == []


def test_the_operator_reads_any_sheet_read_only(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    login(client, cast.operator)
    response = client.get(url(sheets[1]))
    assert response.status_code == 200 and b'name="points:' not in response.content
    assert client.post(url(sheets[1]), form_data(sheets[1])).status_code == 403


def test_anonymous_is_sent_to_sign_in(client: Client, sheets: list[Sheet]) -> None:
    response = client.get(url(sheets[0]))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


# -- the page ----------------------------------------------------------------------------------


def test_lines_show_rule_suggestion_code_and_files(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    sheet = sheets[0]
    portfolio = portfolio_read(case=sheet.allocation.case)
    row = portfolio.section_rows("qualification")[0]
    rule = next(
        line.rule for line in sheet_score(portfolio, sheet).trace if line.path == QUALIFICATION
    )
    content = login(client, cast.asesor).get(url(sheet)).content.decode()

    assert escape(rule.text("id")) in content
    assert f'<th scope="row">{row.code}</th>' in content
    file_url = reverse("portfolios:evidence", args=[portfolio.case.pk, row.evidence[0].pk])
    assert file_url in content
    assert escape(RPP.items[0].text("id")) in content
    # The file link admits the assessor (case_rights.view_evidence).
    assert client.get(file_url).status_code == 200


def test_rule_text_follows_the_reader_language(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    sheet = sheets[0]
    portfolio = portfolio_read(case=sheet.allocation.case)
    rule = next(
        line.rule for line in sheet_score(portfolio, sheet).trace if line.path == QUALIFICATION
    )
    content = login(client, cast.asesor).get(url(sheet), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert escape(rule.text("en")) in content
    assert escape(RPP.items[0].text("en")) in content


def test_instrument_lines_have_no_override_input(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    sheet = fill_plans(sheets[0])
    content = login(client, cast.asesor).get(url(sheet)).content.decode()
    for key in ("teaching_observation", "superior_assessment", "lesson_plans[0]"):
        assert f'name="{points_name(key)}"' not in content
    assert f'name="{points_name(QUALIFICATION)}"' in content


# -- saving ------------------------------------------------------------------------------------


def test_a_draft_is_saved_and_the_outcome_recomputed(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    sheet = sheets[0]
    login(client, cast.asesor)
    response = client.post(
        url(sheet),
        form_data(
            sheet,
            **{points_name(QUALIFICATION): "0", reason_name(QUALIFICATION): "Ijazah tidak relevan"},
        ),
        follow=True,
    )
    assert response.redirect_chain[-1][0].endswith("#outcome")
    assert escape(str(DRAFT_SAVED)) in response.content.decode()
    sheet.refresh_from_db()
    assert sheet.overrides == {QUALIFICATION: {"points": "0", "reason": "Ijazah tidak relevan"}}
    assert sheet.plan_items == [[4] * 8] * 5
    assert 'value="Ijazah tidak relevan"' in response.content.decode()


def test_an_override_without_a_reason_names_the_line_and_keeps_the_draft(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    sheet = sheets[0]
    code = portfolio_read(case=sheet.allocation.case).section_rows("qualification")[0].code
    login(client, cast.asesor)
    client.post(url(sheet), form_data(sheet, notes="first"))

    response = client.post(
        url(sheet), form_data(sheet, item="5", notes="second", **{points_name(QUALIFICATION): "10"})
    )

    assert response.status_code == 200
    content = response.content.decode()
    alert = re.search(r'<div class="form-errors" role="alert">(.*?)</div>', content, re.S)
    assert alert is not None and f"Baris {code}:" in alert.group(1)
    assert QUALIFICATION not in alert.group(1)  # the evidence code, never the internal path
    assert 'value="10"' in content  # what was typed is shown again
    sheet.refresh_from_db()
    assert sheet.notes == "first" and sheet.plan_items == [[4] * 8] * 5


def test_a_value_that_is_not_a_number_is_named(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    sheet = sheets[0]
    login(client, cast.asesor)
    response = client.post(
        url(sheet), form_data(sheet, **{points_name(QUALIFICATION): "lots", "plan_2_3": "7"})
    )
    code = portfolio_read(case=sheet.allocation.case).section_rows("qualification")[0].code
    assert response.status_code == 200
    alert = re.search(r'role="alert">(.*?)</div>', response.content.decode(), re.S)
    assert alert is not None
    assert str(PLAN_ITEM_LABEL % {"plan": 2, "item": 3}) in alert.group(1)
    assert str(POINTS_LABEL % {"code": code}) in alert.group(1)
    sheet.refresh_from_db()
    assert sheet.plan_items == []


def test_overrides_follow_their_line_when_plan_scores_add_lines(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    sheet = sheets[0]
    login(client, cast.asesor)
    page = client.get(url(sheet)).content.decode()  # no plan scored: one "missing plans" line
    assert f'name="{points_name("forums[0]")}"' in page
    client.post(url(sheet), form_data(sheet))  # five plans scored: five plan lines
    client.post(
        url(sheet),
        form_data(sheet, **{points_name("forums[0]"): "1", reason_name("forums[0]"): "Peserta"}),
    )
    sheet.refresh_from_db()
    assert sheet.overrides == {"forums[0]": {"points": "1", "reason": "Peserta"}}


# -- submission --------------------------------------------------------------------------------


def test_save_and_submit_goes_through_a_confirmation(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    sheet = sheets[0]
    login(client, cast.asesor)
    response = client.post(url(sheet), form_data(sheet, action="submit"))
    assert response["Location"] == url(sheet, "assessments:sheet_submit")
    sheet.refresh_from_db()
    assert not sheet.submitted

    confirm = client.get(url(sheet, "assessments:sheet_submit"))
    assert confirm.status_code == 200 and b'name="confirm"' in confirm.content

    done = client.post(url(sheet, "assessments:sheet_submit"), {"confirm": "yes"}, follow=True)
    assert escape(str(SUBMITTED)) in done.content.decode()
    sheet.refresh_from_db()
    assert sheet.submitted and sheet.code
    assert b'name="points:' not in done.content  # read-only now
    assert client.post(url(sheet), form_data(sheet)).status_code == 200
    sheet.refresh_from_db()
    assert sheet.submitted


def test_a_sheet_with_unscored_plans_is_not_submitted(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    sheet = sheets[0]
    login(client, cast.asesor)
    client.post(url(sheet), form_data(sheet, item=""))
    response = client.post(url(sheet, "assessments:sheet_submit"), {"confirm": "yes"})
    assert response.status_code == 200
    assert escape(str(PLANS_INCOMPLETE)) in response.content.decode()
    sheet.refresh_from_db()
    assert not sheet.submitted


def test_submitting_a_never_saved_sheet_is_refused(client: Client, cast: Any) -> None:
    case = at_rayon(submit_complete(cast.sri_case, cast))
    allocate(case, cast.asesor2)
    allocation = Allocation.objects.create(case=case, assessor=cast.asesor.assessor, slot=2)
    login(client, cast.asesor)
    target = reverse("assessments:sheet_submit", args=[allocation.pk])
    response = client.post(target, {"confirm": "yes"})
    assert escape(str(PLANS_INCOMPLETE)) in response.content.decode()
    assert client.get(reverse("assessments:sheet", args=[allocation.pk])).status_code == 200


# -- blindness ---------------------------------------------------------------------------------


def _name(user: Any, first: str, last: str) -> None:
    user.first_name, user.last_name = first, last
    user.save(update_fields=["first_name", "last_name"])


def test_blind_before_both_submit_and_visible_after(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    _name(cast.asesor, "Hartono", "Wibisono")
    _name(cast.asesor2, "Kusumawati", "Rahayu")
    first = submit_sheet(sheets[0], item=4)
    login(client, cast.asesor2)
    before = client.get(url(sheets[1])).content.decode()
    worklist = client.get(reverse("assessments:worklist")).content.decode()
    for content in (before, worklist):
        assert "Hartono" not in content and "A-asesor<" not in content
        assert str(Allocation.Slot.FIRST.label) not in content
        assert "Both assessments" not in content and "Kedua penilaian" not in content
    assert str(first.total).rstrip("0") not in before.replace(" ", "")

    second = submit_sheet(sheets[1], item=5)
    assert Case.objects.get(pk=cast.sri_case.pk).state == Case.State.DECIDED
    after = client.get(url(sheets[1]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Both assessments" in after
    assert "Assessor 1" in after
    assert f"<code>{first.code}</code>" in after and f"<code>{second.code}</code>" in after
    assert "Hartono" not in after and Assessor.objects.get(user=cast.asesor).number not in after

    login(client, cast.asesor)
    mine = client.get(url(sheets[0]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Assessor 2" in mine and "Kusumawati" not in mine


def test_the_other_sheet_is_hidden_while_ones_own_is_open(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    submit_sheet(sheets[1], item=5)
    content = (
        login(client, cast.asesor).get(url(sheets[0]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )
    assert "Both assessments" not in content
    assert "Second assessor" not in content and "Assessor 2" not in content


def test_a_third_assessor_sees_neither_blind_sheet(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    submit_sheet(sheets[0], item=1)
    submit_sheet(
        sheets[1],
        item=5,
        overrides={QUALIFICATION: {"points": "0", "reason": "Ijazah tidak relevan"}},
    )
    assert Case.objects.get(pk=cast.sri_case.pk).state == Case.State.RECONCILIATION
    third = allocate(cast.sri_case, cast.asesor3, first_slot=3)[0]
    content = (
        login(client, cast.asesor3).get(url(third), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )
    assert "Both assessments" not in content and "Assessor 1" not in content
    assert b'name="points:' in client.get(url(third)).content


# -- teachers ----------------------------------------------------------------------------------


def test_the_teacher_never_sees_sheets_or_assessors(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    _name(cast.asesor, "Hartono", "Wibisono")
    _name(cast.asesor2, "Kusumawati", "Rahayu")
    login(client, cast.sri)
    page = reverse("portfolios:case", args=[cast.sri_case.pk])

    def check() -> None:
        for sheet in sheets:
            for name in ("assessments:sheet", "assessments:sheet_submit"):
                assert client.get(url(sheet, name)).status_code == 404
        assert client.get(reverse("assessments:worklist")).status_code == 404
        content = client.get(page).content.decode()
        for secret in ("Hartono", "Wibisono", "Kusumawati", "Rahayu", "A-asesor"):
            assert secret not in content

    check()  # allocated
    submit_sheet(sheets[0], item=4)
    check()  # one submitted
    submit_sheet(sheets[1], item=5)
    check()  # both submitted, decided


# -- queries -----------------------------------------------------------------------------------


def _queries(client: Client, target: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(target).status_code == 200
    return len(captured)


# session, user, the second factor's device, allocation (joined), entries, evidence, envelope
SHEET_PAGE_QUERIES = 7


@pytest.mark.parametrize("extra", [0, 15])
def test_sheet_page_queries_do_not_grow_with_entries(client: Client, cast: Any, extra: int) -> None:
    fill_rows(cast.sri_case, cast.sri, extra)
    case = at_rayon(submit_complete(cast.sri_case, cast))
    sheets = allocate(case, cast.asesor, cast.asesor2)
    login(client, cast.asesor)
    client.get(url(sheets[0]))  # the rules year is read once per process
    assert _queries(client, url(sheets[0])) == SHEET_PAGE_QUERIES
    submit_sheet(sheets[1])
    submit_sheet(sheets[0])
    # Both in: the other sheet is read too (whether both are in, and the round's sheets).
    assert _queries(client, url(sheets[0])) == SHEET_PAGE_QUERIES + 2


# -- a counsellor's words --------------------------------------------------------------------


def test_a_counsellors_sheet_names_the_parts_in_the_seeds_words(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    """Seed 003, Buku III: "Perencanaan Program Pelayanan Bimbingan dan Konseling"."""
    from sergur.rules.messages import COMPONENTS, component_names

    subject = cast.sri_case.teacher.subject
    subject.is_counseling = True
    subject.save(update_fields=["is_counseling"])

    page = login(client, cast.asesor).get(url(sheets[0])).content.decode()

    assert escape(component_names("counselor")["lesson_plans"]["id"]) in page
    assert escape(component_names("counselor")["teaching_observation"]["id"]) in page
    assert escape(COMPONENTS["teaching_observation"]["id"]) not in page


def test_a_subject_teachers_sheet_keeps_the_teaching_words(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    from sergur.rules.messages import COMPONENTS

    page = login(client, cast.asesor).get(url(sheets[0])).content.decode()

    assert escape(COMPONENTS["lesson_plans"]["id"]) in page
    assert "Program Pelayanan Bimbingan dan Konseling" not in page


def test_uploaded_plans_not_yet_scored_are_not_called_missing(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    content = login(client, cast.asesor).get(url(sheets[0]), HTTP_ACCEPT_LANGUAGE="en")

    page = content.content.decode()
    assert "5 of 5 required plans uploaded, not yet scored" in page
    assert "required plans missing" not in page
