"""The shared worklists (sergur/common/worklists.py): search by participant number or name
(number only for a blind reader), filters by state and deadline, sorts, paging that keeps them,
a name never in a URL; every list in a number of queries that does not grow with its rows;
and the home page's counts of what waits on the user (sergur/common/waiting.py)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sergur.appeals.tests.support import assigned, filed, published
from sergur.assessments.models import Allocation, Sheet
from sergur.cases.models import Case
from sergur.cases.selectors import CASE_WORKLIST, case_list_rows
from sergur.cases.services import case_open
from sergur.certificates.tests.support import issued
from sergur.plpg.tests.support import world as plpg_world
from sergur.registry.tests.factories import TeacherFactory, TeachingAssignmentFactory

FILTER = reverse("common:worklist_filter")
CASES = reverse("cases:list")


def more_cases(
    cast: Any, count: int, *, prefix: str = "Guru Tambahan", **update: Any
) -> list[Case]:
    """`count` cases at Sri's school in Sri's programme year, numbered 0734…, updated with
    `update` (a state...)."""
    school = cast.sri_case.teacher.assignments.get().school
    cases = []
    for n in range(count):
        teacher = TeacherFactory(name=f"{prefix} {n:03d}", subject=cast.sri_case.teacher.subject)
        TeachingAssignmentFactory(teacher=teacher, school=school)
        case = case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)
        cases.append(case)
    numbers = {case.pk: f"0734{case.pk:010d}" for case in cases}
    for case in cases:
        Case.objects.filter(pk=case.pk).update(participant_number=numbers[case.pk], **update)
    return list(Case.objects.filter(pk__in=numbers).order_by("pk"))


def remember(client: Client, listing: str, **filters: str) -> None:
    response = client.post(FILTER, {"list": listing, **filters})
    assert response.status_code == 302


def pks(rows: Any) -> set[int]:
    return {row.pk for row in rows}


# -- the filters themselves ----------------------------------------------------------------------
def test_search_finds_by_participant_number_or_name(cast: Any) -> None:
    cases = more_cases(cast, 3)
    rows = case_list_rows(user=cast.operator)
    now = timezone.now()

    by_number = CASE_WORKLIST.apply(
        rows, {"q": cases[1].participant_number[-6:]}, now=now, blind=False
    )
    by_name = CASE_WORKLIST.apply(rows, {"q": "tambahan 002"}, now=now, blind=False)
    blind = CASE_WORKLIST.apply(rows, {"q": "tambahan 002"}, now=now, blind=True)

    assert pks(by_number) == {cases[1].pk}
    assert pks(by_name) == {cases[2].pk}
    assert pks(blind) == set()  # a blind reader searches numbers only


def test_state_and_deadline_filters(cast: Any) -> None:
    cases = more_cases(cast, 2, state=Case.State.SUBMITTED)
    rows = case_list_rows(user=cast.operator)
    deadline = cast.sri_case.programme_year.portfolio_deadline

    submitted = CASE_WORKLIST.apply(rows, {"state": "submitted"}, now=deadline, blind=False)
    passed = CASE_WORKLIST.apply(
        rows, {"deadline": "passed"}, now=deadline + dt.timedelta(days=1), blind=False
    )
    soon = CASE_WORKLIST.apply(
        rows, {"deadline": "soon"}, now=deadline - dt.timedelta(days=3), blind=False
    )
    later = CASE_WORKLIST.apply(
        rows, {"deadline": "later"}, now=deadline - dt.timedelta(days=30), blind=False
    )

    assert pks(submitted) == pks(cases)
    everyone = pks(rows)
    assert pks(passed) == everyone and pks(soon) == everyone and pks(later) == everyone
    assert not CASE_WORKLIST.apply(
        rows, {"deadline": "passed"}, now=deadline - dt.timedelta(days=1), blind=False
    ).exists()


def test_sorts_and_blind_readers_get_no_name_sort(cast: Any) -> None:
    cases = more_cases(cast, 3)
    Case.objects.filter(pk=cases[0].pk).update(participant_number="07349999999999")
    rows = case_list_rows(user=cast.operator).filter(pk__in=pks(cases))
    now = timezone.now()

    by_number = list(CASE_WORKLIST.apply(rows, {"sort": "number"}, now=now, blind=False))
    by_name = list(CASE_WORKLIST.apply(rows, {"sort": "name"}, now=now, blind=False))
    blind = list(CASE_WORKLIST.apply(rows, {"sort": "name"}, now=now, blind=True))

    assert by_number[-1].pk == cases[0].pk
    assert by_name[0].pk == cases[0].pk
    assert blind == by_number  # the name sort is not offered: the first allowed one is used
    assert "name" not in dict(CASE_WORKLIST.form(blind=True).fields["sort"].choices)  # type: ignore[attr-defined]


# -- the shared filter view ----------------------------------------------------------------------
def test_filters_are_posted_never_in_a_url_and_paging_keeps_them(client: Client, cast: Any) -> None:
    more_cases(cast, 53, prefix="Guru Lain")
    client.force_login(cast.operator)

    posted = client.post(FILTER, {"list": "cases", "q": "Guru Lain", "sort": "number"})
    first = client.get(CASES)
    second = client.get(CASES, {"page": 2})

    assert posted["Location"] == CASES and "Guru" not in posted["Location"]
    assert len(first.context["rows"]) == 50 and len(second.context["rows"]) == 3
    links = re.findall(r'href="([^"]*)"', first.content.decode())
    assert 'href="?page=2"' in first.content.decode()
    assert not any("Guru" in link or "q=" in link for link in links)


def test_an_unknown_list_is_not_found_and_a_bad_filter_is_named(client: Client, cast: Any) -> None:
    client.force_login(cast.operator)

    assert client.post(FILTER, {"list": "nope"}).status_code == 404
    remember(client, "cases", state="draft")
    response = client.post(FILTER, {"list": "cases", "state": "nonsense"}, follow=True)

    shown = [str(message) for message in response.context["messages"]]
    assert len(shown) == 1 and "nonsense" in shown[0]
    assert response.context["form"]["state"].value() == "draft"  # kept as it was


# -- every list in a bounded number of queries ---------------------------------------------------
def _queries(client: Client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def _allocated(cast: Any, count: int) -> None:
    for case in more_cases(cast, count, state=Case.State.IN_ASSESSMENT):
        allocation = Allocation.objects.create(case=case, assessor=cast.asesor.assessor, slot=1)
        Sheet.objects.create(allocation=allocation)


LISTS = {
    # list key → (who, its URL, how to add rows, the filters to set)
    "cases": (
        "dinas",
        "cases:list",
        lambda cast, n: more_cases(cast, n),
        {"q": "Guru", "sort": "number"},
    ),
    "verification": (
        "dinas",
        "verification:worklist",
        lambda cast, n: more_cases(cast, n, state=Case.State.SUBMITTED),
        {"q": "0734", "sort": "newest"},
    ),
    "assessor": ("asesor", "assessments:worklist", _allocated, {"q": "0734", "sheet": "open"}),
}


@pytest.mark.parametrize("listing", sorted(LISTS))
def test_each_list_takes_the_same_queries_with_few_or_many_rows(
    client: Client, cast: Any, listing: str, django_assert_max_num_queries: Any
) -> None:
    who, url_name, add, filters = LISTS[listing]
    client.force_login(getattr(cast, who))
    url = reverse(url_name)
    add(cast, 2)
    few, _page = _queries(client, url)
    remember(client, listing, **filters)
    filtered_few, _page = _queries(client, url)

    add(cast, 55)
    with django_assert_max_num_queries(12):
        client.get(url)
    many, page = _queries(client, url)

    assert filtered_few == many
    assert few <= many
    assert "worklist-filters" in page


def test_the_appeals_list_takes_the_same_queries_with_few_or_many_appeals(
    client: Client, cast: Any, django_assert_max_num_queries: Any
) -> None:
    def appeal_for(case: Case) -> None:
        published(case)
        filed(case)

    for case in more_cases(cast, 2):
        appeal_for(case)
    client.force_login(cast.rayon_admin)
    remember(client, "appeals", state="filed", sort="number")
    few, _page = _queries(client, reverse("appeals:list"))
    for case in more_cases(cast, 6, prefix="Guru Banding"):
        appeal_for(case)

    with django_assert_max_num_queries(12):
        client.get(reverse("appeals:list"))
    many, page = _queries(client, reverse("appeals:list"))

    assert few == many
    assert page.count('href="/appeals/') >= 8


# -- the home page -------------------------------------------------------------------------------
def test_the_home_page_counts_what_waits_and_opens_the_filtered_list(
    client: Client, cast: Any, django_assert_max_num_queries: Any
) -> None:
    _allocated(cast, 3)
    client.force_login(cast.asesor)

    with django_assert_max_num_queries(8):
        home = client.get(reverse("scoring:home")).content.decode()
    assert 'data-waiting="sheets"' in home and "3" in home
    form = re.search(r'<form method="post" action="([^"]+)">(.*?)</form>', home, re.S)
    assert form is not None and form.group(1) == FILTER
    fields = dict(re.findall(r'name="(list|sheet)" value="([^"]*)"', form.group(2)))
    assert fields == {"list": "assessor", "sheet": "open"}

    client.post(FILTER, fields)
    listed = client.get(reverse("assessments:worklist"))
    assert len(listed.context["rows"]) == 3


def test_the_home_page_shows_no_counts_to_a_teacher_or_a_visitor(client: Client, cast: Any) -> None:
    assert "waiting-heading" not in client.get(reverse("scoring:home")).content.decode()
    client.force_login(cast.sri)
    assert "waiting-heading" not in client.get(reverse("scoring:home")).content.decode()


def test_appeal_counts_for_the_rayon_and_the_reviewer(client: Client, cast: Any) -> None:
    case = more_cases(cast, 1)[0]
    published(case)
    appeal = filed(case)
    client.force_login(cast.rayon_admin)
    assert 'data-waiting="appeals_filed"' in client.get(reverse("scoring:home")).content.decode()

    assigned(appeal, cast.asesor3, cast.rayon_admin)
    client.force_login(cast.asesor3)
    assert 'data-waiting="appeals_review"' in client.get(reverse("scoring:home")).content.decode()


def test_the_plpg_participants_are_searched_and_filtered(client: Client, cast: Any) -> None:
    w = plpg_world(cast)
    client.force_login(cast.dinas)

    remember(client, "plpg_participants", q=w.budi.case.participant_number)
    found = client.get(reverse("plpg:participants"))
    remember(client, "plpg_participants", state="passed")
    none = client.get(reverse("plpg:participants"))

    assert [p.pk for p in found.context["participants"]] == [w.budi.pk]
    assert list(none.context["participants"]) == []
    assert "worklist-filters" in found.content.decode()


def test_the_certificates_are_searched_in_bounded_queries(
    client: Client, cast: Any, django_assert_max_num_queries: Any
) -> None:
    first = issued(cast.sri_case, cast)
    client.force_login(cast.rayon_admin)
    remember(client, "certificates", q=first.holder_name, sort="number")

    with django_assert_max_num_queries(14):
        page = client.get(reverse("certificates:list"))
    issued(cast.budi_case, cast)
    with CaptureQueriesContext(connection) as captured:
        again = client.get(reverse("certificates:list"))

    assert [c.pk for c in page.context["certificates"]] == [first.pk]
    assert [c.pk for c in again.context["certificates"]] == [first.pk]
    assert len(captured) <= 14
