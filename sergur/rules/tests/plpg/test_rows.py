"""A row of a PLPG score sheet: the parts asked for, empty cells when they are optional."""

from __future__ import annotations

from decimal import Decimal

from sergur.rules.plpg import plpg_params
from sergur.rules.plpg.rows import ScoreRow, header_problems, parse_score_row, peek_header

Y2014 = plpg_params(2014)
WRITTEN = (Y2014.part("UTN"), Y2014.part("UTL"))


def test_an_import_of_written_scores_takes_the_cells_given():
    row = {"PARTICIPANT": "131", "UTN": "45,5", "UTL": ""}
    parsed = parse_score_row(Y2014, 7, row, WRITTEN, required=False)
    assert isinstance(parsed, ScoreRow)
    assert parsed.standing.scores == {"UTN": Decimal("45.5")}
    assert (parsed.line, parsed.participant, parsed.name) == (7, "131", "")
    assert parsed.standing.attended_jp == 90
    assert parsed.standing.appearances == 3


def test_the_header_must_name_the_participant_and_the_parts():
    problems = header_problems(Y2014, ["UTN"], WRITTEN)
    assert [p.column for p in problems] == ["PARTICIPANT", "UTL"]
    assert problems[0].message.text("en") == (
        "The column PARTICIPANT is missing from the header row."
    )


def test_the_header_is_peeked_without_moving_a_seekable_stream():
    import io

    stream = io.BytesIO("\ufeffparticipant,SUT\n1,80\n".encode())
    assert peek_header(stream) == ["participant", "SUT"]
    assert stream.tell() == 0
    assert peek_header(io.BytesIO(b"\xff\xfe,x\n")) is None
    assert peek_header(io.BytesIO(b'"a\n')) is None

    class Pipe(io.BytesIO):
        def seekable(self) -> bool:
            return False

    assert peek_header(Pipe(b"participant\n")) is None
