"""What the selection pages say about one teacher's result, in Indonesian first and English:
the ranking factors in the year's key order and why the teacher is or is not selected
(Buku 1; docs/sources/domain.md §4.3-§4.5). The sentences live in the rules core's selection
catalogue (`sergur.rules.messages.selection`), so they render like every other reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import translation
from django.utils.formats import date_format

from sergur.rules.messages import TEMPLATES, Lang, Message, msg
from sergur.selection.models import SelectionEntry, SelectionRun


@dataclass(frozen=True)
class Factor:
    """One ranking factor as the teacher reads it."""

    label: str
    value: str


def _value(key: str, value: object, lang: Lang) -> str:
    if key == "service" and isinstance(value, int):
        return msg("selection.value.months", years=value // 12, months=value % 12).text(lang)
    if key == "age" and isinstance(value, str):
        try:
            born = dt.date.fromisoformat(value)
        except ValueError:
            return value
        # The site's date format, as every other date of the page (not "22-03-1965").
        with translation.override(lang):
            return date_format(born, "DATE_FORMAT")
    if key == "teaching_load" and isinstance(value, int):
        return msg("selection.value.hours", hours=value).text(lang)
    if key in ("additional_duty", "achievement") and isinstance(value, int):
        code = f"selection.value.{'duty' if key == 'additional_duty' else key}.{value}"
        return msg(code).text(lang) if code in TEMPLATES else msg("selection.value.none").text(lang)
    if key == "rank" and not value:
        return msg("selection.value.none").text(lang)
    return str(value)


def factors(entry: SelectionEntry, lang: Lang) -> list[Factor]:
    """The entry's ranking factors in the year's key order (docs/sources/domain.md §4.3), in plain
    words."""
    out = []
    for key, value in entry.factors:
        code = f"selection.factor.{key}"
        label = msg(code).text(lang) if code in TEMPLATES else str(key)
        out.append(Factor(label=label, value=_value(str(key), value, lang)))
    return out


def why(entry: SelectionEntry, run: SelectionRun) -> Message:
    """Why the teacher is or is not selected (Buku 1): by rank, by the non-PNS share, beyond
    the quota, or not eligible (the reasons follow)."""
    share = run.params.get("non_pns_min_share", "0")
    try:
        percent = round(float(share) * 100)
    except (TypeError, ValueError):
        percent = 0
    common = {
        "position": entry.position or 0,
        "eligible": run.eligible,
        "quota": run.quota,
    }
    if entry.selected and entry.selected_by == SelectionEntry.SelectedBy.NON_PNS_SHARE:
        return msg(
            "selection.why.non_pns_share",
            **common,
            share=percent,
            number=entry.participant_number,
        )
    if entry.selected:
        return msg("selection.why.rank", **common, number=entry.participant_number)
    note = entry.note_message
    if entry.eligible and note is not None:
        return note  # the place went to a non-PNS teacher (the year's minimum share)
    if entry.eligible:
        return msg("selection.why.beyond_quota", **common)
    return msg("selection.why.not_eligible")
