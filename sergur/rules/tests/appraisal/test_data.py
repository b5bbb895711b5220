"""Instruments and year figures as data: every shipped file reads, a bad file names itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from sergur.rules.appraisal import InstrumentError, appraisal_params, instrument, instruments
from sergur.rules.appraisal.instruments import latest_instruments, parse_instrument
from sergur.rules.appraisal.params import parse_params, rank_steps
from sergur.rules.development import development_params
from sergur.rules.programme import ProgrammeYearError

GOOD_INSTRUMENT = """
key = "mine"
version = {version}
kind = "teacher"
name_id = "Milik"
name_en = "Mine"
source = "docs/pkg.md"
credit = "teaching"
[[competencies]]
key = "a"
domain = ""
name_id = "A"
name_en = "A"
method = "observation"
indicators = 2
"""


def test_the_shipped_instruments_and_their_maxima():
    maxima = {i.key: i.maximum for i in latest_instruments()}
    assert maxima == {
        "pkg-teacher": 56,
        "pkg-counsellor": 68,
        "pkg-principal": 24,
        "pkg-vice-principal": 20,
        "pkg-head-programme": 32,
        "pkg-head-library": 40,
        "pkg-head-lab": 28,
        "work-aspects": 40,
    }
    teacher = instrument("pkg-teacher", 1)
    assert teacher.name("en").startswith("Performance appraisal")
    assert teacher.name("id").startswith("Penilaian")
    assert (
        teacher.competency("14").name("en") == "Develops professionalism through reflective action"
    )
    assert teacher.competency("14").name("id").startswith("Mengembangkan")
    with pytest.raises(InstrumentError):
        teacher.competency("15")


def test_an_instrument_is_added_without_code(tmp_path: Path):
    folder = tmp_path / "appraisal" / "instruments"
    folder.mkdir(parents=True)
    (folder / "mine-1.toml").write_text(GOOD_INSTRUMENT.format(version=1), encoding="utf-8")
    (folder / "mine-2.toml").write_text(GOOD_INSTRUMENT.format(version=2), encoding="utf-8")
    assert instrument("mine", None, (tmp_path,)).version == 2
    assert instrument("mine", 1, (tmp_path,)).maximum == 4
    assert ("mine", 2) in instruments((tmp_path,))
    with pytest.raises(InstrumentError, match="no appraisal instrument mine v3"):
        instrument("mine", 3, (tmp_path,))
    with pytest.raises(InstrumentError, match="no appraisal instrument nothing"):
        instrument("nothing")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('kind = "teacher"', 'kind = "robot"'), "'kind' must be one of"),
        (('credit = "teaching"', 'credit = "gold"'), "'credit' must be one of"),
        (('name_en = "Mine"', "name_en = 3"), "'name_en' must be a text"),
        (("version = 1", "version = 0"), "'version' must be a whole number"),
        (("indicators = 2", "indicators = true"), "'indicators' must be a whole number"),
        (("[[competencies]]", "provisional = 1\n[[competencies]]"), "'provisional' must be"),
        (("[[competencies]]", "competencies = [1]\n[[x]]"), "must be a table"),
        (("[[competencies]]", "[[none]]"), "at least one"),
        (('key = "a"', 'key = "a"\n[[competencies]]\nkey = "a"'), "must be a text|same key"),
    ],
)
def test_a_bad_instrument_names_the_file_and_the_key(tmp_path: Path, change, message):
    path = tmp_path / "bad.toml"
    path.write_text(
        GOOD_INSTRUMENT.format(version=1).replace(change[0], change[1], 1), encoding="utf-8"
    )
    with pytest.raises(InstrumentError, match=message):
        parse_instrument(path)


def test_two_competencies_with_one_key_are_refused(tmp_path: Path):
    text = GOOD_INSTRUMENT.format(version=1)
    block = text[text.index("[[competencies]]") :]
    path = tmp_path / "twice.toml"
    path.write_text(text + block, encoding="utf-8")
    with pytest.raises(InstrumentError, match="same key"):
        parse_instrument(path)


YEAR = (Path(__file__).parents[2] / "years" / "appraisal" / "2013.toml").read_text(encoding="utf-8")


def test_the_figures_of_a_year_apply_until_a_later_file():
    assert appraisal_params(2013).year == 2013
    assert appraisal_params(2030).year == 2013
    with pytest.raises(ProgrammeYearError, match="no appraisal figures for 2012"):
        appraisal_params(2012)
    params = appraisal_params(2013)
    assert params.category("AB").name("id") == "Amat Baik"
    assert params.category("K").name("en") == "Poor"
    assert params.step("IV/e") is None


def test_a_later_year_file_in_an_extra_folder_wins(tmp_path: Path):
    folder = tmp_path / "appraisal"
    folder.mkdir()
    (folder / "2020.toml").write_text(YEAR.replace("year = 2013", "year = 2020"), encoding="utf-8")
    (folder / "notes.toml").write_text("", encoding="utf-8")
    assert appraisal_params(2021, (tmp_path,)).year == 2020


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("upto = 100", "upto = 90"), "rise and end at 100"),
        (("from = 0", "from = 1"), "fall from the best and end at 0"),
        (('name_en = "Poor"', "name_en = 1"), "'name_id' and 'name_en'"),
        (("hours_ratio_cap = 1", 'hours_ratio_cap = "x"'), "'hours_ratio_cap' must be"),
        (("required_hours = 24", "required_hours = 0"), "'required_hours' must be"),
        (("zero_value = 1", "zero_value = true"), "'zero_value' must be"),
    ],
)
def test_a_bad_year_file_names_the_file_and_the_key(tmp_path: Path, change, message):
    path = tmp_path / "2013.toml"
    path.write_text(YEAR.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(ProgrammeYearError, match=message):
        parse_params(path)


def test_a_year_without_its_sections_is_refused(tmp_path: Path):
    path = tmp_path / "2013.toml"
    path.write_text("year = 2013\n[credit]\n", encoding="utf-8")
    with pytest.raises(ProgrammeYearError, match=r"\[scoring\] section is missing"):
        parse_params(path)


def test_a_year_without_conversion_bands_is_refused(tmp_path: Path):
    path = tmp_path / "2013.toml"
    path.write_text(YEAR.replace("[[scoring.conversion]]", "[[scoring.other]]"), encoding="utf-8")
    with pytest.raises(ProgrammeYearError, match=r"\[\[conversion\]\]"):
        parse_params(path)


def test_the_promotion_steps_are_the_one_pkb_table():
    """docs/sources/domain.md §7.3 is kept once, in years/development/: the PKG reads it."""
    steps = appraisal_params(2030).steps
    pkb = development_params(2030).steps
    assert [(s.rank, s.to, s.cumulative, s.akk, s.pd, s.piki, s.akp) for s in steps] == [
        (p.from_rank, p.to_rank, *(int(v) for v in (p.cumulative, p.akk, p.pd, p.pi_ki, p.akp)))
        for p in pkb
    ]
    step = appraisal_params(2013).step("III/b")
    assert step is not None and (step.akk, step.akpkb, step.akp) == (50, 7, 5)


def test_a_step_in_part_credits_is_refused(tmp_path: Path):
    shipped = Path(__file__).parents[2] / "years" / "development" / "2013.toml"
    later = tmp_path / "development"
    later.mkdir()
    text = shipped.read_text(encoding="utf-8").replace("year = 2013", "year = 2040", 1)
    (later / "2040.toml").write_text(text.replace("akp = 5\n", "akp = 5.5\n", 1), encoding="utf-8")
    with pytest.raises(ProgrammeYearError, match="III/a -> III/b of 2041 is not in whole"):
        rank_steps(2041, (tmp_path,))
