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

The generator is bench/score_generator.py.
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

from jsonschema import Draft202012Validator
from score_generator import generate

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
