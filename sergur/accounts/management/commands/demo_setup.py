"""`manage.py demo_setup`: load the demo data of the embedded default and print the logins."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from sergur.accounts.models import User
from sergur.accounts.services import user_ensure

DEMO_PASSWORD = "sergur-demo"  # noqa: S105 - a published demo login, never used in production
DEMO_USERS = (("operator", User.Role.OPERATOR, "Operator", "Demo", True, True),)


class Command(BaseCommand):
    help = "Load the demo data (idempotent) and print the demo logins."

    def handle(self, *args: Any, **options: Any) -> None:
        for username, role, first, last, staff, superuser in DEMO_USERS:
            user_ensure(
                username=username,
                password=DEMO_PASSWORD,
                role=role,
                first_name=first,
                last_name=last,
                is_staff=staff,
                is_superuser=superuser,
            )
        self.stdout.write("")
        self.stdout.write("sergur demo — open http://127.0.0.1:8000/")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, role, *_ in DEMO_USERS:
            self.stdout.write(f"  {username:<20} {User.Role(role).label}")
        self.stdout.write("")
