"""docs/privacy.md shows the retention table as sergur/rules/retention.toml holds it."""

from __future__ import annotations

from pathlib import Path

from sergur.rules.retention import CountsFrom, RetentionRule, retention_rules

DOC = Path(__file__).resolve().parents[3] / "docs" / "privacy.md"
START, END = "<!-- retention-table:start -->\n", "<!-- retention-table:end -->"


def kept(rule: RetentionRule) -> str:
    if rule.years is None:
        return "without a time limit"
    unit = "year" if rule.years == 1 else "years"
    since = "the case closed" if rule.counts_from is CountsFrom.CASE_CLOSED else "it was recorded"
    return f"{rule.years} {unit} after {since}"


def table() -> str:
    """The table as the doc must show it (paste it between the markers when the file changes)."""
    lines = ["| kind | records | kept | why |", "|---|---|---|---|"]
    lines += [
        f"| `{kind}` | {rule.holds['en']} | {kept(rule)} | {rule.basis['en']} |"
        for kind, rule in retention_rules().items()
    ]
    return "\n".join(lines) + "\n"


def test_the_privacy_doc_shows_the_retention_table_of_the_rules():
    text = DOC.read_text(encoding="utf-8")
    shown = text[text.index(START) + len(START) : text.index(END)]

    assert shown == table(), "docs/privacy.md's retention table differs; it should be:\n" + table()
