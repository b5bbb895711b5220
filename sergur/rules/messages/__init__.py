"""Every sentence the rules core says, in Indonesian (id) and English (en).

The rules core returns codes with parameters; this catalogue turns them into plain words.
The web app and the command line both render through `render`, so a reason reads the same
everywhere. Parameters wrapped in `Term` are vocabulary (levels, roles) and are translated too.

Each subdomain keeps its sentences in a catalogue module of this package; `TEMPLATES` joins
them here, in one place, and nothing adds to it later: a code defined twice fails at import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from sergur.rules.messages import (
    allowance,
    assessment,
    certificates,
    completeness,
    decisions,
    importing,
    payments,
    planner,
    plpg,
    retention,
    selection,
    trace,
    validation,
)
from sergur.rules.messages.catalogue import LANGS, Catalogue, Lang, merge, prefixed
from sergur.rules.messages.names import (
    COMPONENTS,
    COUNSELOR_COMPONENTS,
    COUNSELOR_SECTIONS,
    DECISIONS,
    GROUPS,
    INTERPRETATIONS,
    SECTIONS,
    TERMS,
    TYPE_NAMES,
    component_names,
    section_names,
)

TEMPLATES: Catalogue = merge(
    decisions.REASONS,
    decisions.CHECKS,
    assessment.SHEET,
    assessment.ALLOCATION,
    assessment.QUALIFICATION,
    trace.TRACE,
    validation.ERRORS,
    completeness.GAPS,
    completeness.WARNINGS,
    selection.ELIGIBILITY,
    selection.QUOTA,
    selection.WORDING,
    importing.IMPORT,
    retention.RETENTION,
    plpg.PLPG,
    planner.PLANNER,
    certificates.CERTIFICATE,
    allowance.ALLOWANCE,
    allowance.ROWS,
    payments.PAYMENTS,
    prefixed("component", COMPONENTS),
    prefixed("decision", DECISIONS),
    prefixed("type", TYPE_NAMES),
    prefixed("section", SECTIONS),
    # A counsellor's own words for the same parts and tables (`component_msg`, `section_msg`).
    prefixed("counselor_component", COUNSELOR_COMPONENTS),
    prefixed("counselor_section", COUNSELOR_SECTIONS),
)

__all__ = [
    "COMPONENTS",
    "DECISIONS",
    "GROUPS",
    "INTERPRETATIONS",
    "LANGS",
    "SECTIONS",
    "TEMPLATES",
    "TERMS",
    "TYPE_NAMES",
    "Lang",
    "Message",
    "Term",
    "exact",
    "msg",
    "number",
    "render",
    "component_msg",
    "component_names",
    "section_msg",
    "section_names",
    "term",
]

TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Term:
    """A vocabulary value (an enum value of the portfolio file) to be translated."""

    value: str


@dataclass(frozen=True, slots=True)
class Message:
    """A message code with its parameters, rendered late in the reader's language."""

    code: str
    params: tuple[tuple[str, object], ...] = ()

    def text(self, lang: Lang) -> str:
        """The message in plain words."""
        return _render(self.code, self.params, lang)


def msg(key: str, /, **params: object) -> Message:
    """Build a message; the key must exist in the catalogue."""
    if key not in TEMPLATES:
        raise KeyError(key)
    return Message(key, tuple(params.items()))


def component_msg(part: str, role: str) -> Message:
    """The name of a component (or part 4a/4b) as a message, in the words of the teacher's
    kind: a counsellor's reasons say *Pelaksanaan Program Pelayanan Bimbingan dan Konseling*
    where a subject teacher's say *Pelaksanaan pembelajaran* (seed 003, Buku III)."""
    if role == "counselor" and part in COUNSELOR_COMPONENTS:
        return msg(f"counselor_component.{part}")
    return msg(f"component.{part}")


def section_msg(section: str, role: str) -> Message:
    """The name of a portfolio table as a message, in the words of the teacher's kind."""
    if role == "counselor" and section in COUNSELOR_SECTIONS:
        return msg(f"counselor_section.{section}")
    return msg(f"section.{section}")


def exact(value: Decimal | int) -> Decimal:
    """Round half-up to 2 decimals, for display only (score-result.schema.json)."""
    return Decimal(value).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def number(value: Decimal | int, lang: Lang) -> str:
    """A score as people write it: no needless decimals; a comma in Indonesian."""
    # Zero is written uncached: -0 equals 0 (one cache key) but is written "-0".
    text = _written(value) if value else f"{exact(value).normalize():f}"
    return text.replace(".", ",") if lang == "id" else text


@lru_cache(maxsize=4096)
def _written(value: Decimal | int) -> str:
    """The English text of a number, which depends on its value only (equal values are
    written alike): the pass mark, the minimums and every total written in both languages
    are rounded once."""
    return f"{exact(value).normalize():f}"


def render(code: str, params: Mapping[str, object], lang: Lang) -> str:
    """Fill the template of `code` in `lang` with its parameters."""
    return _render(code, params.items(), lang)


class _Counted(str):
    """A number as written, that also picks the singular or plural word after it: a template
    writes `{n} {n:entry|entries}` (Indonesian templates need no such choice)."""

    one: bool

    def __new__(cls, text: str, *, one: bool) -> _Counted:
        counted = super().__new__(cls, text)
        counted.one = one
        return counted

    def __format__(self, spec: str) -> str:
        if "|" in spec:
            singular, plural = spec.split("|", 1)
            return singular if self.one else plural
        return str.__format__(self, spec)


def _render(code: str, params: Iterable[tuple[str, object]], lang: Lang) -> str:
    template = TEMPLATES[code][lang]
    counts = "|" in template  # only a template with a {n:one|other} choice needs _Counted
    values: dict[str, str] = {}
    for key, value in params:
        if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
            text = number(value, lang)  # the usual parameter: a score, tested first
            values[key] = _Counted(text, one=value == 1) if counts else text
        elif isinstance(value, Term):
            values[key] = term(value.value, lang)
        elif isinstance(value, Message):
            values[key] = value.text(lang)
        else:
            values[key] = str(value)
    return template.format(**values)


def term(value: str, lang: Lang) -> str:
    """Translate one vocabulary value; unknown values stay as they are."""
    entry = TERMS.get(value)
    return entry[lang] if entry else value
