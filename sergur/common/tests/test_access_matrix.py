"""The access matrix: every named URL (from the URL resolver) x every identity (every role on
both sides of its boundary, and nobody signed in) x the objects of its rule, each request
answered with the status the table (access_table.py) expects. A page added without a rule, or
a rule whose page is gone, fails `test_every_named_url_has_a_rule`. A form that takes only
POST is also posted by every identity not allowed: refused, and nothing written.

One test builds the world once and collects every mismatch into one failure that lists them
all (the size is printed: `pytest -s`)."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sergur.accounts.models import User
from sergur.common.tests.access_table import SKIPPED, TABLE
from sergur.common.tests.access_world import IDENTITIES, Target, World, build_world
from sergur.conftest import Cast

# Tables a refused request may still write: the session, the sign-in lockout, the second
# factor's devices and the cache. A write to any other table is a write by a refused POST.
BOOKKEEPING = re.compile(r'"?(django_session|axes_\w+|otp_\w+|sergur_cache)"?')
CONFIRM = {"confirm": "yes"}
WRITE = re.compile(r"^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(\S+)", re.IGNORECASE)


def named_patterns(
    resolver: URLResolver | None = None, prefix: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    """Every named URL pattern under `resolver` (the project's), with its namespaced name."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            space = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from named_patterns(pattern, space)
        elif pattern.name:
            yield f"{prefix}{pattern.name}", pattern


def routed() -> dict[str, URLPattern]:
    """The named patterns the matrix requests (all but SKIPPED)."""
    return {
        name: pattern
        for name, pattern in named_patterns()
        if not any(name.startswith(prefix) for prefix in SKIPPED)
    }


def test_every_named_url_has_a_rule() -> None:
    names = set(routed())

    missing = sorted(names - set(TABLE))
    stale = sorted(set(TABLE) - names)

    assert not missing, f"pages without a rule in access_table.TABLE: {missing}"
    assert not stale, f"rules of pages that no longer exist: {stale}"


@contextmanager
def _quiet() -> Iterator[None]:
    """Refusals are logged as warnings with a traceback; thousands of them say nothing here."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


class Requester:
    """Requests pages as each identity, one signed-in client per user."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.clients: dict[int | None, Client] = {}
        self.requests = 0

    def client(self, identity: str, target: Target | None) -> Client:
        user: User | None = self.world.user(identity, target)
        key = user.pk if user is not None else None
        if key not in self.clients:
            client = Client(raise_request_exception=False)
            if user is not None:
                client.force_login(user)
            self.clients[key] = client
        return self.clients[key]

    def status(self, method: str, url: str, identity: str, target: Target | None) -> int:
        self.requests += 1
        client = self.client(identity, target)
        # A POST confirms, so that a two-step form (delete, then "yes") reaches its write.
        response = client.post(url, CONFIRM) if method == "POST" else client.get(url)
        return response.status_code

    def refused_post(self, url: str, identity: str, target: Target | None) -> tuple[int, list[str]]:
        """The status of a POST and the tables it wrote to (bookkeeping aside)."""
        with CaptureQueriesContext(connection) as queries:
            status = self.status("POST", url, identity, target)
        written = []
        for query in queries.captured_queries:
            found = WRITE.match(query["sql"])
            if found and not BOOKKEEPING.fullmatch(found.group(2)):
                written.append(found.group(2))
        return status, written


def _url(name: str, target: Target | None) -> str:
    """The page's URL for the object; an object that fills not every argument (or one given
    to a page without arguments) fails."""
    arguments = set(routed()[name].pattern.converters)
    given = target.kwargs if target is not None else {}
    assert bool(arguments) == (target is not None), f"{name}: the rule names no object"
    assert arguments <= set(given), f"{name}: {target} fills not {sorted(arguments)}"
    return reverse(name, kwargs={key: given[key] for key in arguments})


def test_every_page_answers_every_identity_as_the_table_says(cast: Cast) -> None:
    world = build_world(cast)
    requester = Requester(world)
    mismatches: list[str] = []
    started = time.perf_counter()
    with _quiet():
        for name, page in sorted(TABLE.items()):
            targets: list[Target | None] = [world.targets[t] for t in page.targets] or [None]
            for target in targets:
                url = _url(name, target)

                where = f"{name} [{target.name if target else '-'}]"
                for identity in IDENTITIES:
                    got = requester.status("GET", url, identity, target)
                    want = page.expected(identity, target)
                    if got != want:
                        mismatches.append(f"GET {where} as {identity}: {got}, expected {want}")
                for identity, refused in page.posts(target):
                    got, written = requester.refused_post(url, identity, target)
                    if got not in refused or written:
                        mismatches.append(
                            f"POST {where} as {identity}: {got}, expected {sorted(refused)}"
                            + (f", wrote {sorted(set(written))}" if written else "")
                        )
    seconds = time.perf_counter() - started
    print(
        f"\naccess matrix: {len(TABLE)} URL names x {len(IDENTITIES)} identities: "
        f"{requester.requests} requests in {seconds:.1f} s"
    )
    assert not mismatches, f"{len(mismatches)} mismatches:\n" + "\n".join(mismatches)
    # The write check is not blind: the owner's own allowed POST (deleting a file) is seen.
    draft = world.targets["case:draft"]
    _status, written = requester.refused_post(
        _url("portfolios:evidence_delete", draft), "teacher:owner", draft
    )
    assert written, "the owner deleted a file, yet no write was seen"
