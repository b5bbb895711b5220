"""The case lists (who sees whom, filters, pages, bounded queries) and signing in and out
with the navigation that follows."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_open, case_transition
from sergur.conftest import PASSWORD
from sergur.portfolios.services import envelope_confirm, envelope_save
from sergur.registry.tests.factories import (
    ProgrammeYearFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)

LIST = reverse("cases:list")
FILTER = reverse("common:worklist_filter")


def in_id(message: str) -> str:
    """A message as the Indonesian page shows it (HTML-escaped)."""
    with translation.override("id"):
        return escape(translation.gettext(message))


def text(response) -> str:
    return str(response.content.decode())


def listed(response) -> set[int]:
    """The cases on the page, by the links to their case pages."""
    return {row.case.pk for row in response.context["rows"]}


def filtered(client, page: str | None = None, **filters: str):
    """Post the filters (as the form does), then read the list (a page of it)."""
    posted = client.post(FILTER, {"list": "cases", **filters})
    assert posted.status_code == 302 and posted["Location"] == LIST
    return client.get(LIST, {"page": page} if page else {})


def school_of(user):
    return user.teacher.assignments.get().school


def add_cases(school, year, count: int, prefix: str = "Guru") -> list[Case]:
    cases = []
    for n in range(count):
        teacher = TeacherFactory(name=f"{prefix} {n:03d}, S.Pd.")
        TeachingAssignmentFactory(teacher=teacher, school=school)
        cases.append(case_open(teacher=teacher, programme_year=year, actor=None))
    return cases


def fill(case, principal, supervisor=None, *, confirm=()):
    at = timezone.now()
    fours: list[int | None] = [4] * 24
    envelope_save(
        case=case,
        actor=principal,
        author="principal",
        observation=fours,
        superior=fours[:10],
        now=at,
    )
    for author in confirm:
        actor = principal if author == "principal" else supervisor
        envelope_confirm(case=case, actor=actor, author=author, now=at)


# -- who sees whom -----------------------------------------------------------------------------
def test_anonymous_visitors_are_sent_to_sign_in(client, cast):
    response = client.get(LIST)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={LIST}"


def test_a_teacher_with_one_case_goes_straight_to_it(client, cast):
    client.force_login(cast.sri)

    response = client.get(LIST)

    assert response.status_code == 302
    assert response["Location"] == reverse("portfolios:case", args=[cast.sri_case.pk])


def test_a_teacher_with_cases_in_several_years_sees_them_all(client, cast):
    earlier = ProgrammeYearFactory(year=2006, is_current=False)
    old = case_open(teacher=cast.sri.teacher, programme_year=earlier, actor=None)
    client.force_login(cast.sri)

    response = client.get(LIST)

    assert response.status_code == 200
    assert listed(response) == {cast.sri_case.pk, old.pk}
    assert "My cases" in text(response) or "Berkas saya" in text(response)
    assert reverse("portfolios:envelope", args=[old.pk]) not in text(response)


def test_a_teacher_without_a_case_is_told_why_the_list_is_empty(client, cast):
    client.force_login(UserFactory(username="newcomer"))

    response = client.get(LIST)

    assert response.status_code == 200
    assert listed(response) == set()
    assert in_id("You have no certification case yet.") in text(response)


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("pak_kepala", {"sri_case"}),
        ("bu_kepala", {"budi_case"}),
        ("pengawas", {"sri_case"}),
        ("dinas", {"sri_case", "budi_case"}),
        ("dinas_other", set()),
        ("lpmp", {"sri_case", "budi_case"}),
        ("operator", {"sri_case", "budi_case"}),
        ("asesor", set()),
    ],
)
def test_each_role_sees_the_cases_of_its_school_schools_or_region(client, cast, who, sees):
    client.force_login(getattr(cast, who))

    response = client.get(LIST)

    assert response.status_code == 200
    assert listed(response) == {getattr(cast, name).pk for name in sees}
    page = text(response)
    for name in ("sri_case", "budi_case"):
        case = getattr(cast, name)
        link = reverse("portfolios:case", args=[case.pk])
        assert (link in page) == (name in sees)
        assert (case.teacher.name in page) == (name in sees)


@pytest.mark.parametrize(
    ("who", "fills"),
    [
        ("pak_kepala", {"sri_case"}),
        ("bu_kepala", {"budi_case"}),
        ("pengawas", {"sri_case"}),
        ("dinas", set()),
        ("lpmp", set()),
        ("operator", set()),
    ],
)
def test_only_the_principal_and_supervisor_get_the_envelope_link(client, cast, who, fills):
    client.force_login(getattr(cast, who))

    page = text(client.get(LIST))

    for name in ("sri_case", "budi_case"):
        link = reverse("portfolios:envelope", args=[getattr(cast, name).pk])
        assert (link in page) == (name in fills)


def test_an_assessor_sees_an_empty_list_with_an_explanation(client, cast):
    client.force_login(cast.asesor)

    response = client.get(LIST)

    assert response.status_code == 200
    page = text(response)
    assert in_id("No portfolios are allocated to you yet.") in page
    assert "<table" not in page


def test_a_teacher_listed_at_two_schools_appears_under_the_main_school_only(client, cast):
    # Sri also teaches a few hours at school two: school two's principal does not see her.
    TeachingAssignmentFactory(
        teacher=cast.sri.teacher, school=school_of(cast.budi), weekly_hours=6, is_main=False
    )
    client.force_login(cast.bu_kepala)

    assert listed(client.get(LIST)) == {cast.budi_case.pk}


# -- what a row shows --------------------------------------------------------------------------
def test_a_row_shows_teacher_subject_school_state_envelope_and_deadlines(client, cast):
    client.force_login(cast.pak_kepala)

    response = client.get(LIST)

    page = text(response)
    case = cast.sri_case
    assert case.teacher.name in page
    assert case.teacher.subject.name in page
    assert school_of(cast.sri).name in page
    assert str(Case.State.DRAFT.label) in page or "Mengisi" in page
    assert "envelope-not_started" in page
    # The page shows the deadline in the app's time zone (Asia/Jakarta), not in UTC.
    assert timezone.localtime(case.programme_year.envelope_deadline).date().isoformat() in page
    assert reverse("portfolios:envelope", args=[case.pk]) in page


@pytest.mark.parametrize(
    ("confirm", "status"),
    [
        (None, "not_started"),
        ((), "drafted"),
        (("principal",), "principal"),
        (("supervisor",), "supervisor"),
        (("principal", "supervisor"), "complete"),
    ],
)
def test_the_envelope_status_column(client, cast, confirm, status):
    if confirm is not None:
        fill(cast.sri_case, cast.pak_kepala, cast.pengawas, confirm=confirm)
    client.force_login(cast.dinas)

    response = client.get(LIST)

    row = next(r for r in response.context["rows"] if r.case.pk == cast.sri_case.pk)
    assert row.case.envelope_status == status
    assert f"envelope-{status}" in text(response)


def test_the_list_never_shows_item_scores(client, cast):
    at = timezone.now()
    pattern: list[int | None] = [5, 1, 4, 2, 3, 3, 2, 4, 1, 5, 5, 1] * 2
    envelope_save(
        case=cast.sri_case,
        actor=cast.pak_kepala,
        author="principal",
        observation=pattern,
        superior=pattern[:10],
        now=at,
    )
    for who in ("pak_kepala", "pengawas", "dinas", "lpmp", "operator"):
        client.force_login(getattr(cast, who))
        page = text(client.get(LIST))
        assert "5, 1, 4, 2, 3" not in page
        assert "[5,1,4,2,3" not in page


# -- filters and search ------------------------------------------------------------------------
def test_filter_by_state(client, cast):
    case_transition(
        case=cast.budi_case,
        to_state=Case.State.SUBMITTED,
        actor=cast.budi,
        kind=CaseEvent.Kind.SUBMITTED,
    )
    client.force_login(cast.operator)

    submitted = filtered(client, state="submitted")
    drafts = filtered(client, state="draft")

    assert listed(submitted) == {cast.budi_case.pk}
    assert listed(drafts) == {cast.sri_case.pk}


def test_filter_by_envelope_status(client, cast):
    fill(cast.sri_case, cast.pak_kepala, confirm=("principal",))
    client.force_login(cast.dinas)

    assert listed(filtered(client, envelope="principal")) == {cast.sri_case.pk}
    assert listed(filtered(client, envelope="not_started")) == {cast.budi_case.pk}
    assert listed(filtered(client, envelope="complete")) == set()


def test_search_by_name_ignores_case_and_stays_in_scope(client, cast):
    client.force_login(cast.pak_kepala)
    fragment = cast.budi.teacher.name.upper()

    assert listed(filtered(client, q=cast.sri.teacher.name.lower())) == {cast.sri_case.pk}
    # Budi is not Pak Kepala's teacher: searching his name finds nothing.
    response = filtered(client, q=fragment)
    assert listed(response) == set()
    assert in_id("No case matches these filters.") in text(response)


def test_search_is_by_name_only_never_by_nuptk(client, cast):
    client.force_login(cast.operator)

    response = filtered(client, q=cast.sri.teacher.nuptk)

    assert listed(response) == set()
    assert "nuptk" not in {field.name for field in response.context["form"]}


def test_an_invalid_filter_is_refused_with_its_message_and_the_filters_stay(client, cast):
    client.force_login(cast.operator)
    filtered(client, state="draft")

    response = filtered(client, state="nonsense", q="Guru")

    shown = [str(message) for message in response.context["messages"]]
    assert response.status_code == 200
    assert len(shown) == 1 and shown[0].startswith(in_id("Case state") + ": ")
    assert "nonsense" in shown[0]
    assert listed(response) == {cast.sri_case.pk, cast.budi_case.pk} - {
        c.pk for c in Case.objects.exclude(state="draft")
    }
    assert response.context["form"]["state"].value() == "draft"


def test_clearing_the_filters_shows_every_case(client, cast):
    client.force_login(cast.operator)
    filtered(client, q=cast.sri.teacher.name)

    response = filtered(client, clear="1")

    assert listed(response) == {cast.sri_case.pk, cast.budi_case.pk}


def test_a_name_search_never_appears_in_a_url(client, cast):
    add_cases(school_of(cast.sri), cast.sri_case.programme_year, 54, prefix="Guru Lain")
    client.force_login(cast.dinas)
    name = "Guru Lain"

    posted = client.post(FILTER, {"list": "cases", "q": name})
    page = client.get(LIST)

    assert name not in posted["Location"]
    assert len(page.context["rows"]) == 50
    links = re.findall(r'(?:href|action)="([^"]*)"', text(page))
    assert links and not any("name=" in link or "Guru" in link for link in links)
    assert 'method="get"' not in text(page)


def test_a_get_with_a_name_no_longer_filters(client, cast):
    client.force_login(cast.operator)

    response = client.get(LIST, {"name": cast.sri.teacher.name})

    assert listed(response) == {cast.sri_case.pk, cast.budi_case.pk}


def test_filtering_needs_a_signed_in_user_and_a_post(client, cast):
    posted = client.post(FILTER, {"list": "cases", "q": "Guru"})
    assert posted["Location"].startswith(reverse("login"))
    client.force_login(cast.dinas)
    assert client.get(FILTER, {"list": "cases", "q": "Guru"}).status_code == 405


def test_no_personal_data_in_the_links_of_the_list(client, cast):
    client.force_login(cast.dinas)

    page = text(filtered(client, q="Guru"))

    links = re.findall(r'href="([^"]*)"', page)
    for nuptk in (cast.sri.teacher.nuptk, cast.budi.teacher.nuptk):
        assert not any(nuptk in link for link in links)


# -- pages and queries -------------------------------------------------------------------------
def test_the_list_is_paginated_by_50_keeping_the_filters(client, cast):
    add_cases(school_of(cast.sri), cast.sri_case.programme_year, 54, prefix="Guru Lain")
    client.force_login(cast.pak_kepala)

    first = filtered(client, q="lain")
    second = client.get(LIST, {"page": "2"})

    assert len(first.context["rows"]) == 50
    assert len(second.context["rows"]) == 4
    assert 'href="?page=2"' in text(first)
    assert listed(first).isdisjoint(listed(second))
    # A page past the end shows the last page rather than an error.
    assert listed(client.get(LIST, {"page": "99"})) == listed(second)


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["pak_kepala", "pengawas", "dinas", "lpmp", "operator"])
def test_the_number_of_queries_does_not_grow_with_the_rows(
    client, cast, who, django_assert_max_num_queries
):
    school = school_of(cast.sri)
    year = cast.sri_case.programme_year
    cases = add_cases(school, year, 4)  # 5 at school one with Sri
    fill(cases[0], cast.pak_kepala, cast.pengawas, confirm=("principal",))
    client.force_login(getattr(cast, who))

    # +1 over the page itself: the device of the second factor (django-otp).
    with django_assert_max_num_queries(9):
        small = client.get(LIST)
    few = count_queries(client)

    more = add_cases(school, year, 55, prefix="Tambahan")  # 60 at school one
    fill(more[0], cast.pak_kepala, cast.pengawas, confirm=("principal", "supervisor"))
    # +1 over the page itself: the device of the second factor (django-otp).
    with django_assert_max_num_queries(9):
        large = client.get(LIST)
    many = count_queries(client)

    assert len(small.context["rows"]) >= 5
    assert len(large.context["rows"]) == 50
    assert few == many


# -- signing in and out, and the navigation ------------------------------------------------------
def test_the_sign_in_page_is_indonesian_first_and_has_the_form(client, db):
    response = client.get(reverse("login"))

    page = text(response)
    assert response.status_code == 200
    assert '<html lang="id">' in page
    assert 'name="username"' in page and 'name="password"' in page
    assert 'autocomplete="current-password"' in page
    assert f'href="{reverse("login")}"' in page


def test_signing_in_leads_to_the_case_list(client, cast):
    response = client.post(
        reverse("login"), {"username": cast.pak_kepala.username, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == LIST


def test_a_teacher_signing_in_lands_on_their_case(client, cast):
    response = client.post(
        reverse("login"), {"username": cast.sri.username, "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("portfolios:case", args=[cast.sri_case.pk])


def test_a_wrong_password_is_refused_with_a_message(client, cast):
    response = client.post(reverse("login"), {"username": cast.sri.username, "password": "wrong"})  # nosec B105 # a wrong password on purpose

    assert response.status_code == 200
    assert "error-summary" in text(response)
    assert "_auth_user_id" not in client.session


def test_the_nav_shows_the_user_role_and_a_logout_button(client, cast):
    cast.pak_kepala.first_name = "Bambang"
    cast.pak_kepala.last_name = "Sutrisno"
    cast.pak_kepala.save()
    client.force_login(cast.pak_kepala)

    page = text(client.get(LIST))

    assert "Bambang Sutrisno" in page
    assert "Kepala sekolah" in page or "Principal" in page
    assert f'<form class="logout-form" action="{reverse("logout")}" method="post">' in page
    assert f'href="{LIST}" aria-current="page"' in page
    assert f'href="{reverse("login")}"' not in page
    assert 'id="language-select"' in page
    assert f'href="{reverse("scoring:score")}"' in page


def test_the_nav_offers_sign_in_when_signed_out(client, db):
    page = text(client.get(reverse("scoring:home")))

    assert f'href="{reverse("login")}"' in page
    assert f'href="{LIST}"' not in page
    assert "logout-form" not in page


def test_sign_out_is_post_only_and_ends_the_session(client, cast):
    client.force_login(cast.sri)

    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("scoring:home")
    assert client.get(LIST).status_code == 302


def test_the_envelope_deadline_shows_as_passed(client, cast):
    year = cast.sri_case.programme_year
    year.envelope_deadline = timezone.now() - dt.timedelta(days=1)
    year.save()
    client.force_login(cast.pak_kepala)

    assert 'class="passed"' in text(client.get(LIST))


def test_a_principal_who_is_also_a_participant_still_sees_the_school_list(client, cast):
    # Principals are certified too: Pak Kepala has his own case at his own school.
    teacher = TeacherFactory(user=cast.pak_kepala)
    TeachingAssignmentFactory(teacher=teacher, school=school_of(cast.sri))
    own = case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)
    client.force_login(cast.pak_kepala)

    response = client.get(LIST)

    assert response.status_code == 200
    assert listed(response) == {cast.sri_case.pk, own.pk}
    assert reverse("portfolios:envelope", args=[own.pk]) not in text(response)
    assert reverse("portfolios:envelope", args=[cast.sri_case.pk]) in text(response)
    # ...and may not open his own envelope.
    assert client.get(reverse("portfolios:envelope", args=[own.pk])).status_code == 403


@pytest.mark.parametrize(
    "who",
    [
        "sri",
        "pak_kepala",
        "pengawas",
        "dinas",
        "lpmp",
        "asesor",
        "rayon_admin",
        "operator",
    ],
)
def test_every_menu_entry_a_user_is_shown_opens_for_them(client, cast, who):
    client.force_login(getattr(cast, who))
    page = text(client.get(reverse("scoring:home")))
    menu = page.split('<nav aria-label="', 1)[1].split("</nav>", 1)[0]
    links = [
        href
        for href in re.findall(r'href="(/[^"]*)"', menu)
        if not href.startswith(("/admin/", "/i18n/"))
    ]

    assert links
    for href in links:
        assert client.get(href, follow=True).status_code == 200, (who, href)
