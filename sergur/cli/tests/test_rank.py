"""`sergur rank`: a teacher CSV in the import layout → eligibility, reasons and rank as CSV."""

from __future__ import annotations

import csv
import io
import os
import random
import shlex
import subprocess  # nosec B404 # the tests run the command as a user does
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sergur.cli.tests.support import EXAMPLES, run, usage_error
from sergur.rules.selection.eligibility import check
from sergur.rules.selection.layout import ISO, DateFormat, ParsedRow, RowChecker
from sergur.rules.selection.params import selection_params
from sergur.rules.selection.ranking import rank
from sergur.tabular.readers import read_csv

Feed = Callable[[bytes], None]
FOLDER = EXAMPLES / "selection"
TEACHERS = FOLDER / "teachers.csv"
WITH_ERRORS = FOLDER / "teachers-with-errors.csv"
SEED_003 = FOLDER / "seed-003-teachers.csv"
HEADER = [
    "rank",
    "nuptk",
    "name",
    "eligible",
    "reasons",
    "service_months",
    "birth_date",
    "golongan",
    "teaching_hours",
    "additional_duty",
    "achievement",
]
SCRIPT = Path(sys.executable).parent / "sergur"


def table(text: str) -> list[dict[str, str]]:
    """The CSV output as one dict a teacher; the header must be the documented one."""
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == HEADER
    return [dict(zip(HEADER, row, strict=True)) for row in rows[1:]]


def lines(path: Path) -> tuple[str, list[str]]:
    header, *body = path.read_text(encoding="utf-8").splitlines()
    return header, body


def write(tmp_path: Path, header: str, body: list[str], name: str = "teachers.csv") -> str:
    file = tmp_path / name
    file.write_text("\n".join([header, *body]) + "\n", encoding="utf-8")
    return str(file)


def direct(path: Path, date_format: DateFormat = ISO) -> list[tuple[str, str, bool, int | None]]:
    """(nuptk, name, eligible, position) as the rules core gives them, without the command."""
    params = selection_params(2007)
    checker = RowChecker(date_format=date_format)
    parsed = [checker.check(line, row) for line, row in read_csv(path)]
    candidates = [p.to_candidate() for p in parsed if isinstance(p, ParsedRow)]
    eligible = [c for c in candidates if check(c, params).eligible]
    ineligible = [c for c in candidates if not check(c, params).eligible]
    out: list[tuple[str, str, bool, int | None]] = [
        (r.candidate.nuptk, r.candidate.name, True, r.position) for r in rank(eligible, params)
    ]
    out += [(r.candidate.nuptk, r.candidate.name, False, None) for r in rank(ineligible, params)]
    return out


# -- the ranking ---------------------------------------------------------------------------------
def test_sample_file_ranks_the_eligible_and_explains_the_others(capsys):
    result = run(capsys, "rank", str(TEACHERS), "--lang", "en")

    assert result.status == 0
    assert result.err == (
        "sergur rank: 12 eligible and ranked, 8 not eligible, 0 invalid row(s) (not ranked)\n"
    )
    rows = table(result.out)
    assert len(rows) == 20
    eligible = [r for r in rows if r["eligible"] == "yes"]
    others = [r for r in rows if r["eligible"] == "no"]
    assert [r["rank"] for r in eligible] == [str(n) for n in range(1, 13)]
    assert all(r["reasons"] == "" for r in eligible)
    assert len(others) == 8
    assert all(r["rank"] == "" and r["reasons"] for r in others)
    assert rows[: len(eligible)] == eligible  # the ranked first, then the others


def test_same_results_as_the_rules_core(capsys):
    rows = table(run(capsys, "rank", str(TEACHERS)).out)

    got = [
        (r["nuptk"], r["name"], r["eligible"] == "ya", int(r["rank"]) if r["rank"] else None)
        for r in rows
    ]
    assert got == direct(TEACHERS)


def test_factors_are_the_years_keys_in_order(capsys):
    rows = {r["name"]: r for r in table(run(capsys, "rank", str(TEACHERS)).out)}

    budi = rows["Drs. H. Budi Santoso"]
    assert budi["rank"] == "1"  # the longest service, counted from the appointment
    assert (budi["service_months"], budi["birth_date"], budi["golongan"]) == (
        "310",
        "1958-08-17",
        "IV/a",
    )
    assert (budi["teaching_hours"], budi["additional_duty"], budi["achievement"]) == (
        "18",
        "3",
        "0",
    )
    siti = rows["Siti Aminah, S.Pd."]
    assert siti["golongan"] == ""  # non-PNS without inpassing: no rank that counts


