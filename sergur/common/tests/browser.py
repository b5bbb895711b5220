"""Headless Chromium for the end-to-end tests: the system browser, never a downloaded one.

A pytest plugin (registered in `sergur/conftest.py`), so that every end-to-end test of every
app shares the one session-wide browser: Playwright's sync API refuses a second instance
while the first one's event loop runs. Under pytest-xdist the session is the worker's: each
worker process launches its own Chromium and serves the app on its own free port
(`live_server`, pytest-django's with requests taking turns on SQLite), so the workers'
browsers never meet."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread
from pytest_django.live_server_helper import LiveServer

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """The system Chromium, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session (skipped, or failed in CI, when missing)."""
    executable = chromium_path()
    if executable is None:
        message = "the system Chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the tests only touch the
    # database between browser steps, never concurrently.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class _TakingTurnsServer(ThreadedWSGIServer):
    """The live server when it shares the test's in-memory SQLite connection: each
    connection still has its thread, but one request at a time runs the application, its body
    read to the end (a streamed body reads the database too).

    Django hands every request thread that one connection, and two requests on it at once
    (htmx's save as typed beside the next click) fail in sqlite3 with "bad parameter or other
    API misuse": a 500, seen only on a loaded machine. PostgreSQL gives each thread its own
    connection, and there the requests still run side by side."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._turn = threading.Lock()

    def set_app(self, application: Any) -> None:
        turn = self._turn

        def one_at_a_time(environ: dict[str, Any], start_response: Any) -> list[bytes]:
            with turn:
                result = application(environ, start_response)
                try:
                    return list(result)
                finally:
                    close = getattr(result, "close", None)
                    if close is not None:
                        close()

        super().set_app(one_at_a_time)


class _LiveServerThread(LiveServerThread):
    """Django's live server thread, taking turns when it shares a SQLite connection."""

    def run(self) -> None:
        if self.connections_override:
            self.server_class = _TakingTurnsServer
        super().run()


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest, django_db_setup: None) -> Iterator[LiveServer]:
    """pytest-django's `live_server` (the same address option), on `_LiveServerThread`; after
    the test database exists, so that an in-memory SQLite one is seen as such."""
    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    old = server.thread
    server.thread = _LiveServerThread(
        old.host,
        old.static_handler,
        connections_override=old.connections_override,
        port=old.port,
    )
    server.thread.daemon = True
    server.start()
    yield server
    server.stop()


# axe-core from the npm registry (package.json, installed by `make test`).
AXE_SCRIPT = Path(__file__).resolve().parents[3] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 levels A and AA, with the 2.0 and 2.1 criteria they include (axe's tag names).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@cache
def _axe_source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8") + "\n;true"


def axe_violations(page: Any) -> list[str]:
    """Every WCAG 2.2 A/AA violation axe-core finds on the page, one line each: the rule, its
    help text and the first elements it names."""
    if not AXE_SCRIPT.exists():
        message = f"axe-core is not installed ({AXE_SCRIPT}): run `make test` or `npm ci`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: the site's Content-Security-Policy (no inline
        # script) stays on for the page itself.
        page.evaluate(_axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]


def shot(page: Any, name: str) -> None:
    """A key page: it must pass axe-core (WCAG 2.2 A/AA) with no violation, and its screenshot
    is kept as `<name>.png` in the folder SERGUR_SCREENSHOTS names (for docs/screenshots/)."""
    violations = axe_violations(page)
    assert not violations, f"{name} at {page.url}:\n" + "\n".join(violations)
    folder = os.environ.get("SERGUR_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def sign_in(browser: Any, base: str, username: str, password: str) -> Any:
    """A new page in Indonesian, signed in through the login form."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    submit(page, page.locator("main form button[type=submit]"))
    return page


def submit(page: Any, button: Any) -> None:
    """Click a button that submits a form and wait until its answer is in.

    `wait_for_load_state` after a plain click returns at once while the old page is still
    the loaded one, and the next `goto` may then cancel the form's request (seen on a loaded
    machine). A form sent by htmx (`hx-post`) is waited for by its response, any other one
    by the page it leads to; neither can race."""
    form = button.locator("xpath=ancestor::form[1]")
    if form.get_attribute("hx-post") is not None:
        with page.expect_response(lambda response: response.request.method == "POST"):
            button.click()
    else:
        with page.expect_navigation(wait_until="load"):
            button.click()
