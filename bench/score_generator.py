"""The synthetic portfolios of bench/score_throughput.py: random but valid
`sergur.portfolio/1` portfolios from a seeded `random.Random` (two runs with the same seed
write the same file), as that script's docstring describes them.

It is a helper module of that benchmark, not a benchmark itself.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

LEVEL4 = ("international", "national", "province", "district")
LEVEL5 = (*LEVEL4, "subdistrict")
LEVEL6 = (*LEVEL5, "village")
# Lower levels are far more common than higher ones.
LEVEL5_WEIGHTS = (1, 6, 14, 40, 39)
LEVEL6_WEIGHTS = (1, 4, 10, 30, 30, 25)

GIVEN_NAMES = (
    "Sri", "Siti", "Budi", "Agus", "Dewi", "Eko", "Rina", "Yuli", "Hadi", "Nur", "Ahmad",
    "Wahyu", "Endang", "Bambang", "Suryani", "Made", "Ketut", "Ni Luh", "Yohanes", "Maria",
)  # fmt: skip
FAMILY_NAMES = (
    "Wahyuni", "Santoso", "Lestari", "Hidayat", "Rahmawati", "Saputra", "Siregar", "Nasution",
    "Pratama", "Kurniawan", "Wulandari", "Simanjuntak", "Handayani", "Setiawan", "Purba",
)  # fmt: skip
TITLES = ("S.Pd.", "S.Pd.", "S.Pd.", "S.Si.", "S.Ag.", "S.E.", "M.Pd.", "Dra.", "A.Md.")
SUBJECTS = (
    "Matematika", "Bahasa Indonesia", "Bahasa Inggris", "IPA", "IPS", "Fisika", "Kimia",
    "Biologi", "Ekonomi", "Sejarah", "Geografi", "PKn", "Pendidikan Agama", "Penjasorkes",
    "Seni Budaya", "TIK", "Guru Kelas SD",
)  # fmt: skip
UNIVERSITIES = (
    "Universitas Negeri Yogyakarta", "Universitas Negeri Malang", "Universitas Negeri Jakarta",
    "Universitas Pendidikan Indonesia", "Universitas Negeri Semarang", "Universitas Terbuka",
    "Universitas Negeri Makassar", "Universitas Negeri Medan", "IKIP PGRI Semarang",
    "Universitas Sebelas Maret", "Universitas Pattimura", "Universitas Nusa Cendana",
)  # fmt: skip
REGIONS = (
    "Bantul", "Sleman", "Gunungkidul", "Malang", "Jember", "Banyumas", "Garut", "Deli Serdang",
    "Gowa", "Kupang", "Jayapura", "Ambon", "Padang", "Palembang", "Banjarmasin", "Manado",
)  # fmt: skip
TRAINING_TOPICS = (
    "Diklat KTSP", "Pembelajaran Kontekstual", "Penilaian Kelas", "Diklat Guru Inti",
    "Pelatihan Komputer Dasar", "Pembelajaran Aktif (PAKEM)", "Penulisan Karya Ilmiah",
    "Penyusunan Silabus", "Bimbingan Teknis MGMP", "Pelatihan Laboratorium IPA",
)  # fmt: skip
ORGANIZERS = ("LPMP", "PPPG", "Dinas Pendidikan", "Ditjen PMPTK", "MGMP", "KKG", "P4TK")
TOPICS = (
    "Bilangan bulat", "Pecahan", "Bangun datar", "Statistika sederhana", "Persamaan linear",
    "Teks deskripsi", "Ekosistem", "Gaya dan gerak", "Sistem pemerintahan", "Pasar",
    "Layanan orientasi", "Bimbingan karier", "Layanan informasi", "Konseling kelompok",
)  # fmt: skip
DEFECTS = (
    "fotokopi ijazah belum dilegalisasi",
    "surat pernyataan belum ditandatangani",
    "surat pernyataan tanpa meterai",
    "pas foto tidak ada",
    "fotokopi SK terakhir belum dilegalisasi",
)
WORK_KINDS = ("book", "article", "review", "module", "learning_media", "research", "artwork")
WORK_WEIGHTS = (3, 12, 5, 20, 30, 15, 5)
WORK_LETTER = dict(zip(WORK_KINDS, "abcdefg", strict=True))

Portfolio = dict[str, Any]


class Evidence:
    """Evidence codes of one portfolio: unique, each starting with its component's number."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: list[str] = []
        self.counters: Counter[str] = Counter()

    def codes(self, component: int, letter: str, *, numbered: bool = True) -> list[str]:
        """One entry's codes: usually one, now and then none or two (a scan and an annex)."""
        roll = self.rng.random()
        if roll < 0.08:
            return []
        prefix = f"{component}.{letter}"
        self.counters[prefix] += 1
        code = f"{prefix}.{self.counters[prefix]})" if numbered else prefix
        found = [code]
        if roll > 0.95:
            found.append(f"{prefix}.{self.counters[prefix]}.l)")
        self.used.extend(found)
        return found


