"""Hypothesis strategies: valid portfolio documents, and mutations that may break them."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from sergur.rules.tests.helpers import SCHEMA, Doc, group_doc

RULES_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

LEVELS4 = ("international", "national", "province", "district")
LEVELS5 = (*LEVELS4, "subdistrict")
LEVELS6 = (*LEVELS5, "village")

texts = st.text(max_size=12)
years = st.integers(1940, 2100)
item = st.integers(1, 5)


def _entry(required: dict[str, Any], **optional: Any) -> st.SearchStrategy[Doc]:
    return st.fixed_dictionaries(required, optional=optional)


qualifications = _entry(
    {
        "level": st.sampled_from(("S1", "D4", "PGD", "S2", "S3")),
        "education_degree": st.booleans(),
        "relevance": st.sampled_from(("subject", "subject_family", "none")),
    },
    teaching_license=st.booleans(),
    institution=texts,
    year=years,
)
trainings = _entry(
    {
        "hours": st.one_of(st.integers(0, 700), st.integers(0, 100_000)),
        "level": st.sampled_from(LEVELS5),
        "relevant": st.booleans(),
    },
    name=texts,
    year=years,
)
lesson_plans = _entry(
    {"items": st.lists(item, min_size=8, max_size=8)}, semester=st.integers(1, 2), topic=texts
)
competitions = st.one_of(
    _entry({"kind": st.just("competition"), "level": st.sampled_from(LEVELS5)}, name=texts),
    _entry(
        {"kind": st.sampled_from(("monumental_education", "monumental_other"))},
        level=st.sampled_from(LEVELS5),
    ),
)
peer_coaching = _entry({"role": st.sampled_from(("instructor", "core_teacher"))}, place=texts)
student_coaching = st.one_of(
    _entry({"won": st.just(True), "level": st.sampled_from(LEVELS5)}),
    _entry({"won": st.just(False)}, level=st.sampled_from(LEVELS5)),
)
works = st.one_of(
    _entry(
        {
            "kind": st.just("book"),
            "publication": st.sampled_from(("national", "province", "district")),
            "relevant": st.booleans(),
        }
    ),
    _entry(
        {
            "kind": st.just("article"),
            "venue": st.sampled_from(
                ("accredited_journal", "unaccredited_journal", "national_media", "local_media")
            ),
            "relevant": st.booleans(),
        }
    ),
    _entry({"kind": st.just("research"), "role": st.sampled_from(("solo", "lead", "member"))}),
    _entry(
        {"kind": st.sampled_from(("review", "module", "learning_media", "artwork"))},
        relevant=st.booleans(),
        title=texts,
    ),
)
forums = _entry(
    {"level": st.sampled_from(LEVELS5), "role": st.sampled_from(("speaker", "participant"))}
)
organizations = _entry(
    {
        "type": st.sampled_from(("education", "social")),
        "level": st.sampled_from(LEVELS6),
        "years": st.integers(0, 60),
    },
    position=texts,
)
additional_duties = _entry(
    {
        "role": st.sampled_from(("principal", "vice_principal", "extracurricular_advisor")),
        "years": st.integers(0, 60),
    }
)
awards = _entry({"level": st.sampled_from(LEVELS4)}, giver=texts, year=years)
special_area_service = _entry(
    {"years": st.integers(0, 60)},
    kind=st.sampled_from(("remote", "underdeveloped", "disaster", "conflict", "border")),
)
teaching_experience = _entry({"years": st.integers(0, 60)})
teaching_observation = _entry({"items": st.lists(item, min_size=24, max_size=24)})
superior_assessment = _entry({"items": st.lists(item, min_size=10, max_size=10)})
review = _entry(
    {},
    administrative_defects=st.lists(texts, max_size=2),
    doubtful_evidence=st.lists(st.sampled_from(("2.c", "7.b", "10.a.1)")), max_size=2),
    fraud_found=st.booleans(),
)

# Every section that holds a list of entries: (name, entry strategy, component number).
LIST_SECTIONS: tuple[tuple[str, st.SearchStrategy[Doc], int], ...] = (
    ("qualifications", qualifications, 1),
    ("trainings", trainings, 2),
    ("competitions", competitions, 6),
    ("peer_coaching", peer_coaching, 6),
    ("student_coaching", student_coaching, 6),
    ("works", works, 7),
    ("forums", forums, 8),
    ("organizations", organizations, 9),
    ("additional_duties", additional_duties, 9),
    ("awards", awards, 10),
    ("special_area_service", special_area_service, 10),
)
SINGLE_SECTIONS: tuple[tuple[str, st.SearchStrategy[Doc], int], ...] = (
    ("teaching_experience", teaching_experience, 3),
    ("teaching_observation", teaching_observation, 4),
    ("superior_assessment", superior_assessment, 5),
)
COMPONENT_OF_SECTION = {
    "qualifications": "qualification",
    "trainings": "training",
    "teaching_experience": "teaching_experience",
    "lesson_plans": "learning_plans_and_practice",
    "teaching_observation": "learning_plans_and_practice",
    "superior_assessment": "superior_assessment",
    "competitions": "academic_achievement",
    "peer_coaching": "academic_achievement",
    "student_coaching": "academic_achievement",
    "works": "professional_works",
    "forums": "scientific_forums",
    "organizations": "organization_experience",
    "additional_duties": "organization_experience",
    "awards": "awards",
    "special_area_service": "awards",
}
ENTRY_STRATEGIES: dict[str, st.SearchStrategy[Doc]] = {
    name: strategy for name, strategy, _ in (*LIST_SECTIONS, *SINGLE_SECTIONS)
}
ENTRY_STRATEGIES["lesson_plans"] = lesson_plans
COMPONENT_NUMBER = {name: number for name, _, number in (*LIST_SECTIONS, *SINGLE_SECTIONS)}
COMPONENT_NUMBER["lesson_plans"] = 4
PLANS_ALLOWED = {"subject_teacher": 5, "counselor": 4}


@st.composite
def portfolio_docs(draw: st.DrawFn, *, max_entries: int = 4) -> Doc:
    """A valid `sergur.portfolio/1` document, evidence codes unique and in their component."""
    role = draw(st.sampled_from(("subject_teacher", "counselor")))
    teacher = draw(
        _entry(
            {"name": st.text(min_size=1, max_size=20), "role": st.just(role)},
            nuptk=st.from_regex(r"[0-9]{16}", fullmatch=True),
            participant_number=texts,
            special_area=st.booleans(),
        )
    )
    document: Doc = {"schema": SCHEMA, "rubric": "2007", "teacher": teacher}
    for name, strategy, _ in LIST_SECTIONS:
        if draw(st.booleans()):
            document[name] = draw(st.lists(strategy, max_size=max_entries))
    if draw(st.booleans()):
        document["lesson_plans"] = draw(st.lists(lesson_plans, max_size=PLANS_ALLOWED[role]))
    for name, strategy, _ in SINGLE_SECTIONS:
        if draw(st.booleans()):
            document[name] = draw(strategy)
    if draw(st.booleans()):
        document["review"] = draw(review)
    counter = 0
    for name, entry in entries(document):
        if draw(st.booleans()):
            number = COMPONENT_NUMBER[name]
            suffix = draw(st.sampled_from(("", ".1)", ".x")))
            entry["evidence"] = [f"{number}.e{counter}{suffix}"]
            counter += 1
    return document


def entries(document: Doc) -> Iterator[tuple[str, Doc]]:
    """(section, entry) for every entry that may carry evidence."""
    for name in COMPONENT_NUMBER:
        value = document.get(name)
        if isinstance(value, list):
            yield from ((name, e) for e in value if isinstance(e, dict))
        elif isinstance(value, dict):
            yield name, value


@st.composite
def standing_docs(draw: st.DrawFn) -> Doc:
    """A document with chosen group totals around the thresholds, and any review."""
    a = Decimal(draw(st.integers(122 * 5, 900 * 5))) / 5
    b = draw(st.integers(10, 600).filter(lambda v: v != 11))
    c = draw(st.integers(0, 200))
    return group_doc(
        a,
        b,
        c,
        special_area=draw(st.booleans()),
        with_superior=draw(st.booleans()),
        review=draw(st.none() | review),
    )


# -- mutations -------------------------------------------------------------------------------
# Required keys per place (portfolio.schema.json `required`; if/then conditions excluded).
REQUIRED: dict[str, tuple[str, ...]] = {
    "": ("schema", "rubric", "teacher"),
    "teacher": ("name", "role"),
    "qualifications": ("level", "education_degree", "relevance"),
    "trainings": ("hours", "level", "relevant"),
    "teaching_experience": ("years",),
    "lesson_plans": ("items",),
    "teaching_observation": ("items",),
    "superior_assessment": ("items",),
    "competitions": ("kind",),
    "peer_coaching": ("role",),
    "student_coaching": ("won",),
    "works": ("kind",),
    "forums": ("level", "role"),
    "organizations": ("type", "level", "years"),
    "additional_duties": ("role", "years"),
    "awards": ("level",),
    "special_area_service": ("years",),
}
OTHER_TYPES: tuple[Any, ...] = ("x", 1.5, True, None, [], {}, 7)
BAD_CODES = ("", "x", "11", "0.a", "2.B", "2..a", "2.a\n", "7.z9", "1.b", "10")
Path = tuple[str | int, ...]


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def _walk(node: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, (*path, index))


def _parent(document: Doc, path: Path) -> Any:
    target: Any = document
    for part in path[:-1]:
        target = target[part]
    return target


def _wrong_type(draw: st.DrawFn, document: Doc) -> None:
    places = [pv for pv in _walk(document) if pv[0]]
    if not places:
        return
    path, value = draw(st.sampled_from(places))
    other = draw(st.sampled_from([v for v in OTHER_TYPES if _json_type(v) != _json_type(value)]))
    _parent(document, path)[path[-1]] = copy.deepcopy(other)


def _out_of_range(draw: st.DrawFn, document: Doc) -> None:
    numbers = [
        pv
        for pv in _walk(document)
        if pv[0] and isinstance(pv[1], int) and not isinstance(pv[1], bool)
    ]
    if not numbers:
        document["teaching_experience"] = {"years": 61}
        return
    path, _ = draw(st.sampled_from(numbers))
    value = 6 if "items" in path or path[-1] == "semester" else draw(st.sampled_from((-5, -1)))
    _parent(document, path)[path[-1]] = value


def _unknown_field(draw: st.DrawFn, document: Doc) -> None:
    objects = [node for _, node in _walk(document) if isinstance(node, dict)]
    target = draw(st.sampled_from(objects))
    target[draw(st.sampled_from(("foo", "organiser", "Level", "score")))] = 1


def _missing_required(draw: st.DrawFn, document: Doc) -> None:
    places: list[tuple[Doc, str]] = [(document, key) for key in REQUIRED[""]]
    if isinstance(document.get("teacher"), dict):
        places += [(document["teacher"], key) for key in REQUIRED["teacher"]]
    places += [
        (entry, key) for name, entry in entries(document) for key in REQUIRED[name] if key in entry
    ]
    places = [(node, key) for node, key in places if key in node]
    if not places:
        return
    node, key = draw(st.sampled_from(places))
    del node[key]


def _bad_evidence(draw: st.DrawFn, document: Doc) -> None:
    carriers = [entry for _, entry in entries(document)]
    if not carriers:
        document["teaching_experience"] = carriers_entry = {"years": 3}
        carriers = [carriers_entry]
    entry = draw(st.sampled_from(carriers))
    codes = entry.setdefault("evidence", [])
    if not isinstance(codes, list):
        entry["evidence"] = codes = []
    codes.append(draw(st.sampled_from(BAD_CODES)))


def _duplicate_code(draw: st.DrawFn, document: Doc) -> None:
    codes = [
        code
        for _, entry in entries(document)
        if isinstance(entry.get("evidence"), list)
        for code in entry["evidence"]
        if isinstance(code, str)
    ]
    carriers = [entry for _, entry in entries(document)]
    if not codes or not carriers:
        _bad_evidence(draw, document)
        return
    entry = draw(st.sampled_from(carriers))
    if not isinstance(entry.get("evidence"), list):
        entry["evidence"] = []
    entry["evidence"].append(draw(st.sampled_from(codes)))


def _teacher_change(draw: st.DrawFn, document: Doc) -> None:
    teacher = document.get("teacher")
    if not isinstance(teacher, dict):
        document["teacher"] = {"name": "x", "role": "counselor"}
        return
    change = draw(st.sampled_from(("counselor", "nuptk", "nuptk-newline", "long-name")))
    if change == "counselor":
        teacher["role"] = "counselor"
    elif change == "nuptk":
        teacher["nuptk"] = draw(st.from_regex(r"[0-9]{1,20}", fullmatch=True))
    elif change == "nuptk-newline":
        teacher["nuptk"] = "1234567890123456\n"
    else:
        teacher["name"] = "x" * draw(st.sampled_from((500, 501)))


def _many_plans(draw: st.DrawFn, document: Doc) -> None:
    document["lesson_plans"] = [{"items": [3] * 8}] * draw(st.integers(4, 6))


MUTATIONS = (
    _wrong_type,
    _out_of_range,
    _unknown_field,
    _missing_required,
    _bad_evidence,
    _duplicate_code,
    _teacher_change,
    _many_plans,
)


@st.composite
def mutated_docs(draw: st.DrawFn) -> Doc:
    """A valid document, then none to three random mutations that may or may not break it."""
    document = draw(portfolio_docs(max_entries=2))
    for _ in range(draw(st.integers(0, 3))):
        draw(st.sampled_from(MUTATIONS))(draw, document)
    return document


# Conditional requirements (the schema's if/then): (section, entry, the key to drop).
conditional_entries = st.one_of(
    st.tuples(
        st.just("competitions"),
        _entry({"kind": st.just("competition"), "level": st.sampled_from(LEVELS5)}),
        st.just("level"),
    ),
    st.tuples(
        st.just("student_coaching"),
        _entry({"won": st.just(True), "level": st.sampled_from(LEVELS5)}),
        st.just("level"),
    ),
    st.tuples(
        st.just("works"),
        _entry(
            {
                "kind": st.just("book"),
                "publication": st.sampled_from(("national", "province", "district")),
                "relevant": st.booleans(),
            }
        ),
        st.sampled_from(("publication", "relevant")),
    ),
    st.tuples(
        st.just("works"),
        _entry(
            {
                "kind": st.just("article"),
                "venue": st.sampled_from(("accredited_journal", "local_media")),
                "relevant": st.booleans(),
            }
        ),
        st.sampled_from(("venue", "relevant")),
    ),
    st.tuples(
        st.just("works"),
        _entry({"kind": st.just("research"), "role": st.sampled_from(("solo", "lead"))}),
        st.just("role"),
    ),
)
