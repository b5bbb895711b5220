"""The main menu: each person sees the entries of their role, the current page is marked, and
the menu costs no query."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override

from sergur.certificates.models import Nrg
from sergur.common.menu import CERTIFIED, PUBLIC, STAGES_SESSION_KEY, menu_for
from sergur.conftest import Cast
from sergur.plpg.tests.support import world

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2008, 3, 1, 9, 0, tzinfo=dt.UTC)


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


AFTER_CERTIFICATION = [
    "Certificates",
    "My allowance",
    "KKG/MGMP",
    "My development (PKB)",
    "My allowance payments",
    "Performance appraisal (PKG)",
]
STAGED_PAGES = [
    "allowance:mine",
    "payments:mine",
    "development:mine",
    "kkg:groups",
    "appraisal:home",
    "certificates:list",
    "plpg:participants",
]


def grouped(entries: list[dict[str, object]]) -> tuple[list[str], list[str]]:
    """The entries drawn in the bar, and those under the public tools' heading."""
    top = [entry for entry in entries if not entry["group"]]
    public = [entry for entry in entries if entry["group"] == PUBLIC]
    return labels(top), labels(public)


def test_a_teacher_filling_the_portfolio_sees_only_what_applies_now(cast: Cast) -> None:
    top, public = grouped(menu_for(cast.sri, None))

    assert top == ["Home", "Inbox", "My cases", "My data", "Selection"]
    assert public == ["Score a portfolio", "Participant lookup", "Check a certificate"]


def certify_sri(cast: Cast) -> None:
    """Sri holds an NRG (the certified stage)."""
    Nrg(
        teacher=cast.sri_case.teacher,
        number="0712345601",
        year=2008,
        serial=1,
        issued_at=NOW,
        issued_by=cast.operator,
    ).save()


def test_a_certified_teacher_sees_the_pages_after_certification(cast: Cast) -> None:
    certify_sri(cast)

    top, _public = grouped(menu_for(cast.sri, None))
    assert top == ["Home", "Inbox", "My cases", "My data", "Selection", *AFTER_CERTIFICATION]
    assert "PLPG" not in top
    assert AFTER_CERTIFICATION[0] not in labels(menu_for(cast.budi, None))  # not budi's


def test_a_teacher_placed_in_a_plpg_class_sees_the_plpg(cast: Cast) -> None:
    assert "PLPG" not in labels(menu_for(cast.sri, None))
    world(cast)
    assert "PLPG" in labels(menu_for(cast.sri, None))


def test_a_teachers_stages_are_asked_only_when_a_staged_entry_shows(cast: Cast) -> None:
    with CaptureQueriesContext(connection) as queries:
        menu_for(cast.sri, None)
    assert len(queries) == 2  # the certificate or NRG; the PLPG place
    with CaptureQueriesContext(connection) as queries:
        menu_for(cast.pak_kepala, None)  # a principal's KKG and PKG entries are not staged
        menu_for(cast.sri, None, frozenset({CERTIFIED}))  # kept at sign-in
    assert len(queries) == 0


def test_the_stages_are_kept_at_sign_in_so_pages_ask_for_none(cast: Cast, client: Client) -> None:
    certify_sri(cast)
    client.force_login(cast.sri)
    assert client.session[STAGES_SESSION_KEY] == [CERTIFIED]

    with CaptureQueriesContext(connection) as queries:
        body = client.get(reverse("allowance:mine")).content.decode()
    assert f'href="{reverse("allowance:mine")}"' in body and "stage-ahead" not in body
    assert not [q for q in queries if "certificates_" in q["sql"] or "plpg_" in q["sql"]]


@pytest.mark.parametrize("name", STAGED_PAGES)
def test_a_hidden_page_still_opens_by_its_address_and_says_why_it_is_empty(
    cast: Cast, client: Client, name: str
) -> None:
    client.force_login(cast.sri)
    response = client.get(reverse(name))

    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="notice stage-ahead"' in body


def test_a_page_that_applies_now_has_no_stage_note(cast: Cast, client: Client) -> None:
    client.force_login(cast.sri)
    assert "stage-ahead" not in client.get(reverse("selection:home"), follow=True).content.decode()
    client.force_login(cast.dinas)
    assert "stage-ahead" not in client.get(reverse("plpg:participants")).content.decode()


@pytest.mark.parametrize(
    "who",
    ["sri", "pak_kepala", "pengawas", "dinas", "lpmp", "asesor", "operator", "rayon_admin"],
)
def test_every_role_still_reaches_every_page_of_its_menu(
    cast: Cast, client: Client, who: str
) -> None:
    user = getattr(cast, who)
    client.force_login(user)
    for entry in menu_for(user, None):
        response = client.get(str(entry["url"]), follow=True)
        assert response.status_code == 200, (who, entry["url"])


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