def test_equal_keys_are_broken_by_nuptk(capsys):
    rows = {r["name"]: r for r in table(run(capsys, "rank", str(TEACHERS)).out)}

    rina, rini = rows["Rina Wulandari, S.Pd."], rows["Rini Wulandari, S.Pd."]
    assert [rina[k] for k in HEADER[5:]] == [rini[k] for k in HEADER[5:]]
    assert rina["nuptk"] < rini["nuptk"]
    assert int(rina["rank"]) + 1 == int(rini["rank"])


def test_reasons_are_all_listed_and_joined(capsys):
    rows = {r["name"]: r for r in table(run(capsys, "rank", str(TEACHERS), "--lang", "en").out)}

    teguh = rows["Teguh Santosa"]["reasons"].split(" | ")
    assert len(teguh) == 4
    assert teguh[0].startswith("Not a teacher on 30 Dec 2005")
    assert teguh[-1] == "Already certified."
    assert rows["Sukardi"]["reasons"] == (
        "Retired on 1 Jan 2008: aged 60 on 5 May 2007, retired from 1 Jun 2007; every teacher "
        "not yet retired may take part. | Education D2: participants must hold at least an S-1 "
        "or D-IV degree."
    )


def test_shuffled_input_gives_the_same_output(capsys, tmp_path):
    header, body = lines(TEACHERS)
    original = run(capsys, "rank", str(TEACHERS))
    for seed in range(3):
        random.Random(seed).shuffle(body)  # nosec B311 # a seeded shuffle of test rows

        shuffled = run(capsys, "rank", write(tmp_path, header, body))

        assert shuffled == original


def test_lang_translates_words_not_the_order(capsys):
    indonesian = table(run(capsys, "rank", str(TEACHERS)).out)
    english = table(run(capsys, "rank", str(TEACHERS), "--lang", "en").out)

    assert [r["nuptk"] for r in indonesian] == [r["nuptk"] for r in english]
    assert {r["eligible"] for r in indonesian} == {"ya", "tidak"}
    assert {r["eligible"] for r in english} == {"yes", "no"}
    sukardi = next(r for r in indonesian if r["name"] == "Sukardi")
    assert sukardi["reasons"].startswith("Sudah pensiun pada 1 Januari 2008")


def test_as_of_moves_the_counting_day(capsys):
    default = {r["name"]: r for r in table(run(capsys, "rank", str(TEACHERS), "--lang", "en").out)}
    later = run(capsys, "rank", str(TEACHERS), "--lang", "en", "--as-of", "2009-06-30")
    rows = {r["name"]: r for r in table(later.out)}

    budi = "Drs. H. Budi Santoso"
    assert int(rows[budi]["service_months"]) == int(default[budi]["service_months"]) + 17
    # An honorer with 23 months of service on 1 Jan 2008 has the 2 years by mid-2009.
    yusuf = "Yusuf Hidayat, S.Pd."
    before = {r["name"]: r for r in table(run(capsys, "rank", str(SEED_003), "--lang", "en").out)}
    after = run(capsys, "rank", str(SEED_003), "--lang", "en", "--as-of", "2009-06-30")
    assert before[yusuf]["eligible"] == "no"
    assert {r["name"]: r for r in table(after.out)}[yusuf]["eligible"] == "yes"


def test_day_month_year_dates(capsys, tmp_path):
    header, body = lines(TEACHERS)
    converted = []
    for line in body:
        cells = next(csv.reader([line]))
        cells = [
            f"{c[8:10]}/{c[5:7]}/{c[0:4]}" if len(c) == 10 and c[4] == c[7] == "-" else c
            for c in cells
        ]
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(cells)
        converted.append(out.getvalue())
    file = write(tmp_path, header, converted)

    dmy = run(capsys, "rank", file, "--date-format", "dmy")
    iso = run(capsys, "rank", str(TEACHERS))
    wrong = run(capsys, "rank", file, "--lang", "en")

    assert dmy == iso
    assert wrong.status == 1
    assert "use the format YYYY-MM-DD" in wrong.err
    assert table(wrong.out) == []


def test_stdin(capsys, stdin: Feed):
    stdin(TEACHERS.read_bytes())

    result = run(capsys, "rank", "-")

    assert result == run(capsys, "rank", str(TEACHERS))


def test_output_file(capsys, tmp_path):
    target = tmp_path / "ranked.csv"

    result = run(capsys, "rank", str(TEACHERS), "--output", str(target))

    assert result.status == 0
    assert result.out == ""
    assert target.read_text(encoding="utf-8") == run(capsys, "rank", str(TEACHERS)).out


def test_formula_in_a_name_is_shown_as_text(capsys, tmp_path):
    header, body = lines(TEACHERS)
    body[0] = body[0].replace('"Dra. Sri Rahayu, M.Pd."', '"=HYPERLINK(""http://x"")"')

    rows = table(run(capsys, "rank", write(tmp_path, header, body)).out)

    assert '\'=HYPERLINK("http://x")' in [r["name"] for r in rows]


