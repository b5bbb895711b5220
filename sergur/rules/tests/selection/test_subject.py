"""The certified subject of a mismatched teacher (seed 003, quoted in each test)."""

from __future__ import annotations

from sergur.rules.selection.subject import CertifiedSubject, MismatchChoice, certified_subject

from . import seed003


def test_a_teacher_of_the_degree_field_is_certified_in_it():
    found = certified_subject(taught="180", degree="180", choice="")
    assert found.code == "180"
    assert found.reason.text("en") == "Teaches the field of the degree: certified in subject 180."
    assert certified_subject(taught="180", degree="", choice="degree").code == "180"


def test_the_teacher_chooses_the_degree_or_the_subject_taught():
    """Seed 003: "dapat memilih proses sertifikasi berbasis pada ijazah S1/D4 yang dimiliki,
    atau memilih proses sertifikasi berbasis bidang studi yang diajarkan. Jalur sertifikasi mana
    yang akan dipilih oleh guru, sepenuhnya diserahkan guru yang bersangkutan" (the seed's own
    example: a biology graduate teaching mathematics)."""
    assert seed003.MISMATCH
    on_degree = certified_subject(taught="180", degree="190", choice=MismatchChoice.DEGREE)
    assert on_degree.code == "190"
    assert on_degree.reason.text("id") == (
        "Mengajar di luar bidang ijazah; guru memilih sertifikasi berbasis ijazah S1/D4: "
        "bidang studi 190."
    )
    on_taught = certified_subject(taught="180", degree="190", choice=MismatchChoice.TAUGHT)
    assert on_taught == CertifiedSubject("180", on_taught.reason)
    assert "chose certification on the subject taught: 180" in on_taught.reason.text("en")


def test_until_the_teacher_chooses_the_subject_taught_stands():
    found = certified_subject(taught="180", degree="190", choice=MismatchChoice.NONE)
    assert found.code == "180"
    assert found.reason.text("en") == (
        "Teaches outside the degree's field (190) and has not chosen a route: the subject "
        "taught, 180, until the teacher chooses."
    )
