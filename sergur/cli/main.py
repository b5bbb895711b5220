"""`sergur`: score, validate and describe portfolio files; share quotas and rank teachers;
check the audit trail (`sergur audit verify`, handed to the web app, docs/audit.md);
compute PLPG results; compute a PKG appraisal (`sergur pkg`, docs/pkg.md); print a teacher's
PKB credit balance (`sergur credits`, docs/pkb.md); compute allowance eligibility from a load
file; plan teaching loads across a district.

Exit status: 0 every portfolio (or row) valid, 1 any invalid, 2 unreadable input or bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

import msgspec

from sergur.cli.allowance import add_allowance_command, run_allowance
from sergur.cli.audit import add_audit_command, run_audit
from sergur.cli.certificate import add_certificate_command, run_certificate
from sergur.cli.credits import add_credits_command, run_credits
from sergur.cli.csvio import OutputUnwritable
from sergur.cli.inputs import Document, InputUnreadable, read_documents
from sergur.cli.pkg import add_pkg_command, run_pkg
from sergur.cli.plan_load import add_plan_load_command, run_plan_load
from sergur.cli.plpg import add_plpg_command, run_plpg
from sergur.cli.quota import add_quota_command, run_quota
from sergur.cli.rank import add_rank_command, run_rank
from sergur.cli.table import render_problems, render_score
from sergur.rules import (
    Lang,
    PortfolioInvalid,
    ProgrammeYearError,
    RulesYear,
    decode,
    load_year,
    schema_text,
    score,
    score_json,
)
from sergur.rules.report import invalid_json

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
_ENCODER = msgspec.json.Encoder()


def build_parser() -> argparse.ArgumentParser:
    """The command line: `sergur score`, `validate`, `schema`, `quota`, `rank`, `plpg` and
    `audit`."""
    parser = argparse.ArgumentParser(
        prog="sergur",
        description="Score and validate teacher-certification portfolios (sergur.portfolio/1); "
        "share out the quota and rank teachers for selection (CSV); compute PLPG results (CSV).",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    path_help = "a .json portfolio, a .jsonl file (one per line), a folder of .json, or - for stdin"
    scorer = commands.add_parser("score", help="score portfolios: components, groups, decision")
    scorer.add_argument("path", help=path_help)
    scorer.add_argument("--format", choices=("table", "json"), default="table")
    scorer.add_argument("--explain", action="store_true", help="add the rubric row of every entry")
    scorer.add_argument("--year", type=int, default=2007, help="programme year (default 2007)")
    scorer.add_argument("--lang", choices=("id", "en"), default="id")

    validator = commands.add_parser("validate", help="check portfolios; print errors only")
    validator.add_argument("path", help=path_help)
    validator.add_argument("--format", choices=("text", "json"), default="text")
    validator.add_argument("--lang", choices=("id", "en"), default="id")
    validator.add_argument(
        "--year", type=int, default=2007, help="programme year of the participant numbers"
    )

    commands.add_parser("schema", help="print the JSON Schema of sergur.portfolio/1")
    add_quota_command(commands)
    add_rank_command(commands)
    add_audit_command(commands)
    add_plpg_command(commands)
    add_plan_load_command(commands)
    add_allowance_command(commands)
    add_certificate_command(commands)
    add_credits_command(commands)
    add_pkg_command(commands)
    return parser


def _heading(doc: Document) -> str:
    return f"{doc.line} ({doc.source})" if doc.source != "<stdin>" else str(doc.line)


def _years_dirs() -> tuple[Path, ...]:
    extra = os.environ.get("SERGUR_YEARS_DIR")
    return (Path(extra),) if extra else ()


class Run:
    """The exit status reached so far (kept when the reader closes the pipe early)."""

    status = EXIT_OK


def _score(args: argparse.Namespace, out: IO[bytes], run: Run) -> int:
    year: RulesYear = load_year(args.year, _years_dirs())
    lang: Lang = args.lang
    first = True
    for doc in read_documents(args.path):
        try:
            portfolio = decode(doc.data, year=year.year)
        except PortfolioInvalid as exc:
            run.status = EXIT_INVALID
            if args.format == "json":
                errors = [p.as_json(lang) for p in exc.problems]
                out.write(_ENCODER.encode(invalid_json(errors, doc.line)) + b"\n")
            else:
                text = render_problems(exc.problems, lang, heading=_heading(doc))
                out.write(("" if first else "\n").encode() + text.encode() + b"\n")
            first = False
            continue
        result = score(portfolio, year, explain=args.explain)
        if args.format == "json":
            data = score_json(result, lang, explain=args.explain, line=doc.line)
            out.write(_ENCODER.encode(data) + b"\n")
        else:
            text = render_score(result, lang, explain=args.explain, heading=_heading(doc))
            out.write(("" if first else "\n").encode() + text.encode() + b"\n")
        first = False
    return run.status


def _validate(args: argparse.Namespace, out: IO[bytes], run: Run) -> int:
    lang: Lang = args.lang
    valid = invalid = 0
    for doc in read_documents(args.path):
        try:
            decode(doc.data, year=args.year)
        except PortfolioInvalid as exc:
            run.status = EXIT_INVALID
            invalid += 1
            if args.format == "json":
                errors = [p.as_json(lang) for p in exc.problems]
                out.write(_ENCODER.encode(invalid_json(errors, doc.line)) + b"\n")
            else:
                text = render_problems(exc.problems, lang, heading=_heading(doc))
                out.write(text.encode() + b"\n")
            continue
        valid += 1
    summary = {
        "id": f"{valid} sah, {invalid} tidak sah",
        "en": f"{valid} valid, {invalid} invalid",
    }[lang]
    out.flush()
    print(summary, file=sys.stderr)
    return run.status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns (and exits with) the status."""
    args = build_parser().parse_args(argv)
    out = sys.stdout.buffer
    run = Run()
    try:
        if args.command == "schema":
            out.write(schema_text().encode())
            status = EXIT_OK
        elif args.command == "score":
            status = _score(args, out, run)
        elif args.command == "quota":
            status = run_quota(args, out, _years_dirs())
        elif args.command == "rank":
            status = run_rank(args, out, _years_dirs(), run)
        elif args.command == "audit":
            status = run_audit(args)
        elif args.command == "plpg":
            status = run_plpg(args, out, _years_dirs())
        elif args.command == "plan-load":
            status = run_plan_load(args, out, _years_dirs())
        elif args.command == "allowance":
            status = run_allowance(args, out, _years_dirs())
        elif args.command == "certificate":
            status = run_certificate(args, out)
        elif args.command == "credits":
            status = run_credits(args, out, _years_dirs())
        elif args.command == "pkg":
            status = run_pkg(args, out, _years_dirs())
        else:
            status = _validate(args, out, run)
        out.flush()
    except (InputUnreadable, OutputUnwritable, ProgrammeYearError) as exc:
        out.flush()
        print(f"sergur: {exc}", file=sys.stderr)
        status = EXIT_USAGE
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = run.status
    return status


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
