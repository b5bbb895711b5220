"""Allocating assessors to portfolios (docs/sources/domain.md §2): every portfolio is scored blind
by two assessors of its subject, none of whom may have a conflict of interest with the teacher (same
school, same home district, a declared relationship), and no assessor takes more portfolios
than their maximum load. An assessor who lacks an FAQ criterion (qualification.py) takes none,
and one from another rayon only takes the subjects the year lets cross the rayon.

The allocation is deterministic: the same portfolios and assessors give the same plan whatever
order they come in. Portfolios with the fewest eligible assessors are placed first (ties by
case id), and each takes the least-loaded eligible assessors (ties by assessor id), so the load
spreads evenly. Assessors to keep (a re-assessment round) are taken first when still eligible.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from msgspec import Struct

from sergur.rules.messages import Message, msg

PER_PORTFOLIO = 2  # two blind assessors per portfolio (docs/sources/domain.md §2)


class PortfolioSlot(Struct, frozen=True):
    """One portfolio waiting for assessors: case, teacher, subject, where the teacher works."""

    case: int
    teacher: int
    subject: str
    school: int | None
    district: int | None
    # A local-content, ICT, maritime or tourism subject: may take assessors from outside the
    # rayon (docs/sources/seeds/003_358fe984fbae11df.txt, the FAQ on assessors, question 7).
    outside_rayon_allowed: bool = False


class AssessorSlot(Struct, frozen=True):
    """One assessor of the register, as the allocation sees them."""

    id: int
    subjects: frozenset[str]
    school: int | None
    district: int | None
    related_teachers: frozenset[int]
    capacity: int  # maximum number of portfolios in the programme year
    load: int  # portfolios already allocated in the programme year
    active: bool = True
    unqualified: tuple[Message, ...] = ()  # the FAQ criteria they lack (qualification.py)
    outside_rayon: bool = False  # registered with another rayon's university


class AllocationPlan(Struct, frozen=True):
    """The result: assessors per placed case (in slot order), the reasons a case could not be
    placed, and every assessor's load after the plan."""

    placed: dict[int, tuple[int, ...]]
    unplaced: dict[int, tuple[Message, ...]]
    loads: dict[int, int]


def conflicts(portfolio: PortfolioSlot, assessor: AssessorSlot) -> tuple[Message, ...]:
    """Every reason the assessor may not assess this portfolio; empty when they may."""
    reasons: list[Message] = []
    if not assessor.active:
        reasons.append(msg("allocation.inactive"))
    reasons.extend(assessor.unqualified)
    if assessor.outside_rayon and not portfolio.outside_rayon_allowed:
        reasons.append(msg("allocation.outside_rayon"))
    if portfolio.school is not None and portfolio.school == assessor.school:
        reasons.append(msg("allocation.same_school"))
    if portfolio.district is not None and portfolio.district == assessor.district:
        reasons.append(msg("allocation.same_district"))
    if portfolio.teacher in assessor.related_teachers:
        reasons.append(msg("allocation.related"))
    return tuple(reasons)


def obstacles(
    portfolio: PortfolioSlot, assessor: AssessorSlot, *, load: int | None = None
) -> tuple[Message, ...]:
    """Every reason the assessor cannot take this portfolio now: a subject they do not assess,
    a conflict of interest, or a full load (`load` overrides the assessor's own)."""
    reasons: list[Message] = []
    if portfolio.subject not in assessor.subjects:
        reasons.append(msg("allocation.subject", subject=portfolio.subject))
    reasons.extend(conflicts(portfolio, assessor))
    current = assessor.load if load is None else load
    if current >= assessor.capacity:
        reasons.append(msg("allocation.full", capacity=assessor.capacity))
    return tuple(reasons)


def _unique[T](items: Iterable[T], key: str, ident: str) -> dict[int, T]:
    found: dict[int, T] = {}
    for item in items:
        number = getattr(item, key)
        if number in found:
            raise ValueError(f"{ident} {number} appears twice")
        found[number] = item
    return found


def _why_not(
    portfolio: PortfolioSlot,
    matching: list[AssessorSlot],
    free: list[AssessorSlot],
    room: int,
    needed: int,
) -> Message:
    """The one sentence that explains why a portfolio found too few assessors."""
    if len(matching) < needed:
        return msg(
            "allocation.too_few_subject",
            subject=portfolio.subject,
            found=len(matching),
            needed=needed,
        )
    if len(free) < needed:
        return msg(
            "allocation.conflicted",
            subject=portfolio.subject,
            conflicted=len(matching) - len(free),
            free=len(free),
            needed=needed,
        )
    return msg("allocation.capacity", subject=portfolio.subject, room=room, needed=needed)


def allocate(
    portfolios: Iterable[PortfolioSlot],
    assessors: Iterable[AssessorSlot],
    *,
    per_portfolio: int = PER_PORTFOLIO,
    exclude: Mapping[int, frozenset[int]] | None = None,
    keep: Mapping[int, tuple[int, ...]] | None = None,
) -> AllocationPlan:
    """Place `per_portfolio` distinct, eligible assessors on every portfolio, spreading the load.

    `exclude` maps a case to assessors never to use for it (the first two, for a third
    assessor); `keep` maps a case to assessors to reuse first when still eligible (the previous
    round's assessors when a completed portfolio is assessed again). A case that cannot get all
    its assessors gets none, with the reason.
    """
    if per_portfolio < 1:
        raise ValueError("per_portfolio must be 1 or more")
    exclude = exclude or {}
    keep = keep or {}
    by_case = _unique(portfolios, "case", "case")
    by_id = _unique(assessors, "id", "assessor")
    pool = [by_id[number] for number in sorted(by_id)]
    loads = {assessor.id: assessor.load for assessor in pool}

    def may(portfolio: PortfolioSlot, assessor: AssessorSlot) -> bool:
        return (
            portfolio.subject in assessor.subjects
            and not conflicts(portfolio, assessor)
            and assessor.id not in exclude.get(portfolio.case, frozenset())
        )

    eligible = {case: [a for a in pool if may(p, a)] for case, p in by_case.items()}
    order = sorted(by_case, key=lambda case: (len(eligible[case]), case))

    placed: dict[int, tuple[int, ...]] = {}
    unplaced: dict[int, tuple[Message, ...]] = {}
    for case in order:
        free = eligible[case]
        with_room = [a for a in free if loads[a.id] < a.capacity]
        room_ids = {a.id for a in with_room}
        chosen: list[int] = []
        for number in keep.get(case, ()):
            if number in room_ids and number not in chosen and len(chosen) < per_portfolio:
                chosen.append(number)
        rest = sorted(
            (a for a in with_room if a.id not in chosen), key=lambda a: (loads[a.id], a.id)
        )
        chosen.extend(a.id for a in rest[: per_portfolio - len(chosen)])
        if len(chosen) < per_portfolio:
            portfolio = by_case[case]
            matching = [a for a in pool if portfolio.subject in a.subjects]
            reason = _why_not(portfolio, matching, free, len(with_room), per_portfolio)
            unplaced[case] = (reason,)
            continue
        for number in chosen:
            loads[number] += 1
        placed[case] = tuple(chosen)
    return AllocationPlan(
        placed=dict(sorted(placed.items())), unplaced=dict(sorted(unplaced.items())), loads=loads
    )
