"""`manage.py signing_keys`: list the signing keys by id, make a new one, rotate the embedded
key file (docs/security.md, "Signing keys")."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sergur.common.signing import key_file_rotate, key_generate, key_id, key_set

FROM_ENVIRONMENT = (
    "the keys come from SERGUR_SIGNING_KEYS(_FILE): put the key printed by"
    " `manage.py signing_keys --generate` first in that secret, keep the old keys after it,"
    " and restart"
)


class Command(BaseCommand):
    help = (
        "List the signing keys (the signing one first); --generate prints a new private key"
        " (PEM) for a secrets file; --rotate puts a new key first in the embedded key file."
    )
    # Makes or lists keys only: usable before the database exists (CI makes a key this way).
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        """The options."""
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--generate", action="store_true", help="print a new private key (PEM) and stop"
        )
        action.add_argument(
            "--rotate",
            action="store_true",
            help="embedded default only: a new signing key, the old ones kept to verify",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            help="with --rotate: keep only this many keys, the new one included",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """List, generate or rotate."""
        if options["keep"] is not None and (not options["rotate"] or options["keep"] < 1):
            raise CommandError("--keep needs --rotate and a number of at least 1")
        if options["generate"]:
            self.stdout.write(key_generate(), ending="")
            return
        if options["rotate"]:
            if settings.SERGUR_SIGNING_KEYS:
                raise CommandError(FROM_ENVIRONMENT)
            kid = key_file_rotate(path=Path(settings.SERGUR_SIGNING_KEY_FILE), keep=options["keep"])
            self.stdout.write(f"new signing key {kid}")
        for index, key in enumerate(key_set().keys):
            role = "signs" if index == 0 else "verifies only"
            self.stdout.write(f"{key_id(key.public_key())}  {role}")
