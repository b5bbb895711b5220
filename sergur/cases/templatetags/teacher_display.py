"""How a page names a case's teacher to its reader: `{% teacher_label case %}` gives the name,
or the participant number to a reader who scores blind (`sergur.cases.selectors.teacher_label`)."""

from __future__ import annotations

from typing import Any

from django import template

from sergur.cases.models import Case
from sergur.cases.selectors import identity_hidden, teacher_label

register = template.Library()


@register.simple_tag(takes_context=True)
def teacher_name(context: dict[str, Any], case: Case) -> str:
    """The teacher of `case` as the signed-in reader may know them."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return str(case.teacher.name)
    return teacher_label(user=user, case=case)


@register.simple_tag(takes_context=True)
def blind(context: dict[str, Any]) -> bool:
    """Whether the reader knows teachers only by participant number."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return user is not None and identity_hidden(user)
