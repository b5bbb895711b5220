"""Every sentence that counts says "1 decision", never "1 decisions" or "document(s)": a
count before a plural noun goes through ngettext (`{% blocktranslate count %}` in templates,
`ngettext`/`ngettext_lazy` in Python, a singular key in the rules' catalogue)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from sergur.rules.messages import TEMPLATES

ROOT = Path(__file__).resolve().parents[3]
# A placeholder (Python, template or rules catalogue) followed by a word ending in "s".
COUNTED = re.compile(
    r"(?:%\((?P<py>\w+)\)[sd]|\{\{ ?(?P<tpl>\w+) ?\}\}|\{(?P<rules>\w+)\})\s+(?P<word>[a-z]+s)\b"
)
# Words after a placeholder that are no plural noun, and placeholders that are no count.
NOT_NOUNS = frozenset(
    {"is", "was", "has", "its", "this", "as", "us", "always", "does", "goes"}
    | {"exceeds", "starts", "gives", "holds", "appears", "approves", "comes", "lists"}
)
# Not a count of things: names, and limits or sizes that are never 1 (a maximum length, the
# 24 items of an instrument, the year's thresholds); their sentence may keep the plural.
NOT_COUNTS = frozenset(
    {"name", "stage", "who", "section", "code", "codes", "title", "label", "subject", "topic"}
    | {"column", "district", "key", "value", "year", "target", "band"}
    | {"limit", "max", "maximum", "size", "capacity", "length", "half", "pairs"}
    | {"height", "width", "megapixels", "quota", "required", "min_years"}
)
GETTEXT = frozenset({"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy"})
BLOCK = re.compile(
    r"\{% blocktranslate(?P<args>[^%]*)%\}(?P<body>.*?)\{% endblocktranslate %\}", re.S
)


def problems(text: str) -> list[str]:
    """The counted plural nouns of one sentence that has no plural form."""
    found = []
    if "(s)" in text:
        found.append("(s)")
    # `{n} {n:one|other}` (the rules' catalogue) is a plural form: drop the choice first.
    text = re.sub(r"\{\w+:[^{}|]*\|[^{}]*\}", "", text)
    for match in COUNTED.finditer(text):
        name = match.group("py") or match.group("tpl") or match.group("rules")
        if match.group("word") not in NOT_NOUNS and name not in NOT_COUNTS:
            found.append(match.group(0))
    return found


def template_sentences() -> Iterator[tuple[str, str]]:
    for path in sorted([*ROOT.glob("templates/**/*.html"), *ROOT.glob("sergur/**/templates/**/*")]):
        if path.suffix not in {".html", ".txt"}:
            continue
        for match in BLOCK.finditer(path.read_text(encoding="utf-8")):
            if " count " not in f" {match.group('args')} ":
                yield f"{path.relative_to(ROOT)}", match.group("body")


def python_sentences() -> Iterator[tuple[str, str]]:
    for path in sorted(ROOT.glob("sergur/**/*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in GETTEXT
                and node.args
                and isinstance(node.args[-1], ast.Constant)
                and isinstance(node.args[-1].value, str)
            ):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node.args[-1].value


def test_the_scanner_finds_what_it_is_for() -> None:
    assert problems("%(count)d decisions published.") == ["%(count)d decisions"]
    assert problems("{{ counter }} entries") == ["{{ counter }} entries"]
    assert problems("{count} entries have no evidence yet.") == ["{count} entries"]
    assert problems("%(count)s document(s) left") == ["(s)"]
    assert problems("{count} {count:entry has|entries have} no evidence") == []
    assert problems("The portfolio of %(name)s was passed on.") == []


@pytest.mark.parametrize(
    ("where", "sentence"), [*template_sentences(), *python_sentences()], ids=lambda v: str(v)[:60]
)
def test_no_count_without_its_plural_form(where: str, sentence: str) -> None:
    assert problems(sentence) == [], f"{where}: use ngettext / blocktranslate count"


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_the_rules_catalogue_counts_in_the_singular_too(key: str) -> None:
    assert problems(TEMPLATES[key]["en"]) == [], f"{key}: write {{n}} {{n:one|other}}"
