"""Written scores from a CSV, as the teacher import reads files (`sergur.tabular`): one row per
participant (PARTICIPANT = the participant number) and a column per written part under the year
file's header name. Every bad row is refused with its line and column, and then nothing is
entered; a clean file enters every score through `plpg_score_enter` (docs/plpg.md, "Importing
written scores")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.common.i18n import rules_lang
from sergur.plpg.models import Participant, PlpgClass
from sergur.plpg.selectors import class_rights, year_plpg_params
from sergur.plpg.services.exams import plpg_score_enter, score_obstacles
from sergur.rules.plpg import Part
from sergur.rules.plpg.rows import ScoreRow, header_problems, parse_score_row, peek_header
from sergur.tabular.readers import ReadError, read_csv

NOT_GRADER = _("Only the class's instructor or the rayon admin imports scores.")
UNKNOWN_PARTICIPANT = _("No participant of this class has the number %(number)s.")
TWICE = _("The participant %(number)s is on line %(first)s already.")
NO_ROWS = _("The file holds a header row but no participant rows.")


@dataclass
class ImportReport:
    """What an import did: the problems (line, column, message) or the scores entered."""

    problems: list[tuple[int, str, str]] = field(default_factory=list)
    entered: int = 0


def written_parts(plpg_class: PlpgClass) -> tuple[Part, ...]:
    """The year's exam parts other than the practical one (that comes from peer teaching)."""
    params = year_plpg_params(plpg_class.programme_year)
    return tuple(p for p in params.exam_parts if p.key != params.practical_part)


def _check(
    plpg_class: PlpgClass, stream: IO[bytes], report: ImportReport
) -> list[tuple[Participant, ScoreRow]]:
    params = year_plpg_params(plpg_class.programme_year)
    parts = written_parts(plpg_class)
    lang = rules_lang()
    people = {
        p.case.participant_number: p
        for p in plpg_class.participants.select_related("case__programme_year", "plpg_class")
    }
    good: list[tuple[Participant, ScoreRow]] = []
    first_line: dict[str, int] = {}
    header_checked = False
    header = peek_header(stream)
    for line, row in read_csv(stream):
        if not header_checked:
            header_checked = True
            missing = header_problems(params, header or row, parts)
            if missing:
                report.problems.extend((p.line, p.column, p.message.text(lang)) for p in missing)
                return []
        parsed = parse_score_row(params, line, row, parts, required=False)
        if isinstance(parsed, list):
            report.problems.extend((p.line, p.column, p.message.text(lang)) for p in parsed)
            continue
        number = parsed.participant
        participant = people.get(number)
        if participant is None:
            text = str(UNKNOWN_PARTICIPANT % {"number": number})
            report.problems.append((line, "PARTICIPANT", text))
            continue
        if number in first_line:
            text = str(TWICE % {"number": number, "first": first_line[number]})
            report.problems.append((line, "PARTICIPANT", text))
            continue
        first_line[number] = line
        for key in parsed.standing.scores:
            for reason in score_obstacles(participant=participant, part=key, params=params):
                report.problems.append((line, params.part(key).header.upper(), reason))
        good.append((participant, parsed))
    if not header_checked:
        report.problems.append((1, "", gettext(str(NO_ROWS))))
    return good


@transaction.atomic
def plpg_scores_import(*, plpg_class: PlpgClass, stream: IO[bytes], actor: User) -> ImportReport:
    """Check the whole file first; enter its scores only when no row has a problem."""
    if not class_rights(user=actor, plpg_class=plpg_class).grade:
        raise ValidationError(NOT_GRADER, code="forbidden")
    report = ImportReport()
    try:
        good = _check(plpg_class, stream, report)
    except ReadError as exc:
        report.problems.append((exc.line, "", exc.message.text(rules_lang())))
        return report
    if report.problems:
        return report
    for participant, row in good:
        for key, score in row.standing.scores.items():
            plpg_score_enter(participant=participant, part=key, score=score, actor=actor)
            report.entered += 1
    return report
