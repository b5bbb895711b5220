"""The assessor criteria of the FAQ (docs/sources/seeds/003_358fe984fbae11df.txt, the FAQ on
assessors, questions 5 and 7), and what they do to the allocation."""

from __future__ import annotations

import pytest
from msgspec.structs import replace

from sergur.rules.assessment.allocation import AssessorSlot, PortfolioSlot, allocate, obstacles
from sergur.rules.assessment.qualification import AssessorRecord, qualification_gaps
from sergur.rules.messages import Message

QUALIFIED = AssessorRecord(
    status="lecturer",
    educator_certificate=True,
    degree="S2",
    degree_in_education=True,
    experience_last_year=2006,
)


def gaps(record: AssessorRecord, year: int = 2007) -> list[str]:
    return [m.code for m in qualification_gaps(record, year=year, experience_years=5)]


@pytest.mark.parametrize("status", ["lecturer", "widyaiswara", "senior_teacher", "supervisor"])
def test_the_four_statuses_of_criterion_a_qualify(status: str) -> None:
    # "WNI yang berstatus sebagai dosen, widyaiswara, instruktur/guru senior, atau pengawas"
    assert gaps(replace(QUALIFIED, status=status)) == []


def test_an_unrecorded_status_is_named() -> None:
    assert gaps(replace(QUALIFIED, status="")) == ["qualification.status"]


def test_an_assessor_without_an_educator_certificate_is_refused() -> None:
    # "... yang bersertifikat pendidik"
    assert gaps(replace(QUALIFIED, educator_certificate=False)) == ["qualification.certificate"]


@pytest.mark.parametrize(
    ("degree", "education", "expected"),
    [("S2", True, []), ("S3", True, []), ("S2", False, ["qualification.degree"])],
)
def test_criterion_d_wants_an_s2_with_an_education_element(
    degree: str, education: bool, expected: list[str]
) -> None:
    # "Berpendidikan minimal S2 (ada unsur kependidikan)"
    assert gaps(replace(QUALIFIED, degree=degree, degree_in_education=education)) == expected


def test_a_degree_below_s2_is_refused() -> None:
    assert gaps(replace(QUALIFIED, degree="S1")) == ["qualification.degree"]


@pytest.mark.parametrize(
    ("last", "ok"), [(2003, True), (2007, True), (2002, False), (2008, False), (None, False)]
)
def test_criterion_e_counts_the_five_years_up_to_the_programme_year(
    last: int | None, ok: bool
) -> None:
    # "Berpengalaman mengajar, melatih, atau membimbing guru atau calon guru dalam rentang 5
    # (lima) tahun terakhir"
    assert gaps(replace(QUALIFIED, experience_last_year=last)) == (
        [] if ok else ["qualification.experience"]
    )


def test_every_missing_criterion_is_named_in_both_languages() -> None:
    nothing = AssessorRecord(
        status="",
        educator_certificate=False,
        degree="S2",
        degree_in_education=False,
        experience_last_year=None,
    )
    found = qualification_gaps(nothing, year=2007, experience_years=5)
    assert [m.code for m in found] == [
        "qualification.status",
        "qualification.certificate",
        "qualification.degree",
        "qualification.experience",
    ]
    assert found[3].text("id") == (
        "Asesor harus berpengalaman mengajar, melatih, atau membimbing guru atau calon guru "
        "dalam rentang 2003–2007."
    )
    assert found[3].text("en").endswith("between 2003 and 2007.")


def slot(number: int, **kwargs: object) -> AssessorSlot:
    base: dict[str, object] = {
        "id": number,
        "subjects": frozenset({"224", "180"}),
        "school": None,
        "district": None,
        "related_teachers": frozenset(),
        "capacity": 10,
        "load": 0,
    }
    base.update(kwargs)
    return AssessorSlot(**base)  # type: ignore[arg-type]


def test_an_unqualified_assessor_is_never_allocated_and_says_why() -> None:
    lacking = qualification_gaps(
        replace(QUALIFIED, educator_certificate=False), year=2007, experience_years=5
    )
    pool = [slot(1), slot(2, unqualified=lacking), slot(3)]
    case = PortfolioSlot(case=1, teacher=1, subject="180", school=None, district=None)
    plan = allocate([case], pool)
    assert plan.placed == {1: (1, 3)}
    assert [m.code for m in obstacles(case, pool[1])] == ["qualification.certificate"]


def test_only_the_years_outside_rayon_subjects_take_assessors_from_another_rayon() -> None:
    # "Guru muatan lokal, guru TIK, guru Kelautan, dan Pariwisata disertifikasi oleh LPTK dalam
    # rayon setempat bekerjasama dengan perguruan tinggi lain baik dari dalam rayon maupun di
    # luar rayon"
    pool = [slot(1), slot(2, outside_rayon=True)]
    ict = PortfolioSlot(
        case=1, teacher=1, subject="224", school=None, district=None, outside_rayon_allowed=True
    )
    maths = PortfolioSlot(case=2, teacher=2, subject="180", school=None, district=None)
    assert allocate([ict], pool).placed == {1: (1, 2)}
    plan = allocate([maths], pool)
    assert plan.placed == {}
    reason: Message = plan.unplaced[2][0]
    assert reason.code == "allocation.conflicted"
    assert [m.code for m in obstacles(maths, pool[1])] == ["allocation.outside_rayon"]
