"""`sergur rank` gives the 2007 answers of seed 003's FAQ for the teachers of
examples/selection/seed-003-teachers.csv (expected output: examples/selection/README.md)."""

from __future__ import annotations

import csv
import io

from sergur.cli.tests.support import EXAMPLES, run
from sergur.rules.tests.selection import seed003

SEED_003 = EXAMPLES / "selection" / "seed-003-teachers.csv"

# (rank, name) in output order, 2007.
EXPECTED_2007 = [
    ("1", "Siti Aminah, S.Pd."),
    ("2", "Drs. Suparman"),
    ("3", "Sri Wahyuni, S.Pd."),
    ("4", "Rina Marlina, S.Pd."),
    ("5", "Dewi Lestari, S.Pd."),
    ("6", "Eko Prasetyo, S.Pd."),
    ("7", "Agus Riyanto, S.Pd."),
    ("", "Bambang Sutrisno, S.Pd."),
    ("", "Joko Purnomo, A.Md."),
    ("", "Ahmad Fauzi, S.Ag."),
    ("", "Yusuf Hidayat, S.Pd."),
]


def rows(capsys: object, *argv: str) -> dict[str, dict[str, str]]:
    result = run(capsys, "rank", str(SEED_003), "--lang", "en", *argv)  # type: ignore[arg-type]
    assert result.status == 0
    return {r["name"]: r for r in csv.DictReader(io.StringIO(result.out))}


def test_the_2007_order_and_reasons(capsys):
    result = run(capsys, "rank", str(SEED_003), "--lang", "en")
    got = [(r["rank"], r["name"]) for r in csv.DictReader(io.StringIO(result.out))]
    assert got == EXPECTED_2007
    assert result.err == (
        "sergur rank: 7 eligible and ranked, 4 not eligible, 0 invalid row(s) (not ranked)\n"
    )


def test_an_honorer_with_service_and_no_sk_guru_tetap_takes_part(capsys):
    """Seed 003: "Guru honorer yang memenuhi kriteria boleh mengikuti sertifikasi guru." and
    "guru non PNS ... harus memenuhi persyaratan masa kerja minimal 2 tahun"."""
    assert seed003.HONORER and seed003.NON_PNS_SERVICE
    found = rows(capsys)
    assert (
        found["Agus Riyanto, S.Pd."]["eligible"],
        found["Agus Riyanto, S.Pd."]["service_months"],
    ) == ("yes", "144")
    assert found["Yusuf Hidayat, S.Pd."]["reasons"] == (
        "Service since 1 Jul 2005: 1 year on 1 Jan 2008; a non-PNS teacher needs at least 2 "
        "years of service."
    )


def test_service_from_the_sk_cpns_not_the_s1(capsys):
    """Seed 003: "Bagi guru PNS masa kerja dihitung mulai dari diterbitkannya surat keterangan
    melaksanakan tugas berdasarkan SK CPNS"."""
    assert seed003.SERVICE_FROM
    found = rows(capsys)
    assert found["Drs. Suparman"]["service_months"] == "334"  # from 1980, not the 2000 S1
    assert int(found["Drs. Suparman"]["rank"]) < int(found["Sri Wahyuni, S.Pd."]["rank"])


def test_s1_d4_religion_and_retirement(capsys):
    """Seed 003: "minimal S-1 atau D4"; "Sertifikasi guru agama ... dilakukan oleh Depag";
    "Semua guru yang belum pensiun berhak mengikuti sertifikasi"."""
    assert seed003.S1_D4 and seed003.RELIGION and seed003.NOT_RETIRED
    found = rows(capsys)
    assert found["Joko Purnomo, A.Md."]["reasons"] == (
        "Education D3: participants must hold at least an S-1 or D-IV degree."
    )
    assert found["Ahmad Fauzi, S.Ag."]["reasons"].startswith("Religion teacher (subject 127)")
    assert found["Siti Aminah, S.Pd."]["eligible"] == "yes"  # 60 on 1 Jan 2008, retires 1 Feb
    assert found["Bambang Sutrisno, S.Pd."]["reasons"].startswith("Retired on 1 Jan 2008")


def test_golongan_counts_for_pns_only(capsys):
    """Seed 003: "golongan (bagi PNS)": an inpassing IV/e does not outrank a PNS III/a."""
    assert "golongan (bagi PNS)" in seed003.RANKING_ORDER
    found = rows(capsys)
    assert (found["Rina Marlina, S.Pd."]["rank"], found["Dewi Lestari, S.Pd."]["rank"]) == (
        "4",
        "5",
    )
    assert found["Dewi Lestari, S.Pd."]["golongan"] == ""


def test_teaching_hours_add_up_every_school(capsys, tmp_path):
    """Seed 003: "mengajar di sekolah lain yang memiliki ijin operasional": 18 hours at the
    main school and 12 at another (SEKOLAH_LAIN) are 30, above a teacher of 24 hours alone
    with equal service and age; without the other school the same teacher ranks below."""
    assert "sekolah lain yang memiliki ijin operasional" in seed003.OTHER_SCHOOL
    found = rows(capsys)
    eko, agus = found["Eko Prasetyo, S.Pd."], found["Agus Riyanto, S.Pd."]
    assert (eko["teaching_hours"], eko["rank"], agus["rank"]) == ("30", "6", "7")
    alone = tmp_path / "alone.csv"
    alone.write_text(SEED_003.read_text(encoding="utf-8").replace(",20400303:12\n", ",\n"))
    result = run(capsys, "rank", str(alone), "--lang", "en")
    without = {r["name"]: r for r in csv.DictReader(io.StringIO(result.out))}
    eko, agus = without["Eko Prasetyo, S.Pd."], without["Agus Riyanto, S.Pd."]
    assert (eko["teaching_hours"], eko["rank"], agus["rank"]) == ("18", "7", "6")


def test_2012_ranks_the_same_teachers_by_its_own_rules(capsys):
    found = rows(capsys, "--year", "2012")
    assert found["Joko Purnomo, A.Md."]["eligible"] == "yes"  # the 50/20 route
    assert found["Agus Riyanto, S.Pd."]["eligible"] == "no"  # no SK as guru tetap
    assert found["Dewi Lestari, S.Pd."]["golongan"] == "IV/e"  # inpassing counts
