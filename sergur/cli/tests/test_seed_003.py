"""`sergur score` on the portfolios of examples/seed-003/: each built from a quote of seed 003,
each with the 2007 answer examples/seed-003/README.md promises."""

from __future__ import annotations

import json

import pytest

from sergur.cli.tests.support import EXAMPLES, run

SEED = EXAMPLES / "seed-003"

# file -> (decision code or None when the file is refused, total, the text that must show)
EXPECTED = {
    "no-training.json": ("MS", 879.4, "Komponen utama Pendidikan dan pelatihan kosong"),
    "subdistrict-award.json": ("L", 939.4, None),
    "same-topic-plans.json": ("L", 944.4, "semester dan materi yang berbeda"),
    "participant-number-of-2008.json": (None, None, "tahun kuota 2007"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_seed_003_example_gets_its_2007_answer(capsys, name):
    code, total, text = EXPECTED[name]
    result = run(capsys, "score", str(SEED / name), "--format", "json")
    data = json.loads(result.out)
    if code is None:
        assert result.status != 0
        assert data["errors"][0]["path"] == "teacher.participant_number"
        assert text in data["errors"][0]["message"]
        return
    assert result.status == 0
    assert (data["decision"]["code"], data["total"]) == (code, total)
    if text is not None:
        said = [*data["decision"]["reasons"], *data.get("warnings", [])]
        assert any(text in line for line in said)


def test_the_subdistrict_award_scores_0_with_its_reason(capsys):
    result = run(capsys, "score", str(SEED / "subdistrict-award.json"), "--explain", "--lang", "en")
    assert "Award at subdistrict level: 0 (awards count from district level up)" in result.out


def test_the_readme_lists_every_seed_003_example():
    readme = (SEED / "README.md").read_text(encoding="utf-8")
    assert {p.name for p in SEED.glob("*.json")} == set(EXPECTED)
    assert all(f"`{name}`" in readme for name in EXPECTED)
