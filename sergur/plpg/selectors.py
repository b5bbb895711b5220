"""Reads of the PLPG: who may see which class and participant (the access helpers), the lists
each role sees, the year's rules, and a participant's standing for the rules core."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet, Sum
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from sergur.accounts.access import acting_user
from sergur.accounts.models import User
from sergur.appeals.models import Appeal
from sergur.assessments.models import Result
from sergur.cases.models import Case
from sergur.common.menu import PLPG
from sergur.common.worklists import Sort, Worklist
from sergur.plpg.models import Instructor, Participant, PlpgClass, Score, Session
from sergur.registry.models import ProgrammeYear
from sergur.rules.plpg import Outcome, PlpgParams, Standing, evaluate, plpg_params
from sergur.rules.programme import ProgrammeYearError

Role = User.Role
NO_PLPG_RULES = _("Programme year %(year)s has no PLPG rules: %(error)s")


def year_plpg_params(programme_year: ProgrammeYear) -> PlpgParams:
    """The PLPG rules of the programme year (its `years/plpg/` file), or a clear refusal."""
    try:
        return plpg_params(programme_year.year, tuple(settings.SERGUR_YEARS_DIRS))
    except ProgrammeYearError as exc:
        raise ValidationError(
            NO_PLPG_RULES, code="no_rules", params={"year": programme_year.year, "error": exc}
        ) from exc


def class_scope(user: User | AnonymousUser) -> Q | None:
    """The classes a user may see: the rayon admin its rayon's, an instructor their own."""
    person = acting_user(user)
    if person is None:
        return None
    if person.is_superuser:
        return Q()
    if person.role == Role.RAYON_ADMIN and person.rayon_id is not None:
        return Q(rayon=person.rayon_id)
    if person.role == Role.INSTRUCTOR:
        return Q(instructor__user=person)
    return None


def participant_scope(user: User | AnonymousUser) -> Q | None:
    """The participants a user may see: through their class, the teacher themself, and the
    district committee of the teacher's main school."""
    person = acting_user(user)
    if person is None:
        return None
    classes = class_scope(person)
    if classes is not None:
        return Q(plpg_class__in=PlpgClass.objects.filter(classes))
    if person.role == Role.TEACHER:
        return Q(case__teacher__user=person)
    if person.role == Role.DISTRICT_COMMITTEE and person.district_id is not None:
        return Q(
            case__teacher__assignments__is_main=True,
            case__teacher__assignments__school__subdistrict__district=person.district_id,
        )
    return None


def plpg_class_list_for_user(*, user: User | AnonymousUser) -> QuerySet[PlpgClass]:
    """The classes the user may see, with their subject, instructor and size."""
    scope = class_scope(user)
    if scope is None:
        return PlpgClass.objects.none()
    return (
        PlpgClass.objects.filter(scope)
        .select_related("subject", "programme_year", "instructor__user")
        .order_by("programme_year__year", "subject__code", "number")
    )


def plpg_class_get_for_user(*, user: User | AnonymousUser, pk: int) -> PlpgClass:
    """The class if the user may see it; 404 otherwise (existence is not revealed)."""
    scope = class_scope(user)
    if scope is None:
        raise Http404
    found = (
        PlpgClass.objects.filter(scope, pk=pk)
        .select_related("subject", "programme_year", "rayon", "instructor__user")
        .first()
    )
    if found is None:
        raise Http404
    return found


def participant_list_for_user(*, user: User | AnonymousUser) -> QuerySet[Participant]:
    """The participants the user may see (one query with their case, teacher and class)."""
    scope = participant_scope(user)
    if scope is None:
        return Participant.objects.none()
    return (
        Participant.objects.filter(scope)
        .select_related(
            "case__teacher",
            "case__programme_year",
            "plpg_class__subject",
            "plpg_class__rayon",
            "plpg_class__programme_year",
            "plpg_class__instructor__user",
        )
        .distinct()
        .order_by("case__teacher__name", "pk")
    )


PARTICIPANT_WORKLIST = Worklist(
    key="plpg_participants",
    url_name="plpg:participants",
    number="case__participant_number",
    name="case__teacher__name",
    state="status",
    states=Participant.Status.choices,
    state_label=_("Status"),
    sorts={
        "name": Sort(_("Teacher's name"), ("case__teacher__name", "pk"), by_name=True),
        "number": Sort(_("Participant number"), ("case__participant_number", "pk")),
        "score": Sort(_("Final score, lowest first"), ("final_score", "case__teacher__name", "pk")),
        "class": Sort(_("Class"), ("plpg_class__pk", "case__teacher__name", "pk")),
    },
)
"""The district's PLPG participants (sergur/common/worklists.py): search, status, sorts; the
PLPG has no deadline of the participant's own, so no deadline filter."""


