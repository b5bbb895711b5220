"""Accessibility as a gate: every page the URL resolver knows that a person of the cast can
open (without an object, or with their case) passes axe-core, WCAG 2.2 A/AA, in Chromium.

The pages come from the resolver, so a new page is checked without being listed here. Each
page is checked once, as the first person of the cast who may open it, and every person's own
landing page after signing in is checked as well. The flows of the other end-to-end tests
check the pages that need a case in a given state (`shot`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from playwright.sync_api import Error as PlaywrightError

from sergur.common.tests.browser import axe_violations, submit
from sergur.conftest import PASSWORD, Cast

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Namespaces that are not the product's pages: Django's admin (the operator's tool, styled
# by Django) and the language switch (a redirect).
SKIPPED_PREFIXES = ("admin/", "i18n/")
# The people in the order their pages are checked: each page as the first who may open it.
PEOPLE = (
    "sri",
    "pak_kepala",
    "pengawas",
    "dinas",
    "lpmp",
    "asesor2",
    "rayon_admin",
    "operator",
)
# The people of the second half of the lifecycle, who are not in the cast: they open the
# allowance, payment, NRG and PLPG pages (made by `second_half_people`).
SECOND_HALF_ROLES = (
    ("operator_sekolah", "SCHOOL_OPERATOR"),
    ("keuangan", "FINANCE"),
    ("kemdikbud", "MINISTRY"),
    ("instruktur", "INSTRUCTOR"),
)
# Pages after the decision that the sweep must reach: a resolver change or a lost role
# that hid them would show here.
SECOND_HALF_PAGES = {
    "/plpg/participants/",
    "/plpg/classes/",
    "/certificates/",
    "/certificates/nrg/",
    "/certificates/verify/",
    "/allowance/",
    "/allowance/schools/",
    "/allowance/district/",
    "/payments/",
    "/payments/mine/",
    "/planner/",
    "/pkg/",
    "/pkb/",
    "/pkb/worklist/",
    "/kkg/",
    "/kkg/resources/",
    "/quality-assurance/",
}


def routes(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[str]:
    """Every route of the site as text, `<int:pk>` and all."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from routes(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


# Routes whose one object is a case.
CASE_ROUTES = ("cases/<int:pk>/", "verification/cases/<int:pk>/", "rayon/cases/<int:pk>/")


def openable(route: str, *, cast: Cast) -> str | None:
    """The path of a route with the cast's objects filled in, or None when it needs an object
    this sweep has not got (those pages are checked by the flows)."""
    if route.startswith(SKIPPED_PREFIXES) or "(?P" in route or "^" in route:
        return None
    case = cast.sri_case
    route = route.replace("<int:year>", str(case.programme_year.year))
    if route.startswith("selection/") and route.endswith("districts/<int:pk>/"):
        route = route.replace("<int:pk>", str(cast.dinas.district_id))
    if route.startswith(CASE_ROUTES) and route.count("<") == 1:
        route = route.replace("<int:pk>", str(case.pk))
    if route == "allowance/schools/<int:pk>/":
        route = route.replace("<int:pk>", str(cast.pak_kepala.school_id))
    if route == "pkb/teachers/<int:pk>/":
        route = route.replace("<int:pk>", str(case.teacher_id))
    if "<" in route or route.endswith((".pdf", ".json", ".csv")):
        return None
    return "/" + route


def second_half_people(cast: Cast) -> list[str]:
    """The school operator of school one, the finance office of the cast's district, the
    ministry and a PLPG instructor: their usernames, in the order of SECOND_HALF_ROLES."""
    from sergur.accounts.models import User
    from sergur.registry.tests.factories import UserFactory

    places: dict[str, dict[str, Any]] = {
        "SCHOOL_OPERATOR": {"school": cast.pak_kepala.school},
        "FINANCE": {"district": cast.dinas.district},
    }
    return [
        UserFactory(
            username=username, role=getattr(User.Role, role), **places.get(role, {})
        ).username
        for username, role in SECOND_HALF_ROLES
    ]


def signed_in(browser: Any, base: str, username: str) -> Any:
    """A page of a browser context of its own, signed in through the login form."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    submit(page, page.locator("main form button[type=submit]"))
    return page


def check(person: Any, base: str, path: str, found: dict[str, list[str]]) -> bool:
    """Open the page in a tab of its own in the person's browser context (their session),
    so that nothing a page did after loading (a poll, a redirect) interrupts the next one;
    when it answers with HTML, record its axe violations. True if opened."""
    page = person.context.new_page()
    try:
        try:
            response = page.goto(base + path)
        except PlaywrightError:  # an answer without a page (e.g. a refusal with no body)
            return False
        if response is None or response.status != 200:
            return False
        if "text/html" not in (response.headers.get("content-type") or ""):
            return False
        violations = axe_violations(page)
        if violations:
            found[f"{path} ({page.url})"] = violations
        return True
    finally:
        page.close()


def test_every_page_a_person_can_open_passes_axe(
    browser: Any, live_server: Any, cast: Cast
) -> None:
    base = live_server.url
    paths = sorted({path for route in routes() if (path := openable(route, cast=cast))})
    found: dict[str, list[str]] = {}
    checked: set[str] = set()
    landings: dict[str, str] = {}

    anonymous = browser.new_context(locale="id-ID")
    for path in ["/", "/accounts/login/", "/participants/lookup/", "/score/"]:
        if check(anonymous.new_page(), base, path, found):
            checked.add(path)
    anonymous.close()

    usernames = [getattr(cast, person).username for person in PEOPLE]
    for person in [*usernames, *second_half_people(cast)]:
        page = signed_in(browser, base, person)
        landing = page.url
        landings[person] = landing
        violations = axe_violations(page)
        if violations:
            found[f"landing page of {person} ({landing})"] = violations
        for path in paths:
            if (
                path not in checked
                and path != "/accounts/logout/"
                and check(page, base, path, found)
            ):
                checked.add(path)
        page.context.close()

    assert found == {}, "\n".join(
        f"{where}:\n  " + "\n  ".join(lines) for where, lines in found.items()
    )
    # The sweep reaches most of the site: a resolver change that hid the pages would show here.
    assert len(checked) >= 30, (sorted(checked), landings)
    assert SECOND_HALF_PAGES - checked == set(), (sorted(checked), landings)
