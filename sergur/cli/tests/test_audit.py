"""`sergur audit verify` hands over to the web app's `audit_verify` (the command line never
imports Django): the process is replaced by `python -m django audit_verify`."""

from __future__ import annotations

import os
import sys

import pytest

from sergur.cli import audit
from sergur.cli.main import build_parser, main


class Replaced(Exception):
    """What the fake execv raises instead of replacing the test's process."""


def _fake_execv(calls: list[list[str]]):
    def execv(path: str, argv: list[str]) -> None:
        calls.append([path, *argv[1:]])
        raise Replaced

    return execv


def test_verify_execs_the_management_command_with_the_default_settings(monkeypatch):
    calls: list[list[str]] = []
    monkeypatch.setattr(os, "execv", _fake_execv(calls))
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)

    with pytest.raises(Replaced):
        main(["audit", "verify", "--limit", "3"])

    assert calls == [[sys.executable, "-m", "django", "audit_verify", "--limit", "3"]]
    assert os.environ["DJANGO_SETTINGS_MODULE"] == audit.SETTINGS


def test_verify_keeps_the_settings_already_chosen(monkeypatch):
    monkeypatch.setattr(os, "execv", _fake_execv([]))
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "config.settings.production")

    with pytest.raises(Replaced):
        main(["audit", "verify"])

    assert os.environ["DJANGO_SETTINGS_MODULE"] == "config.settings.production"


def test_audit_needs_a_subcommand(capsys):
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["audit"])

    assert exit_.value.code == 2
    assert "verify" in capsys.readouterr().err
