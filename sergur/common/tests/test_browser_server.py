"""The browser tests' live server (sergur/common/tests/browser.py): on the shared in-memory
SQLite connection, requests take turns; the live server in use is that one."""

from __future__ import annotations

import http.client
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection

from sergur.common.tests.browser import _LiveServerThread, _TakingTurnsServer


def _serve(app: Any) -> tuple[_TakingTurnsServer, threading.Thread]:
    server = _TakingTurnsServer(("127.0.0.1", 0), _handler(), connections_override={})
    server.set_app(app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


def _handler() -> Any:
    from django.test.testcases import QuietWSGIRequestHandler

    return QuietWSGIRequestHandler


def _get(port: int) -> bytes:
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    client.request("GET", "/")
    body = client.getresponse().read()
    client.close()
    return body


def test_requests_take_turns_and_streamed_bodies_are_read_inside_the_turn() -> None:
    running = 0
    most = 0
    lock = threading.Lock()

    def app(environ: dict[str, Any], start_response: Any) -> Any:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.05)
        start_response("200 OK", [("Content-Type", "text/plain")])

        def body() -> Any:
            yield b"a"
            time.sleep(0.02)  # still inside the turn: nobody else runs meanwhile
            yield b"b"
            nonlocal running
            with lock:
                running -= 1

        return body()

    server, thread = _serve(app)
    try:
        with ThreadPoolExecutor(max_workers=6) as pool:
            bodies = list(pool.map(_get, [server.server_address[1]] * 6))
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert bodies == [b"ab"] * 6
    assert most == 1


@pytest.mark.django_db(transaction=True)
def test_the_live_server_takes_turns_on_sqlite_and_not_on_postgresql(live_server: Any) -> None:
    assert isinstance(live_server.thread, _LiveServerThread)
    turns = isinstance(live_server.thread.httpd, _TakingTurnsServer)
    assert turns == (connection.vendor == "sqlite")
