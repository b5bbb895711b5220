"""The demo district's second factor: every staff login shares one published TOTP secret, so
that a reviewer adds it once to an authenticator app (or asks `manage.py demo_code`) and signs
in as any of them. A demo secret, like the demo password, protects nothing."""

from __future__ import annotations

from sergur.accounts.models import User
from sergur.accounts.twofactor import is_staff_account, totp_device_install

DEMO_TOTP_SECRET = "SERGURDEMOSERGURDEMOSERGURDEMO22"  # nosec B105 # the published demo secret (docs/security.md)


def install_demo_authenticators(users: dict[str, User]) -> int:
    """One authenticator with the demo secret for every staff login; how many there are."""
    staff = [user for user in users.values() if is_staff_account(user)]
    for user in staff:
        totp_device_install(user=user, secret=DEMO_TOTP_SECRET)
    return len(staff)
