"""The main menu: each app registers its entries in its AppConfig.ready(), with who sees them,
and the base template draws what the signed-in person may open. Which roles see an entry is
decided here, in one place per entry, never in a template.

An entry's `visible` must answer from the user row alone (no query): the menu is on every page.
A teacher's entries that apply only from a stage of their certification on (the allowance, PKB,
KKG after the certificate; the PLPG once placed) name that stage; the apps that know a
teacher's stage register a `TeacherStages` source, asked (one query each) when a teacher signs
in, and kept in the session: the menu still costs no query (a stage reached during a session
shows from the next sign-in). Such a page stays reachable by its address and says why it is
empty.
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
    teacher_stage: str | None = None
    group: str = ""

    def label_for(self, user: User | None) -> str | Promise:
        """The words of the link for this person."""
        if user is not None:
            for role, label in self.label_by_role:
                if user.role == role:
                    return label
        return self.label


TEACHER = "teacher"
CERTIFIED = "certified"
"""A teacher's stage: holds an educator certificate or an NRG (allowance, PKB, KKG, PKG)."""
PLPG = "plpg"
"""A teacher's stage: placed in a PLPG class (its page has something to show)."""

PUBLIC = "public"
"""The group of the public tools, drawn together under one heading for a signed-in person."""

TeacherStages = Callable[[Any], frozenset[str]]
"""A source of a signed-in teacher's stages (CERTIFIED, PLPG...); one query at most."""

_ENTRIES: dict[str, MenuEntry] = {}
_STAGES: list[TeacherStages] = []


def menu_stages_register(source: TeacherStages) -> None:
    """Add a source of teachers' stages (once; the same function again changes nothing)."""
    if source not in _STAGES:
        _STAGES.append(source)


def teacher_stages(user: Any) -> frozenset[str]:
    """The stages a teacher has reached, from every registered source."""
    return frozenset(stage for source in _STAGES for stage in source(user))


STAGES_SESSION_KEY = "sergur_teacher_stages"


def stages_remember(request: HttpRequest | None, user: Any) -> None:
    """On sign-in: keep a teacher's stages in the session, so the menu asks for none later."""
    session = getattr(request, "session", None)
    if session is not None and getattr(user, "role", None) == TEACHER:
        session[STAGES_SESSION_KEY] = sorted(teacher_stages(user))


def stages_on_sign_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """Listener of `user_logged_in` (connected in CommonConfig.ready): `stages_remember`."""
    stages_remember(request, user)


def _remembered(request: HttpRequest) -> frozenset[str] | None:
    session = getattr(request, "session", None)
    saved = session.get(STAGES_SESSION_KEY) if session is not None else None
    return frozenset(saved) if isinstance(saved, list) else None


def menu_register(*entries: MenuEntry) -> None:
    """Add entries to the main menu (registering an entry again replaces it)."""
    for entry in entries:
        _ENTRIES[entry.url_name] = entry


def menu_for(
    user: User | None, current: str | None, stages: frozenset[str] | None = None
) -> list[dict[str, Any]]:
    """The entries this person sees, in order, each with its address, words, group and whether
    it is the page being shown. A teacher sees a staged entry only from its stage on: the
    `stages` kept at sign-in, else asked now (only when such an entry would show)."""
    shown = sorted(
        (entry for entry in _ENTRIES.values() if entry.visible(user)),
        key=lambda entry: (entry.order, entry.url_name),
    )
    if user is not None and user.role == TEACHER and not user.is_superuser:
        staged = any(entry.teacher_stage is not None for entry in shown)
        if stages is None:
            stages = teacher_stages(user) if staged else frozenset()
        reached = stages
        shown = [e for e in shown if e.teacher_stage is None or e.teacher_stage in reached]
    return [
        {
            "url": reverse(entry.url_name),
            "label": entry.label_for(user),
            "group": entry.group if user is not None else "",
            "current": current is not None
            and (current == entry.url_name or current in entry.also_current),
        }
        for entry in shown
    ]


def stage_ahead(
    user: User | None, current: str | None, stages: frozenset[str] | None = None
) -> str | None:
    """The stage a teacher has not reached yet that the page being shown applies from (its
    menu entry's `teacher_stage`), so the page can say why it is empty; None otherwise."""
    entry = _ENTRIES.get(current or "")
    if entry is None or entry.teacher_stage is None or user is None:
        return None
    if user.role != TEACHER or user.is_superuser or not entry.visible(user):
        return None
    reached = teacher_stages(user) if stages is None else stages
    return None if entry.teacher_stage in reached else entry.teacher_stage


def main_menu(request: HttpRequest) -> dict[str, Any]:
    """Template context processor: `main_menu`, the entries for the request's person."""
    # A request that did not pass the middleware (an early error page) has no user.
    person = getattr(request, "user", None)
    user = person if person is not None and person.is_authenticated else None
    match = request.resolver_match
    # A callable: the template calls it only on pages that draw the menu (not htmx fragments).
    current = match.view_name if match else None
    stages = _remembered(request)
    return {
        "main_menu": lambda: menu_for(user, current, stages),
        "stage_ahead": lambda: stage_ahead(user, current, stages),
    }
