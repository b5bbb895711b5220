"""The home page's count of closed envelopes (sergur/cases/waiting.py): only the envelopes whose
part the signed-in principal, supervisor or head of the district office must fill now, and
exactly the rows of the case list the count's button opens."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.cases.selectors import PRINCIPAL_DUTY
from sergur.cases.services import case_open
from sergur.cases.tests.test_views import fill
from sergur.common.waiting import waiting_for
from sergur.registry.models import District
from sergur.registry.tests.factories import (
    ProgrammeYearFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)

FILTER = reverse("common:worklist_filter")
LIST = reverse("cases:list")


def _case_at_sri_school(cast: Any, name: str, **teacher: Any) -> Case:
    school = cast.sri.teacher.assignments.get().school
    person = TeacherFactory(name=name, **teacher)
    TeachingAssignmentFactory(teacher=person, school=school)
    return case_open(teacher=person, programme_year=cast.sri_case.programme_year, actor=None)


@pytest.fixture
def envelopes(cast: Any) -> dict[str, Case]:
    """Cases of school one with envelopes in every state, and cases whose envelope is not
    the principal's to fill."""
    cases = {
        "not_started": cast.sri_case,
        "drafted": _case_at_sri_school(cast, "Guru Draf"),
        "principal_confirmed": _case_at_sri_school(cast, "Guru Kepala"),
        "supervisor_confirmed": _case_at_sri_school(cast, "Guru Pengawas"),
        "complete": _case_at_sri_school(cast, "Guru Lengkap"),
        # The head of the district office fills a principal-participant's principal part.
        "principal_participant": _case_at_sri_school(
            cast, "Kepala Peserta", additional_duty=PRINCIPAL_DUTY
        ),
    }
    fill(cases["drafted"], cast.pak_kepala)
    fill(cases["principal_confirmed"], cast.pak_kepala, confirm=("principal",))
    fill(cases["supervisor_confirmed"], cast.pak_kepala, cast.pengawas, confirm=("supervisor",))
    fill(cases["complete"], cast.pak_kepala, cast.pengawas, confirm=("principal", "supervisor"))
    # The principal's own case (he is a participant too) is never his to fill.
    own = TeacherFactory(user=cast.pak_kepala, name="Pak Kepala Sendiri")
    TeachingAssignmentFactory(teacher=own, school=cast.sri.teacher.assignments.get().school)
    cases["own"] = case_open(teacher=own, programme_year=cast.sri_case.programme_year, actor=None)
    # An earlier year whose envelope deadline has passed: nothing can be filled any more.
    earlier = ProgrammeYearFactory(
        year=2006, is_current=False, envelope_deadline=timezone.now() - dt.timedelta(days=1)
    )
    cases["closed"] = case_open(teacher=cast.sri.teacher, programme_year=earlier, actor=None)
    return cases


def _count(user: Any) -> int:
    counts = {item["key"]: item for item in waiting_for(user)}
    return int(counts["envelopes"]["count"]) if "envelopes" in counts else 0


def _opened(client: Client, user: Any) -> set[int]:
    """The cases of the list the home page's button opens (its own filters posted)."""
    client.force_login(user)
    home = client.get(reverse("scoring:home"))
    item = next(item for item in home.context["waiting"] if item["key"] == "envelopes")
    posted = client.post(FILTER, {"list": item["worklist"], **item["filters"]})
    assert posted.status_code == 302
    return {row.case.pk for row in client.get(LIST).context["rows"]}


def test_the_principal_counts_only_the_envelopes_waiting_for_his_part(
    client: Client, cast: Any, envelopes: dict[str, Case]
) -> None:
    waiting = {"not_started", "drafted", "supervisor_confirmed"}

    opened = _opened(client, cast.pak_kepala)

    assert opened == {envelopes[key].pk for key in waiting}
    assert _count(cast.pak_kepala) == len(opened) == 3


def test_the_supervisor_counts_the_envelopes_waiting_for_her_part(
    client: Client, cast: Any, envelopes: dict[str, Case]
) -> None:
    waiting = {"not_started", "drafted", "principal_confirmed", "principal_participant", "own"}

    opened = _opened(client, cast.pengawas)

    assert opened == {envelopes[key].pk for key in waiting}
    assert _count(cast.pengawas) == len(opened) == 5


def test_nothing_waits_once_every_part_is_confirmed(cast: Any) -> None:
    fill(cast.sri_case, cast.pak_kepala, cast.pengawas, confirm=("principal", "supervisor"))

    assert _count(cast.pak_kepala) == 0
    assert _count(cast.pengawas) == 0


def test_the_filter_is_offered_only_to_those_who_fill_envelopes(client: Client, cast: Any) -> None:
    client.force_login(cast.dinas)
    posted = client.post(FILTER, {"list": "cases", "envelope_waits": "yes"})

    assert posted.status_code == 302
    listing = client.get(LIST)
    assert "envelope_waits" not in listing.context["form"].fields
    assert {row.case.pk for row in listing.context["rows"]} == {
        cast.sri_case.pk,
        cast.budi_case.pk,
    }


def test_the_head_of_the_district_office_counts_the_principal_participants_only(
    client: Client, cast: Any, envelopes: dict[str, Case]
) -> None:
    district = District.objects.get(committee_members=cast.dinas)
    head = UserFactory(username="kadinas", role=User.Role.DISTRICT_HEAD, district=district)
    other = District.objects.get(committee_members=cast.dinas_other)
    head_other = UserFactory(username="kadinas2", role=User.Role.DISTRICT_HEAD, district=other)

    opened = _opened(client, head)

    assert opened == {envelopes["principal_participant"].pk}
    assert _count(head) == 1
    assert _count(head_other) == 0
