"""Validation of `sergur.portfolio/1` files: every error at once, each with its place.

Valid files take the fast path: one msgspec pass decodes and type-checks them, then the two
rules beyond JSON Schema run (an evidence code's first number is its component; a code appears
once per portfolio), plus the counsellor's plan count. Only a file that fails goes the slow
way: the JSON Schema (jsonschema) lists every schema error, and the same extra rules run over
the raw data, so the teacher sees all problems in one report.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import msgspec
from jsonschema import Draft202012Validator
from jsonschema import ValidationError as SchemaError
from msgspec import UnsetType

from sergur.rules.messages import Lang, Message, msg
from sergur.rules.model import DECODER, PortfolioFile
from sergur.rules.selection.numbers import ParticipantNumberError, parse

EVIDENCE_CODE = re.compile(r"(10|[1-9])(\.[a-z0-9]+\)?)*")
NUPTK = re.compile(r"[0-9]{16}")

# Where evidence is carried, and which component each place belongs to (Buku II numbering).
EVIDENCE_SECTIONS: tuple[tuple[str, int, bool], ...] = (
    ("qualifications", 1, True),
    ("trainings", 2, True),
    ("teaching_experience", 3, False),
    ("lesson_plans", 4, True),
    ("teaching_observation", 4, False),
    ("superior_assessment", 5, False),
    ("competitions", 6, True),
    ("peer_coaching", 6, True),
    ("student_coaching", 6, True),
    ("works", 7, True),
    ("forums", 8, True),
    ("organizations", 9, True),
    ("additional_duties", 9, True),
    ("awards", 10, True),
    ("special_area_service", 10, True),
)
COUNSELOR_MAX_PLANS = 4


@dataclass(frozen=True, slots=True)
class Problem:
    """One validation error: where (`trainings[2].hours`; empty for the whole file) and what."""

    path: str
    message: Message

    def text(self, lang: Lang) -> str:
        """The message in plain words."""
        return self.message.text(lang)

    def as_json(self, lang: Lang) -> dict[str, str]:
        """The error as printed by `sergur validate` and `sergur score --format json`."""
        return {"path": self.path, "message": self.text(lang)}


class PortfolioInvalid(Exception):
    """The portfolio file has errors; `problems` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def decode(data: bytes | str, *, year: int | None = None) -> PortfolioFile:
    """Decode and validate a portfolio file, or raise PortfolioInvalid with every error. With
    a programme `year`, a participant number must also be one of that year (`number_problem`)."""
    try:
        portfolio = DECODER.decode(data)
    except (msgspec.ValidationError, msgspec.DecodeError, UnicodeError):
        raise PortfolioInvalid(_slow_problems(data, year)) from None
    if not _extra_rules_hold(portfolio) or (
        year is not None and number_problem(portfolio.teacher.participant_number, year)
    ):
        raise PortfolioInvalid(_slow_problems(data, year))
    return portfolio


def number_problem(number: object, year: int) -> Problem | None:
    """The problem of a portfolio's participant number for programme `year`, if any: it must
    read as `YY PP KK BBB D NNNN` (docs/sources/domain.md §4.5; `selection.numbers.parse`) and
    its YY must be the year's. An absent number is no problem (the district gives it later)."""
    if not isinstance(number, str):
        return None
    place = "teacher.participant_number"
    try:
        parts = parse(number)
    except ParticipantNumberError:
        return Problem(place, msg("error.participant_number", value=_show(number)))
    if parts.year != year:
        return Problem(
            place,
            msg(
                "error.participant_number_year",
                value=_show(number),
                found=f"{parts.year % 100:02d}",
                expected=f"{year % 100:02d}",
                year=year,
            ),
        )
    return None


def convert(document: dict[str, Any]) -> PortfolioFile:
    """`decode` of a document already in Python values (dicts, lists, text, whole numbers,
    booleans: what JSON decodes to), without writing and parsing its JSON text: the same
    checks, the same problems (reported from its JSON text)."""
    try:
        portfolio = msgspec.convert(document, PortfolioFile)
    except msgspec.ValidationError:
        raise PortfolioInvalid(_slow_problems(msgspec.json.encode(document))) from None
    if not _extra_rules_hold(portfolio):
        raise PortfolioInvalid(_slow_problems(msgspec.json.encode(document)))
    return portfolio


def problems_of(data: bytes | str, *, year: int | None = None) -> list[Problem]:
    """Every error of a portfolio file; an empty list when it is valid."""
    try:
        decode(data, year=year)
    except PortfolioInvalid as exc:
        return exc.problems
    return []


