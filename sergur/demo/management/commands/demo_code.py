"""`manage.py demo_code`: the code an authenticator app with the demo secret shows now."""

from __future__ import annotations

from base64 import b32decode
from typing import Any

from django.core.management.base import BaseCommand
from django_otp.oath import TOTP

from sergur.demo.twofactor import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo staff logins (the demo secret)."

    def handle(self, *args: Any, **options: Any) -> None:
        """Print the code and how long it stays valid."""
        totp = TOTP(b32decode(DEMO_TOTP_SECRET))
        left = totp.step - int(totp.time - totp.t0) % totp.step
        self.stdout.write(f"{totp.token():06d}  (valid for {left} more seconds)")
