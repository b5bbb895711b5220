"""Team-taught class-subjects in the planner's input (docs/allowance.md, "The page"): each
teacher of a team counts their share of the class (seed 003 FAQ 8), the share a team leaves
untaught is open and offered (`T` slots), a team line of a teacher above the cap is offered
with the hours its taker would count, and accepting either gives the taker that share, joining
their own line when they already teach in the team."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sergur.accounts.models import User
from sergur.allowance.models import SemesterEligibility, TeachingLoad
from sergur.allowance.services import Source, Taken, load_assign, load_line_delete
from sergur.allowance.services.assign import TEAM_GONE
from sergur.allowance.tests.support import certified, line
from sergur.planner.services import proposal_accept
from sergur.planner.services.instance import (
    instance_build,
    slot_team,
    team_remainders,
    whole_hours,
)
from sergur.planner.tests.support import LIMITS, Scene, computed, scene
from sergur.registry.tests.factories import TeachingAssignmentFactory

pytestmark = pytest.mark.django_db

SEMESTER = "2009-1"
HALF = Decimal("0.5")


def away_operator() -> User:
    return User.objects.get(username="operator_away")


def lighten(s: Scene, keep: int) -> None:
    """Leave the busy teacher `keep` of their lines of 6 JP."""
    for extra in TeachingLoad.objects.filter(teacher=s.busy).order_by("pk")[keep:]:
        load_line_delete(line=extra, actor=away_operator())


def test_shares_count_summed_then_in_whole_hours() -> None:
    assert whole_hours([(5, HALF), (5, HALF)]) == 5
    assert whole_hours([(5, HALF), (6, Decimal(1))]) == 8
    assert whole_hours([]) == 0


def test_only_a_team_that_leaves_a_share_untaught_leaves_it_open() -> None:
    lines = [
        (1, 10, 7, "9A", "180", 12, HALF, 30),  # one half taught, one half open
        (2, 11, 7, "9B", "180", 6, HALF, 30),  # two halves: fully taught
        (3, 12, 7, "9B", "180", 6, HALF, 30),
        (4, 13, 7, "9C", "180", 6, Decimal(1), 30),  # taught alone
    ]
    assert team_remainders(lines) == [(1, 7, "9A", "180", 12, HALF)]


def test_the_share_a_team_leaves_untaught_is_offered_and_given(cast) -> None:
    s = scene(cast)
    lighten(s, 4)  # 24 JP taught alone: nothing above the cap
    team = line(s.busy, s.away, away_operator(), 12, label="9T", share=HALF, pupils=30)

    built = instance_build(cast.dinas.district, SEMESTER, LIMITS)

    busy_hours = {t.key: t.hours for t in built.district.teachers}
    assert str(s.busy.pk) not in busy_hours  # not certified; the short teacher is
    assert [(x.key, x.school, x.klass, x.subject, x.hours) for x in built.district.slots] == [
        (f"T{team.pk}", str(s.away.pk), "9T", "180", 6)
    ]
    assert slot_team(f"T{team.pk}") == team.pk and slot_team(f"L{team.pk}") is None

    run = computed(cast)
    (mine,) = [t for t in run.result["teachers"] if t["teacher"] == s.short.pk]
    assert [a["slot"] for a in mine["assignments"]] == [f"T{team.pk}"]
    proposal_accept(run=run, teacher=s.short, slots=[f"T{team.pk}"], actor=cast.dinas)

    given = TeachingLoad.objects.get(teacher=s.short, school=s.away)
    assert (given.class_label, given.hours, given.team_share, given.pupils) == ("9T", 12, HALF, 30)
    team.refresh_from_db()
    assert team.teacher == s.busy and team.team_share == HALF  # the busy teacher keeps theirs
    row = SemesterEligibility.objects.get(teacher=s.short, semester=SEMESTER)
    assert row.eligible and row.hours == 24
    again = instance_build(cast.dinas.district, SEMESTER, LIMITS)
    assert again.district.slots == ()  # the team is whole: nothing open
    short = next(t for t in again.district.teachers if t.key == str(s.short.pk))
    assert short.hours == 24


def test_a_share_already_given_is_refused_whole_with_the_reason(cast) -> None:
    s = scene(cast)
    lighten(s, 4)
    team = line(s.busy, s.away, away_operator(), 12, label="9T", share=HALF, pupils=30)
    other = certified(cast)
    TeachingAssignmentFactory(teacher=other, school=s.away, is_main=False)
    taken = Taken(Source.TEAM, team.pk, s.away.pk, "9T", "180", 6)
    line(other, s.away, away_operator(), 12, label="9T", share=HALF)  # the team is now whole

    with pytest.raises(ValidationError) as refused:
        load_assign(teacher=s.short, semester=SEMESTER, taken=[taken], minimum=24, actor=cast.dinas)

    assert refused.value.messages == [
        str(TEAM_GONE % {"klass": "9T", "subject": "180", "school": s.away.name})
    ]
    assert not TeachingLoad.objects.filter(teacher=s.short, school=s.away).exists()


def test_a_team_member_taking_the_untaught_share_raises_their_own(cast) -> None:
    s = scene(cast)
    lighten(s, 0)
    TeachingAssignmentFactory(teacher=s.short, school=s.away, is_main=False)
    own = line(s.short, s.away, away_operator(), 12, label="9T", share=HALF)  # 18 + 6 = 24
    taken = Taken(Source.TEAM, own.pk, s.away.pk, "9T", "180", 6)

    load_assign(teacher=s.short, semester=SEMESTER, taken=[taken], minimum=24, actor=cast.dinas)

    own.refresh_from_db()
    assert own.team_share == 1
    assert TeachingLoad.objects.filter(teacher=s.short, school=s.away).count() == 1


def test_a_team_line_above_the_cap_is_offered_with_the_hours_its_taker_counts(cast) -> None:
    s = scene(cast)
    lighten(s, 7)  # 42 JP alone
    team = line(s.busy, s.away, away_operator(), 8, label="9T", share=HALF, pupils=30)  # + 4

    built = instance_build(cast.dinas.district, SEMESTER, LIMITS)

    # 46 JP: the smallest counted line goes first (the team's 4), then one of 6: 36 JP left.
    # The team's other half, taught by nobody, is open besides.
    slots = [(x.key, x.hours) for x in built.district.slots]
    lines = [(key, hours) for key, hours in slots if key.startswith("L")]
    assert lines[0] == (f"L{team.pk}", 4) and [h for _k, h in lines] == [4, 6]
    assert (f"T{team.pk}", 4) in slots


def test_a_team_line_moves_with_its_share_or_joins_the_takers_own(cast) -> None:
    s = scene(cast)
    lighten(s, 7)
    team = line(s.busy, s.away, away_operator(), 8, label="9T", share=HALF, pupils=30)
    taken = Taken(Source.LINE, team.pk, s.away.pk, "9T", "180", 4)

    assigned = load_assign(
        teacher=s.short, semester=SEMESTER, taken=[taken], minimum=24, actor=cast.dinas
    )

    team.refresh_from_db()
    assert (team.teacher, team.team_share) == (s.short, HALF)
    assert assigned.givers == {s.busy.pk: [s.away.pk]}

    # A second team line of the same class, given to a teacher already in the team, joins
    # their share: one line a teacher and class-subject.
    partner = line(s.busy, s.away, away_operator(), 8, label="9T", share=HALF)
    load_assign(
        teacher=s.short,
        semester=SEMESTER,
        taken=[Taken(Source.LINE, partner.pk, s.away.pk, "9T", "180", 4)],
        minimum=24,
        actor=cast.dinas,
    )
    team.refresh_from_db()
    assert team.team_share == 1 and not TeachingLoad.objects.filter(pk=partner.pk).exists()
