"""The audit page names actions in words: every action the code records has a label in the one
map (sergur/common/audit.py, ACTION_LABELS), in English and Indonesian; an unknown action
shows its code."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sergur.common.audit import ACTION_LABELS, Action, AuditEntry, action_label, audit_record_many

SOURCE = Path(__file__).resolve().parents[2]
RECORDERS = {"audit_record", "entry_for", "AuditEntry"}


def _module(path: Path) -> str:
    return ".".join(path.relative_to(SOURCE.parent).with_suffix("").parts)


def _codes(value: ast.expr, module: str) -> list[str]:
    """The action codes an `action=` argument can carry: a literal, a constant of the module
    (or imported into it), `Action.X`, or the values of a mapping constant indexed."""
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return [value.value]
    if isinstance(value, ast.Subscript):
        return _codes(value.value, module)
    found: object = None
    if isinstance(value, ast.Name):
        found = getattr(importlib.import_module(module), value.id, None)
    elif isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name):
        owner = getattr(importlib.import_module(module), value.value.id, None)
        found = getattr(owner, value.attr, None)
    if isinstance(found, str):
        return [found]
    if isinstance(found, dict):
        return [code for code in found.values() if isinstance(code, str)]
    return []


def _recorded() -> tuple[set[str], list[str]]:
    """Every action code passed to a recorder in the code, and the call sites not understood
    (a parameter passed through)."""
    codes: set[str] = set()
    unread: list[str] = []
    for path in sorted(SOURCE.rglob("*.py")):
        if {"tests", "migrations"} & set(path.parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            for keyword in node.keywords:
                if name in RECORDERS and keyword.arg == "action":
                    found = _codes(keyword.value, _module(path))
                    codes.update(found)
                    if not found:
                        unread.append(f"{path.relative_to(SOURCE)}:{node.lineno}")
    return codes, unread


def test_every_action_the_code_records_has_a_label() -> None:
    codes, unread = _recorded()

    assert {"allowance.load_changed", "planner.accepted", "payments.run_done"} <= codes
    assert set(Action.ALL) <= codes | set(ACTION_LABELS)
    assert sorted(codes - set(ACTION_LABELS)) == []
    # Only the helpers that pass their caller's action through are not read here.
    assert {site.split(":")[0] for site in unread} <= {
        "common/audit.py",
        "imports/services/apply.py",
    }


def test_every_label_is_in_indonesian() -> None:
    with translation.override("id"):
        untranslated = [code for code, label in ACTION_LABELS.items() if str(label) == _en(code)]
    assert untranslated == []


def _en(code: str) -> str:
    with translation.override("en"):
        return action_label(code)


def test_an_unknown_action_shows_its_code() -> None:
    assert action_label("legacy.moved") == "legacy.moved"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Teaching load changed"), ("id", "Beban mengajar diubah")],
)
def test_the_audit_page_names_actions_in_words(cast, language: str, words: str) -> None:
    audit_record_many(
        entries=[
            AuditEntry(action="allowance.load_changed", object_kind="load", object_id="t1"),
            AuditEntry(action="legacy.moved", object_kind="load", object_id="t2"),
        ]
    )
    client = Client()
    client.cookies["django_language"] = language
    client.force_login(cast.operator)

    text = client.get(reverse("common:audit")).content.decode()

    assert f"<td>{words}</td>" in text and "<td>legacy.moved</td>" in text
    assert "allowance.load_changed</" not in text
