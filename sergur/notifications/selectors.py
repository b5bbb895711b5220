"""Who a case's event concerns, and a person's inbox (docs/notifications.md).

Each kind of event that waits on someone or changes something for them names its people
here, in one place per kind; any other event makes no message."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal
from sergur.assessments.models import Allocation
from sergur.cases.models import CaseEvent
from sergur.cases.selectors import is_principal_participant, main_school_id
from sergur.development.models import Activity
from sergur.kkg.models import Meeting, Package
from sergur.kkg.selectors import package_earners
from sergur.notifications.models import Kind, Notification, Preference
from sergur.planner.models import PlanDecision
from sergur.registry.models import Teacher


def _teacher(event: CaseEvent) -> list[User]:
    user = event.case.teacher.user
    return [user] if user is not None else []


def _envelope_fillers(event: CaseEvent) -> list[User]:
    """The principal of the main school (for a principal-participant, the head of the district
    office in the principal's place) and the school's supervisor."""
    case = event.case
    school = main_school_id(case)
    if school is None:
        return []
    if is_principal_participant(case):
        district = case.teacher.assignments.filter(is_main=True).values_list(
            "school__subdistrict__district", flat=True
        )
        first = Q(role=User.Role.DISTRICT_HEAD, district__in=list(district))
    else:
        first = Q(role=User.Role.PRINCIPAL, school=school)
    others = Q(role=User.Role.SUPERVISOR, supervised_schools=school)
    return list(User.objects.filter(first | others, is_active=True).distinct())


def _assessors(event: CaseEvent) -> list[User]:
    """The assessors newly allocated: the event's round (and slot, for one assessor)."""
    data = event.data if isinstance(event.data, dict) else {}
    rows = Allocation.objects.filter(case=event.case, active=True)
    if "round" in data:
        rows = rows.filter(round=data["round"])
    if "slot" in data:
        rows = rows.filter(slot=data["slot"])
    return [row.assessor.user for row in rows.select_related("assessor__user")]


def _rayon_admins(event: CaseEvent) -> list[User]:
    """The admins of the rayon serving the case's province."""
    province = event.case.teacher.assignments.filter(is_main=True).values_list(
        "school__subdistrict__district__province", flat=True
    )
    return list(
        User.objects.filter(
            role=User.Role.RAYON_ADMIN, rayon__provinces__in=list(province), is_active=True
        ).distinct()
    )


WHO: dict[str, tuple[Kind, Callable[[CaseEvent], list[User]]]] = {
    CaseEvent.Kind.SUBMITTED: (Kind.ENVELOPE, _envelope_fillers),
    CaseEvent.Kind.RETURNED: (Kind.RETURNED, _teacher),
    CaseEvent.Kind.PUBLISHED: (Kind.PUBLISHED, _teacher),
    CaseEvent.Kind.APPEAL_DECIDED: (Kind.APPEAL_DECIDED, _teacher),
    CaseEvent.Kind.ALLOCATED: (Kind.ALLOCATED, _assessors),
    CaseEvent.Kind.REASSIGNED: (Kind.ALLOCATED, _assessors),
    CaseEvent.Kind.RECONCILIATION: (Kind.RECONCILIATION, _rayon_admins),
    CaseEvent.Kind.PLPG_PLACED: (Kind.PLPG_PLACED, _teacher),
    CaseEvent.Kind.PLPG_RETAKE: (Kind.PLPG_RETAKE, _teacher),
    CaseEvent.Kind.PLPG_PASSED: (Kind.PLPG_PASSED, _teacher),
    CaseEvent.Kind.PLPG_RETURNED: (Kind.PLPG_RETURNED, _teacher),
    CaseEvent.Kind.CERTIFIED: (Kind.CERTIFIED, _teacher),
    CaseEvent.Kind.CERTIFICATE_STATUS: (Kind.CERTIFICATE_STATUS, _teacher),
}
"""Which events make a message, of which kind, for whom."""


def notice_recipients(event: CaseEvent) -> tuple[Kind, list[User]] | None:
    """The kind and the people an event concerns; None when it makes no message. The actor is
    never told what they did themself."""
    found = WHO.get(event.kind)
    if found is None:
        return None
    kind, who = found
    people = [user for user in who(event) if user.pk != event.actor_id]
    return kind, people


def _appraised(appraisal: Appraisal) -> list[User]:
    user = appraisal.teacher.user
    return [user] if user is not None else []


def _appraiser(appraisal: Appraisal) -> list[User]:
    return [appraisal.appraiser]


def _appraisal_principals(appraisal: Appraisal) -> list[User]:
    """The principal of the appraisal's school, who countersigns first."""
    return list(
        User.objects.filter(role=User.Role.PRINCIPAL, school=appraisal.school_id, is_active=True)
    )


def _appraisal_supervisors(appraisal: Appraisal) -> list[User]:
    """The supervisors of the appraisal's school, one of whom countersigns last."""
    return list(
        User.objects.filter(
            role=User.Role.SUPERVISOR, supervised_schools=appraisal.school_id, is_active=True
        ).distinct()
    )


State = Appraisal.State
APPRAISAL_WHO: dict[str, tuple[Kind, Callable[[Appraisal], list[User]]]] = {
    State.SUBMITTED: (Kind.PKG_TO_SIGN, _appraised),
    State.OBJECTED: (Kind.PKG_OBJECTION, _appraiser),
    State.SIGNED: (Kind.PKG_COUNTERSIGN, _appraisal_principals),
    State.PRINCIPAL_SIGNED: (Kind.PKG_COUNTERSIGN, _appraisal_supervisors),
    State.FINAL: (Kind.PKG_FINAL, _appraised),
}
"""Which steps of an appraisal (PKG, docs/pkg.md) make a message, of which kind, for whom."""


def appraisal_recipients(
    appraisal: Appraisal, step: str, actor_id: int | None
) -> tuple[Kind, list[User]] | None:
    """The kind and the people an appraisal's step concerns (never the actor); None when the
    step makes no message."""
    found = APPRAISAL_WHO.get(step)
    if found is None:
        return None
    kind, who = found
    return kind, [user for user in who(appraisal) if user.pk != actor_id]


def _own_user(teacher: Teacher) -> list[User]:
    user = teacher.user
    return [user] if user is not None and user.is_active else []


def activity_verifiers(activity: Activity) -> list[User]:
    """Who verifies a PKB activity (docs/pkb.md): the principal of the teacher's main school;
    the supervisors of that school when it has no principal. Both may verify; the principal
    is the one on the spot, so the supervisors are not told of every activity."""
    school = (
        activity.teacher.assignments.filter(is_main=True).values_list("school", flat=True).first()
    )
    if school is None:
        return []
    principals = list(User.objects.filter(role=User.Role.PRINCIPAL, school=school, is_active=True))
    if principals:
        return principals
    return list(
        User.objects.filter(
            role=User.Role.SUPERVISOR, supervised_schools=school, is_active=True
        ).distinct()
    )


def _activity_teacher(activity: Activity) -> list[User]:
    return _own_user(activity.teacher)


ActivityState = Activity.State
ACTIVITY_WHO: dict[str, tuple[Kind, Callable[[Activity], list[User]]]] = {
    ActivityState.SUBMITTED: (Kind.PKB_TO_VERIFY, activity_verifiers),
    ActivityState.VERIFIED: (Kind.PKB_VERIFIED, _activity_teacher),
    ActivityState.REJECTED: (Kind.PKB_REJECTED, _activity_teacher),
}
"""Which steps of a PKB activity (docs/pkb.md) make a message, of which kind, for whom."""


def activity_recipients(
    activity: Activity, step: str, actor_id: int | None
) -> tuple[Kind, list[User]] | None:
    """The kind and the people a PKB activity's step concerns (never the actor)."""
    found = ACTIVITY_WHO.get(step)
    if found is None:
        return None
    kind, who = found
    return kind, [user for user in who(activity) if user.pk != actor_id]


def meeting_members(meeting: Meeting, actor_id: int | None) -> list[User]:
    """The members of the meeting's working group, who are invited (never the one who
    planned it)."""
    members = User.objects.filter(
        teacher__kkg_memberships__group=meeting.package.group_id, is_active=True
    ).distinct()
    return [user for user in members if user.pk != actor_id]


def report_earners(package: Package, actor_id: int | None) -> list[User]:
    """The members a reported package earns its credit for (docs/kkg.md), who may now record
    it as a PKB activity (never the one who submitted the report)."""
    return [
        user
        for teacher in package_earners(package=package)
        for user in _own_user(teacher)
        if user.pk != actor_id
    ]


ALLOWANCE_WHO: dict[str, Kind] = {
    "eligibility_changed": Kind.ALLOWANCE_ELIGIBILITY,
    "sktp_listed": Kind.SKTP_LISTED,
    "payments_recorded": Kind.ALLOWANCE_PAID,
}
"""Which steps of the allowance and its payments (docs/allowance.md) make a message, of which
kind: each concerns the teachers it names, and only them (`teacher_users`)."""


def teacher_users(teacher_ids: Iterable[int]) -> dict[int, User]:
    """The active accounts of these teachers, by teacher id (a teacher without one is left
    out: nobody else reads their messages)."""
    ids = list(teacher_ids)
    found: dict[int, User] = {}
    for start in range(0, len(ids), 5000):
        found.update(
            (user.teacher.pk, user)
            for user in User.objects.filter(
                teacher__in=ids[start : start + 5000], is_active=True
            ).select_related("teacher")
        )
    return found


def plan_teacher(decision: PlanDecision) -> list[User]:
    """The teacher given hours by an accepted proposal (docs/allowance.md, "Accepting a
    proposal")."""
    user = decision.teacher.user
    return [user] if user is not None and user.is_active else []


def plan_school_operators(school_ids: Iterable[int]) -> dict[int, list[User]]:
    """The operators of each school where a teacher was given hours, who confirm its part of
    the load again."""
    found: dict[int, list[User]] = {pk: [] for pk in school_ids}
    for user in User.objects.filter(
        role=User.Role.SCHOOL_OPERATOR, school__in=list(found), is_active=True
    ).order_by("pk"):
        assert user.school_id is not None  # noqa: S101 # nosec B101 # filtered on it
        found[user.school_id].append(user)
    return found


def events_for_notice(ids: Iterable[int]) -> QuerySet[CaseEvent]:
    """The events by id, with what the recipients and the message need."""
    return CaseEvent.objects.filter(pk__in=list(ids), kind__in=list(WHO)).select_related(
        "case__teacher__user", "case__programme_year"
    )


def email_wanted(users: Iterable[User], kind: Kind) -> set[int]:
    """Of these people, those who get this kind by e-mail too (no choice recorded: yes) and
    have an address."""
    people = [user for user in users if user.email]
    declined = set(
        Preference.objects.filter(user__in=people, kind=kind, email=False).values_list(
            "user_id", flat=True
        )
    )
    return {user.pk for user in people if user.pk not in declined}


def inbox(*, user: User) -> QuerySet[Notification]:
    """The person's own messages, newest first (only their own: the one access rule); a
    message about another subject has no case."""
    return Notification.objects.filter(recipient=user).select_related(
        "case__teacher", "case__programme_year"
    )


def unread_count(*, user: User) -> int:
    """How many of the person's messages are unread."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification_get_for_user(*, user: User, pk: int) -> Notification:
    """One of the person's own messages; 404 for anyone else's."""
    return get_object_or_404(Notification, pk=pk, recipient=user)


def preferences_of(*, user: User) -> dict[str, bool]:
    """The person's e-mail choice per kind (yes where none is recorded)."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "email"))
    return {kind: chosen.get(kind, True) for kind in Kind.values}
