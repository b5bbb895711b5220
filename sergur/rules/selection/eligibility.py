"""Who may take part in a programme year (Buku 1; docs/sources/facts.md §4.1).

`check` applies every rule and returns every rule the teacher does not meet, each as a message
that names the numbers ("age 61 on 1 Jan 2008; participants must be under 60"), so a teacher
and a district officer read the same reasons. An eligible teacher has no reason; an
ineligible one at least one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

from msgspec import Struct

from sergur.rules.experience import months_between
from sergur.rules.messages import Message, Term, msg
from sergur.rules.selection import Candidate, Eligibility
from sergur.rules.selection.params import RANK_ORDER, SelectionParams
from sergur.rules.selection.service_years import teaching_months

# The parameters of each reason, in the order `_say` takes them.
_PARAMS: dict[str, tuple[str, ...]] = {
    "selection.nuptk_missing": (),
    "selection.nuptk_invalid": (),
    "selection.employment_unknown": (),
    "selection.certified": (),
    "selection.no_rank": (),
    "selection.no_teacher_since": ("date",),
    "selection.not_teacher_on": ("date", "since"),
    "selection.over_age": ("age", "date", "limit"),
    "selection.rank_not_counted": ("rank",),
    "selection.education": (
        "level",
        "age",
        "years",
        "date",
        "min_age",
        "min_years",
        "rank",
        "min_rank",
    ),
    "selection.no_permanent": ("years", "date"),
    "selection.permanent_short": ("since", "have", "date", "years"),
}


@lru_cache(maxsize=1 << 16)
def _say(key: str, *values: object) -> Message:
    """A reason with its numbers; equal reasons are one shared (immutable) message."""
    return msg(key, **dict(zip(_PARAMS[key], values, strict=True)))


@lru_cache(maxsize=8192)
def day(value: dt.date) -> Message:
    """A date as people write it: "1 Januari 2008" / "1 Jan 2008"."""
    return msg(
        "selection.date",
        day=str(value.day),
        month=Term(f"month.{value.month}"),
        year=str(value.year),
    )


def age_on(birth_date: dt.date, on: dt.date) -> int:
    """Completed years of age on `on` (a 29 Feb birthday falls on 1 Mar in common years)."""
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def counted_rank(candidate: Candidate) -> int:
    """The golongan as a number (I/a = 1 … IV/e = 17); 0 unless PNS or inpassing (§4.2)."""
    if candidate.employment == "pns" or candidate.has_inpassing:
        return RANK_ORDER.get(candidate.rank, 0)
    return 0


def _education(candidate: Candidate, params: SelectionParams) -> Message | None:
    on = params.reference_date
    age = age_on(candidate.birth_date, on)
    years = teaching_months(candidate, on) // 12
    if age >= params.alternative_age and years >= params.alternative_service_years:
        return None
    rank_value = counted_rank(candidate)
    if rank_value >= RANK_ORDER[params.alternative_min_rank]:
        return None
    rank: str | Message = candidate.rank
    if not candidate.rank:
        rank = _say("selection.no_rank")
    elif rank_value == 0 and candidate.rank in RANK_ORDER:
        rank = _say("selection.rank_not_counted", candidate.rank)
    return _say(
        "selection.education",
        candidate.education_level,
        age,
        years,
        day(on),
        params.alternative_age,
        params.alternative_service_years,
        rank,
        params.alternative_min_rank,
    )


def _permanent(candidate: Candidate, params: SelectionParams) -> Message | None:
    required = params.non_pns_permanent_years
    on = params.reference_date
    since = candidate.permanent_since
    if since is None:
        return _say("selection.no_permanent", required, day(on))
    have = months_between(since, on) // 12
    if have < required:
        return _say("selection.permanent_short", day(since), have, day(on), required)
    return None


class _Limits(Struct, frozen=True, gc=False):
    """Rule thresholds turned into dates once per parameter set, for one comparison each."""

    params: SelectionParams
    born_after: dt.date  # born after this day: under the age limit on the cut-off day
    permanent_by: dt.date  # guru tetap on or before this day: enough permanent years
    direct: frozenset[str]


_LIMITS: dict[int, _Limits] = {}


def years_before(on: dt.date, years: int) -> dt.date:
    """The same calendar day `years` earlier (29 Feb becomes 28 Feb in a common year)."""
    year = on.year - years
    try:
        return on.replace(year=year)
    except ValueError:
        return on.replace(year=year, day=28)


def _limits(params: SelectionParams) -> _Limits:
    cached = _LIMITS.get(id(params))
    if cached is not None and cached.params is params:
        return cached
    limits = _Limits(
        params=params,
        born_after=years_before(params.age_cutoff, params.age_limit),
        permanent_by=years_before(params.reference_date, params.non_pns_permanent_years),
        direct=frozenset(params.direct_levels),
    )
    if len(_LIMITS) > 64:
        _LIMITS.clear()
    _LIMITS[id(params)] = limits
    return limits


ELIGIBLE = Eligibility(eligible=True, reasons=())


def check(candidate: Candidate, params: SelectionParams) -> Eligibility:
    """Every eligibility rule of the year (docs/sources/facts.md §4.1), with every rule not met as a
    reason."""
    limits = _limits(params)
    c = candidate
    since = c.teacher_since
    nuptk = c.nuptk
    if (
        len(nuptk) == 16
        and since is not None
        and since <= params.teacher_on
        and c.birth_date > limits.born_after
        and c.education_level in limits.direct
        and not c.certified
        and nuptk.isdigit()
        and nuptk.isascii()
        and (
            c.employment == "pns"
            or (
                c.employment == "non_pns"
                and c.permanent_since is not None
                and c.permanent_since <= limits.permanent_by
            )
        )
    ):
        return ELIGIBLE
    return _check(c, params)


def check_many(candidates: Iterable[Candidate], params: SelectionParams) -> list[Eligibility]:
    """`check` for many teachers at once (docs/sources/facts.md §4.1); the same results, in input
    order."""
    limits = _limits(params)
    teacher_on = params.teacher_on
    born_after = limits.born_after
    direct = limits.direct
    permanent_by = limits.permanent_by
    results: list[Eligibility] = []
    append = results.append
    for c in candidates:
        since = c.teacher_since
        nuptk = c.nuptk
        if (
            len(nuptk) == 16
            and since is not None
            and since <= teacher_on
            and c.birth_date > born_after
            and c.education_level in direct
            and not c.certified
            and nuptk.isdigit()
            and nuptk.isascii()
            and (
                c.employment == "pns"
                or (
                    c.employment == "non_pns"
                    and c.permanent_since is not None
                    and c.permanent_since <= permanent_by
                )
            )
        ):
            append(ELIGIBLE)
        else:
            append(_check(c, params))
    return results


def _check(candidate: Candidate, params: SelectionParams) -> Eligibility:
    reasons: list[Message] = []
    nuptk = candidate.nuptk
    if not nuptk:
        reasons.append(_say("selection.nuptk_missing"))
    elif len(nuptk) != 16 or not nuptk.isascii() or not nuptk.isdigit():
        reasons.append(_say("selection.nuptk_invalid"))
    employment = candidate.employment
    if employment not in ("pns", "non_pns"):
        reasons.append(_say("selection.employment_unknown"))
    since = candidate.teacher_since
    if since is None:
        reasons.append(_say("selection.no_teacher_since", day(params.teacher_on)))
    elif since > params.teacher_on:
        reasons.append(_say("selection.not_teacher_on", day(params.teacher_on), day(since)))
    age = age_on(candidate.birth_date, params.age_cutoff)
    if age >= params.age_limit:
        reasons.append(_say("selection.over_age", age, day(params.age_cutoff), params.age_limit))
    if candidate.education_level not in params.direct_levels:
        reason = _education(candidate, params)
        if reason is not None:
            reasons.append(reason)
    if employment == "non_pns":
        reason = _permanent(candidate, params)
        if reason is not None:
            reasons.append(reason)
    if candidate.certified:
        reasons.append(_say("selection.certified"))
    return ELIGIBLE if not reasons else Eligibility(eligible=False, reasons=tuple(reasons))
