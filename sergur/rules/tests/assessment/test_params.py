"""The [assessment] section of a programme-year file."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sergur.rules.assessment.params import assessment_params, parse_assessment
from sergur.rules.programme import ProgrammeYearError

GOOD = {
    "tolerance": 30,
    "reconciliation": "joint",
    "assessor_load": 60,
    "reopen_days": 30,
    "clarification_days": 14,
    "appeal_days": 14,
    "kappa_min": "0.40",
    "flag_min_pairs": 5,
}


def data(**changes: object) -> dict[str, object]:
    section = {**GOOD, **changes}
    return {"year": 2030, "assessment": {k: v for k, v in section.items() if v is not None}}


def test_2007_ships_the_product_defaults():
    params = assessment_params(2007)
    assert params.tolerance == Decimal(30)
    assert params.reconciliation == "joint"
    assert (params.reopen_days, params.clarification_days, params.appeal_days) == (30, 14, 14)
    assert (params.kappa_min, params.flag_min_pairs) == (Decimal("0.40"), 5)
    assert assessment_params(2007) is params


def test_a_year_in_an_extra_folder_can_use_a_third_assessor(tmp_path):
    (tmp_path / "2031.toml").write_text(
        'year = 2031\n[assessment]\ntolerance = "12.5"\nreconciliation = "third"\n'
        "assessor_load = 40\nreopen_days = 20\nclarification_days = 10\nappeal_days = 7\n"
        "kappa_min = 0.6\nflag_min_pairs = 10\n"
    )
    params = assessment_params(2031, (tmp_path,))
    assert params.tolerance == Decimal("12.5") and params.reconciliation == "third"
    assert params.kappa_min == Decimal("0.6") and params.flag_min_pairs == 10


@pytest.mark.parametrize(
    ("document", "error"),
    [
        ({"year": 2030}, r"the \[assessment\] section is missing"),
        (data(appeal_days=None), "lacks appeal_days"),
        (data(kappa_min=None, flag_min_pairs=None), "lacks kappa_min, flag_min_pairs"),
        (data(tolerance=-1), "assessment.tolerance must be a number"),
        (data(tolerance="lots"), "assessment.tolerance must be a number"),
        (data(tolerance=True), "assessment.tolerance must be a number"),
        (data(tolerance=[1]), "assessment.tolerance must be a number"),
        (data(tolerance="Infinity"), "assessment.tolerance must be a number"),
        (data(kappa_min="1.01"), "assessment.kappa_min must be a number from 0 to 1"),
        (data(kappa_min=-0.1), "assessment.kappa_min must be a number from 0 to 1"),
        (data(kappa_min="moderate"), "assessment.kappa_min must be a number from 0 to 1"),
        (data(reconciliation="vote"), "assessment.reconciliation must be one of"),
        (data(reopen_days=0), "assessment.reopen_days must be a whole number"),
        (data(appeal_days=True), "assessment.appeal_days must be a whole number"),
        (data(flag_min_pairs=0), "assessment.flag_min_pairs must be a whole number"),
        (data(flag_min_pairs=2.5), "assessment.flag_min_pairs must be a whole number"),
        ({"year": "x", "assessment": GOOD}, "'year' must be an integer"),
        (data(outside_rayon_subjects="224"), "outside_rayon_subjects must be a list"),
        (data(outside_rayon_subjects=[224]), "outside_rayon_subjects must be a list"),
        (data(assessor_experience_years=0), "assessor_experience_years must be a whole"),
    ],
)
def test_a_bad_section_names_the_file_and_the_key(tmp_path, document, error):
    with pytest.raises(ProgrammeYearError, match=error):
        parse_assessment(tmp_path / "2030.toml", document)


def test_unknown_unreadable_and_mislabelled_years(tmp_path):
    with pytest.raises(ProgrammeYearError, match="not configured"):
        assessment_params(1999, (tmp_path,))
    (tmp_path / "2032.toml").write_text("year = [")
    with pytest.raises(ProgrammeYearError, match="cannot read"):
        assessment_params(2032, (tmp_path,))
    (tmp_path / "2033.toml").write_text(
        'year = 2034\n[assessment]\ntolerance = 1\nreconciliation = "joint"\n'
        "assessor_load = 1\nreopen_days = 1\nclarification_days = 1\nappeal_days = 1\n"
        'kappa_min = "0.4"\nflag_min_pairs = 1\n'
    )
    with pytest.raises(ProgrammeYearError, match="says year 2034"):
        assessment_params(2033, (tmp_path,))


def test_2007_carries_the_faqs_assessor_rules():
    # Seed 003, the FAQ on assessors: "dalam rentang 5 (lima) tahun terakhir" (question 5);
    # "Guru muatan lokal, guru TIK, …" may take assessors "di luar rayon" (question 7).
    params = assessment_params(2007)
    assert params.assessor_experience_years == 5
    assert params.outside_rayon_subjects == frozenset({"224", "746"})


def test_a_year_without_the_assessor_keys_keeps_the_faqs_window_and_no_crossing(tmp_path):
    params = parse_assessment(tmp_path / "2030.toml", data())
    assert params.assessor_experience_years == 5
    assert params.outside_rayon_subjects == frozenset()
