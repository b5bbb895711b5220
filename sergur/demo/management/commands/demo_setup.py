"""`manage.py demo_setup`: load the demo district (idempotent) and print the demo logins."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from itertools import groupby
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from sergur.demo.loader import DEMO_PASSWORD, DEMO_URL, load_demo
from sergur.demo.twofactor import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Load the demo district (idempotent) and print the demo logins."

    def add_arguments(self, parser: ArgumentParser) -> None:
        """--teachers N: how many teachers the district has (default 200)."""
        parser.add_argument("--teachers", type=int, default=200, help="number of teachers")

    def handle(self, *args: Any, **options: Any) -> None:
        """Load, then print what was loaded and how to log in."""
        teachers = options["teachers"]
        if not 1 <= teachers <= 9999:
            raise CommandError("--teachers must be between 1 and 9999")
        started = time.monotonic()
        report = load_demo(teachers=teachers)
        seconds = time.monotonic() - started
        write = self.stdout.write
        write("")
        write(
            f"Demo district Kabupaten Bantul: {teachers} teachers, "
            f"{report.created_cases} new cases ({seconds:.1f} s)."
        )
        states = ", ".join(
            f"{state} {count}" for state, count in sorted(report.cases_by_state.items())
        )
        write(f"Cases by state: {states}")
        write("")
        write(f"sergur demo — open {DEMO_URL}")
        write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        write(
            "  Staff then enter a two-factor code: add the secret "
            f"{DEMO_TOTP_SECRET} to an authenticator app, or run "
            "`.venv/bin/python manage.py demo_code`. Teachers need no code."
        )
        for role, logins in groupby(report.logins, key=lambda login: login.role):
            write(f"  {role}")
            for login in logins:
                write(f"    {login.username:<20} {login.name:<36} {login.note}")
        write("")
