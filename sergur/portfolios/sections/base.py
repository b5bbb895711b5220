"""What every instrument table is made of: its columns (`Field`), the table (`Section`), row
labels, the shared choices and the helpers the tables' conversions use."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Literal

from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _

from sergur.common.i18n import rules_lang
from sergur.rules.messages import SECTIONS as SECTION_NAMES
from sergur.rules.messages import section_names

Kind = Literal["text", "textarea", "int", "year", "date", "choice", "bool"]

_DECIMAL_ZEROS = re.compile(r"\.0*\s*$")  # what the entry form's IntegerField drops: "5.0" is 5
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def whole_number(text: str) -> int:
    """A whole number as the entry form reads it: "5", and also "5.0", are 5."""
    try:
        return int(text)
    except ValueError:
        return int(_DECIMAL_ZEROS.sub("", text))


def iso_date(text: str) -> str:
    """A date as the entry form reads it (`%Y-%m-%d`, also unpadded), in ISO form; dates are
    never read by locale."""
    if _ISO_DATE.fullmatch(text):
        return dt.date.fromisoformat(text).isoformat()
    return dt.datetime.strptime(text, "%Y-%m-%d").date().isoformat()  # noqa: DTZ007


# How the stored text of each kind of column is typed; None: it stays text.
CONVERSIONS: dict[Kind, Callable[[str], int | str] | None] = {
    "text": None,
    "textarea": None,
    "int": whole_number,
    "year": whole_number,
    "date": iso_date,
    "choice": None,
    "bool": None,
}


# The longest text a column of a typed kind holds ("100000", "2005.0", "2005-01-01", "yes");
# text and choice columns hold at most their own `max_length`. Longer values are refused before
# they are stored, complete row or not.
KIND_MAX_CHARS: dict[Kind, int] = {"int": 12, "year": 12, "date": 10, "bool": 5}


@dataclass(frozen=True)
class Field:
    """One column of an instrument table."""

    name: str
    label: Promise
    kind: Kind = "text"
    required: bool = True
    choices: tuple[tuple[str, Promise | str], ...] = ()
    max_length: int = 200
    min_value: int | None = None
    max_value: int | None = None
    help_text: Promise | str = ""

    @property
    def max_chars(self) -> int:
        """The most characters a value of the column may have (`KIND_MAX_CHARS`, else
        `max_length`)."""
        return KIND_MAX_CHARS.get(self.kind, self.max_length)

    def typed(self, text: str) -> int | str:
        """A stored cell (stripped, not empty) as the entry form types it: a whole number for
        `int` and `year`, an ISO date for `date`, the text itself otherwise."""
        convert = CONVERSIONS[self.kind]
        return text if convert is None else convert(text)


LabelStyle = Literal["letter", "number", "letter_paren"]


@dataclass(frozen=True)
class Section:
    """One table of the instrument."""

    key: str
    component: int
    number: str
    title: Promise
    instruction: Promise
    fields: tuple[Field, ...]
    code_prefix: str
    label_style: LabelStyle
    to_schema: Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]
    max_entries: dict[str, int] = field(default_factory=dict)
    roles: tuple[str, ...] = ("subject_teacher", "counselor")
    note: Promise | str = ""
    # Rules between the columns of one row: field name → message (`cross_check`).
    check: Callable[[dict[str, Any]], dict[str, Promise]] | None = None

    def label(self, position: int) -> str:
        """The printed row label for the 0-based `position`: a / 1) / a)."""
        if self.label_style == "letter":
            return letters(position)
        if self.label_style == "number":
            return f"{position + 1})"
        return f"{letters(position)})"

    def code(self, position: int) -> str:
        """The evidence code of the row, as the instrument numbers it (e.g. 2.c, 10.a.1))."""
        return f"{self.code_prefix}.{self.label(position)}"

    def for_role(self, role: str) -> Section:
        """The table as a teacher of `role` sees it: a counsellor's tables carry the seed's own
        words (the rules core's `section_names`), every other table is unchanged."""
        names = section_names(role)
        if names.get(self.key) == SECTION_NAMES.get(self.key):
            return self
        return replace(self, title=_role_title(role, self.key))

    def max_for(self, role: str) -> int | None:
        """How many rows the table allows for a role (None: as many as needed)."""
        return self.max_entries.get(role)

    @cached_property
    def conversions(self) -> tuple[tuple[str, Callable[[str], int | str] | None], ...]:
        """Each column's name and how its stored text is typed (`CONVERSIONS`)."""
        return tuple((spec.name, CONVERSIONS[spec.kind]) for spec in self.fields)

    def typed(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """A complete row's stored values as the entry form types them (`Field.typed`), in the
        order of the columns; empty cells are left out. The one conversion of stored values:
        the entry form and the batch's fast read both use it."""
        out: dict[str, Any] = {}
        for name, convert in self.conversions:
            value = raw.get(name)
            if value is None:
                continue
            text = (value if type(value) is str else str(value)).strip()
            if not text:
                continue
            out[name] = text if convert is None else convert(text)
        return out


def letters(position: int) -> str:
    """a, b, ..., z, aa, ab, ... for 0, 1, ..., 25, 26, 27, ..."""
    out = ""
    n = position
    while True:
        out = string.ascii_lowercase[n % 26] + out
        n = n // 26 - 1
        if n < 0:
            return out


LEVEL5 = (
    ("international", _("International")),
    ("national", _("National")),
    ("province", _("Province")),
    ("district", _("District (kabupaten/kota)")),
    ("subdistrict", _("Subdistrict (kecamatan)")),
)
LEVEL4 = LEVEL5[:4]
LEVEL6 = (*LEVEL5, ("village", _("Village (desa/kelurahan)")))
YES_NO = (("yes", _("Yes")), ("no", _("No")))


def yes(value: Any) -> bool:
    """Whether a yes/no column says yes."""
    return value is True or value == "yes"


def optional(out: dict[str, Any], values: dict[str, Any], *names: str) -> dict[str, Any]:
    """`out` with those of `names` that are filled in `values`."""
    for name in names:
        value = values.get(name)
        if value not in (None, ""):
            out[name] = value
    return out


def year_field(name: str = "year", label: Promise | None = None, required: bool = True) -> Field:
    """A year column (1940-2100)."""
    return Field(name, label or _("Year"), "year", required, min_value=1940, max_value=2100)


def parse_date(value: str) -> dt.date | None:
    """An ISO date (YYYY-MM-DD) or None: dates are never read by locale."""
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def years_in_order(values: dict[str, Any]) -> dict[str, Promise]:
    """A period given in years (a duty, a posting) ends no earlier than it starts."""
    start_year, end_year = values.get("start_year"), values.get("end_year")
    if isinstance(start_year, int) and isinstance(end_year, int) and end_year < start_year:
        return {"end_year": _("The end year is before the start year.")}
    return {}


def _name(role: str, key: str) -> str:
    return section_names(role)[key][rules_lang()]


_lazy_name = lazy(_name, str)


def _role_title(role: str, key: str) -> Promise:
    """A table's title for a role, read in the language active when it is shown."""
    # django-stubs types `lazy` as returning the wrapped type; at run time it is a Promise.
    return _lazy_name(role, key)  # type: ignore[return-value]
