"""Quotas: proportional allocation, the non-PNS share and unfilled places (docs/sources/domain.md
§4.4).

Allocation follows the 2007 formula KP = GP/GN × TN (province), KK = GK/GP × KP (district),
KSp = GSp/GK × KK (school level), rounded by the largest-remainder (Hamilton) method so the
parts add up exactly to the whole. Equal remainders go to the larger weight, then to the
smaller key. Hamilton can give a part one place fewer when the total grows (the Alabama
paradox); the sources are silent, and exact sums matter more here (docs/selection.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from decimal import ROUND_CEILING
from functools import lru_cache
from typing import Any

from msgspec import Struct

from sergur.rules.messages import Message, msg
from sergur.rules.selection import Ranked
from sergur.rules.selection.params import SelectionParams

Level = tuple[str, str, str]  # (province, district, school level)


class QuotaError(ValueError):
    """A quota cannot be allocated as asked (negative numbers, nothing to divide by)."""


def _order_key(item: tuple[Any, int, int]) -> tuple[int, int, Any]:
    key, weight, remainder = item
    return (-remainder, -weight, key)


def allocate[K: Hashable](total: int, weights: Mapping[K, int]) -> dict[K, int]:
    """Split `total` in proportion to `weights`, parts adding up exactly (Hamilton; §4.4)."""
    if isinstance(total, bool) or not isinstance(total, int) or total < 0:
        raise QuotaError(f"the total must be a whole number, 0 or more, not {total!r}")
    for key, weight in weights.items():
        if isinstance(weight, bool) or not isinstance(weight, int) or weight < 0:
            raise QuotaError(f"the weight of {key!r} must be a whole number, 0 or more")
    whole = sum(weights.values())
    if whole == 0:
        if total:
            raise QuotaError(f"cannot allocate {total} places: there is nothing to divide by")
        return dict.fromkeys(weights, 0)
    parts: dict[K, int] = {}
    rests: list[tuple[K, int, int]] = []
    for key, weight in weights.items():
        part, remainder = divmod(total * weight, whole)
        parts[key] = part
        if remainder:
            rests.append((key, weight, remainder))
    left = total - sum(parts.values())
    for key, _weight, _remainder in sorted(rests, key=_order_key)[:left]:
        parts[key] += 1
    return parts


def target_refusal(target: int, eligible: int) -> Message | None:
    """Why a national target of `target` places cannot be shared out over `eligible` teachers
    (nobody is eligible, or more places than eligible teachers: a place goes to an eligible
    teacher; docs/sources/domain.md §4.4), or None when it can."""
    if target > 0 and eligible == 0:
        return msg("selection.target_nobody", target=target)
    if target > eligible:
        return msg("selection.target_too_big", target=target, total=eligible)
    return None


def allocate_nation(total: int, counts: Mapping[Level, int]) -> dict[Level, int]:
    """Nation → province → district → school level, each step by `allocate` (docs/sources/domain.md
    §4.4)."""
    provinces: dict[str, int] = defaultdict(int)
    districts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    levels: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for (province, district, level), count in counts.items():
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise QuotaError(
                f"{province}/{district}/{level}: the teacher count must be a whole number, "
                f"0 or more, not {count!r}"
            )
        provinces[province] += count
        districts[province][district] += count
        levels[(province, district)][level] = count
    result: dict[Level, int] = {}
    for province, kp in allocate(total, provinces).items():
        for district, kk in allocate(kp, districts[province]).items():
            for level, ksp in allocate(kk, levels[(province, district)]).items():
                result[(province, district, level)] = ksp
    return result


class Pick(Struct, frozen=True, gc=False):
    """One selected teacher and why: "rank" or "non_pns_share" (with the message)."""

    ranked: Ranked
    reason: str
    message: Message


class DistrictSelection(Struct, frozen=True, gc=False):
    """Who is selected for one quota, who lost a place to the non-PNS share, and the numbers."""

    selected: tuple[Pick, ...]
    displaced: tuple[tuple[Ranked, Message], ...]
    quota: int
    non_pns_required: int


def non_pns_required(quota: int, params: SelectionParams) -> int:
    """ceil(share × quota): the minimum non-PNS places of one quota (docs/sources/domain.md
    §4.4)."""
    needed = (params.non_pns_min_share * quota).to_integral_value(rounding=ROUND_CEILING)
    return int(needed)


@lru_cache(maxsize=1 << 14)
def _by_rank(position: int) -> Message:
    """The message of a place by rank; equal messages are one shared (immutable) message."""
    return msg("selection.by_rank", position=position)


def select(ranked: Sequence[Ranked], quota: int, params: SelectionParams) -> DistrictSelection:
    """The top `quota` of one ranking, with the year's minimum non-PNS share (docs/sources/domain.md
    §4.4)."""
    if quota < 0:
        raise QuotaError(f"the quota must be 0 or more, not {quota}")
    top = list(ranked[:quota])
    required = non_pns_required(quota, params)
    have = sum(1 for r in top if r.candidate.employment == "non_pns")
    extra: list[Ranked] = []
    if have < required:
        extra = [r for r in ranked[quota:] if r.candidate.employment == "non_pns"]
        extra = extra[: required - have]
    dropped: list[Ranked] = []
    if extra:
        pns_positions = [i for i, r in enumerate(top) if r.candidate.employment != "non_pns"]
        for i in reversed(pns_positions[-len(extra) :]):
            dropped.append(top.pop(i))
        dropped.reverse()
    picks = [Pick(r, "rank", _by_rank(r.position)) for r in top]
    picks.extend(
        Pick(
            r,
            "non_pns_share",
            msg(
                "selection.by_non_pns_share",
                required=required,
                quota=quota,
                position=r.position,
            ),
        )
        for r in extra
    )
    picks.sort(key=lambda p: p.ranked.position)
    displaced = tuple(
        (
            r,
            msg("selection.displaced", position=r.position, required=required, quota=quota),
        )
        for r in dropped
    )
    return DistrictSelection(tuple(picks), displaced, quota, required)


class Move(Struct, frozen=True, gc=False):
    """Places moved from one district to another ("" = nowhere: reported to the LPMP)."""

    source: str
    target: str
    places: int
    reason: Message


class Redistribution(Struct, frozen=True, gc=False):
    """The province's quotas after moving unfillable places, the moves, and what is left over."""

    quotas: dict[str, int]
    moves: tuple[Move, ...]
    unplaced: int


