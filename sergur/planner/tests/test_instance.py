from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sergur.accounts.models import User
from sergur.allowance.models import OpenHours, TeachingLoad
from sergur.allowance.services import open_hours_add
from sergur.allowance.tests.support import NOW, line
from sergur.planner.services.instance import instance_build, slot_line, slot_open
from sergur.planner.tests.support import LIMITS, scene
from sergur.registry.models import Subject
from sergur.registry.tests.factories import TeachingAssignmentFactory
from sergur.rules.allowance.planner import plan

pytestmark = pytest.mark.django_db

SEMESTER = "2009-1"


def test_the_instance_has_the_short_teacher_and_the_overloaded_teachers_extra_lines(cast) -> None:
    s = scene(cast)

    built = instance_build(cast.dinas.district, SEMESTER, LIMITS)

    district = built.district
    short = next(t for t in district.teachers if t.key == str(s.short.pk))
    assert (short.school, short.hours, short.subject) == (str(s.home.pk), 18, "180")
    assert str(s.busy.pk) not in {t.key for t in district.teachers}  # not certified
    # 48 JP above the cap of 40: two lines of 6 go, leaving 36.
    assert [(x.school, x.subject, x.hours) for x in district.slots] == [
        (str(s.away.pk), "180", 6)
    ] * 2
    line_pks = [pk for x in district.slots if (pk := slot_line(x.key)) is not None]
    assert set(TeachingLoad.objects.filter(pk__in=line_pks).values_list("teacher", flat=True)) == {
        s.busy.pk
    }
    sizes = {x.key: x.pupils for x in district.schools}
    assert sizes[str(s.home.pk)] == 30 and sizes[str(s.away.pk)] == 200
    assert built.without_place == 0


def test_the_plan_of_the_instance_brings_the_short_teacher_to_24(cast) -> None:
    s = scene(cast)

    result = plan(instance_build(cast.dinas.district, SEMESTER, LIMITS).district, LIMITS)

    mine = next(tp for tp in result.teachers if tp.teacher.key == str(s.short.pk))
    assert mine.reaches and mine.hours_added == 6
    assert 2.9 < mine.travel_km < 3.1


def test_a_teacher_whose_school_has_no_place_is_left_out_and_counted(cast) -> None:
    s = scene(cast)
    type(s.home).objects.filter(pk=s.home.pk).update(latitude=None, longitude=None)

    built = instance_build(cast.dinas.district, SEMESTER, LIMITS)

    assert str(s.short.pk) not in {t.key for t in built.district.teachers}
    assert built.without_place >= 1


def test_building_takes_a_fixed_number_of_queries(cast) -> None:
    scene(cast)
    with CaptureQueriesContext(connection) as few:
        instance_build(cast.dinas.district, SEMESTER, LIMITS)

    assert len(few) <= 7


def test_slot_line_reads_only_line_keys() -> None:
    assert slot_line("L12") == 12
    assert slot_line("X12") is None
    assert slot_line("Lx") is None


def test_open_hours_not_yet_filled_are_slots_with_their_own_prefix(cast) -> None:
    s = scene(cast)
    operator = User.objects.get(username="operator_away")
    subject = Subject.objects.get(code="180")
    wanted = open_hours_add(
        school=s.away,
        semester=SEMESTER,
        class_label="8C",
        subject=subject,
        hours=4,
        pupils=32,
        actor=operator,
        now=NOW,
    )
    filled = open_hours_add(
        school=s.away, semester=SEMESTER, class_label="8D", subject=subject, hours=4, actor=operator
    )
    OpenHours.objects.filter(pk=filled.pk).update(filled_at=NOW, filled_by=s.short)

    built = instance_build(cast.dinas.district, SEMESTER, LIMITS)

    untaught = [x for x in built.district.slots if slot_open(x.key) is not None]
    assert [(x.key, x.school, x.klass, x.subject, x.hours) for x in untaught] == [
        (f"U{wanted.pk}", str(s.away.pk), "8C", "180", 4)
    ]
    assert slot_line(untaught[0].key) is None
    sizes = {x.key: x.pupils for x in built.district.schools}
    assert sizes[str(s.away.pk)] == 200 + 32  # the open class's pupils count


def test_a_teachers_hours_at_other_schools_count(cast) -> None:
    s = scene(cast)
    TeachingAssignmentFactory(teacher=s.short, school=s.away, is_main=False)
    line(s.short, s.away, User.objects.get(username="operator_away"), 6)

    built = instance_build(cast.dinas.district, SEMESTER, LIMITS)

    short = next(t for t in built.district.teachers if t.key == str(s.short.pk))
    assert short.hours == 24


def test_slot_open_reads_only_open_keys() -> None:
    assert slot_open("U7") == 7
    assert slot_open("L7") is None
    assert slot_open("U") is None