# -- the slow path: list everything ----------------------------------------------------------
def _slow_problems(data: bytes | str, year: int | None = None) -> list[Problem]:
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return [Problem("", msg("error.not_utf8"))]
    else:
        text = data
    if not text.strip():
        return [Problem("", msg("error.empty"))]
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        detail = exc.msg
        return [
            Problem("", msg("error.not_json", detail=detail, line=exc.lineno, column=exc.colno))
        ]
    except RecursionError:
        return [Problem("", msg("error.not_json", detail="nested too deeply", line=1, column=1))]
    except ValueError:
        # Python refuses to read a whole number of more than 4,300 digits (its int max str
        # digits limit); no score or year comes near it.
        return [Problem("", msg("error.number_too_long"))]
    problems = [p for error in _validator().iter_errors(raw) for p in _from_schema_error(error)]
    problems.extend(_extra_problems(raw))
    if year is not None:
        number = number_problem(_get(_get(raw, "teacher"), "participant_number"), year)
        problems.extend([number] if number is not None else [])
    # jsonschema raises one `required` error per missing key, each naming the whole list.
    problems = list(dict.fromkeys(problems))
    if not problems:
        # The schema and the fast decoder disagree only on edge cases (e.g. 5.0 for an
        # integer): report the decoder's own words rather than pass a file it refuses.
        problems.append(_from_decoder(data))
    return problems


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads(schema_text())
    return Draft202012Validator(schema)


def schema_text() -> str:
    """The JSON Schema of `sergur.portfolio/1` as shipped
    (sergur/rules/schema/portfolio.schema.json)."""
    return (
        resources.files("sergur.rules")
        .joinpath("schema/portfolio.schema.json")
        .read_text(encoding="utf-8")
    )


def format_path(parts: Iterator[str | int] | list[str | int] | tuple[str | int, ...]) -> str:
    """`['trainings', 2, 'hours']` → `trainings[2].hours`."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def _from_schema_error(error: SchemaError) -> Iterator[Problem]:
    path = list(error.absolute_path)
    kind = error.validator
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    instance: Any = error.instance
    expected_value: Any = error.validator_value
    if kind == "required":
        present = instance if isinstance(instance, dict) else {}
        for name in expected_value:
            if name not in present:
                yield Problem(format_path([*path, name]), msg("error.required"))
    elif kind == "additionalProperties":
        known = set(schema.get("properties", {}))
        for name in instance:
            if name not in known:
                yield Problem(format_path([*path, name]), msg("error.unknown_field"))
    elif kind == "type":
        expected = expected_value
        yield Problem(format_path(path), msg("error.type", expected=msg(f"type.{expected}")))
    elif kind == "enum":
        choices = ", ".join(str(c) for c in expected_value)
        yield Problem(format_path(path), msg("error.enum", value=_show(instance), choices=choices))
    elif kind == "const":
        yield Problem(format_path(path), msg("error.const", expected=_show(expected_value)))
    elif kind in ("minimum", "maximum"):
        yield Problem(
            format_path(path),
            msg(
                "error.between",
                minimum=schema.get("minimum", "-∞"),
                maximum=schema.get("maximum", "∞"),
                value=_show(instance),
            ),
        )
    elif kind in ("minItems", "maxItems"):
        found = len(instance)
        if schema.get("minItems") == schema.get("maxItems"):
            yield Problem(
                format_path(path), msg("error.items_exact", count=schema["maxItems"], found=found)
            )
        else:
            yield Problem(
                format_path(path), msg("error.max_items", count=schema["maxItems"], found=found)
            )
    elif kind == "maxLength":
        yield Problem(format_path(path), msg("error.too_long", count=expected_value))
    elif kind == "pattern" and path and path[-1] == "nuptk":
        yield Problem(format_path(path), msg("error.nuptk"))
    elif kind == "pattern":
        yield Problem(format_path(path), msg("error.evidence_code", value=_show(instance)))
    else:  # pragma: no cover - every keyword of the shipped schema is handled above
        yield Problem(format_path(path), msg("error.invalid", detail=error.message))


def _show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


_DECODER_PATH = re.compile(r" - at `\$(.*)`$")


def _from_decoder(data: bytes | str) -> Problem:
    try:
        DECODER.decode(data)
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        text = str(exc)
        found = _DECODER_PATH.search(text)
        path = found.group(1).lstrip(".") if found else ""
        detail = _DECODER_PATH.sub("", text)
        if detail.startswith("Expected `int`"):
            return Problem(path, msg("error.type", expected=msg("type.integer")))
        return Problem(path, msg("error.invalid", detail=detail))
    return Problem("", msg("error.invalid", detail="unknown"))  # pragma: no cover


# -- rules beyond JSON Schema, over decoded structs or raw data alike ------------------------
_SECTION_PREFIX = tuple(
    (name, f"{component}.", str(component), many) for name, component, many in EVIDENCE_SECTIONS
)


def _extra_rules_hold(p: PortfolioFile) -> bool:
    """The fast yes/no check of the extra rules on a decoded portfolio (no messages built)."""
    if p.teacher.role == "counselor" and len(p.lesson_plans) > COUNSELOR_MAX_PLANS:
        return False
    if not _conditions_hold(p):
        return False
    nuptk = p.teacher.nuptk
    if isinstance(nuptk, str) and "\n" in nuptk:
        return False
    if not isinstance(p.review, UnsetType) and any("\n" in c for c in p.review.doubtful_evidence):
        return False
    seen: set[str] = set()
    count = 0
    for name, prefix, bare, many in _SECTION_PREFIX:
        value = getattr(p, name)
        if many:
            for entry in value:
                for code in entry.evidence:
                    if not (code.startswith(prefix) or code == bare) or "\n" in code:
                        return False
                    seen.add(code)
                    count += 1
        elif not isinstance(value, UnsetType):
            for code in value.evidence:
                if not (code.startswith(prefix) or code == bare) or "\n" in code:
                    return False
                seen.add(code)
                count += 1
    return len(seen) == count


def _conditions_hold(p: PortfolioFile) -> bool:
    """The schema's if/then rules, which the fast decoder does not check."""
    for c in p.competitions:
        if c.kind == "competition" and isinstance(c.level, UnsetType):
            return False
    for sc in p.student_coaching:
        if sc.won and isinstance(sc.level, UnsetType):
            return False
    for w in p.works:
        if w.kind == "book" and (
            isinstance(w.publication, UnsetType) or isinstance(w.relevant, UnsetType)
        ):
            return False
        if w.kind == "article" and (
            isinstance(w.venue, UnsetType) or isinstance(w.relevant, UnsetType)
        ):
            return False
        if w.kind == "research" and isinstance(w.role, UnsetType):
            return False
    return True


