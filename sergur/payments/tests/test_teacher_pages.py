"""What a teacher reads of their allowance's money: "My allowance" shows the semester's
decree, what blocks it when they are eligible but not listed, and what was paid, and links to
the whole history on "My allowance payments", which links back (docs/allowance.md, "Who sees
what")."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sergur.accounts.models import User
from sergur.payments.tests.support import district_of, eligible, finance, issued, paid, profile
from sergur.rules.allowance.payment import Quarter

pytestmark = pytest.mark.django_db


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def world(cast: Any) -> dict[str, Any]:
    sri = cast.sri_case.teacher
    district = district_of(sri)
    return {"sri": sri, "district": district, "officer": finance(district)}


def page(cast: Any, url: str = "") -> str:
    return signed_in(cast.sri).get(url or reverse("allowance:mine")).content.decode()


def test_an_eligible_teacher_without_a_pay_profile_is_told_why_they_are_not_paid(
    cast: Any, world: dict[str, Any]
) -> None:
    eligible(world["sri"])
    issued(world["officer"], world["district"])
    mine = page(cast)
    assert "You are eligible for the professional allowance in semester 2019-1." in mine
    assert "You are eligible, but you are not paid yet:" in mine
    assert "no pay profile for you" in mine
    assert reverse("payments:mine") in mine
    history = page(cast, reverse("payments:mine"))
    assert "You are eligible, but you are not paid yet:" in history
    assert reverse("allowance:mine") in history


def test_my_allowance_shows_the_semesters_decree_and_what_was_paid(
    cast: Any, world: dict[str, Any]
) -> None:
    eligible(world["sri"])
    profile(world["sri"], world["officer"])
    before = page(cast)
    assert "The decree (SKTP) of semester 2019-1 has not been issued yet." in before
    sktp = issued(world["officer"], world["district"])
    paid(world["officer"], world["district"])
    mine = page(cast)
    assert f"The allowance decree {sktp.number} lists you (line 1): Rp 3,012,000 a month" in mine
    assert "3 entries (corrections included), Rp 8,584,200 paid out" in mine
    assert "not paid yet" not in mine
    history = page(cast, reverse("payments:mine"))
    assert f"{reverse('allowance:mine')}?semester=2019-1" in history
    assert "not paid yet" not in history


def test_a_semester_not_eligible_says_so_without_a_contradiction(
    cast: Any, world: dict[str, Any]
) -> None:
    eligible(world["sri"], ok=False)
    mine = page(cast)
    assert "You are not eligible for the professional allowance in semester 2019-1." in mine
    assert "you are not eligible in it" in mine and "not paid yet" not in mine


def test_my_allowance_answers_in_the_same_number_of_queries_however_much_was_paid(
    cast: Any, world: dict[str, Any]
) -> None:
    eligible(world["sri"])
    profile(world["sri"], world["officer"])
    issued(world["officer"], world["district"])
    paid(world["officer"], world["district"])
    client = signed_in(cast.sri)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("allowance:mine")).status_code == 200
        return len(captured)

    once = queries()
    paid(world["officer"], world["district"], Quarter(2019, 2))
    assert queries() == once
