"""Shared helpers of the command-line tests: example files, running `main`, reading output."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from sergur.cli.main import main

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
SCHEMA_DIR = ROOT / "sergur" / "rules" / "schema"

# Each example and the decision the issue promises for it.
DECISIONS = {
    "passing-subject-teacher.json": "L",
    "counselor.json": "L",
    "near-miss.json": "MS",
    "special-area-teacher.json": "MPLPG",
}
VALID_EXAMPLES = tuple(DECISIONS)


@dataclass(frozen=True, slots=True)
class Run:
    """What one in-process run of `sergur` left behind."""

    status: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    """Run `sergur argv...` in-process and capture its status and output."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return Run(status, captured.out, captured.err)


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    """Run `sergur argv...` where argparse must refuse the command line (it exits)."""
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    captured = capsys.readouterr()
    code = exited.value.code
    return Run(code if isinstance(code, int) else -1, captured.out, captured.err)


def example(name: str) -> dict[str, Any]:
    """A fresh copy of an example portfolio as data."""
    return copy.deepcopy(_load(name))


@cache
def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return data


def compact(name_or_data: str | dict[str, Any]) -> str:
    """One portfolio on one line, as in a JSON Lines file."""
    data = example(name_or_data) if isinstance(name_or_data, str) else name_or_data
    return json.dumps(data, ensure_ascii=False)


def json_lines(text: str) -> list[dict[str, Any]]:
    """Every line of `--format json` output, parsed; every line must be a JSON object."""
    out: list[dict[str, Any]] = []
    for line in text.splitlines():
        value = json.loads(line)
        assert isinstance(value, dict), line
        out.append(value)
    return out


@cache
def score_validator() -> Draft202012Validator:
    """The validator of `sergur.score/1` objects (sergur/rules/schema/score-result.schema.json)."""
    schema = json.loads((SCHEMA_DIR / "score-result.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def assert_valid_result(obj: dict[str, Any]) -> None:
    """`obj` is a `sergur.score/1` result of a valid portfolio."""
    errors = [error.message for error in score_validator().iter_errors(obj)]
    assert errors == [], errors


def assert_invalid_entry(obj: dict[str, Any], line: int) -> list[dict[str, Any]]:
    """`obj` stands in a batch for an invalid portfolio at `line`; returns its errors."""
    assert set(obj) == {"schema", "line", "errors"}
    assert obj["schema"] == "sergur.score/1"
    assert obj["line"] == line
    errors: list[dict[str, Any]] = obj["errors"]
    assert errors, "an invalid portfolio names at least one error"
    for error in errors:
        assert set(error) == {"path", "message"}
        assert isinstance(error["path"], str)
        assert isinstance(error["message"], str) and error["message"].strip()
    return errors


YEAR_2008 = """\
year = 2008
rubric = "2007"

[portfolio]
pass_mark = 800
group_a_min = 300
group_b_min = 200
group_b_min_special_area = 150
group_c_cap = 100
near_miss_floor = 780
"""
