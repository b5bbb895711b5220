"""The joint reconciliation page: who may open it, correcting with a reason, resolving, the
third-assessor mode, and that no assessor is named."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sergur.assessments.models import Correction, FindingCorrection, Reconciliation, Result
from sergur.assessments.tests.test_reconciliation import open_reconciliation
from sergur.cases.models import Case
from sergur.portfolios.selectors import portfolio_read


@pytest.fixture
def reconciliation(cast: Any) -> Reconciliation:
    return open_reconciliation(cast)


def url(case: Case | int) -> str:
    return reverse("assessments:reconcile", args=[case if isinstance(case, int) else case.pk])


def test_the_admin_sees_both_sheets_and_the_reasons(
    client: Client, cast: Any, reconciliation: Reconciliation
) -> None:
    client.force_login(cast.rayon_admin)

    response = client.get(url(reconciliation.case_id))

    body = response.content.decode()
    assert response.status_code == 200
    for reason in reconciliation.reasons["id"]:
        assert reason in body
    assert "Ijazah tidak relevan" in body
    for user in (cast.asesor, cast.asesor2):
        assert user.assessor.number not in body
    assert cast.asesor2.username not in body


def test_a_part_is_corrected_with_a_reason(
    client: Client, cast: Any, reconciliation: Reconciliation
) -> None:
    client.force_login(cast.rayon_admin)

    response = client.post(
        url(reconciliation.case_id),
        {
            "action": "part",
            "part-part": "awards",
            "part-after": "12.5",
            "part-reason": "Both agreed on the award",
        },
    )

    assert response.status_code == 302
    correction = Correction.objects.get()
    assert correction.part == "awards" and str(correction.after.normalize()) == "12.5"


# An internal path (`trainings[0]`) or a Python list (`['2.b']`) on the page an officer reads.
PATH_OR_REPR = re.compile(r"\w\[\d+\]|\[\s*'|\[\]")


def visible_text(html: str) -> str:
    """What a reader sees of a page: its text without tags and attributes (option values and
    field names are for the browser)."""
    return re.sub(r"<[^>]*>", " ", html)


def test_lines_and_findings_are_named_in_words_never_by_paths_or_lists(
    client: Client, cast: Any, reconciliation: Reconciliation
) -> None:
    client.force_login(cast.rayon_admin)
    code = portfolio_read(case=reconciliation.case).section_rows("qualification")[0].code
    client.post(
        url(reconciliation.case_id),
        {
            "action": "part",
            "part-part": "qualification",
            "part-line": "qualifications[0]",
            "part-after": "100",
            "part-reason": "Both agreed",
        },
    )
    client.post(
        url(reconciliation.case_id),
        {
            "action": "finding",
            "finding-finding": "doubtful_evidence",
            "finding-items": code,
            "finding-reason": "One doubt",
        },
    )
    client.post(
        url(reconciliation.case_id),
        {
            "action": "finding",
            "finding-finding": "doubtful_evidence",
            "finding-items": "",
            "finding-reason": "Originals seen",
        },
    )

    body = client.get(url(reconciliation.case_id)).content.decode()

    assert Correction.objects.get().line == "qualifications[0]"
    assert FindingCorrection.objects.count() == 2
    text = visible_text(body)
    assert PATH_OR_REPR.search(text) is None, PATH_OR_REPR.search(text)
    assert f"{code} ·" in text  # the line by its evidence code and table
    # The line is picked from the instrument's lines, not typed.
    assert re.search(r'<select name="part-line"[^>]*>', body)
    assert f'<option value="qualifications[0]">{code} ·' in body


def test_a_line_not_on_the_sheet_is_refused_on_the_page(
    client: Client, cast: Any, reconciliation: Reconciliation
) -> None:
    client.force_login(cast.rayon_admin)

    response = client.post(
        url(reconciliation.case_id),
        {
            "action": "part",
            "part-part": "awards",
            "part-line": "nonsense[9]",
            "part-after": "12",
            "part-reason": "Why not",
        },
    )

    assert response.status_code == 400
    assert not Correction.objects.exists()


def test_a_correction_without_a_reason_is_refused_on_the_page(
    client: Client, cast: Any, reconciliation: Reconciliation
) -> None:
    client.force_login(cast.rayon_admin)

    response = client.post(
        url(reconciliation.case_id),
        {"action": "part", "part-part": "awards", "part-after": "12", "part-reason": ""},
    )

    assert response.status_code == 400
    assert not Correction.objects.exists()


def test_a_finding_is_corrected_on_the_page(
    client: Client, cast: Any, reconciliation: Reconciliation
) -> None:
    client.force_login(cast.rayon_admin)

    response = client.post(
        url(reconciliation.case_id),
        {
            "action": "finding",
            "finding-finding": "doubtful_evidence",
            "finding-items": "",
            "finding-reason": "Originals seen",
        },
    )

    assert response.status_code == 302
    assert FindingCorrection.objects.get().after == []


def test_resolving_on_the_page(client: Client, cast: Any, reconciliation: Reconciliation) -> None:
    client.force_login(cast.rayon_admin)

    response = client.post(url(reconciliation.case_id), {"action": "resolve"})

    assert response.status_code == 302
    assert Result.objects.get(case_id=reconciliation.case_id).source == Result.Source.JOINT
    assert client.get(url(reconciliation.case_id)).status_code == 404


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("sri", 403),
        ("budi", 403),
        ("asesor", 403),
        ("asesor3", 403),
        ("dinas", 403),
        ("dinas_other", 403),
        ("lpmp", 403),
        ("rayon_other", 404),
    ],
)
def test_only_the_rayon_admin_reconciles(
    client: Client, cast: Any, reconciliation: Reconciliation, who: str, status: int
) -> None:
    client.force_login(getattr(cast, who))

    assert client.get(url(reconciliation.case_id)).status_code == status
    client.post(url(reconciliation.case_id), {"action": "resolve"})
    assert not Result.objects.exists()


def test_a_case_not_in_reconciliation_is_not_found(client: Client, cast: Any) -> None:
    client.force_login(cast.rayon_admin)
    assert client.get(url(cast.budi_case)).status_code == 404
    assert client.get(url(999999)).status_code == 404


def test_in_third_mode_the_page_shows_the_third_assessor(
    client: Client, cast: Any, reconciliation: Reconciliation
) -> None:
    Reconciliation.objects.filter(pk=reconciliation.pk).update(mode=Reconciliation.Mode.THIRD)
    client.force_login(cast.rayon_admin)

    body = client.get(url(reconciliation.case_id)).content.decode()

    assert "third" in body.lower() or "ketiga" in body.lower()
    assert 'name="action" value="part"' not in body
