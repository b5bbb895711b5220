"""The main menu: each person sees the entries of their role, the current page is marked, and
the menu costs no query."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.translation import override

from sergur.common.menu import menu_for
from sergur.conftest import Cast

pytestmark = pytest.mark.django_db


def labels(entries: list[dict[str, object]]) -> list[str]:
    with override("en"):
        return [str(entry["label"]) for entry in entries]


def test_anonymous_visitors_see_the_public_pages_only() -> None:
    assert labels(menu_for(None, None)) == [
        "Home",
        "Score a portfolio",
        "Participant lookup",
        "Check a certificate",  # the public verification (docs/certificates.md)
    ]


def test_a_teacher_sees_their_cases_and_selection(cast: Cast) -> None:
    shown = labels(menu_for(cast.sri, None))
    assert "My cases" in shown and "Selection" in shown
    assert "Imports" not in shown and "Decisions" not in shown


def test_a_district_officer_sees_the_district_pages(cast: Cast) -> None:
    shown = labels(menu_for(cast.dinas, None))
    for label in ("Cases", "Selection", "Imports", "Transfers", "Verification", "Results"):
        assert label in shown
    assert "Decisions" not in shown and "My worklist" not in shown


def test_a_rayon_admin_and_an_assessor_see_their_own_pages(cast: Cast) -> None:
    rayon = labels(menu_for(cast.rayon_admin, None))
    assert {"Assessment", "Decisions", "Appeals", "Verification"} <= set(rayon)
    assert "Imports" not in rayon
    assessor = labels(menu_for(cast.asesor, None))
    assert {"My worklist", "My relationships"} <= set(assessor)
    assert "Decisions" not in assessor


def test_the_current_page_and_its_subpages_are_marked(cast: Cast) -> None:
    current = [entry for entry in menu_for(cast.dinas, "selection:district") if entry["current"]]
    assert labels(current) == ["Selection"]


def test_the_menu_costs_no_query(cast: Cast) -> None:
    with CaptureQueriesContext(connection) as queries:
        menu_for(cast.dinas, "cases:list")
    assert len(queries) == 0


def test_every_page_draws_the_menu_of_its_person(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.dinas)
    page = client.get("/cases/").content.decode()
    assert 'href="/imports/"' in page
    assert 'aria-current="page">Cases<' in page or 'aria-current="page">Berkas' in page
