"""Who may take part in a programme year (Buku 1; the 2007 FAQ of
docs/sources/seeds/003_358fe984fbae11df.txt; docs/sources/domain.md §4.1 for later years).

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
    "selection.retired": ("date", "limit", "birthday", "retired"),
    "selection.education_required": ("level",),
    "selection.service_short": ("since", "have", "date", "years"),
    "selection.depag": ("subject",),
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


def counted_rank(candidate: Candidate, params: SelectionParams) -> int:
    """The golongan as a number (I/a = 1 … IV/e = 17); 0 unless PNS, or non-PNS with inpassing
    in a year that counts it (2007 seed: "golongan (bagi PNS)"; 2012: docs/sources/domain.md
    §4.2)."""
    if candidate.employment == "pns" or (params.rank_counts_inpassing and candidate.has_inpassing):
        return RANK_ORDER.get(candidate.rank, 0)
    return 0


def retirement_day(birth_date: dt.date, age: int) -> dt.date:
    """The day retirement takes effect: the 1st of the month after the birthday of `age`."""
    month = birth_date.year * 12 + birth_date.month + age * 12  # the month after, 0-based
    return dt.date(month // 12, month % 12 + 1, 1)


def _age_rule(candidate: Candidate, params: SelectionParams) -> Message | None:
    """The age cut-off of the year: not retired on the day (2007), or under the limit (2012)."""
    on = params.age_cutoff
    if params.age_rule == "under":
        age = age_on(candidate.birth_date, on)
        if age >= params.age_limit:
            return _say("selection.over_age", age, day(on), params.age_limit)
        return None
    retired = retirement_day(candidate.birth_date, params.age_limit)
    if retired <= on:
        birthday = years_before(candidate.birth_date, -params.age_limit)
        return _say("selection.retired", day(on), params.age_limit, day(birthday), day(retired))
    return None


def _education(candidate: Candidate, params: SelectionParams) -> Message | None:
    if (
        params.alternative_age is None
        or params.alternative_service_years is None
        or params.alternative_min_rank is None
    ):
        return _say("selection.education_required", candidate.education_level)
    on = params.reference_date
    age = age_on(candidate.birth_date, on)
    years = teaching_months(candidate, on) // 12
    if age >= params.alternative_age and years >= params.alternative_service_years:
        return None
    rank_value = counted_rank(candidate, params)
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


def _non_pns_years(candidate: Candidate, params: SelectionParams) -> Message | None:
    """A non-PNS teacher's minimum years: of service from the appointment (2007 seed: "masa
    kerja minimal 2 tahun"), or as guru tetap with the SK (2012-2014, docs/sources/domain.md
    §4.1)."""
    required = params.non_pns_min_years
    on = params.reference_date
    if params.non_pns_counts == "service":
        start = candidate.teacher_since
        if start is None:  # already a reason: no appointment date
            return None
        have = teaching_months(candidate, on) // 12
        if have < required:
            return _say("selection.service_short", day(start), have, day(on), required)
        return None
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
    born_after: dt.date  # born after this day: within the age rule on the cut-off day
    years_by: dt.date  # appointed (or guru tetap) on or before this day: enough non-PNS years
    by_service: bool  # the non-PNS years are years of service (else as guru tetap)
    direct: frozenset[str]
    depag: frozenset[str]


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
    cutoff = params.age_cutoff
    if params.age_rule == "under":
        born_after = years_before(cutoff, params.age_limit)
    else:  # not retired: born in the cut-off's month `age_limit` years earlier, or later
        born_after = cutoff.replace(year=cutoff.year - params.age_limit, day=1) - dt.timedelta(1)
    limits = _Limits(
        params=params,
        born_after=born_after,
        years_by=years_before(params.reference_date, params.non_pns_min_years),
        by_service=params.non_pns_counts == "service",
        direct=frozenset(params.direct_levels),
        depag=frozenset(params.depag_subjects),
    )
    if len(_LIMITS) > 64:
        _LIMITS.clear()
    _LIMITS[id(params)] = limits
    return limits


ELIGIBLE = Eligibility(eligible=True, reasons=())


def _passes(c: Candidate, teacher_on: dt.date, limits: _Limits) -> bool:
    """Every rule met, in a handful of comparisons; False sends the teacher to `_check`."""
    since = c.teacher_since
    nuptk = c.nuptk
    if not (
        len(nuptk) == 16
        and since is not None
        and since <= teacher_on
        and c.birth_date > limits.born_after
        and c.education_level in limits.direct
        and not c.certified
        and c.subject_code not in limits.depag
        and nuptk.isdigit()
        and nuptk.isascii()
    ):
        return False
    if c.employment == "pns":
        return True
    if c.employment != "non_pns":
        return False
    if limits.by_service:
        return c.service_gap_months == 0 and since <= limits.years_by
    return c.permanent_since is not None and c.permanent_since <= limits.years_by


def check(candidate: Candidate, params: SelectionParams) -> Eligibility:
    """Every eligibility rule of the year (the 2007 FAQ of seed 003; docs/sources/domain.md §4.1
    later), with every rule not met as a reason."""
    if _passes(candidate, params.teacher_on, _limits(params)):
        return ELIGIBLE
    return _check(candidate, params)


def check_many(candidates: Iterable[Candidate], params: SelectionParams) -> list[Eligibility]:
    """`check` for many teachers at once (docs/sources/domain.md §4.1); the same results, in input
    order."""
    limits = _limits(params)
    teacher_on = params.teacher_on
    return [ELIGIBLE if _passes(c, teacher_on, limits) else _check(c, params) for c in candidates]


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
    reason = _age_rule(candidate, params)
    if reason is not None:
        reasons.append(reason)
    if candidate.education_level not in params.direct_levels:
        reason = _education(candidate, params)
        if reason is not None:
            reasons.append(reason)
    if employment == "non_pns":
        reason = _non_pns_years(candidate, params)
        if reason is not None:
            reasons.append(reason)
    if candidate.certified:
        reasons.append(_say("selection.certified"))
    if candidate.subject_code in params.depag_subjects:
        reasons.append(_say("selection.depag", candidate.subject_code))
    return ELIGIBLE if not reasons else Eligibility(eligible=False, reasons=tuple(reasons))
