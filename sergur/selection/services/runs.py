"""A district's selection run (Buku 1; docs/sources/domain.md §4.1-§4.5): eligibility, ranking,
quota with the non-PNS share, participant numbers and the cases of the selected. Every rule is the
rules core's; these services load rows, call it and store the result."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_events_record, case_open
from sergur.registry.models import District, ProgrammeYear, Teacher
from sergur.rules.messages import Message
from sergur.rules.selection import Candidate, Ranked, service_years
from sergur.rules.selection import eligibility as eligibility_rules
from sergur.rules.selection import numbers as number_rules
from sergur.rules.selection import quota as quota_rules
from sergur.rules.selection import ranking as ranking_rules
from sergur.rules.selection.params import SelectionParams
from sergur.selection.models import (
    QuotaAllocation,
    SelectionEntry,
    SelectionRun,
    message_to_json,
)
from sergur.selection.selectors import (
    candidate_for,
    district_teachers,
    main_assignment,
)
from sergur.selection.services.base import year_params

NUMBER_EVENT = CaseEvent.Kind.PARTICIPANT_NUMBER
NUMBER_SET = _("Participant number set by the selection run.")
NUMBER_WITHDRAWN = _("Participant number withdrawn: no longer selected.")
NEGATIVE_QUOTA = _("The quota must be 0 or more.")
IN_ANOTHER_RUN = _(
    "These teachers are already in another district's selection this year; run "
    "that district again first: %(names)s"
)
NUMBERS_TAKEN = _("Participant numbers already used in another district: %(numbers)s")


def _params_json(params: SelectionParams) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in params.__struct_fields__:
        value = getattr(params, key)
        if isinstance(value, tuple):
            out[key] = list(value)
        elif isinstance(value, bool | int | str):
            out[key] = value
        else:
            out[key] = str(value)
    return out


def _factor(value: int | str) -> int | str:
    return value if isinstance(value, int | str) else str(value)


@transaction.atomic
def case_number_set(*, case: Case, number: str, actor: User | None) -> Case:
    """Write a participant number (docs/sources/domain.md §4.5) onto an existing case and log the
    change in the case's log; nothing happens when the number is already the case's."""
    previous = case.participant_number
    if previous == number:
        return case
    case.participant_number = number
    case.full_clean()
    case.save(update_fields=["participant_number", "updated_at"])
    # The case log has no kind for a number yet; the event is stored with its own kind and
    # the old and new number (no personal data).
    event = CaseEvent(
        case=case,
        actor=actor,
        kind=NUMBER_EVENT,
        reason=str(NUMBER_SET if number else NUMBER_WITHDRAWN),
        data={"from": previous, "to": number},
    )
    case_events_record(events=[event])
    return case


def _sync_cases(
    *,
    programme_year: ProgrammeYear,
    numbers: Mapping[int, str],
    withdrawn: set[int],
    teachers: Mapping[int, Teacher],
    actor: User | None,
) -> None:
    """Open the case of every newly selected teacher with their number, set the number on an
    existing case, and withdraw it from a teacher no longer selected."""
    wanted = set(numbers) | withdrawn
    existing = {
        case.teacher_id: case
        for case in Case.objects.filter(programme_year=programme_year, teacher_id__in=wanted)
    }
    for teacher_id, number in numbers.items():
        case = existing.get(teacher_id)
        if case is None:
            case_open(
                teacher=teachers[teacher_id],
                programme_year=programme_year,
                actor=actor,
                participant_number=number,
            )
        else:
            case_number_set(case=case, number=number, actor=actor)
    for teacher_id in withdrawn - set(numbers):
        case = existing.get(teacher_id)
        if case is not None and case.participant_number:
            case_number_set(case=case, number="", actor=actor)


@dataclass(frozen=True)
class _Outcome:
    candidate: Candidate
    teacher: Teacher
    eligible: bool
    reasons: list[dict[str, Any]]
    service_months: int


def _outcomes(teachers: Iterable[Teacher], params: SelectionParams) -> list[_Outcome]:
    """Every teacher of the district checked for eligibility, with the reasons and the
    service months the ranking reads."""
    outcomes: list[_Outcome] = []
    for teacher in teachers:
        candidate = candidate_for(teacher)
        result = eligibility_rules.check(candidate, params)
        outcomes.append(
            _Outcome(
                candidate=candidate,
                teacher=teacher,
                eligible=result.eligible,
                reasons=[message_to_json(m) for m in result.reasons],
                service_months=service_years.service_months(candidate, params),
            )
        )
    return outcomes


@dataclass(frozen=True)
class _Choice:
    """The district's eligible teachers ranked, and the selection by NUPTK: the picks, those
    displaced by the non-PNS share and the participant numbers."""

    ranked: list[Ranked]
    picks: dict[str, quota_rules.Pick]
    displaced: dict[str, Message]
    numbers: dict[str, str]


def _choose(outcomes: list[_Outcome], *, quota: int, params: SelectionParams, year: int) -> _Choice:
    """The eligible ranked, selected within the quota with the non-PNS share and numbered in
    rank order (by NUPTK)."""
    ranked: list[Ranked] = ranking_rules.rank([o.candidate for o in outcomes if o.eligible], params)
    try:
        chosen = quota_rules.select(ranked, quota, params)
        numbered = number_rules.assign([p.ranked for p in chosen.selected], year)
    except (quota_rules.QuotaError, number_rules.ParticipantNumberError) as exc:
        raise ValidationError(str(exc), code="quota") from exc
    return _Choice(
        ranked=ranked,
        picks={p.ranked.candidate.nuptk: p for p in chosen.selected},
        displaced={r.candidate.nuptk: m for r, m in chosen.displaced},
        numbers={r.candidate.nuptk: number for r, number in numbered},
    )


def _previous_remove(
    *, programme_year: ProgrammeYear, district: District
) -> tuple[dict[str, Any], set[int]]:
    """Delete the district's earlier run of the year, if any; returns what the new run
    replaces and the teachers it had selected."""
    previous = SelectionRun.objects.filter(programme_year=programme_year, district=district).first()
    if previous is None:
        return {}, set()
    withdrawn = set(previous.entries.filter(selected=True).values_list("teacher_id", flat=True))
    replaces = {
        "id": previous.pk,
        "at": previous.created_at.isoformat(),
        "by": previous.created_by_id,
        "quota": previous.quota,
        "selected": previous.selected,
    }
    previous.delete()
    return replaces, withdrawn


def _entries(run: SelectionRun, outcomes: list[_Outcome], choice: _Choice) -> list[SelectionEntry]:
    """One entry per teacher checked: eligibility, place, selection and number."""
    position = {r.candidate.nuptk: r for r in choice.ranked}
    picks = choice.picks
    entries: list[SelectionEntry] = []
    for outcome in outcomes:
        nuptk = outcome.candidate.nuptk
        place = position.get(nuptk)
        main = main_assignment(outcome.teacher)
        entries.append(
            SelectionEntry(
                run=run,
                programme_year=run.programme_year,
                teacher=outcome.teacher,
                school=main.school if main else None,
                eligible=outcome.eligible,
                reasons=outcome.reasons,
                service_months=outcome.service_months,
                position=place.position if place else None,
                factors=[[k, _factor(v)] for k, v in place.factors] if place else [],
                selected=nuptk in picks,
                selected_by=picks[nuptk].reason if nuptk in picks else "",
                participant_number=choice.numbers.get(nuptk, ""),
                note=_note(picks[nuptk].message if nuptk in picks else choice.displaced.get(nuptk)),
            )
        )
    return entries


@transaction.atomic
def selection_run(
    *,
    programme_year: ProgrammeYear,
    district: District,
    quota: int,
    actor: User | None,
    national_target: int | None = None,
) -> SelectionRun:
    """Determine the district's participants of the year (Buku 1; docs/sources/domain.md §4.1-§4.5):
    check every teacher of the district, rank the eligible, select within the quota with the
    non-PNS minimum share, number the selected in rank order and open their cases. A second
    run of the same district and year replaces the first."""
    if quota < 0:
        raise ValidationError(NEGATIVE_QUOTA, code="quota")
    params = year_params(programme_year)
    outcomes = _outcomes(district_teachers(district=district), params)
    choice = _choose(outcomes, quota=quota, params=params, year=programme_year.year)
    numbers = choice.numbers
    _numbers_free(programme_year=programme_year, district=district, numbers=numbers.values())

    _not_in_other_runs(programme_year=programme_year, district=district)
    replaces, withdrawn = _previous_remove(programme_year=programme_year, district=district)
    run = SelectionRun(
        programme_year=programme_year,
        district=district,
        quota=quota,
        national_target=national_target,
        params=_params_json(params),
        replaces=replaces,
        candidates=len(outcomes),
        eligible=sum(o.eligible for o in outcomes),
        selected=len(choice.picks),
        created_by=actor,
    )
    run.full_clean()
    run.save()

    SelectionEntry.objects.bulk_create(_entries(run, outcomes, choice), batch_size=500)
    _filled_update(run=run, chosen=choice.picks, outcomes=outcomes)
    by_nuptk = {o.candidate.nuptk: o for o in outcomes}
    _sync_cases(
        programme_year=programme_year,
        numbers={by_nuptk[n].teacher.pk: number for n, number in numbers.items()},
        withdrawn=withdrawn,
        teachers={o.teacher.pk: o.teacher for o in outcomes},
        actor=actor,
    )
    return run


def _not_in_other_runs(*, programme_year: ProgrammeYear, district: District) -> None:
    """A teacher takes part in one district a year: one who moved after another district's
    run must be taken out of that run (by running it again) first."""
    elsewhere = list(
        SelectionEntry.objects.filter(
            programme_year=programme_year,
            teacher__assignments__is_main=True,
            teacher__assignments__school__subdistrict__district=district,
        )
        .exclude(run__district=district)
        .select_related("teacher", "run__district")[:5]
    )
    if elsewhere:
        names = ", ".join(f"{e.teacher.name} ({e.run.district})" for e in elsewhere)
        raise ValidationError(IN_ANOTHER_RUN, code="elsewhere", params={"names": names})


def _note(message: Message | None) -> dict[str, Any]:
    return message_to_json(message) if message is not None else {}


def _numbers_free(
    *, programme_year: ProgrammeYear, district: District, numbers: Iterable[str]
) -> None:
    """Participant numbers are unique in a programme year (docs/sources/domain.md §4.5): none of the
    new numbers may belong to another district's run (it cannot, as they carry the district's
    code, unless two districts share codes)."""
    taken = list(
        SelectionEntry.objects.filter(
            programme_year=programme_year, participant_number__in=list(numbers)
        )
        .exclude(run__district=district)
        .values_list("participant_number", flat=True)[:5]
    )
    if taken:
        raise ValidationError(NUMBERS_TAKEN, code="numbers", params={"numbers": ", ".join(taken)})


def _filled_update(
    *, run: SelectionRun, chosen: Mapping[str, object], outcomes: list[_Outcome]
) -> None:
    """Record on the district's quota rows how many teachers the run found eligible and how
    many places it filled, per school level (the moves within the province use both)."""
    filled = Counter(o.candidate.school_level for o in outcomes if o.candidate.nuptk in chosen)
    eligible = Counter(o.candidate.school_level for o in outcomes if o.eligible)
    rows = list(
        QuotaAllocation.objects.filter(programme_year=run.programme_year, district=run.district)
    )
    for row in rows:
        row.filled = filled.get(row.school_level, 0)
        row.eligible = eligible.get(row.school_level, 0)
    QuotaAllocation.objects.bulk_update(rows, ["filled", "eligible"])
