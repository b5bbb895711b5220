"""A scored portfolio in the reader's language: the rows of the CLI's table, as filters.

Every sentence comes from the rules core (`sergur.rules.messages`) in the language that
`rules_lang()` picks from Django's active one; these filters only choose and arrange.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django import template
from django.utils.translation import gettext

from sergur.common.i18n import rules_lang
from sergur.rules import COMPONENT_KEYS, Message, Problem, ScoreResult
from sergur.rules.messages import DECISIONS, GROUPS, INTERPRETATIONS, component_names, msg, number

register = template.Library()

SUB_SCORES = ("lesson_plans", "teaching_observation")


@dataclass(frozen=True, slots=True)
class ComponentRow:
    """One line of the component table: `position` is empty for the 4a/4b sub-scores."""

    position: str
    name: str
    points: str
    sub: bool = False


@dataclass(frozen=True, slots=True)
class GroupRow:
    """One group: its value before the cap, its rule in words, and whether the rule holds."""

    group: str
    name: str
    points: str
    rule: str
    holds: bool


@dataclass(frozen=True, slots=True)
class Interpretation:
    """An interpretation (docs/rules.md) that the score depends on."""

    key: str
    text: str


@register.filter
def points(value: Decimal | int) -> str:
    """A score as people write it (a decimal comma in Indonesian)."""
    return number(value, rules_lang())


@register.filter
def in_lang(item: Message | Problem) -> str:
    """A reason, trace rule or validation error in plain words."""
    return item.text(rules_lang())


@register.filter
def decision_name(code: str) -> str:
    """The name of a decision code (L → Lulus / Pass)."""
    return DECISIONS[code][rules_lang()]


@register.filter
def component_rows(result: ScoreResult) -> list[ComponentRow]:
    """The ten components in the instrument's order, with 4a and 4b under component 4."""
    lang = rules_lang()
    names = component_names(result.role)
    rows: list[ComponentRow] = []
    for position, key in enumerate(COMPONENT_KEYS, start=1):
        value = number(result.components[key], lang)
        rows.append(ComponentRow(str(position), names[key][lang], value))
        if key == "learning_plans_and_practice":
            for sub in SUB_SCORES:
                sub_value = number(getattr(result, sub), lang)
                rows.append(ComponentRow("", names[sub][lang], sub_value, sub=True))
    return rows


@register.filter
def group_rows(result: ScoreResult) -> list[GroupRow]:
    """Groups A, B and C as the decision checked them; C says what it counts after the cap."""
    lang = rules_lang()
    cap = result.year.portfolio.group_c_cap
    rows: list[GroupRow] = []
    for check in result.decision.groups:
        if check.group == "A":
            rule = msg("check.group_a", minimum=check.minimum).text(lang)
        elif check.group == "B":
            rule = msg("check.group_b", minimum=check.minimum).text(lang)
        else:
            counted = gettext("counts %(value)s") % {"value": number(result.group_c_counted, lang)}
            rule = f"{msg('check.group_c', cap=cap).text(lang)} ({counted})"
        rows.append(
            GroupRow(
                group=check.group,
                name=GROUPS[check.group][lang],
                points=number(check.value, lang),
                rule=rule,
                holds=check.holds,
            )
        )
    return rows


@register.filter
def interpretations(result: ScoreResult) -> list[Interpretation]:
    """The interpretations this score depends on, with their text."""
    lang = rules_lang()
    return [Interpretation(key, INTERPRETATIONS[key][lang]) for key in result.interpretations]
