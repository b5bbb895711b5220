"""Amounts in rupiah as the reader's language writes them."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.formats import number_format

from sergur.common.i18n import rules_lang
from sergur.rules.messages import TEMPLATES, Message

register = template.Library()


@register.filter
def rupiah(value: Decimal | int | None) -> str:
    """`Rp 3.012.000` (Indonesian) or `Rp 3,012,000` (English); empty for none."""
    if value is None or value == "":
        return ""
    return f"Rp {number_format(value, 0, force_grouping=True)}"


@register.filter
def reason_text(reason: dict[str, object]) -> str:
    """A stored reason (code and parameters) in the reader's language."""
    params = reason.get("params")
    code = str(reason.get("code", ""))
    if code not in TEMPLATES or not isinstance(params, dict):
        return ""
    return Message(code, tuple(params.items())).text(rules_lang())