# -- invalid rows: reported, not ranked, exit 1 --------------------------------------------------
def test_invalid_rows_go_to_stderr_and_the_rest_is_ranked(capsys):
    result = run(capsys, "rank", str(WITH_ERRORS), "--lang", "en")

    assert result.status == 1
    rows = table(result.out)
    assert [(r["rank"], r["name"]) for r in rows] == [
        ("1", "Dra. Sri Rahayu, M.Pd."),
        ("2", "Bambang Priyanto, S.Pd."),
        ("3", "Muhammad Ridwan, S.Ag."),
    ]
    source = str(WITH_ERRORS)
    assert result.err.splitlines() == [
        f"{source}: line 3, column TANGGAL_LAHIR: The date TANGGAL_LAHIR “05/01/1972” is not "
        "valid; use the format YYYY-MM-DD.",
        f"{source}: line 4, column PENDIDIKAN: The value PENDIDIKAN “S-1” is not valid; choose "
        "one of: SMA, D1, D2, D3, S1, D4, S2, S3.",
        f"{source}: line 4, column JAM_MENGAJAR: The value JAM_MENGAJAR “70” must be a whole "
        "number from 0 to 60.",
        f"{source}: line 5, column NUPTK: This NUPTK already appears on line 2 of this file.",
        f"{source}: line 6, column NAMA_DAPODIK: warning: The NUPTK name “Bambang Priyanto, "
        "S.Pd.” differs from the Dapodik name “Bambang Priyono”.",
        f"{source}: line 7, column STATUS_KEPEGAWAIAN: The value STATUS_KEPEGAWAIAN “KONTRAK” is "
        "not valid; choose one of: PNS, CPNS, NON PNS, NON-PNS, NONPNS, GTY, GTT, HONORER.",
        "sergur rank: 3 eligible and ranked, 0 not eligible, 4 invalid row(s) (not ranked)",
    ]


def test_invalid_rows_in_indonesian(capsys):
    result = run(capsys, "rank", str(WITH_ERRORS))

    assert result.status == 1
    assert "baris 5, kolom NUPTK: NUPTK ini sudah ada di baris 2 berkas ini." in result.err
    assert "4 baris tidak sah (tidak diperingkat)" in result.err


def test_a_warning_alone_keeps_exit_0(capsys, tmp_path):
    header, body = lines(WITH_ERRORS)

    result = run(capsys, "rank", write(tmp_path, header, [body[0], body[4]]), "--lang", "en")

    assert result.status == 0
    assert "warning: The NUPTK name" in result.err
    assert len(table(result.out)) == 2


def test_unknown_column_is_a_warning(capsys, tmp_path):
    header, body = lines(TEACHERS)

    body = [line + ",pindahan" for line in body]

    result = run(capsys, "rank", write(tmp_path, header + ",CATATAN", body), "--lang", "en")

    assert result.status == 0
    assert "line 1, column CATATAN: warning: The column CATATAN is not part" in result.err
    assert len(table(result.out)) == 20


@pytest.mark.parametrize(
    ("header", "says"),
    [
        ("NAMA,TANGGAL_LAHIR", "The required column NUPTK is missing from the header row."),
        ("nuptk,NAMA", "The required column TANGGAL_LAHIR is missing from the header row."),
    ],
)
def test_a_broken_header_writes_nothing(capsys, tmp_path, header, says):
    _header, body = lines(TEACHERS)

    result = run(capsys, "rank", write(tmp_path, header, body[:3]), "--lang", "en")

    assert (result.status, result.out) == (1, "")
    assert says in result.err
    assert "the file cannot be used; nothing written" in result.err


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "The file is empty: there is no header row."),
        (b"NUPTK,NAMA\n", "no data rows"),
        ("NUPTK,NAMA\n1,Andé\n".encode("latin-1"), "line 2: Line 2 is not UTF-8"),
        (b'NUPTK,NAMA\n1,"open\n', "is not valid CSV"),
        (b"NUPTK,NAMA\n" + b"1," + b"x" * 70_000 + b"\n", "longer than 65536 bytes"),
    ],
)
def test_unusable_file_exits_1_and_writes_nothing(capsys, tmp_path, data, says):
    file = tmp_path / "teachers.csv"
    file.write_bytes(data)

    result = run(capsys, "rank", str(file), "--lang", "en")

    assert (result.status, result.out) == (1, "")
    assert says in result.err
    assert "Traceback" not in result.err


def test_a_read_error_after_good_rows_ranks_nobody(capsys, tmp_path):
    file = tmp_path / "teachers.csv"
    file.write_bytes(TEACHERS.read_bytes() + "Andé\n".encode("latin-1"))

    result = run(capsys, "rank", str(file), "--lang", "en")

    assert (result.status, result.out) == (1, "")
    assert "line 22: Line 22 is not UTF-8" in result.err