def _get(obj: object, name: str) -> Any:
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def _extra_problems(p: object) -> Iterator[Problem]:
    teacher = _get(p, "teacher")
    nuptk = _get(teacher, "nuptk")
    if isinstance(nuptk, str) and not NUPTK.fullmatch(nuptk) and "\n" in nuptk:
        yield Problem("teacher.nuptk", msg("error.nuptk"))
    review = _get(p, "review")
    doubtful = _get(review, "doubtful_evidence")
    if isinstance(doubtful, list):
        for position, code in enumerate(doubtful):
            if isinstance(code, str) and "\n" in code:
                place = f"review.doubtful_evidence[{position}]"
                yield Problem(place, msg("error.evidence_code", value=_show(code)))
    plans = _get(p, "lesson_plans")
    if (
        _get(teacher, "role") == "counselor"
        and isinstance(plans, list)
        and len(plans) > COUNSELOR_MAX_PLANS
    ):
        yield Problem("lesson_plans", msg("error.counselor_plans", found=len(plans)))
    first_use: dict[str, str] = {}
    for section, component, many in EVIDENCE_SECTIONS:
        value = _get(p, section)
        if value is None:
            continue
        entries = enumerate(value) if many and isinstance(value, list) else [(None, value)]
        for index, entry in entries:
            codes = _get(entry, "evidence")
            if not isinstance(codes, list):
                continue
            base = section if index is None else f"{section}[{index}]"
            for position, code in enumerate(codes):
                if not isinstance(code, str) or not EVIDENCE_CODE.fullmatch(code):
                    if isinstance(code, str) and "\n" in code:
                        place = f"{base}.evidence[{position}]"
                        yield Problem(place, msg("error.evidence_code", value=_show(code)))
                    continue
                place = f"{base}.evidence[{position}]"
                owner = int(code.split(".", 1)[0])
                if owner != component:
                    yield Problem(
                        place,
                        msg(
                            "error.evidence_component",
                            code=code,
                            code_component=owner,
                            component=component,
                        ),
                    )
                if code in first_use:
                    yield Problem(
                        place, msg("error.evidence_reused", code=code, first=first_use[code])
                    )
                else:
                    first_use[code] = place
