"""The teacher's "My allowance": eligible in a semester or not, every rule's reason and what
would fix it, the load lines counted, and the panels of the apps that follow (the semester's
SKTP line and payments, `sergur/allowance/panels.py`). A teacher sees only their own."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from sergur.allowance.panels import allowance_panels
from sergur.allowance.selectors import own_eligibility, own_load, own_teacher
from sergur.common.http import AuthenticatedHttpRequest
from sergur.common.i18n import rules_lang
from sergur.rules.allowance.semester import SemesterError, parse_semester
from sergur.rules.messages import TEMPLATES, Lang, msg


def rule_name(rule: str, lang: Lang) -> str:
    """An eligibility rule's name in words; the key itself for a rule the catalogue does not
    name (a rule added to the rules core before its name)."""
    code = f"allowance.rule.{rule}"
    return msg(code).text(lang) if code in TEMPLATES else rule


@require_safe
@login_required
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The teacher's eligibility: the asked semester, else the latest computed."""
    teacher = own_teacher(request.user)
    rows = own_eligibility(teacher=teacher)
    wanted = request.GET.get("semester", "")
    row = next((r for r in rows if r.semester == wanted), rows[0] if rows else None)
    lang = rules_lang()
    reasons = []
    lines = []
    if row is not None:
        reasons = [
            {
                "rule": rule_name(str(r["rule"]), lang),
                "passed": r["passed"],
                "reason": r["reason"][lang],
                "fix": r["fix"][lang] if r["fix"] else "",
            }
            for r in row.reasons
        ]
        try:
            lines = own_load(teacher=teacher, semester=parse_semester(row.semester))
        except SemesterError:
            lines = []
    context = {
        "teacher": teacher,
        "row": row,
        "semesters": [r.semester for r in rows],
        "reasons": reasons,
        "failed": [r for r in reasons if not r["passed"] and r["fix"]],
        "lines": lines,
        "panels": allowance_panels(teacher=teacher, row=row),
    }
    return render(request, "allowance/mine.html", context)
