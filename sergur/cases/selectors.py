"""Reads of cases, and who may see and do what on a case: the one place roles are checked."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Now
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.common.worklists import Choice, Sort, Worklist
from sergur.registry.models import School, Teacher, TeachingAssignment
from sergur.registry.selectors import teacher_district_ids
from sergur.rules.workflow import before_any_decision

Role = User.Role


def _main_school_teachers(**school_filter: object) -> QuerySet[Teacher]:
    lookups = {f"assignments__school__{key}": value for key, value in school_filter.items()}
    return Teacher.objects.filter(assignments__is_main=True, **lookups)


PRINCIPAL_DUTY = 3
"""Teacher.additional_duty of a teacher who is a principal (kepala sekolah)."""

PRINCIPAL_PARTICIPANT = Q(teacher__additional_duty=PRINCIPAL_DUTY)
"""The cases of principal-participants: *"Untuk Kepala Sekolah berkas portofolio disahkan
oleh Kepala Dinas Pendidikan Kabupaten/Kota atau pejabat lain yang ditunjuk"*
(docs/sources/seeds/003_358fe984fbae11df.txt, the FAQ on the portfolio, question 4)."""


def identity_hidden(user: User | AnonymousUser) -> bool:
    """Whether the user knows a teacher only by participant number: an assessor scores and
    reviews blind, so no page names the teacher to them (docs/assessment.md, "What an
    assessor sees of the teacher")."""
    return bool(user.is_authenticated and user.role == Role.ASSESSOR and not user.is_superuser)


def teacher_label(*, user: User | AnonymousUser, case: Case) -> str:
    """How a page names the case's teacher to this user: the name, or for a blind reader the
    participant number (the case's number before one is given)."""
    if not identity_hidden(user):
        return str(case.teacher.name)
    if case.participant_number:
        return str(_("Participant %(number)s") % {"number": case.participant_number})
    return str(_("Portfolio no. %(number)s") % {"number": case.pk})


def is_principal_participant(case: Case) -> bool:
    """Whether the case's teacher is a principal, whose portfolio the head of the district
    office (or a designated official) endorses in the principal's place."""
    return bool(case.teacher.additional_duty == PRINCIPAL_DUTY)


def case_scope(user: User | AnonymousUser) -> Q | None:
    """The cases a user may see, as a filter; None when the user may see none."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Q()
    role = user.role
    if role == Role.TEACHER:
        return Q(teacher__user=user)
    if role == Role.PRINCIPAL and user.school_id is not None:
        return Q(teacher__in=_main_school_teachers(pk=user.school_id))
    if role == Role.SUPERVISOR:
        return Q(teacher__in=_main_school_teachers(supervisors=user))
    if role == Role.DISTRICT_COMMITTEE and user.district_id is not None:
        return Q(teacher__in=_main_school_teachers(subdistrict__district=user.district_id))
    if role == Role.DISTRICT_HEAD and user.district_id is not None:
        # Only the principals' portfolios, which they endorse in the principal's place.
        district = _main_school_teachers(subdistrict__district=user.district_id)
        return Q(teacher__in=district) & PRINCIPAL_PARTICIPANT
    if role == Role.QUALITY_OFFICE and user.province_id is not None:
        return Q(
            teacher__in=_main_school_teachers(subdistrict__district__province=user.province_id)
        )
    if role == Role.RAYON_ADMIN and user.rayon_id is not None:
        # The rayon sees a portfolio once the quality office has sent it on.
        provinces = _main_school_teachers(subdistrict__district__province__rayons=user.rayon_id)
        return Q(teacher__in=provinces, state__in=RAYON_STATES)
    if role == Role.ASSESSOR:
        # Only the portfolios allocated to them (assessments.Allocation, still active).
        return Q(
            pk__in=Case.objects.filter(
                allocations__assessor__user=user, allocations__active=True
            ).values("pk")
        )
    return None


RAYON_STATES = frozenset(
    {
        Case.State.QUALITY_VERIFIED,
        Case.State.RECEIVED,
        Case.State.IN_ASSESSMENT,
        Case.State.RECONCILIATION,
        Case.State.DECIDED,
        Case.State.PUBLISHED,
        Case.State.REOPENED,
        Case.State.CLARIFICATION,
        Case.State.DISQUALIFIED,
        Case.State.PLPG,
        Case.State.PLPG_PASSED,
        Case.State.PLPG_RETURNED,
    }
)
"""The states in which a case is in the rayon's hands (or was, and is back)."""


def case_list_for_user(*, user: User | AnonymousUser) -> QuerySet[Case]:
    """The cases the user may see, with what a list shows loaded in the same query."""
    scope = case_scope(user)
    if scope is None:
        return Case.objects.none()
    return (
        Case.objects.filter(scope)
        .select_related("teacher", "teacher__subject", "programme_year")
        .order_by("teacher__name", "pk")
    )


def case_may_be_decided(case: Case) -> bool:
    """Whether the case may have been decided (rules.workflow.before_any_decision): only then
    can it hold a result, a PLPG place or a certificate, so the case page's panels ask for
    them only then."""
    return case.state not in before_any_decision()


def case_get_for_user(*, user: User | AnonymousUser, pk: int) -> Case:
    """The case if the user may see it; 404 otherwise (existence is not revealed)."""
    scope = case_scope(user)
    if scope is None:
        raise Http404
    case = (
        Case.objects.filter(scope, pk=pk)
        .select_related(
            "teacher",
            "teacher__subject",
            "teacher__user",
            "programme_year",
        )
        .first()
    )
    if case is None:
        raise Http404
    return case


@dataclass(frozen=True)
class CaseRights:
    """What one user may do on one case they can see."""

    edit_portfolio: bool
    submit: bool
    view_evidence: bool
    fill_envelope: bool
    see_envelope_items: bool
    export: bool
    is_owner: bool
    envelope_role: str | None


def case_district_id(case: Case) -> int | None:
    """The district of the case's teacher's main school (whose officers see the case)."""
    return teacher_district_ids(teacher_ids=[case.teacher_id]).get(case.teacher_id)


def main_school_id(case: Case) -> int | None:
    """The teacher's main school (sekolah induk), whose principal fills the envelope."""
    assignment = case.teacher.assignments.filter(is_main=True).only("school_id").first()
    return assignment.school_id if assignment else None


def _envelope_role(user: User, case: Case) -> str | None:
    """The part of the closed envelope the user fills for a case: the principal's (the
    principal of the main school, or the head of the district office for a principal-
    participant) or the supervisor's. Nobody fills their own."""
    if case.teacher.user_id == user.pk:
        return None
    if user.role == Role.DISTRICT_HEAD:
        # The principals of their own district only (services ask without case_scope).
        if not is_principal_participant(case) or user.district_id is None:
            return None
        school = main_school_id(case)
        mine = school is not None and (
            School.objects.filter(pk=school, subdistrict__district=user.district_id).exists()
        )
        return "principal" if mine else None
    if user.role not in (Role.PRINCIPAL, Role.SUPERVISOR):
        return None
    school = main_school_id(case)
    if school is None:
        return None
    if user.role == Role.PRINCIPAL:
        # A principal-participant's own school has no one above them: the district acts.
        mine = user.school_id == school and not is_principal_participant(case)
        return "principal" if mine else None
    return "supervisor" if user.supervised_schools.filter(pk=school).exists() else None


def case_rights(*, user: User, case: Case) -> CaseRights:
    """The rights of `user` on a case they can already see (case_get_for_user)."""
    owner = case.teacher.user_id == user.pk
    envelope_role = _envelope_role(user, case)
    staff = user.is_case_staff
    # An assessor reads the evidence of the portfolios allocated to them (case_scope).
    reader = staff or user.role == Role.ASSESSOR
    return CaseRights(
        edit_portfolio=owner and case.is_editable_by_teacher,
        submit=owner and case.is_editable_by_teacher,
        view_evidence=owner or reader,
        fill_envelope=envelope_role is not None,
        see_envelope_items=envelope_role is not None,
        export=owner or staff,
        is_owner=owner,
        envelope_role=envelope_role,
    )


# -- the case lists (principal, supervisor, district, LPMP, operator) --------------------------


class EnvelopeStatus(models.TextChoices):
    """Where the closed-envelope instruments of a case stand (no item scores)."""

    NOT_STARTED = "not_started", _("Not started")
    DRAFTED = "drafted", _("Drafted")
    PRINCIPAL = "principal", _("Confirmed by the principal")
    SUPERVISOR = "supervisor", _("Confirmed by the supervisor")
    COMPLETE = "complete", _("Complete")


def _envelope_status() -> models.Case:
    # The timestamps only: the item scores never leave the envelope for a list.
    principal = Q(envelope__principal_confirmed_at__isnull=False)
    supervisor = Q(envelope__supervisor_confirmed_at__isnull=False)
    return models.Case(
        models.When(envelope__isnull=True, then=Value(EnvelopeStatus.NOT_STARTED.value)),
        models.When(principal & supervisor, then=Value(EnvelopeStatus.COMPLETE.value)),
        models.When(principal, then=Value(EnvelopeStatus.PRINCIPAL.value)),
        models.When(supervisor, then=Value(EnvelopeStatus.SUPERVISOR.value)),
        default=Value(EnvelopeStatus.DRAFTED.value),
        output_field=models.CharField(),
    )


def _envelope_fills(user: User) -> tuple[str, Q] | None:
    """The part of the envelope `user` fills and the rows of case_list_rows whose envelope
    they fill: the rule of `_envelope_role` and `envelope_scope`, as a filter (no query)."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.role == Role.PRINCIPAL and user.school_id is not None:
        return "principal", Q(main_school_id=user.school_id) & ~PRINCIPAL_PARTICIPANT
    if user.role == Role.DISTRICT_HEAD and user.district_id is not None:
        district = School.objects.filter(subdistrict__district=user.district_id)
        return "principal", Q(main_school_id__in=district.values("pk")) & PRINCIPAL_PARTICIPANT
    if user.role == Role.SUPERVISOR:
        supervised = School.objects.filter(supervisors=user)
        return "supervisor", Q(main_school_id__in=supervised.values("pk"))
    return None


def _envelope_waits(user: User) -> models.Case | Value:
    """Whether the envelope of a row of case_list_rows waits on `user`: they fill it (never
    their own case's), their part is not confirmed yet and its deadline has not passed, so
    that envelope_save and envelope_confirm would take their part now."""
    fills = _envelope_fills(user)
    if fills is None:
        return Value(False, output_field=models.BooleanField())
    part, theirs = fills
    open_part = Q(envelope__isnull=True) | Q(**{f"envelope__{part}_confirmed_at__isnull": True})
    waits = (
        theirs
        & ~Q(teacher__user=user)
        & Q(programme_year__envelope_deadline__gte=Now())
        & open_part
    )
    return models.Case(
        models.When(waits, then=Value(True)),
        default=Value(False),
        output_field=models.BooleanField(),
    )


def case_list_rows(
    *, user: User, state: str = "", envelope: str = "", name: str = ""
) -> QuerySet[Case]:
    """The cases a user may see, as a list shows them, in one query however many rows:
    teacher, subject and programme year joined; the main school's name and id, the
    envelope's status and whether it waits on the user annotated. Filters by case state,
    envelope status and teacher name (the list page filters through `CASE_WORKLIST`
    instead)."""
    main = TeachingAssignment.objects.filter(teacher=OuterRef("teacher"), is_main=True)
    rows = case_list_for_user(user=user).annotate(
        school_name=Subquery(main.values("school__name")[:1]),
        main_school_id=Subquery(main.values("school_id")[:1]),
        envelope_status=_envelope_status(),
    )
    rows = rows.annotate(envelope_waits=_envelope_waits(user))
    if state:
        rows = rows.filter(state=state)
    if envelope:
        rows = rows.filter(envelope_status=envelope)
    if name:
        rows = rows.filter(teacher__name__icontains=name)
    return rows


CASE_WORKLIST = Worklist(
    key="cases",
    url_name="cases:list",
    number="participant_number",
    name="teacher__name",
    state="state",
    states=Case.State.choices,
    state_label=_("Case state"),
    deadline="programme_year__portfolio_deadline",
    deadline_label=_("Portfolio deadline"),
    sorts={
        "name": Sort(_("Teacher's name"), ("teacher__name", "pk"), by_name=True),
        "number": Sort(_("Participant number"), ("participant_number", "pk")),
        "state": Sort(_("Case state"), ("state", "participant_number", "pk")),
        "deadline": Sort(
            _("Deadline, soonest first"),
            ("programme_year__portfolio_deadline", "participant_number", "pk"),
        ),
        "updated": Sort(_("Last change, latest first"), ("-updated_at", "pk")),
    },
    extra=(
        Choice(
            "envelope", _("Envelope"), "envelope_status", EnvelopeStatus.choices, _("Any status")
        ),
        Choice(
            "envelope_waits",
            _("Your part of the envelope"),
            "envelope_waits",
            (("yes", _("Waiting for you")),),
            _("Any"),
            coerce=lambda value: value == "yes",
            shown=lambda user: user is not None and _envelope_fills(user) is not None,
        ),
    ),
    blind_for=identity_hidden,
)
"""The case lists of the principal, supervisor, district and province offices, the rayon and
the assessor: search by participant number or name (number only for an assessor), state,
portfolio deadline, envelope status, sorts (sergur/common/worklists.py)."""


@dataclass(frozen=True)
class EnvelopeScope:
    """In which role a user fills envelopes, and for the teachers of which main schools."""

    role: str | None
    school_ids: frozenset[int]
    user_id: int | None = None
    # True: only principal-participants (the head of the district office); False: never them
    # (a principal); None: any teacher (a supervisor).
    principals: bool | None = None

    def role_for(self, case: Case) -> str | None:
        """The role in which the user fills the envelope of a case from case_list_rows
        (never their own case)."""
        school_id: int | None = getattr(case, "main_school_id", None)
        if school_id is None or school_id not in self.school_ids:
            return None
        if self.principals is not None and is_principal_participant(case) != self.principals:
            return None
        return None if case.teacher.user_id == self.user_id else self.role


def envelope_scope(*, user: User) -> EnvelopeScope:
    """The schools whose teachers' envelopes the user fills (at most one query); the same
    rule as case_rights, for a whole list at once."""
    if not user.is_authenticated or not user.is_active:
        return EnvelopeScope(role=None, school_ids=frozenset())
    if user.role == Role.PRINCIPAL and user.school_id is not None:
        return EnvelopeScope(
            role="principal",
            school_ids=frozenset({user.school_id}),
            user_id=user.pk,
            principals=False,
        )
    if user.role == Role.DISTRICT_HEAD and user.district_id is not None:
        district = School.objects.filter(subdistrict__district=user.district_id)
        return EnvelopeScope(
            role="principal",
            school_ids=frozenset(district.values_list("pk", flat=True)),
            user_id=user.pk,
            principals=True,
        )
    if user.role == Role.SUPERVISOR:
        schools = frozenset(user.supervised_schools.values_list("pk", flat=True))
        return EnvelopeScope(role="supervisor", school_ids=schools, user_id=user.pk)
    return EnvelopeScope(role=None, school_ids=frozenset())
