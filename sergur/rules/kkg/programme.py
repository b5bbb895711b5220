"""A working group's yearly programme and the credit of a package, with reasons
(docs/kkg.md; docs/sources/domain.md §7.4, "KKG and MGMP")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sergur.rules.kkg.params import KkgParams
from sergur.rules.messages import Message, msg

ZERO = Decimal(0)
HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class ProgrammeCheck:
    """Whether a yearly programme meets the minimum, and why not."""

    meetings: int
    packages: int
    reasons: tuple[Message, ...]

    @property
    def ok(self) -> bool:
        """The programme has enough meetings, each package enough of them."""
        return not self.reasons


def programme_check(package_sizes: Sequence[int], params: KkgParams) -> ProgrammeCheck:
    """Check a programme given the meetings of each package: at least the year's minimum of
    meetings, every package at least its minimum (docs/sources/domain.md §7.4)."""
    reasons: list[Message] = []
    total = sum(package_sizes)
    if total < params.min_meetings_per_year:
        reasons.append(msg("kkg.few_meetings", count=total, minimum=params.min_meetings_per_year))
    for number, size in enumerate(package_sizes, start=1):
        if size < params.min_meetings_per_package:
            reasons.append(
                msg(
                    "kkg.small_package",
                    package=number,
                    count=size,
                    minimum=params.min_meetings_per_package,
                )
            )
    return ProgrammeCheck(meetings=total, packages=len(package_sizes), reasons=tuple(reasons))


@dataclass(frozen=True, slots=True)
class PackageCredit:
    """The credit one member earns from one package, and why (not)."""

    credit: Decimal
    reasons: tuple[Message, ...]

    @property
    def earned(self) -> bool:
        """The member earns the package's credit."""
        return not self.reasons


def package_credit(*, held: int, attended: int, reported: bool, params: KkgParams) -> PackageCredit:
    """The credit of a package for a member: the package held its minimum of meetings, has
    its written report, and the member attended enough of them (docs/sources/domain.md §7.4;
    the attendance minimum is a product reading, docs/kkg.md)."""
    reasons: list[Message] = []
    if held < params.min_meetings_per_package:
        reasons.append(
            msg("kkg.package_short", count=held, minimum=params.min_meetings_per_package)
        )
    if params.report_required and not reported:
        reasons.append(msg("kkg.no_report"))
    if attended < params.min_attended_per_package:
        reasons.append(msg("kkg.absent", count=attended, minimum=params.min_attended_per_package))
    credit = ZERO if reasons else params.package_credit
    return PackageCredit(credit=credit, reasons=tuple(reasons))


def participation(*, attended: int, held: int) -> Decimal:
    """The share of meetings attended, in per cent with one decimal (0 when none held)."""
    if held <= 0:
        return ZERO
    share = HUNDRED * min(max(attended, 0), held) / held
    return share.quantize(Decimal("0.1"))
