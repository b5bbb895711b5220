from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from sergur.common.menu import User


class CommonConfig(AppConfig):
    name = "sergur.common"
    label = "common"

    def ready(self) -> None:
        """Register the system checks (the signing keys), record sign-ins and 2FA changes in
        the audit trail, keep a teacher's menu stages on sign-in, and put the shared pages in the
        main menu."""
        from django.contrib.auth.signals import user_logged_in

        from sergur.common import checks, receivers  # noqa: F401
        from sergur.common.menu import MenuEntry, menu_register, stages_on_sign_in

        receivers.connect()
        user_logged_in.connect(stages_on_sign_in, dispatch_uid="sergur-menu-stages")

        def staff(user: User | None) -> bool:
            return user is not None and user.is_staff

        def auditor(user: User | None) -> bool:
            """The operator and superusers (every record), a district's committee and head
            (their district's): the audit page's own access rule."""
            if user is None:
                return False
            if user.is_superuser or user.role == "operator":
                return True
            return user.role in ("district_committee", "district_head") and bool(
                getattr(user, "district_id", None)
            )

        menu_register(
            MenuEntry("common:audit", _("Audit trail"), 800, auditor),
            MenuEntry("admin:index", _("Admin"), 900, staff),
        )