def _person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}, {rng.choice(TITLES)}"


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def _items(rng: random.Random, count: int, low: int, high: int) -> list[int]:
    return [min(5, max(1, rng.randint(low, high))) for _ in range(count)]


def _qualifications(rng: random.Random, ev: Evidence, subject: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    first = rng.choices(("S1", "D4"), weights=(9, 1))[0]
    levels = [first]
    if rng.random() < 0.30:
        levels.append(rng.choices(("S2", "S1", "PGD"), weights=(7, 2, 1))[0])
    if len(levels) == 2 and rng.random() < 0.15:
        levels.append(rng.choices(("S3", "S2", "S1"), weights=(3, 1, 1))[0])
    for index, level in enumerate(levels):
        education = rng.random() < 0.75
        entry: dict[str, Any] = {
            "level": level,
            "education_degree": education,
            "relevance": rng.choices(("subject", "subject_family", "none"), weights=(7, 2, 2))[0],
        }
        if not education and rng.random() < 0.5:
            entry["teaching_license"] = True
        entry["institution"] = rng.choice(UNIVERSITIES)
        entry["program"] = ("Pendidikan " if education else "") + subject
        entry["year"] = rng.randint(1975, 2007)
        entry["evidence"] = ev.codes(1, "abcdefghij"[index], numbered=False)
        out.append(entry)
    return out


def _trainings(rng: random.Random, ev: Evidence, keen: bool) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    count = rng.choices(range(13), weights=(3, 4, 6, 8, 10, 11, 11, 10, 9, 8, 7, 7, 6))[0]
    if keen:
        count = max(count, rng.randint(5, 12))
    for _ in range(count):
        hours = rng.choices(
            (rng.randint(2, 7), rng.randint(8, 29), rng.randint(30, 80), rng.randint(81, 160),
             rng.randint(161, 480), rng.randint(481, 640), rng.randint(641, 900)),
            weights=(4, 30, 30, 20, 12, 3, 1),
        )[0]  # fmt: skip
        region = rng.choice(REGIONS)
        out.append(
            {
                "name": rng.choice(TRAINING_TOPICS),
                "hours": hours,
                "level": rng.choices(LEVEL5, weights=LEVEL5_WEIGHTS)[0],
                "relevant": rng.random() < 0.8,
                "organizer": f"{rng.choice(ORGANIZERS)} {region}",
                "year": rng.randint(1985, 2007),
                "evidence": ev.codes(2, "t"),
            }
        )
    return out


def _plans(
    rng: random.Random, ev: Evidence, counsellor: bool, subject: str, low: int
) -> list[dict[str, Any]]:
    required = 4 if counsellor else 5
    # Most teachers hand in the full set; some fewer (each missing plan counts 0).
    count = required if rng.random() < 0.85 else rng.randint(0, required)
    return [
        {
            "subject": "Bimbingan dan Konseling" if counsellor else subject,
            "topic": rng.choice(TOPICS),
            "semester": 1 + index % 2,
            "year": 2005 + index // 2,
            "items": _items(rng, 8, low, 5),
            "evidence": ev.codes(4, "a"),
        }
        for index in range(count)
    ]


def _achievement(rng: random.Random, ev: Evidence, p: Portfolio, subject: str) -> None:
    competitions = []
    for _ in range(rng.choices((0, 1, 2, 3), weights=(50, 30, 13, 7))[0]):
        kind = rng.choices(
            ("competition", "monumental_education", "monumental_other"), weights=(8, 1, 1)
        )[0]
        entry: dict[str, Any] = {"kind": kind}
        if kind == "competition":
            entry["level"] = rng.choices(LEVEL5, weights=LEVEL5_WEIGHTS)[0]
        entry["name"] = "Lomba Guru Berprestasi" if kind == "competition" else "Karya monumental"
        entry["year"] = rng.randint(1995, 2007)
        entry["evidence"] = ev.codes(6, "a")
        competitions.append(entry)
    peers = [
        {
            "role": rng.choices(("instructor", "core_teacher"), weights=(1, 3))[0],
            "subject": subject,
            "place": f"{rng.choice(('MGMP', 'KKG'))} {rng.choice(REGIONS)}",
            "evidence": ev.codes(6, "b"),
        }
        for _ in range(rng.choices((0, 1, 2, 3), weights=(45, 35, 15, 5))[0])
    ]
    students = []
    for _ in range(rng.choices((0, 1, 2, 3, 4), weights=(30, 30, 20, 12, 8))[0]):
        won = rng.random() < 0.6
        coaching: dict[str, Any] = {"won": won}
        if won:
            coaching["level"] = rng.choices(LEVEL5, weights=LEVEL5_WEIGHTS)[0]
        coaching["name"] = rng.choice(("Olimpiade Sains", "Lomba Pidato", "Karya Ilmiah Remaja"))
        coaching["evidence"] = ev.codes(6, "c")
        students.append(coaching)
    if not (competitions or peers or students) and rng.random() < 0.9:
        students.append({"won": False, "name": "Pramuka", "evidence": ev.codes(6, "c")})
    for key, value in (
        ("competitions", competitions),
        ("peer_coaching", peers),
        ("student_coaching", students),
    ):
        if value or rng.random() < 0.3:
            p[key] = value


def _works(rng: random.Random, ev: Evidence, keen: bool) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    count = rng.choices(range(9), weights=(8, 14, 18, 18, 14, 10, 8, 6, 4))[0]
    for _ in range(count + 2 * keen):
        kind = rng.choices(WORK_KINDS, weights=WORK_WEIGHTS)[0]
        entry: dict[str, Any] = {"kind": kind}
        if kind == "book":
            entry["publication"] = rng.choices(
                ("national", "province", "district"), weights=(1, 2, 5)
            )[0]
            entry["relevant"] = rng.random() < 0.8
        elif kind == "article":
            entry["venue"] = rng.choices(
                ("accredited_journal", "unaccredited_journal", "national_media", "local_media"),
                weights=(1, 4, 3, 8),
            )[0]
            entry["relevant"] = rng.random() < 0.8
        elif kind == "research":
            entry["role"] = rng.choices(("solo", "lead", "member"), weights=(5, 2, 3))[0]
        entry["title"] = rng.choice(TOPICS) + " di kelas"
        entry["year"] = rng.randint(1995, 2007)
        entry["evidence"] = ev.codes(7, WORK_LETTER[kind])
        out.append(entry)
    return out


def _forums(rng: random.Random, ev: Evidence, keen: bool) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    count = rng.choices(range(11), weights=(5, 8, 12, 14, 14, 12, 10, 8, 7, 5, 5))[0]
    for _ in range(count + 2 * keen):
        role = "speaker" if rng.random() < 0.15 else "participant"
        out.append(
            {
                "level": rng.choices(LEVEL5, weights=LEVEL5_WEIGHTS)[0],
                "role": role,
                "name": rng.choice(("Seminar Nasional", "Lokakarya", "Simposium Guru")),
                "year": rng.randint(1995, 2007),
                "evidence": ev.codes(8, "a" if role == "speaker" else "b"),
            }
        )
    return out


def _organisation(rng: random.Random, ev: Evidence, p: Portfolio) -> None:
    organisations = [
        {
            "type": rng.choices(("education", "social"), weights=(2, 1))[0],
            "level": rng.choices(LEVEL6, weights=LEVEL6_WEIGHTS)[0],
            "years": rng.randint(1, 10),
            "name": rng.choice(("PGRI", "MGMP", "KKG", "Karang Taruna", "Pramuka", "LKMD")),
            "position": rng.choice(("ketua", "sekretaris", "bendahara", "pengurus")),
            "evidence": ev.codes(9, "a"),
        }
        for _ in range(rng.choices(range(5), weights=(20, 35, 25, 12, 8))[0])
    ]
    duties = [
        {
            "role": rng.choices(
                ("principal", "vice_principal", "extracurricular_advisor"), weights=(1, 4, 8)
            )[0],
            "years": rng.randint(1, 12),
            "school": f"SMP Negeri {rng.randint(1, 9)} {rng.choice(REGIONS)}",
            "evidence": ev.codes(9, "b"),
        }
        for _ in range(rng.choices(range(4), weights=(40, 40, 15, 5))[0])
    ]
    if organisations or rng.random() < 0.3:
        p["organizations"] = organisations
    if duties or rng.random() < 0.3:
        p["additional_duties"] = duties


def _awards(rng: random.Random, ev: Evidence, p: Portfolio, special_area: bool) -> None:
    awards = [
        {
            "level": rng.choices(LEVEL4, weights=(1, 5, 20, 74))[0],
            "name": rng.choice(("Guru Teladan", "Satyalancana Karya Satya", "Guru Berprestasi")),
            "giver": rng.choice(("Bupati", "Gubernur", "Menteri Pendidikan Nasional")),
            "year": rng.randint(1990, 2007),
            "evidence": ev.codes(10, "a"),
        }
        for _ in range(rng.choices(range(4), weights=(50, 35, 10, 5))[0])
    ]
    service_count = rng.randint(1, 2) if special_area else int(rng.random() < 0.05)
    service = [
        {
            "years": rng.randint(1, 15),
            "kind": rng.choice(("remote", "underdeveloped", "disaster", "conflict", "border")),
            "location": f"Kabupaten {rng.choice(REGIONS)}",
            "evidence": ev.codes(10, "b"),
        }
        for _ in range(service_count)
    ]
    if awards or rng.random() < 0.3:
        p["awards"] = awards
    if service:
        p["special_area_service"] = service


def portfolio(rng: random.Random) -> Portfolio:
    """One random valid `sergur.portfolio/1` portfolio, as a plain dict."""
    counsellor = rng.random() < 0.12
    special_area = rng.random() < 0.08
    # About half the candidates keep their certificates and papers: fuller portfolios.
    keen = rng.random() < 0.5
    low = rng.choices((2, 3, 4), weights=(1, 2, 4) if keen else (2, 3, 2))[0]
    subject = "Bimbingan dan Konseling" if counsellor else rng.choice(SUBJECTS)
    ev = Evidence(rng)
    teacher: dict[str, Any] = {"name": _person(rng)}
    if rng.random() < 0.85:
        teacher["nuptk"] = _digits(rng, 16)
    if rng.random() < 0.7:
        teacher["participant_number"] = "07" + _digits(rng, 12)
    teacher["role"] = "counselor" if counsellor else "subject_teacher"
    if special_area or rng.random() < 0.2:
        teacher["special_area"] = special_area
    p: Portfolio = {"schema": "sergur.portfolio/1", "rubric": "2007", "teacher": teacher}
    p["qualifications"] = _qualifications(rng, ev, subject)
    trainings = _trainings(rng, ev, keen)
    if trainings or rng.random() < 0.5:
        p["trainings"] = trainings
    p["teaching_experience"] = {
        # Senior teachers came first in the early quotas: most have served 10-30 years.
        "years": rng.randint(10, 32) if rng.random() < 0.85 else rng.randint(0, 9),
        "evidence": ev.codes(3, "a", numbered=False),
    }
    plans = _plans(rng, ev, counsellor, subject, low)
    if plans or rng.random() < 0.5:
        p["lesson_plans"] = plans
    if rng.random() < 0.97:
        p["teaching_observation"] = {
            "items": _items(rng, 24, low, 5),
            "evidence": ev.codes(4, "b", numbered=False),
        }
    if rng.random() < 0.97:
        p["superior_assessment"] = {
            "items": _items(rng, 10, low, 5),
            "evidence": ev.codes(5, "a", numbered=False),
        }
    _achievement(rng, ev, p, subject)
    works = _works(rng, ev, keen)
    if works or rng.random() < 0.3:
        p["works"] = works
    forums = _forums(rng, ev, keen)
    if forums or rng.random() < 0.3:
        p["forums"] = forums
    _organisation(rng, ev, p)
    _awards(rng, ev, p, special_area)
    if rng.random() < 0.25:
        review: dict[str, Any] = {}
        if rng.random() < 0.3:
            review["administrative_defects"] = rng.sample(DEFECTS, rng.randint(1, 2))
        if ev.used and rng.random() < 0.08:
            review["doubtful_evidence"] = rng.sample(ev.used, min(len(ev.used), rng.randint(1, 2)))
        if rng.random() < 0.02:
            review["fraud_found"] = True
        elif rng.random() < 0.3:
            review["fraud_found"] = False
        p["review"] = review
    return p


def generate(path: Path, count: int, seed: int) -> None:
    """Write `count` portfolios, one compact JSON object a line."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for _ in range(count):
            line = json.dumps(portfolio(rng), ensure_ascii=False, separators=(",", ":"))
            out.write(line + "\n")