def participant_get_for_user(*, user: User | AnonymousUser, pk: int) -> Participant:
    """The participant if the user may see them; 404 otherwise."""
    found = participant_list_for_user(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def participant_of_case(case: Case) -> Participant | None:
    """The case's place in a PLPG class, if any (one query)."""
    return (
        Participant.objects.filter(case=case)
        .select_related("plpg_class__subject", "plpg_class__instructor__user", "case")
        .first()
    )


@dataclass(frozen=True)
class ClassRights:
    """What one user may do in a class they can see."""

    manage: bool  # the rayon admin: instructor, venue, dates, timetable
    grade: bool  # the class's instructor (and the rayon admin): attendance and scores


def class_rights(*, user: User, plpg_class: PlpgClass) -> ClassRights:
    """The user's rights in the class (called after `plpg_class_get_for_user`)."""
    manage = user.is_superuser or (
        user.role == Role.RAYON_ADMIN and user.rayon_id == plpg_class.rayon_id
    )
    own = plpg_class.instructor is not None and plpg_class.instructor.user_id == user.pk
    return ClassRights(manage=manage, grade=manage or own)


@dataclass(frozen=True)
class ParticipantRights:
    """What one user may do for a participant they can see."""

    grade: bool  # the class's instructor and the rayon admin
    remedial: bool  # the district committee (of the teacher's district: the scope says so)
    is_owner: bool


def participant_rights(*, user: User, participant: Participant) -> ParticipantRights:
    """The user's rights for the participant (called after `participant_get_for_user`)."""
    return ParticipantRights(
        grade=class_rights(user=user, plpg_class=participant.plpg_class).grade,
        remedial=user.role == Role.DISTRICT_COMMITTEE,
        is_owner=participant.case.teacher.user_id == user.pk,
    )


def plpg_candidates(*, rayon: int, programme_year: ProgrammeYear) -> QuerySet[Case]:
    """The published MPLPG cases of the rayon's provinces not yet placed in a class; a case
    whose appeal is still open waits for its outcome."""
    results = Result.objects.filter(current=True, code="MPLPG", published_at__isnull=False)
    appealed = Appeal.objects.filter(decided_at__isnull=True).values("case")
    return (
        Case.objects.filter(
            programme_year=programme_year,
            state=Case.State.PUBLISHED,
            plpg__isnull=True,
            teacher__assignments__is_main=True,
            teacher__assignments__school__subdistrict__district__province__rayons=rayon,
        )
        .filter(pk__in=results.values("case"))
        .exclude(pk__in=appealed)
        .select_related("teacher__subject")
        .distinct()
    )


def attended_jp(participant: Participant) -> Decimal:
    """The JP of the sessions the participant attended (one query)."""
    total = Session.objects.filter(
        attendance__participant=participant, attendance__present=True
    ).aggregate(total=Sum("jp"))["total"]
    return Decimal(total or 0)


def score_history(participant: Participant) -> QuerySet[Score]:
    """Every score entry of the participant, corrections included, in the order entered."""
    return (
        Score.objects.filter(participant=participant)
        .select_related("entered_by", "corrects")
        .order_by("round", "part", "pk")
    )


def correctable_scores(participant: Participant) -> QuerySet[Score]:
    """The entries a correction may replace: the latest of each part in the open round."""
    if participant.status in {Participant.Status.PASSED, Participant.Status.RETURNED}:
        return Score.objects.none()
    return Score.objects.filter(
        participant=participant, round=participant.round, corrected_by__isnull=True
    ).order_by("part")


def latest_scores(participant: Participant) -> dict[str, Decimal]:
    """Each part's latest score (a retake's replaces the earlier round's, a correction the entry
    it corrects); one query."""
    scores: dict[str, Decimal] = {}
    for row in Score.objects.filter(participant=participant).order_by("round", "pk"):
        scores[row.part] = row.score
    return scores


def standing_of(
    participant: Participant, params: PlpgParams, *, round_done: bool = False
) -> Standing:
    """What the rules core needs to know of the participant (three queries). The retakes
    taken: every retake round but a pending one (`round_done`: the current round has just
    been completed)."""
    appearances = participant.appearances.filter(plan_discussed=True).count()
    known = {part.key for part in params.inputs}
    scores = {k: v for k, v in latest_scores(participant).items() if k in known}
    pending = participant.status == Participant.Status.RETAKE and not round_done
    taken = participant.round - 1 if pending else participant.round
    return Standing(scores, attended_jp(participant), appearances, taken)


def participant_outcome(participant: Participant) -> tuple[PlpgParams, Outcome]:
    """The year's rules and the participant's result under them now."""
    params = year_plpg_params(participant.case.programme_year)
    return params, evaluate(params, standing_of(participant, params))


def instructor_list(*, rayon: int) -> QuerySet[Instructor]:
    """The rayon's instructor register."""
    return (
        Instructor.objects.filter(rayon=rayon)
        .select_related("user", "home_school")
        .prefetch_related("subjects")
    )


def teacher_menu_stages(user: User) -> frozenset[str]:
    """PLPG once the teacher is placed in a PLPG class (one query): their PLPG page has a
    class to show from then on (sergur/common/menu.py)."""
    placed = Participant.objects.filter(case__teacher__user=user).exists()
    return frozenset({PLPG}) if placed else frozenset()
