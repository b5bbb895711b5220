"""The payments' panel on the teacher's "My allowance" (registered through
`sergur/allowance/panels.py`): the semester's SKTP line, what blocks it when the teacher is
eligible but not listed, what was paid for the semester, and the way to the whole history."""

from __future__ import annotations

from sergur.allowance.models import SemesterEligibility
from sergur.cases.panels import Panel
from sergur.payments.selectors import teacher_semester_money
from sergur.registry.models import Teacher


def allowance_money_panel(teacher: Teacher, row: SemesterEligibility | None) -> Panel:
    """The semester's decree and payments (at most four queries); without a computed
    semester only the link to the history."""
    if row is None:
        return Panel("payments/_allowance_panel.html", {"money": None}, order=10)
    money = teacher_semester_money(teacher=teacher, row=row)
    context = {"money": money, "row": row, "profile_needed": money.profile_needed}
    return Panel("payments/_allowance_panel.html", context, order=10)
