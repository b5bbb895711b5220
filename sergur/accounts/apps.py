from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def _create_cache_table(sender: AppConfig, **kwargs: Any) -> None:
    # The shared cache (sign-in lockout, the lookup's throttle) is a database table unless
    # SERGUR_CACHE_URL names Redis: every `migrate` makes sure the table exists, so no
    # installation can forget it. Does nothing for other cache backends.
    call_command("createcachetable", database=kwargs.get("using", "default"), verbosity=0)


class AccountsConfig(AppConfig):
    name = "sergur.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from sergur.accounts.middleware import last_seen_stamp

        user_logged_in.connect(last_seen_stamp, dispatch_uid="sergur-last-seen")
        post_migrate.connect(_create_cache_table, sender=self, dispatch_uid="sergur-cache-table")
