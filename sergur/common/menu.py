"""The main menu: each app registers its entries in its AppConfig.ready(), with who sees them,
and the base template draws what the signed-in person may open. Which roles see an entry is
decided here, in one place per entry, never in a template.

An entry's `visible` must answer from the user row alone (no query): the menu is on every page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise


class User(Protocol):
    """What the menu reads of a signed-in person (the accounts User): the row alone, so the
    menu costs no query and the public pages' apps need not know the accounts app."""

    role: str
    is_superuser: bool
    is_staff: bool


def everyone(user: User | None) -> bool:
    """Anyone, signed in or not."""
    return True


def signed_in(user: User | None) -> bool:
    """Anyone signed in."""
    return user is not None


def roles(*names: str, superuser: bool = False) -> Callable[[User | None], bool]:
    """Signed-in people with one of these roles (and the superuser, when `superuser`)."""

    def visible(user: User | None) -> bool:
        if user is None:
            return False
        return user.role in names or (superuser and user.is_superuser)

    return visible


@dataclass(frozen=True)
class MenuEntry:
    """One link of the main menu: where it goes, its words (or words per role), its place
    (low first), who sees it, and the other pages under it (marked current too)."""

    url_name: str
    label: str | Promise
    order: int
    visible: Callable[[User | None], bool]
    also_current: tuple[str, ...] = ()
    label_by_role: tuple[tuple[str, str | Promise], ...] = ()

    def label_for(self, user: User | None) -> str | Promise:
        """The words of the link for this person."""
        if user is not None:
            for role, label in self.label_by_role:
                if user.role == role:
                    return label
        return self.label


_ENTRIES: dict[str, MenuEntry] = {}


def menu_register(*entries: MenuEntry) -> None:
    """Add entries to the main menu (registering an entry again replaces it)."""
    for entry in entries:
        _ENTRIES[entry.url_name] = entry


def menu_for(user: User | None, current: str | None) -> list[dict[str, Any]]:
    """The entries this person sees, in order, each with its address, words and whether it is
    the page being shown."""
    shown = sorted(
        (entry for entry in _ENTRIES.values() if entry.visible(user)),
        key=lambda entry: (entry.order, entry.url_name),
    )
    return [
        {
            "url": reverse(entry.url_name),
            "label": entry.label_for(user),
            "current": current is not None
            and (current == entry.url_name or current in entry.also_current),
        }
        for entry in shown
    ]


def main_menu(request: HttpRequest) -> dict[str, Any]:
    """Template context processor: `main_menu`, the entries for the request's person."""
    # A request that did not pass the middleware (an early error page) has no user.
    person = getattr(request, "user", None)
    user = person if person is not None and person.is_authenticated else None
    match = request.resolver_match
    # A callable: the template calls it only on pages that draw the menu (not htmx fragments).
    return {"main_menu": lambda: menu_for(user, match.view_name if match else None)}
