"""`sergur quota`: counts per district and level + the national target → the allocation CSV."""

from __future__ import annotations

import csv
import io
import os
import random
import subprocess  # nosec B404 # the tests run the command as a user does
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sergur.cli.tests.support import EXAMPLES, YEAR_2008, run, usage_error
from sergur.rules.selection.quota import allocate_nation

Feed = Callable[[bytes], None]
COUNTS = EXAMPLES / "selection" / "counts.csv"
HEADER = "province,district,school_level,eligible"
OUT_HEADER = ["province", "district", "school_level", "eligible", "quota"]
SCRIPT = Path(sys.executable).parent / "sergur"

# DI Yogyakarta (34): the 2007 slide's Bantul example (docs/sources/domain.md §4.4).
DIY = """\
province,district,school_level,eligible
34,01,SD,7412
34,02,SD,4427
34,02,SMP,2870
34,02,SMA,1630
34,02,SMK,2219
34,02,SLB,370
34,03,SD,10985
34,04,SD,16204
34,71,SD,9409
"""


def table(text: str) -> list[list[str]]:
    """The CSV output as rows of cells; the header must be the documented one."""
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == OUT_HEADER
    return rows[1:]


def quotas(text: str) -> dict[tuple[str, str, str], tuple[int, int]]:
    """{(province, district, level): (eligible, quota)} of every output row."""
    return {(p, d, lv): (int(e), int(q)) for p, d, lv, e, q in table(text)}


def write(tmp_path: Path, text: str, name: str = "counts.csv") -> str:
    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    return str(file)


def expected(path: Path | str, target: int) -> dict[tuple[str, str, str], int]:
    """What the rules core itself says for the file (the command adds nothing of its own)."""
    with open(path, encoding="utf-8") as handle:
        counts = {
            (r["province"], r["district"], r["school_level"]): int(r["eligible"])
            for r in csv.DictReader(handle)
        }
    return allocate_nation(target, counts)


# -- the allocation ----------------------------------------------------------------------------
def test_sample_file_prints_the_allocation_of_the_rules_core(capsys):
    result = run(capsys, "quota", str(COUNTS), "--target", "8428")

    assert result.status == 0
    assert result.err == ""
    rows = quotas(result.out)
    levels = {key: value for key, value in rows.items() if key[2]}
    assert {key: q for key, (_e, q) in levels.items()} == expected(COUNTS, 8428)
    assert sum(q for _e, q in levels.values()) == 8428
    assert rows[("", "", "")] == (111_052, 8428)


def test_bantul_example_of_the_2007_slides(capsys):
    # Nation 111,052 of which DI Yogyakarta 55,526: half of 8,428 is the province's 4,214.
    result = run(capsys, "quota", str(COUNTS), "--target", "8428")

    rows = quotas(result.out)
    assert rows[("34", "", "")] == (55_526, 4214)
    assert rows[("34", "02", "")] == (11_516, 874)  # 11,516 / 55,526 x 4,214 = 873.97
    assert rows[("34", "02", "SD")] == (4427, 336)  # 4,427 / 11,516 x 874 = 335.99


def test_bantul_with_the_province_alone(capsys, tmp_path):
    result = run(capsys, "quota", write(tmp_path, DIY), "--target", "4214")

    rows = quotas(result.out)
    assert result.status == 0
    assert rows[("34", "02", "")] == (11_516, 874)
    assert rows[("34", "02", "SD")] == (4427, 336)
    assert sum(q for (_p, _d, level), (_e, q) in rows.items() if level) == 4214


def test_total_rows_add_up_their_parts_and_come_first(capsys):
    rows = table(run(capsys, "quota", str(COUNTS), "--target", "8428").out)

    keys = [(p, d, lv) for p, d, lv, _e, _q in rows]
    order = ("", "SD", "SMP", "SMA", "SMK", "SLB")
    assert keys == sorted(keys, key=lambda k: (k[0], k[1], order.index(k[2])))
    values = {(p, d, lv): (int(e), int(q)) for p, d, lv, e, q in rows}
    for (province, district, level), (eligible, quota) in values.items():
        if level:
            continue
        parts = [
            v
            for k, v in values.items()
            if k != (province, district, level)
            and (not province or k[0] == province)
            and (not district or k[1] == district)
            and k[2]
        ]
        assert sum(e for e, _q in parts) == eligible
        assert sum(q for _e, q in parts) == quota
    assert rows[0][:3] == ["", "", ""]
    assert rows[1][:3] == ["15", "", ""]
    assert rows[2][:3] == ["15", "03", ""]


