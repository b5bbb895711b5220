"""`manage.py retention_apply`: delete what the retention rules say is due (docs/privacy.md)."""

from __future__ import annotations

import datetime as dt
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sergur.privacy.selectors import retention_rules_current
from sergur.privacy.services import retention_apply, retention_kinds_not_applied
from sergur.privacy.tasks import retention_apply_task
from sergur.rules.retention import RetentionError


class Command(BaseCommand):
    help = (
        "Delete the records of closed cases whose retention period is over (evidence files,"
        " portfolio values, case log), logging each on its case; --dry-run only lists them."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        """The options."""
        parser.add_argument(
            "--dry-run", action="store_true", help="print what would be deleted; delete nothing"
        )
        parser.add_argument(
            "--as-of",
            type=dt.date.fromisoformat,
            default=None,
            help="the day to apply the rules for (YYYY-MM-DD; default today)",
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="hand today's run to the Celery worker (inline in the embedded default)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Run the job and print what it did."""
        try:
            rules = retention_rules_current()
        except RetentionError as error:
            raise CommandError(str(error)) from None
        if options["queue"]:
            if options["dry_run"] or options["as_of"]:
                raise CommandError("--queue runs today's deletion: no --dry-run or --as-of")
            retention_apply_task.delay()
            self.stdout.write("retention job queued")
            return
        as_of = options["as_of"] or timezone.localdate()
        report = retention_apply(as_of=as_of, dry_run=options["dry_run"], rules=rules)
        verb = "would delete" if report.dry_run else "deleted"
        for action in report.actions:
            self.stdout.write(
                f"case {action.case_id}: {verb} {action.count} {action.kind} — {action.reason}"
            )
        for kind, why in retention_kinds_not_applied(rules).items():
            self.stdout.write(f"{kind}: nothing to delete ({why})")
        self.stdout.write(
            f"{as_of.isoformat()}: {report.cases_checked} closed cases checked,"
            f" {len(report.actions)} {'deletions due' if report.dry_run else 'deletions made'}"
        )
