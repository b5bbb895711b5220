"""The teacher's estimate: what the declared components already score, and how far each
group and the pass mark still are. Components 4 (plans scored by the assessors, practice by
the principal and supervisor, or for a counsellor by the assessors) and 5 (the closed
envelope) are not the teacher's to declare;
the estimate shows the most they can add. It is an estimate: the assessors decide.
"""

from __future__ import annotations

from decimal import Decimal

from msgspec import Struct

from sergur.rules.programme import RulesYear
from sergur.rules.scoring import ScoreResult

# The most the parts the teacher does not declare can add (docs/sources/rubric-2007.md §4, §5).
ASSESSED_MAXIMA = {"A": 40 + 120, "B": 50}


class GroupEstimate(Struct, frozen=True, gc=False):
    """One group: the declared points, its minimum, the gap, the most still to come."""

    group: str
    declared: Decimal | int
    minimum: Decimal | int
    gap: Decimal | int
    still_possible: int

    @property
    def reachable(self) -> bool:
        """Whether the assessed parts can still close the gap."""
        return self.gap <= self.still_possible

    @property
    def empty(self) -> bool:
        """Nothing declared in the group (group C must not be empty)."""
        return self.declared <= 0


class Estimate(Struct, frozen=True, gc=False):
    """The estimate of a portfolio whose components 4 and 5 are not known yet."""

    groups: tuple[GroupEstimate, ...]
    declared_total: Decimal | int
    pass_mark: Decimal | int
    gap_to_pass: Decimal | int
    still_possible: int

    @property
    def reachable(self) -> bool:
        """Whether the pass mark can still be reached with full marks on 4 and 5."""
        return self.gap_to_pass <= self.still_possible


def estimate(result: ScoreResult, year: RulesYear) -> Estimate:
    """Gaps to each group minimum and to the pass mark, from a score of the declared parts."""
    t = year.portfolio
    # The minima as the decision applied them (B depends on the special-area flag); C has
    # no minimum, it must only not be empty (GroupEstimate.empty tells).
    minima = {check.group: check.minimum for check in result.decision.groups}
    declared = {"A": result.group_a, "B": result.group_b, "C": result.group_c}
    groups = tuple(
        GroupEstimate(
            group=g,
            declared=declared[g],
            minimum=minima[g],
            gap=minima[g] - declared[g] if declared[g] < minima[g] else 0,
            still_possible=ASSESSED_MAXIMA.get(g, 0),
        )
        for g in ("A", "B", "C")
    )
    total = result.total
    gap_to_pass = t.pass_mark - total if total < t.pass_mark else 0
    return Estimate(
        groups=groups,
        declared_total=total,
        pass_mark=t.pass_mark,
        gap_to_pass=gap_to_pass,
        still_possible=sum(ASSESSED_MAXIMA.values()),
    )