def test_shuffled_input_gives_the_same_output(capsys, tmp_path):
    lines = COUNTS.read_text(encoding="utf-8").splitlines()
    body = lines[1:]
    random.Random(7).shuffle(body)  # nosec B311 # a seeded shuffle of test rows
    original = run(capsys, "quota", str(COUNTS), "--target", "8428")
    file = write(tmp_path, "\n".join([lines[0], *body]))

    shuffled = run(capsys, "quota", file, "--target", "8428")

    assert shuffled == original


def test_lang_changes_messages_not_the_csv(capsys):
    indonesian = run(capsys, "quota", str(COUNTS), "--target", "500")
    english = run(capsys, "quota", str(COUNTS), "--target", "500", "--lang", "en")

    assert indonesian == english


def test_target_zero_gives_zero_everywhere(capsys):
    result = run(capsys, "quota", str(COUNTS), "--target", "0")

    assert result.status == 0
    assert {q for _e, q in quotas(result.out).values()} == {0}


def test_year_is_checked_and_a_years_dir_year_accepted(capsys, monkeypatch, tmp_path):
    year_2008 = (Path(__file__).parents[2] / "rules" / "years" / "2007.toml").read_text("utf-8")
    (tmp_path / "2008.toml").write_text(year_2008.replace("year = 2007", "year = 2008"), "utf-8")
    monkeypatch.setenv("SERGUR_YEARS_DIR", str(tmp_path))

    known = run(capsys, "quota", str(COUNTS), "--target", "10", "--year", "2008")
    unknown = run(capsys, "quota", str(COUNTS), "--target", "10", "--year", "2010")

    assert known.status == 0
    assert unknown.status == 2
    assert unknown.out == ""
    assert "programme year 2010 is not configured (known: 2007, 2008, 2012)" in unknown.err


def test_year_file_without_a_selection_section_exits_2(capsys, monkeypatch, tmp_path):
    (tmp_path / "2008.toml").write_text(YEAR_2008, encoding="utf-8")
    monkeypatch.setenv("SERGUR_YEARS_DIR", str(tmp_path))

    result = run(capsys, "quota", str(COUNTS), "--target", "10", "--year", "2008")

    assert result.status == 2
    assert "[selection] section is missing" in result.err


# -- reading the file ----------------------------------------------------------------------------
def test_lenient_where_it_is_safe(capsys, tmp_path):
    text = (
        "\ufeffProvince , DISTRICT,school_level,eligible,name\r\n"
        "34,02, sd ,4427,Bantul\r\n"
        "\r\n"
        ",,,\r\n"
        "34,02,Smp,2870,Bantul\r\n"
    )

    result = run(capsys, "quota", write(tmp_path, text), "--target", "100")

    assert result.status == 0
    rows = quotas(result.out)
    assert rows[("34", "02", "SD")] == (4427, 61)
    assert rows[("34", "02", "SMP")] == (2870, 39)


def test_stdin(capsys, stdin: Feed):
    stdin(DIY.encode())

    result = run(capsys, "quota", "-", "--target", "4214")

    assert result.status == 0
    assert quotas(result.out)[("34", "02", "")] == (11_516, 874)


def test_output_file(capsys, tmp_path):
    target = tmp_path / "quota.csv"

    result = run(capsys, "quota", str(COUNTS), "--target", "8428", "--output", str(target))
    stdout = run(capsys, "quota", str(COUNTS), "--target", "8428")

    assert (result.status, result.out, result.err) == (0, "", "")
    assert target.read_text(encoding="utf-8") == stdout.out


# -- bad rows: exit 1, nothing printed -----------------------------------------------------------
BAD_ROWS = [
    ("34,02,PAUD,10", "line 2, column school_level: unknown school level 'PAUD'"),
    ("34,02,SD,-5", "line 2, column eligible: must be a whole number, 0 or more"),
    ("34,02,SD,1.5", "line 2, column eligible: must be a whole number"),
    ("34,02,SD,11.516", "line 2, column eligible: must be a whole number"),
    ("34,02,SD,", "line 2, column eligible: the cell is empty"),
    ("34,02,SD", "line 2, column eligible: the cell is empty"),
    ("3,02,SD,10", "line 2, column province: must be a two-digit code such as 34, not '3'"),
    ("34,2a,SD,10", "line 2, column district: must be a two-digit code"),
    ("34,٠٢,SD,10", "line 2, column district: must be a two-digit code"),
]


