"""How many portfolios a second sergur validates and scores, next to a bare `json.loads`.

Usage:

    .venv/bin/python bench/score_throughput.py [--count N] [--seed S] [--keep FILE]

The script generates N (default 50,000) random but valid `sergur.portfolio/1` portfolios with
the `random` module (seeded, so two runs with the same seed write the same file): subject
teachers and counsellors, 1-3 degrees, 0-12 trainings, 0-5 lesson plans (0-4 guidance
programmes for counsellors), entries in every component, now and then an assessors' review
with administrative defects, doubtful evidence codes or, rarely, fraud. Every evidence code is
unique in its portfolio and starts with its component's number (validation.py). A sample of
the lines is checked with `sergur.rules.problems_of` and against the shipped JSON Schema
before anything is timed.

The lines go to a temporary `.jsonl` file (or to FILE with `--keep FILE`, which is then kept),
are read into memory once, and on one core (the process pins itself to one CPU where the
system allows it) the script measures, best of 3 runs each:

  (a) bare `json.loads` of every line;
  (b) `sergur.rules.decode` + `sergur.rules.score` of every line (validated and scored).

It then times the end-to-end command once, `sergur score FILE --format json > /dev/null`
(the console script next to `sys.executable`; the child inherits the one-core pinning).

It prints figures only and asserts nothing. The target (the issue's words): (b) at least half
the bare `json.loads` rate on one core, and at least 40,000 portfolios/s on the dev machine.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from sergur.rules import (
    PortfolioInvalid,
    RulesYear,
    decode,
    load_year,
    problems_of,
    schema_text,
    score,
)

TARGET_RATIO = 0.5
TARGET_RATE = 40_000
RUNS = 3
SAMPLE = 2_000

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


def check_sample(lines: Sequence[bytes], seed: int) -> int:
    """Validate a sample with problems_of and the shipped JSON Schema; stop on any error."""
    validator = Draft202012Validator(json.loads(schema_text()))
    rng = random.Random(seed + 1)
    size = min(len(lines), SAMPLE)
    picked = sorted(rng.sample(range(len(lines)), size))
    for index in picked:
        problems = problems_of(lines[index])
        errors = [e.message for e in validator.iter_errors(json.loads(lines[index]))]
        if problems or errors:
            found = [f"{p.path}: {p.text('en')}" for p in problems] + errors
            raise SystemExit(f"generator bug: line {index + 1} is invalid: {found}")
    return size


def decisions(lines: Sequence[bytes], year: RulesYear) -> Counter[str]:
    """Decode and score every line once (untimed): the decision codes, counted."""
    codes: Counter[str] = Counter()
    for number, line in enumerate(lines, start=1):
        try:
            codes[score(decode(line), year).decision.code] += 1
        except PortfolioInvalid as exc:
            found = [f"{p.path}: {p.text('en')}" for p in exc.problems]
            raise SystemExit(f"generator bug: line {number} is invalid: {found}") from None
    return codes


def best_rate(work: Callable[[], None], count: int) -> tuple[float, float]:
    """Best of RUNS runs: (seconds, portfolios per second)."""
    best = float("inf")
    for _ in range(RUNS):
        gc.collect()
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best, count / best


def pin_one_core() -> str:
    """Pin this process (and its children) to one CPU where the system allows it."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity here)"
    cpus = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpus[-1]})
    return f"pinned to CPU {cpus[-1]} (of {len(cpus)} available)"


def main(argv: Sequence[str] | None = None) -> int:
    """Generate, check, time and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=50_000, help="portfolios (default 50000)")
    parser.add_argument("--seed", type=int, default=2007, help="random seed (default 2007)")
    parser.add_argument("--keep", type=Path, metavar="FILE", help="write the .jsonl here, keep it")
    args = parser.parse_args(argv)
    count: int = args.count
    if count < 1:
        parser.error("--count must be at least 1")

    core = pin_one_core()
    if args.keep is not None:
        path: Path = args.keep
    else:
        handle, name = tempfile.mkstemp(prefix="sergur-bench-", suffix=".jsonl")
        os.close(handle)
        path = Path(name)
    try:
        started = time.perf_counter()
        generate(path, count, args.seed)
        generated_in = time.perf_counter() - started
        lines = path.read_bytes().splitlines()
        size = path.stat().st_size
        checked = check_sample(lines, args.seed)
        year = load_year(2007)
        codes = decisions(lines, year)

        def bare() -> None:
            loads = json.loads
            for line in lines:
                loads(line)

        def scored() -> None:
            for line in lines:
                score(decode(line), year)

        bare_s, bare_rate = best_rate(bare, count)
        scored_s, scored_rate = best_rate(scored, count)
        cli = Path(sys.executable).with_name("sergur")
        cli_line = f"(no console script at {cli})"
        if cli.is_file():
            command = [str(cli), "score", str(path), "--format", "json"]
            start = time.perf_counter()
            done = subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
            cli_s = time.perf_counter() - start
            status = "" if done.returncode == 0 else f", exit status {done.returncode}"
            cli_line = f"{count / cli_s:>12,.0f} portfolios/s  ({cli_s:.2f} s, run once{status})"
    finally:
        if args.keep is None:
            path.unlink(missing_ok=True)

    ratio = scored_rate / bare_rate
    python = f"{sys.implementation.name} {sys.version.split()[0]}"
    kept = f"  kept at {path}" if args.keep is not None else ""
    ratio_state = "met" if ratio >= TARGET_RATIO else "not met"
    rate_state = "met" if scored_rate >= TARGET_RATE else "not met"
    rows = (
        ("portfolios", f"{count:>12,}  (seed {args.seed}, generated in {generated_in:.1f} s)"),
        ("checked valid", f"{count:>12,}  (all: decode; {checked:,} sampled: problems_of, schema)"),
        ("file size", f"{size:>12,} bytes  ({size / 2**20:.1f} MiB){kept}"),
        ("mean size", f"{size / count:>12,.0f} bytes per portfolio"),
        ("decisions", "  ".join(f"{code} {codes[code]:,}" for code in sorted(codes))),
        ("(a) json.loads", f"{bare_rate:>12,.0f} portfolios/s  ({bare_s:.3f} s)"),
        ("(b) decode + score", f"{scored_rate:>12,.0f} portfolios/s  ({scored_s:.3f} s)"),
        ("ratio (b)/(a)", f"{ratio:>12.2f}  (target >= {TARGET_RATIO:.2f}: {ratio_state})"),
        (
            "(b) / 40,000 per s",
            f"{scored_rate / TARGET_RATE:>12.2f}  (target >= 1.00 on the dev machine: "
            f"{rate_state} here)",
        ),
        ("sergur score (CLI)", cli_line),
    )
    print(f"sergur score throughput: {python}, {core}, best of {RUNS} runs")
    for name, value in rows:
        print(f"{name:<22}{value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