# -- unreadable input and bad usage: exit 2 ------------------------------------------------------
def test_missing_file_exits_2(capsys, tmp_path):
    missing = tmp_path / "nowhere.csv"

    result = run(capsys, "rank", str(missing))

    assert (result.status, result.out) == (2, "")
    assert result.err == f"sergur: {missing}: No such file or directory\n"


@pytest.mark.parametrize("command", [["rank"], ["quota", "--target", "1"]])
def test_empty_path_exits_2(capsys, command):
    result = run(capsys, command[0], "", *command[1:])

    assert (result.status, result.out, result.err) == (2, "", "sergur: the path is empty\n")


def test_folder_exits_2(capsys, tmp_path):
    result = run(capsys, "rank", str(tmp_path))

    assert (result.status, result.out) == (2, "")
    assert result.err == f"sergur: {tmp_path}: is a folder, not a CSV file\n"


def test_unknown_year_exits_2(capsys):
    result = run(capsys, "rank", str(TEACHERS), "--year", "2099")

    assert (result.status, result.out) == (2, "")
    assert "programme year 2099 is not configured (known: 2007, 2012)" in result.err


def test_unwritable_output_exits_2(capsys, tmp_path):
    target = tmp_path / "missing" / "ranked.csv"

    result = run(capsys, "rank", str(TEACHERS), "--output", str(target))

    assert (result.status, result.out) == (2, "")
    assert "No such file or directory" in result.err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["rank"], "required: path"),
        (["rank", "x.csv", "--as-of", "1/1/2008"], "must be a date like 2008-01-01"),
        (["rank", "x.csv", "--as-of", "2008-02-30"], "must be a date like 2008-01-01"),
        (["rank", "x.csv", "--date-format", "mdy"], "invalid choice: 'mdy'"),
        (["rank", "x.csv", "--lang", "fr"], "invalid choice: 'fr'"),
    ],
)
def test_bad_usage_exits_2(capsys, argv, says):
    result = usage_error(capsys, *argv)

    assert result.status == 2
    assert result.out == ""
    assert says in result.err


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
    good = sergur("rank", str(TEACHERS), "--lang", "en")
    bad = sergur("rank", str(WITH_ERRORS))
    missing = sergur("rank", str(tmp_path / "nowhere.csv"))
    usage = sergur("rank", str(TEACHERS), "--as-of", "tomorrow")

    assert good.returncode == 0
    assert good.stdout.splitlines()[1].startswith(
        "1,3402743200020074,Drs. H. Budi Santoso,yes,,310,"
    )
    assert bad.returncode == 1 and len(bad.stdout.splitlines()) == 4
    assert (missing.returncode, missing.stdout) == (2, "")
    assert (usage.returncode, usage.stdout) == (2, "")


@script
def test_script_closed_pipe_stops_quietly(tmp_path):
    header, body = lines(TEACHERS)
    many = []
    for n in range(1000):
        for line in body:
            cells = next(csv.reader([line]))
            cells[0] = f"{int(cells[0]) + n * 37:016d}"[:16]
            cells[1] = ""  # no NIP: every row stays valid whatever the NUPTK
            cells[7] = "GTY" if cells[7] in ("PNS", "CPNS") else cells[7]
            out = io.StringIO()
            csv.writer(out, lineterminator="").writerow(cells)
            many.append(out.getvalue())
    big = write(tmp_path, header, many)
    command = (
        f"{shlex.quote(str(SCRIPT))} rank {shlex.quote(big)} | head -1; "
        'echo "sergur exit ${PIPESTATUS[0]}" >&2'
    )

    done = subprocess.run(  # nosec B602 # the test's own shell pipeline
        command, shell=True, executable="/bin/bash", capture_output=True, text=True, timeout=120
    )

    assert done.stdout.splitlines() == [",".join(HEADER)]
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr
    assert done.stderr.splitlines()[-1] in ("sergur exit 0", "sergur exit 141", "sergur exit 1")


def test_the_mismatch_columns_are_read_and_a_route_without_a_degree_field_is_refused(
    capsys, tmp_path
):
    header, body = lines(TEACHERS)
    chosen = body[0] + ",156,IJAZAH"  # a degree's field and a route: ranked as before
    alone = body[1] + ",,MENGAJAR"  # a route with nothing to choose between: invalid
    rest = [line + ",," for line in body[2:]]
    file = write(
        tmp_path, header + ",KODE_BIDANG_STUDI_IJAZAH,PILIHAN_SERTIFIKASI", [chosen, alone, *rest]
    )

    result = run(capsys, "rank", file, "--lang", "en")

    assert result.status == 1
    assert f"{file}: line 3, column PILIHAN_SERTIFIKASI: PILIHAN_SERTIFIKASI is only for" in (
        result.err
    )
    assert len(table(result.out)) == 19
