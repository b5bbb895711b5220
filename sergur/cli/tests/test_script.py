"""The installed `sergur` console script, run as a process: real exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import shlex
import subprocess  # nosec B404 # the tests run the command as a user does
import sys
from pathlib import Path

import pytest

from sergur.cli.tests.support import EXAMPLES, YEAR_2008, assert_valid_result, compact, json_lines

SCRIPT = Path(sys.executable).parent / "sergur"

pytestmark = pytest.mark.skipif(not SCRIPT.is_file(), reason=f"no console script at {SCRIPT}")


def sergur(
    *argv: str, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the console script; stdout and stderr as text."""
    environ = {k: v for k, v in os.environ.items() if k != "SERGUR_YEARS_DIR"}
    environ.update(env or {})
    done = subprocess.run(  # nosec B603 # the installed command, fixed arguments
        [str(SCRIPT), *argv],
        input=stdin,
        capture_output=True,
        env=environ,
        timeout=120,
        check=False,
    )
    out = done.stdout.decode("utf-8")
    err = done.stderr.decode("utf-8")
    assert "Traceback" not in err, err
    assert "Traceback" not in out, out
    return subprocess.CompletedProcess(done.args, done.returncode, out, err)


@pytest.mark.parametrize(
    ("name", "code"),
    [("passing-subject-teacher.json", "L"), ("counselor.json", "L"), ("near-miss.json", "MS")],
)
def test_valid_portfolio_exits_0(name, code):
    done = sergur("score", str(EXAMPLES / name), "--format", "json")

    assert done.returncode == 0
    assert done.stderr == ""
    [obj] = json_lines(done.stdout)
    assert_valid_result(obj)
    assert obj["decision"]["code"] == code


def test_table_of_a_valid_portfolio_exits_0():
    done = sergur("score", str(EXAMPLES / "special-area-teacher.json"), "--explain")

    assert done.returncode == 0
    assert "Keputusan: MPLPG — Mengikuti PLPG" in done.stdout
    assert "Rincian skor (baris rubrik):" in done.stdout


def test_invalid_portfolio_exits_1():
    done = sergur("score", str(EXAMPLES / "invalid.json"))

    assert done.returncode == 1
    assert "tidak sah, 9 kesalahan" in done.stdout


def test_folder_with_an_invalid_portfolio_exits_1_and_scores_the_rest():
    done = sergur("score", str(EXAMPLES), "--format", "json")

    assert done.returncode == 1
    objs = json_lines(done.stdout)
    assert len(objs) == 5
    assert sum("errors" in obj for obj in objs) == 1


@pytest.mark.parametrize(
    "data",
    [b"", b"not json at all", bytes(range(256)), b"\xc3\x28\xa0\xa1", b"[" * 50_000],
    ids=["empty", "not-json", "binary", "bad-utf8", "deep"],
)
def test_garbage_exits_1_without_traceback(tmp_path, data):
    file = tmp_path / "garbage.json"
    file.write_bytes(data)

    done = sergur("score", str(file))

    assert done.returncode == 1
    assert "tidak sah, 1 kesalahan" in done.stdout
    assert done.stderr == ""


def test_stdin_exits_by_validity():
    ok = sergur("score", "-", stdin=(EXAMPLES / "near-miss.json").read_bytes())
    bad = sergur("score", "-", "--format", "json", stdin=b'{"schema": "sergur.portfolio/1"}\n')

    assert ok.returncode == 0 and "Keputusan: MS" in ok.stdout
    assert bad.returncode == 1 and json_lines(bad.stdout)[0]["line"] == 1


def test_stdin_json_lines():
    lines = compact("near-miss.json") + "\n\n{}\n" + compact("counselor.json") + "\n"

    done = sergur("score", "-", "--format", "json", stdin=lines.encode())

    assert done.returncode == 1
    assert [obj["line"] for obj in json_lines(done.stdout)] == [1, 3, 4]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["score"],
        ["score", "x.json", "--bogus"],
        ["score", "x.json", "--format", "yaml"],
        ["frobnicate"],
    ],
)
def test_bad_usage_exits_2(argv):
    done = sergur(*argv)

    assert done.returncode == 2
    assert done.stdout == ""
    assert "usage: sergur" in done.stderr


def test_missing_file_exits_2(tmp_path):
    done = sergur("score", str(tmp_path / "missing.json"))

    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == f"sergur: {tmp_path / 'missing.json'}: No such file or directory\n"


def test_folder_without_json_exits_2(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")

    done = sergur("validate", str(tmp_path))

    assert done.returncode == 2
    assert "no .json files" in done.stderr


def test_unknown_year_exits_2():
    done = sergur("score", str(EXAMPLES / "near-miss.json"), "--year", "1999")

    assert done.returncode == 2
    assert done.stderr == "sergur: programme year 1999 is not configured (known: 2007, 2012)\n"


def test_years_dir_from_the_environment(tmp_path):
    (tmp_path / "2008.toml").write_text(YEAR_2008, encoding="utf-8")
    env = {"SERGUR_YEARS_DIR": str(tmp_path)}
    near_miss = str(EXAMPLES / "near-miss.json")

    done = sergur("score", near_miss, "--year", "2008", "--format", "json", env=env)
    unknown = sergur("score", near_miss, "--year", "2011", env=env)

    assert done.returncode == 0
    assert json_lines(done.stdout)[0]["decision"]["code"] == "L"
    assert unknown.returncode == 2 and "known: 2007, 2008" in unknown.stderr


def test_validate_exit_codes():
    valid = sergur("validate", str(EXAMPLES / "counselor.json"))
    invalid = sergur("validate", str(EXAMPLES / "invalid.json"), "--lang", "en")

    assert (valid.returncode, valid.stdout, valid.stderr) == (0, "", "1 sah, 0 tidak sah\n")
    assert invalid.returncode == 1
    assert "teacher.role:" in invalid.stdout
    assert invalid.stderr == "0 valid, 1 invalid\n"


def test_schema_exits_0_with_the_schema():
    done = sergur("schema")

    assert done.returncode == 0
    assert json.loads(done.stdout)["$id"] == "sergur.portfolio/1"


def test_closed_pipe_stops_quietly(tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_text((compact("near-miss.json") + "\n") * 2000, encoding="utf-8")
    command = (
        f"{shlex.quote(str(SCRIPT))} score {shlex.quote(str(big))} --format json | head -1; "
        'echo "sergur exit ${PIPESTATUS[0]}" >&2'
    )

    done = subprocess.run(
        command,
        shell=True,  # nosec B602 # the test's own shell pipeline
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    [line] = done.stdout.splitlines()
    assert_valid_result(json.loads(line))
    assert "Traceback" not in done.stderr
    assert "BrokenPipeError" not in done.stderr
    assert "Exception ignored" not in done.stderr
    *noise, last = done.stderr.splitlines()
    assert noise == []
    assert last in ("sergur exit 0", "sergur exit 141")  # quiet stop, or killed by SIGPIPE
