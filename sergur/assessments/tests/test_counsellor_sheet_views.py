"""A counsellor's sheet page: the 24-item BK practice form (seed 003, Buku II pp. 33-35,
"Oleh Penilai (Asesor)") beside the 4.b records, saved from the page by the allocated assessor
only; a subject teacher's sheet has no such form."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils.html import escape

from sergur.assessments.models import Sheet
from sergur.assessments.tests.support import allocate, at_rayon, submit_complete
from sergur.assessments.tests.test_counsellor_practice import counsellor_case
from sergur.assessments.tests.test_sheet_views import login, url
from sergur.assessments.views.sheets import DRAFT_SAVED
from sergur.portfolios.selectors import portfolio_read
from sergur.rules.instruments import COUNSELOR_PRACTICE


@pytest.fixture
def sheets(cast: Any) -> list[Sheet]:
    case = at_rayon(submit_complete(cast.sri_case, cast))
    return allocate(case, cast.asesor, cast.asesor2)


# -- a counsellor's 4b practice form ---------------------------------------------------------


@pytest.fixture
def counsellor_sheets(cast: Any) -> list[Sheet]:
    return allocate(counsellor_case(cast), cast.asesor, cast.asesor2)


def counsellor_data(practice: str = "5", **extra: str) -> dict[str, str]:
    data = {f"plan_{plan}_{position}": "4" for plan in range(1, 5) for position in range(1, 9)}
    data.update({f"practice_{index}": practice for index in range(24)})
    data.update({"defects": "", "fraud_note": "", "notes": "", "action": "save"})
    data.update(extra)
    return data


def test_a_counsellors_sheet_shows_the_24_item_practice_form(
    client: Client, cast: Any, counsellor_sheets: list[Sheet]
) -> None:
    page = login(client, cast.asesor).get(url(counsellor_sheets[0])).content.decode()

    assert escape(COUNSELOR_PRACTICE.id) in page
    assert 'name="practice_0"' in page and 'name="practice_23"' in page
    assert 'name="practice_24"' not in page
    assert escape(COUNSELOR_PRACTICE.items[-1].id) in page
    code = (
        portfolio_read(case=counsellor_sheets[0].allocation.case)
        .section_rows("counselor_practice")[0]
        .code
    )
    assert code == "4.b.1)" and code in page


def test_the_assessor_saves_the_practice_form_from_the_page(
    client: Client, cast: Any, counsellor_sheets: list[Sheet]
) -> None:
    sheet = counsellor_sheets[0]
    response = login(client, cast.asesor).post(url(sheet), counsellor_data("5"), follow=True)

    assert str(DRAFT_SAVED) in response.content.decode()
    sheet.refresh_from_db()
    assert sheet.practice_items == [5] * 24


def test_a_subject_teachers_sheet_has_no_practice_form(
    client: Client, cast: Any, sheets: list[Sheet]
) -> None:
    page = login(client, cast.asesor).get(url(sheets[0])).content.decode()
    assert 'name="practice_0"' not in page


def test_the_other_assessor_and_the_principal_cannot_post_the_practice_form(
    client: Client, cast: Any, counsellor_sheets: list[Sheet]
) -> None:
    sheet = counsellor_sheets[0]
    assert login(client, cast.asesor2).post(url(sheet), counsellor_data()).status_code == 404
    client.logout()
    assert login(client, cast.pak_kepala).post(url(sheet), counsellor_data()).status_code == 404
    sheet.refresh_from_db()
    assert sheet.practice_items == []


def test_the_confirmation_counts_the_unscored_practice_items(
    client: Client, cast: Any, counsellor_sheets: list[Sheet]
) -> None:
    sheet = counsellor_sheets[0]
    login(client, cast.asesor).post(url(sheet), counsellor_data("", practice_0="4"))

    page = client.get(url(sheet, "assessments:sheet_submit")).content.decode()

    assert "23 butir format pelaksanaan program pelayanan BK (4b) belum diberi skor." in page