def redistribute(
    province_quota_by_district: Mapping[str, int], eligible_by_district: Mapping[str, int]
) -> Redistribution:
    """Move quota a district cannot fill to the others of the province (docs/sources/domain.md §4.4,
    2011)."""
    quotas = dict(province_quota_by_district)
    for district, quota in quotas.items():
        if quota < 0:
            raise QuotaError(f"{district}: the quota must be 0 or more, not {quota}")
    eligible = {district: eligible_by_district.get(district, 0) for district in quotas}
    for district, count in eligible.items():
        if count < 0:
            raise QuotaError(f"{district}: the eligible count must be 0 or more, not {count}")
    surplus = {d: quotas[d] - eligible[d] for d in sorted(quotas) if quotas[d] > eligible[d]}
    unmet = {d: eligible[d] - quotas[d] for d in sorted(quotas) if eligible[d] > quotas[d]}
    spare = sum(surplus.values())
    room = sum(unmet.values())
    gains = allocate(min(spare, room), unmet) if unmet else {}
    for district, places in surplus.items():
        quotas[district] -= places
    for district, places in gains.items():
        quotas[district] += places
    moves: list[Move] = []
    targets = [(d, n) for d, n in gains.items() if n]
    for source, places in surplus.items():
        left = places
        while left and targets:
            target, room_left = targets[0]
            moved = min(left, room_left)
            moves.append(
                Move(
                    source,
                    target,
                    moved,
                    msg(
                        "selection.moved",
                        district_from=source,
                        eligible=eligible[source],
                        quota=province_quota_by_district[source],
                        places=moved,
                        district_to=target,
                    ),
                )
            )
            left -= moved
            if moved == room_left:
                targets.pop(0)
            else:
                targets[0] = (target, room_left - moved)
        if left:
            moves.append(
                Move(
                    source,
                    "",
                    left,
                    msg(
                        "selection.unplaced",
                        district_from=source,
                        eligible=eligible[source],
                        quota=province_quota_by_district[source],
                        places=left,
                    ),
                )
            )
    return Redistribution(quotas, tuple(moves), spare - min(spare, room))
