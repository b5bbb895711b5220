"""`manage.py audit_verify` (also `sergur audit verify`): walk the audit chain; exit 1 when a
record was changed, deleted or reordered (docs/audit.md)."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sergur.common.audit import audit_head, audit_verify


class Command(BaseCommand):
    help = (
        "Check the audit trail's hash chain: report the first changed or deleted records and "
        "exit 1, or print the number and hash of the last record and exit 0."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--limit", type=int, default=10, help="report at most this many breaks (default 10)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Walk the chain and report."""
        count, breaks = audit_verify(limit=max(1, options["limit"]))
        seq, digest = audit_head()
        if breaks:
            for found in breaks:
                self.stderr.write(f"audit chain broken at {found}")
            self.stderr.write(f"{count} records read; the chain's head is #{seq} {digest}")
            sys.exit(1)
        self.stdout.write(f"audit chain intact: {count} records, head #{seq} {digest}")
