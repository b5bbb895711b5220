"""Allocation of assessors to the portfolios a rayon received (rules.assessment.allocation):
two per portfolio, load balanced, subject matched, no conflict of interest; manual
reassignment with a reason; a third assessor for a reconciliation in "third" mode.

OWNED BY THE ALLOCATION HELPER: this module is being written now.
"""

from __future__ import annotations

from sergur.accounts.models import User
from sergur.assessments.models import Allocation
from sergur.cases.models import Case


def third_assessor_allocate(*, case: Case, round: int, actor: User | None) -> Allocation | None:
    """A third assessor for the round (never one of the first two, no conflict)."""
    raise NotImplementedError
