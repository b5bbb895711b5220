"""Render the panels other apps add to the case page (sergur.cases.panels)."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from sergur.cases.panels import Panel

register = template.Library()


@register.simple_tag(takes_context=True)
def case_panel(context: dict[str, Any], panel: Panel) -> SafeString:
    """One panel, rendered with its own context (and the request, for CSRF and the user)."""
    return render_to_string(panel.template, panel.context, request=context.get("request"))