@pytest.mark.parametrize(("row", "says"), BAD_ROWS)
def test_a_bad_row_refuses_the_file(capsys, tmp_path, row, says):
    text = f"{HEADER}\n{row}\n34,01,SD,7412\n"

    result = run(capsys, "quota", write(tmp_path, text), "--target", "10", "--lang", "en")

    assert result.status == 1
    assert result.out == ""
    assert says in result.err
    assert "nothing written" in result.err
    assert "Traceback" not in result.err


def test_every_bad_row_is_reported_with_its_line(capsys, tmp_path):
    text = f"{HEADER}\n34,01,SD,7412\n\n34,02,SX,-1\n34,01,SD,5\n34,02,SMP,2870\n"
    file = write(tmp_path, text)

    result = run(capsys, "quota", file, "--target", "10", "--lang", "en")

    assert result.status == 1
    assert result.out == ""
    assert result.err.splitlines() == [
        f"{file}: line 4, column school_level: unknown school level 'SX'; "
        "choose one of: TK, TKLB, SD, SMP, SMA, SMK, SLB",
        f"{file}: line 4, column eligible: must be a whole number, 0 or more, without thousands "
        "separators, not '-1'",
        f"{file}: line 5: 34 01 SD is already on line 2",
        "sergur quota: 3 problem(s); nothing written. Fix the file and run again.",
    ]


def test_bad_rows_in_indonesian(capsys, tmp_path):
    text = f"{HEADER}\n34,01,SD,7412\n34,01,SD,5\n"

    result = run(capsys, "quota", write(tmp_path, text), "--target", "10")

    assert result.status == 1
    assert "baris 3: 34 01 SD sudah ada di baris 2" in result.err
    assert "tidak ada yang ditulis" in result.err


def test_bad_rows_write_no_output_file(capsys, tmp_path):
    target = tmp_path / "quota.csv"
    file = write(tmp_path, f"{HEADER}\n34,01,XX,1\n")

    result = run(capsys, "quota", file, "--target", "10", "--output", str(target))

    assert result.status == 1
    assert not target.exists()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "the file is empty"),
        ("\n\n", "the file is empty"),
        (f"{HEADER}\n", "no data rows"),
        ("province,district,level,count\n34,01,SD,1\n", "missing columns: school_level, eligible"),
        (
            "province,district,school_level,eligible,eligible\n34,01,SD,1,2\n",
            "line 1, column eligible: column eligible twice",
        ),
        (f'{HEADER}\n34,01,SD,"12\n', "line 2: broken CSV"),
    ],
)
def test_unusable_files_exit_1(capsys, tmp_path, text, says):
    result = run(capsys, "quota", write(tmp_path, text), "--target", "10", "--lang", "en")

    assert result.status == 1
    assert result.out == ""
    assert says in result.err


def test_not_utf8_names_the_line(capsys, tmp_path):
    file = tmp_path / "counts.csv"
    file.write_bytes(f"{HEADER}\n34,01,SD,1\n34,02,SD,2 \xe9\n".encode("latin-1"))

    result = run(capsys, "quota", str(file), "--target", "1", "--lang", "en")

    assert result.status == 1
    assert f"{file}: line 3: the file is not UTF-8 text" in result.err


def test_huge_line_stops_the_read(capsys, tmp_path):
    file = write(tmp_path, f"{HEADER}\n34,01,SD,{'9' * 100_000}\n")

    result = run(capsys, "quota", file, "--target", "1", "--lang", "en")

    assert result.status == 1
    assert "line 2: the line is longer than 65536 bytes" in result.err


def test_target_larger_than_the_teachers(capsys, tmp_path):
    result = run(capsys, "quota", write(tmp_path, DIY), "--target", "60000", "--lang", "en")

    assert result.status == 1
    assert result.out == ""
    assert "the target 60000 exceeds the eligible teachers in the file (55526)" in result.err


def test_nobody_eligible(capsys, tmp_path):
    result = run(capsys, "quota", write(tmp_path, f"{HEADER}\n34,01,SD,0\n"), "--target", "5")

    assert result.status == 1
    assert "target 5 tidak dapat dibagi" in result.err


# -- unreadable input and bad usage: exit 2 ------------------------------------------------------
def test_missing_file_exits_2(capsys, tmp_path):
    missing = tmp_path / "nowhere.csv"

    result = run(capsys, "quota", str(missing), "--target", "10")

    assert (result.status, result.out) == (2, "")
    assert result.err == f"sergur: {missing}: No such file or directory\n"


