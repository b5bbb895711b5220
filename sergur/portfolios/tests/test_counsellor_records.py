"""A counsellor's table 4.b: the records of their guidance and counselling service, each
acknowledged by the BK coordinator and the principal ("diketahui oleh koordinator bimbingan
dan konseling dan atasan", seed 003, Buku II); a subject teacher has no such table."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from sergur.cases.services import case_open
from sergur.portfolios.forms import clean_values
from sergur.portfolios.sections import BY_KEY
from sergur.portfolios.sections.teaching import NOT_ACKNOWLEDGED
from sergur.portfolios.services.base import UNKNOWN_TABLE
from sergur.portfolios.tests.teacher_support import COMPLETE, add_row
from sergur.registry.tests.factories import (
    SubjectFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SECTION = BY_KEY["counselor_practice"]


@pytest.mark.parametrize("who", ["coordinator_acknowledged", "principal_acknowledged"])
def test_a_record_needs_both_endorsements(who: str) -> None:
    typed, errors = clean_values(SECTION, {**COMPLETE["counselor_practice"], who: "no"})

    assert typed is None
    assert errors[who] == [str(NOT_ACKNOWLEDGED)]


def test_an_endorsed_record_is_complete_with_code_4b() -> None:
    typed, errors = clean_values(SECTION, COMPLETE["counselor_practice"])

    assert errors is None and typed is not None
    assert typed["record"] == "agenda"
    assert SECTION.code(0) == "4.b.1)"
    assert SECTION.roles == ("counselor",)


def test_a_counsellor_keeps_an_unendorsed_record_as_incomplete(cast) -> None:
    subject = SubjectFactory(code="850", name="Bimbingan dan Konseling", is_counseling=True)
    user = UserFactory(username="konselor", role="teacher")
    teacher = TeacherFactory(user=user, subject=subject)
    TeachingAssignmentFactory(teacher=teacher, school=cast.sri.teacher.assignments.get().school)
    case = case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)

    entry = add_row(case, user, "counselor_practice", coordinator_acknowledged="no")

    assert not entry.complete


def test_a_subject_teacher_has_no_table_4b(cast) -> None:
    with pytest.raises(ValidationError) as refused:
        add_row(cast.sri_case, cast.sri, "counselor_practice")

    assert refused.value.messages == [str(UNKNOWN_TABLE)]
