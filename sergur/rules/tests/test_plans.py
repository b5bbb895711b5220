"""The variety of the lesson plans: a warning, not a refusal (seed 003, Buku II, 4a)."""

from __future__ import annotations

from sergur.rules.tests.helpers import doc, items, scored, seed_says

SEED_PLANS = (
    "Tuliskan lima jenis RPP/RP/SP/RPI terbaik yang pernah Bapak/Ibu buat dari semester dan "
    "materi yang berbeda."
)
SEED_PROGRAMMES = (
    "Tuliskan empat jenis PPBK (Program Pelayanan Bimbingan dan Konseling) terbaik yang pernah "
    "Bapak/Ibu buat dari semester dan bidang pelayanan yang berbeda."
)


def plan(topic: str, semester: int) -> dict[str, object]:
    return {"items": items(8, 32), "topic": topic, "semester": semester}


def codes(document: dict[str, object]) -> list[str]:
    return [w.code for w in scored(document).warnings]


def test_plans_from_different_semesters_and_topics_raise_no_warning():
    assert seed_says(SEED_PLANS)
    topics = ("Pecahan", "Bangun datar", "Statistika", "Aljabar", "Peluang")
    document = doc(lesson_plans=[plan(t, 1 + i % 2) for i, t in enumerate(topics)])
    assert codes(document) == []


def test_a_topic_given_twice_is_a_warning_not_a_refusal():
    topics = ("Pecahan", "pecahan ", "Statistika", "Aljabar", "Peluang")
    document = doc(lesson_plans=[plan(t, 1 + i % 2) for i, t in enumerate(topics)])
    result = scored(document)
    assert [w.code for w in result.warnings] == ["warning.plans_same_topic"]
    assert "semester dan materi yang berbeda" in result.warnings[0].text("id")
    assert result.lesson_plans == 32


def test_plans_all_from_one_semester_are_a_warning():
    topics = ("Pecahan", "Bangun datar", "Statistika", "Aljabar", "Peluang")
    document = doc(lesson_plans=[plan(t, 2) for t in topics])
    assert codes(document) == ["warning.plans_one_semester"]


def test_plans_without_topic_or_semester_are_not_compared():
    document = doc(lesson_plans=[{"items": items(8, 32)} for _ in range(5)])
    assert codes(document) == []


def test_a_counsellors_service_area_given_twice_is_a_warning():
    assert seed_says(SEED_PROGRAMMES)
    areas = ("Karier", "Karier", "Pribadi", "Sosial")
    document = doc(role="counselor", lesson_plans=[plan(a, 1 + i % 2) for i, a in enumerate(areas)])
    result = scored(document)
    assert [w.code for w in result.warnings] == ["warning.plans_same_area"]
    assert "bidang pelayanan yang berbeda" in result.warnings[0].text("id")


def test_plans_read_as_topic_and_semester_pairs_warn_the_same_way():
    from sergur.rules.plans import variety_warnings

    pairs = [("Pecahan", 1), ("  ", 2), (None, None), ("pecahan", 2)]
    assert [w.code for w in variety_warnings(pairs, "subject_teacher")] == [
        "warning.plans_same_topic"
    ]
    assert variety_warnings([("A", 1), ("B", 1)], "counselor")[0].code == (
        "warning.plans_one_semester"
    )
