"""A counsellor's 4b practice form as the assessor's sheet shows it: the 24 items of
"Penilaian Pelaksanaan Program Pelayanan Bimbingan dan Konseling Oleh Penilai (Asesor)" (seed
003, Buku II pp. 33-35) with the assessor's scores, beside the 4.b records they are scored
from."""

from __future__ import annotations

from dataclasses import dataclass, field

from sergur.assessments.models import Sheet
from sergur.assessments.selectors import practice_row
from sergur.common.i18n import rules_lang
from sergur.portfolios.models import Evidence
from sergur.portfolios.selectors import Portfolio
from sergur.rules.instruments import Instrument


@dataclass
class PracticeItemView:
    """One item of the counsellor's 4b form on the sheet: its printed number, text and the
    assessor's score so far."""

    index: int
    number: str
    text: str
    score: int | None


@dataclass
class PracticePartView:
    """A heading of the counsellor's 4b form and its items."""

    title: str
    items: list[PracticeItemView]


@dataclass
class PracticeView:
    """The counsellor's 4b form as the sheet shows it, with the rows of records it scores."""

    title: str
    parts: list[PracticePartView]
    codes: list[str] = field(default_factory=list)
    files: list[Evidence] = field(default_factory=list)


def practice_view(form: Instrument, sheet: Sheet, portfolio: Portfolio) -> PracticeView:
    """The 4b form with the assessor's scores and the records it is scored from (the
    4.b table's rows and files)."""
    lang = rules_lang()
    scores = practice_row(sheet, portfolio.role)
    parts: list[PracticePartView] = []
    index = 0
    for part in form.parts:
        items = []
        for item in part.items:
            items.append(PracticeItemView(index, item.number, item.text(lang), scores[index]))
            index += 1
        parts.append(PracticePartView(part.text(lang), items))
    rows = [row for row in portfolio.section_rows("counselor_practice") if row.typed is not None]
    return PracticeView(
        title=form.text(lang),
        parts=parts,
        codes=[row.code for row in rows],
        files=[file for row in rows for file in row.evidence],
    )
