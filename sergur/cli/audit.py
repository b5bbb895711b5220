"""`sergur audit verify`: check the audit trail's hash chain (docs/audit.md).

The trail lives in the web app's database, which this command line never imports (contract
"The command line stays outside the web app"); the subcommand hands over to the management
command `audit_verify` in a fresh interpreter (`python -m django`), which reports the first
changed or deleted records and exits 1, or 0 when the chain is intact.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

SETTINGS = "config.settings.local"
"""The settings used when DJANGO_SETTINGS_MODULE is unset, as for manage.py."""


def add_audit_command(commands: Any) -> None:
    """`sergur audit verify [--limit N]`."""
    audit = commands.add_parser("audit", help="check the web app's audit trail")
    actions = audit.add_subparsers(dest="audit_command", required=True)
    verify = actions.add_parser(
        "verify", help="walk the hash chain; exit 1 on a changed or deleted record"
    )
    verify.add_argument(
        "--limit", type=int, default=10, help="report at most this many breaks (default 10)"
    )


def audit_argv(args: argparse.Namespace) -> list[str]:
    """The command that does the work: the management command under this interpreter."""
    return [sys.executable, "-m", "django", "audit_verify", "--limit", str(args.limit)]


def run_audit(args: argparse.Namespace) -> int:
    """Replace this process by `audit_verify` (its exit status is the command's)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    argv = audit_argv(args)
    sys.stdout.flush()
    os.execv(argv[0], argv)  # nosec B606 # this Python running Django's own command; no shell
    return 2  # pragma: no cover - execv does not return