def test_folder_exits_2(capsys, tmp_path):
    result = run(capsys, "quota", str(tmp_path), "--target", "10")

    assert result.status == 2
    assert "is a folder, not a CSV file" in result.err


def test_unwritable_output_exits_2(capsys, tmp_path):
    target = tmp_path / "no" / "such" / "folder.csv"

    result = run(capsys, "quota", str(COUNTS), "--target", "10", "--output", str(target))

    assert (result.status, result.out) == (2, "")
    assert f"sergur: {target}: No such file or directory" in result.err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["quota"], "required: path"),
        (["quota", "x.csv"], "required: --target"),
        (["quota", "x.csv", "--target", "-3"], "must be a whole number, 0 or more, not '-3'"),
        (["quota", "x.csv", "--target", "many"], "not 'many'"),
        (["quota", "x.csv", "--target", "1", "--lang", "fr"], "invalid choice: 'fr'"),
    ],
)
def test_bad_usage_exits_2(capsys, argv, says):
    result = usage_error(capsys, *argv)

    assert result.status == 2
    assert result.out == ""
    assert says in result.err


# -- property: level quotas always add up to the target, as the rules core says -----------------
@settings(max_examples=60, deadline=None)
@given(
    counts=st.dictionaries(
        st.tuples(
            st.sampled_from(["11", "34", "64"]),
            st.sampled_from(["01", "02", "71"]),
            st.sampled_from(["SD", "SMP", "SMA", "SMK", "SLB"]),
        ),
        st.integers(0, 50_000),
        min_size=1,
        max_size=20,
    ),
    share=st.floats(0, 1),
)
def test_any_file_adds_up_to_the_target(counts, share):
    total = sum(counts.values())
    target = int(total * share)
    body = "".join(f"{p},{d},{lv},{n}\n" for (p, d, lv), n in counts.items())
    stream = io.BytesIO(f"{HEADER}\n{body}".encode())
    out = io.BytesIO()

    from argparse import Namespace

    from sergur.cli.quota import run_quota

    args = Namespace(path="counts.csv", target=target, year=2007, lang="en", output=None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sergur.cli.quota.open_input", lambda _path: stream)
        status = run_quota(args, out, ())

    if total == 0 and target:
        assert status == 1
        return
    assert status == 0
    rows = quotas(out.getvalue().decode())
    assert sum(q for (_p, _d, level), (_e, q) in rows.items() if level) == target
    assert rows[("", "", "")] == (total, target)
    assert {k: q for k, (_e, q) in rows.items() if k[2]} == allocate_nation(target, counts)


# -- the console script --------------------------------------------------------------------------
script = pytest.mark.skipif(not SCRIPT.is_file(), reason=f"no console script at {SCRIPT}")


def sergur(*argv: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "SERGUR_YEARS_DIR"}
    done = subprocess.run(  # nosec B603 # the installed command, fixed arguments
        [str(SCRIPT), *argv], capture_output=True, text=True, env=environ, timeout=120, check=False
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


@script
def test_script_exit_codes(tmp_path):
    good = sergur("quota", str(COUNTS), "--target", "8428")
    bad = sergur("quota", write(tmp_path, f"{HEADER}\n34,01,SD,x\n"), "--target", "1")
    missing = sergur("quota", str(tmp_path / "nowhere.csv"), "--target", "1")
    usage = sergur("quota", str(COUNTS))

    assert good.returncode == 0
    assert "34,02,,11516,874\n34,02,SD,4427,336\n" in good.stdout
    assert (bad.returncode, bad.stdout) == (1, "")
    assert (missing.returncode, missing.stdout) == (2, "")
    assert (usage.returncode, usage.stdout) == (2, "")


def test_kindergarten_levels_are_shared_out_and_sorted_first(capsys, tmp_path):
    """Seed 003, the identity page, item 10: "Mata Pelajaran/Guru Kelas TK/TKLB/SD/SDLB"."""
    counts = tmp_path / "counts.csv"
    counts.write_text(
        "province,district,school_level,eligible\n34,02,SD,5\n34,02,tklb,1\n34,02,TK,4\n",
        "utf-8",
    )

    result = run(capsys, "quota", str(counts), "--target", "10")

    assert result.status == 0
    assert result.out.splitlines()[-3:] == ["34,02,TK,4,4", "34,02,TKLB,1,1", "34,02,SD,5,5"]
