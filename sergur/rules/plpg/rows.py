"""A PLPG score sheet row by row (CSV or XLSX as read by `sergur.tabular`): the participant, the
part scores under the year file's header names, and optionally the JP attended, the
peer-teaching appearances and the retakes taken (docs/plpg.md, "The score file"). Every bad
cell is a problem with its line and column; a row with a problem is refused whole."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import IO

from sergur.rules.messages import msg
from sergur.rules.plpg.evaluate import Standing
from sergur.rules.plpg.params import HUNDRED, Part, PlpgParams
from sergur.rules.programme import exact_decimal
from sergur.rules.selection.layout import RowProblem, normalise_header

PARTICIPANT, NAME = "PARTICIPANT", "NAME"
JP, APPEARANCES, RETAKES = "JP", "APPEARANCES", "RETAKES"


@dataclass(frozen=True, slots=True)
class ScoreRow:
    """One good row: who, and what is known of them."""

    line: int
    participant: str
    name: str
    standing: Standing


def peek_header(stream: IO[bytes], limit: int = 64 * 1024) -> list[str] | None:
    """The header row of a seekable CSV, read without moving the stream; None when it cannot
    be read here (a pipe, not UTF-8, broken CSV: the row reader then says why). A short first
    data row lacks its last columns, so the header is read from line 1 itself."""
    if not stream.seekable():
        return None
    start = stream.tell()
    line = stream.readline(limit)
    stream.seek(start)
    try:
        return next(csv.reader([line.decode("utf-8-sig")], strict=True), None)
    except (UnicodeDecodeError, csv.Error):
        return None


def header_problems(
    params: PlpgParams, columns: Iterable[str], parts: tuple[Part, ...]
) -> list[RowProblem]:
    """The columns line 1 lacks: the participant and every part of `parts`."""
    have = {normalise_header(column) for column in columns}
    wanted = [PARTICIPANT, *(normalise_header(part.header) for part in parts)]
    return [
        RowProblem(1, name, "missing_column", msg("plpg.row.missing_column", column=name))
        for name in wanted
        if name not in have
    ]


def _score(line: int, column: str, text: str) -> Decimal | RowProblem:
    value = exact_decimal(text.strip().replace(",", "."))
    if value is None or not 0 <= value <= HUNDRED:
        return RowProblem(line, column, "score", msg("plpg.row.score", value=text.strip()))
    return value


def _count(row: Mapping[str, str], column: str, default: int, problems: list[RowProblem]) -> int:
    """A whole-number cell, `default` when empty; a bad cell adds its problem."""
    cell = row.get(column, "").strip()
    if not cell:
        return default
    if not cell.isascii() or not cell.isdigit():
        problems.append(RowProblem(0, column, "count", msg("plpg.row.count", value=cell)))
        return default
    return int(cell)


def parse_score_row(
    params: PlpgParams,
    line: int,
    row: Mapping[str, str],
    parts: tuple[Part, ...],
    *,
    required: bool,
) -> ScoreRow | list[RowProblem]:
    """The row's scores of `parts` (an empty cell is a problem when `required`, else not
    given); JP defaults to the full training, appearances to the minimum, retakes to 0."""
    problems: list[RowProblem] = []
    participant = row.get(PARTICIPANT, "").strip()
    if not participant:
        problems.append(RowProblem(line, PARTICIPANT, "empty", msg("plpg.row.empty")))
    scores: dict[str, Decimal] = {}
    for part in parts:
        column = normalise_header(part.header)
        cell = row.get(column, "")
        if not cell.strip():
            if required:
                problems.append(RowProblem(line, column, "empty", msg("plpg.row.empty")))
            continue
        value = _score(line, column, cell)
        if isinstance(value, RowProblem):
            problems.append(value)
        else:
            scores[part.key] = value
    counts: list[RowProblem] = []
    jp = _count(row, JP, params.jp_total, counts)
    shows = _count(row, APPEARANCES, params.peer_min_appearances, counts)
    retakes = _count(row, RETAKES, 0, counts)
    problems.extend(replace(problem, line=line) for problem in counts)
    if jp > params.jp_total:
        problems.append(RowProblem(line, JP, "jp", msg("plpg.row.jp", total=params.jp_total)))
    if problems:
        return problems
    standing = Standing(scores, Decimal(jp), shows, retakes)
    return ScoreRow(line, participant, row.get(NAME, "").strip(), standing)
