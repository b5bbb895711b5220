"""The result panel on the case page: before publication only the stage; after it the code
and its Indonesian name, the total, components and groups, every reason, what to do next
and by when; never an assessor; a fixed number of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from sergur.assessments.panels import result_panel
from sergur.assessments.services.decisions import result_publish
from sergur.assessments.tests.decisions_support import REASONS, decided
from sergur.assessments.tests.support import allocate, at_rayon
from sergur.cases.models import Case
from sergur.cases.selectors import case_get_for_user


def shown(user: Any, case: Case) -> str | None:
    """The panel as `user` sees it on the case page (None: no panel)."""
    seen = case_get_for_user(user=user, pk=case.pk)
    panel = result_panel(user, seen)
    if panel is None:
        return None
    with translation.override("en"):
        return render_to_string(panel.template, panel.context)


def published(cast: Any, code: str) -> None:
    result_publish(result=decided(cast.sri_case, code), actor=cast.rayon_admin, now=timezone.now())


def test_while_assessed_the_teacher_sees_only_the_stage(cast: Any) -> None:
    at_rayon(cast.sri_case)
    allocate(cast.sri_case, cast.asesor, cast.asesor2)

    html = shown(cast.sri, cast.sri_case)

    assert html is not None and "Being assessed" in html


def test_decided_but_unpublished_shows_no_code(cast: Any) -> None:
    decided(cast.sri_case, "MS", total="830")

    html = shown(cast.sri, cast.sri_case)

    assert html is not None and "awaiting publication" in html
    assert "Melengkapi" not in html and "830" not in html


def test_a_draft_case_has_no_panel(cast: Any) -> None:
    assert shown(cast.sri, cast.sri_case) is None


@pytest.mark.parametrize("code", ["L", "MA", "MS", "MPLPG", "K", "D"])
def test_the_published_result_shows_code_name_total_and_every_reason(cast: Any, code: str) -> None:
    published(cast, code)

    html = shown(cast.sri, cast.sri_case)

    assert html is not None
    names = {
        "L": "Lulus",
        "MA": "Melengkapi Administrasi",
        "MS": "Melengkapi Substansi",
        "MPLPG": "Mengikuti PLPG",
        "K": "Klarifikasi",
        "D": "Diskualifikasi",
    }
    assert f">{code}<" in html and names[code] in html
    assert "900" in html
    for reason in REASONS[code][0]["id"]:
        assert reason in html
    assert "Kelompok A" in html


def test_ma_says_until_when_the_portfolio_is_open(cast: Any) -> None:
    published(cast, "MA")
    case = Case.objects.get(pk=cast.sri_case.pk)

    html = shown(cast.sri, case)

    assert html is not None and case.reopen_until is not None
    assert str(case.reopen_until.year) in html
    assert reverse("portfolios:submit", args=[case.pk]) in html


def test_k_offers_the_clarification_form_to_the_teacher_only(cast: Any) -> None:
    published(cast, "K")
    case = Case.objects.get(pk=cast.sri_case.pk)
    link = reverse("assessments:clarify", args=[case.pk])

    assert link in (shown(cast.sri, case) or "")
    assert link not in (shown(cast.rayon_admin, case) or "")


def test_the_panel_never_names_an_assessor(cast: Any) -> None:
    at_rayon(cast.sri_case)
    allocate(cast.sri_case, cast.asesor, cast.asesor2)
    published(cast, "L")

    for viewer in (cast.sri, cast.rayon_admin, cast.dinas):
        html = shown(viewer, Case.objects.get(pk=cast.sri_case.pk)) or ""
        for assessor in (cast.asesor, cast.asesor2):
            assert assessor.assessor.number not in html
        assert cast.asesor2.username not in html


@pytest.mark.parametrize("who", ["pak_kepala", "pengawas", "asesor"])
def test_principal_supervisor_and_assessors_get_no_result_panel(cast: Any, who: str) -> None:
    at_rayon(cast.sri_case)
    allocate(cast.sri_case, cast.asesor, cast.asesor2)
    published(cast, "L")
    user = getattr(cast, who)

    seen = case_get_for_user(user=user, pk=cast.sri_case.pk)
    assert result_panel(user, seen) is None


def test_the_panel_answers_in_a_fixed_number_of_queries(
    cast: Any, django_assert_max_num_queries: Any
) -> None:
    published(cast, "MS")
    case = case_get_for_user(user=cast.sri, pk=cast.sri_case.pk)

    with django_assert_max_num_queries(2):
        panel = result_panel(cast.sri, case)
    assert panel is not None


def test_the_rayon_admin_is_pointed_to_the_reconciliation(cast: Any) -> None:
    from sergur.assessments.tests.test_reconciliation import open_reconciliation

    reconciliation = open_reconciliation(cast)
    case = Case.objects.get(pk=reconciliation.case_id)

    assert reverse("assessments:reconcile", args=[case.pk]) in (shown(cast.rayon_admin, case) or "")
    assert "reconcile" not in (shown(cast.sri, case) or "")
