"""Reads of the working groups: who may see and run which group (the access helpers), a
group's programme with the rules' verdicts, participation per teacher and per school, the
resource-person register, and a member's packages offered as PKB evidence (docs/kkg.md)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from sergur.accounts.access import acting_user
from sergur.accounts.models import User
from sergur.common.i18n import rules_lang
from sergur.kkg.models import Attendance, Group, Meeting, Output, Package, ResourcePerson
from sergur.registry.models import School, Teacher
from sergur.rules.kkg import (
    KkgParams,
    PackageCredit,
    ProgrammeCheck,
    kkg_params,
    package_credit,
    participation,
    programme_check,
)
from sergur.rules.programme import ProgrammeYearError

Role = User.Role
NO_RULES = _("No KKG/MGMP rules are in force in %(year)s: %(error)s")


def year_kkg_params(year: int) -> KkgParams:
    """The working-group rules in force in `year`, or a clear refusal."""
    try:
        return kkg_params(year, tuple(settings.SERGUR_YEARS_DIRS))
    except ProgrammeYearError as exc:
        raise ValidationError(
            NO_RULES, code="no_rules", params={"year": year, "error": exc}
        ) from exc


def _schools(**school_filter: object) -> Q:
    schools = School.objects.filter(**school_filter).values("pk")
    return Q(core_school__in=schools) | Q(member_schools__in=schools)


def group_scope(user: User | AnonymousUser) -> Q | None:
    """The groups a user may see: members (and the coordinator) their groups, the principal
    and supervisor the groups of their schools, the district its groups."""
    person = acting_user(user)
    if person is None:
        return None
    if person.is_superuser:
        return Q()
    role = person.role
    if role == Role.TEACHER:
        return Q(memberships__teacher__user=person) | Q(coordinator__user=person)
    if role == Role.PRINCIPAL and person.school_id is not None:
        return _schools(pk=person.school_id)
    if role == Role.SUPERVISOR:
        return _schools(supervisors=person)
    if role in (Role.DISTRICT_COMMITTEE, Role.DISTRICT_HEAD) and person.district_id is not None:
        return Q(district=person.district_id)
    return None


@dataclass(frozen=True, slots=True)
class GroupRights:
    """What a user who sees a group may do with it."""

    manage: bool  # programme, meetings, attendance, outputs, reports: the coordinator
    support: bool  # register, record the elected coordinator, members: the district

    @property
    def members(self) -> bool:
        """Add members: the coordinator or the district."""
        return self.manage or self.support


def group_rights(*, user: User, group: Group) -> GroupRights:
    """The coordinator runs the group's programme; the district committee of its district
    supports it (seed 004: nonstructural, the district supports rather than commands)."""
    if user.is_superuser:
        return GroupRights(manage=True, support=True)
    coordinator = group.coordinator is not None and group.coordinator.user_id == user.pk
    district = user.role == Role.DISTRICT_COMMITTEE and user.district_id == group.district_id
    return GroupRights(manage=coordinator, support=district)


def group_list_for_user(*, user: User | AnonymousUser) -> QuerySet[Group]:
    """The groups the user may see, with their district, core school and coordinator."""
    scope = group_scope(user)
    if scope is None:
        return Group.objects.none()
    return (
        Group.objects.filter(pk__in=Group.objects.filter(scope).values("pk"))
        .select_related("district", "core_school", "subject", "coordinator")
        .annotate(member_count=Count("memberships", distinct=True))
        .order_by("district__name", "name")
    )


def group_get_for_user(*, user: User | AnonymousUser, pk: int) -> Group:
    """The group if the user may see it; 404 otherwise (existence is not revealed)."""
    scope = group_scope(user)
    if scope is None:
        raise Http404
    found = (
        Group.objects.filter(pk=pk, pk__in=Group.objects.filter(scope).values("pk"))
        .select_related("district", "core_school", "subject", "coordinator")
        .first()
    )
    if found is None:
        raise Http404
    return found


def package_get_for_user(*, user: User | AnonymousUser, pk: int) -> Package:
    """The package if the user may see its group; 404 otherwise."""
    package = Package.objects.filter(pk=pk).only("group_id").first()
    if package is None:
        raise Http404
    group = group_get_for_user(user=user, pk=package.group_id)
    found = Package.objects.get(pk=pk)
    found.group = group
    return found


def meeting_get_for_user(*, user: User | AnonymousUser, pk: int) -> Meeting:
    """The meeting if the user may see its group; 404 otherwise."""
    meeting = Meeting.objects.filter(pk=pk).select_related("package").first()
    if meeting is None:
        raise Http404
    meeting.package = package_get_for_user(user=user, pk=meeting.package_id)
    return meeting


def output_get_for_user(*, user: User | AnonymousUser, pk: int) -> Output:
    """The output if the user may see its group; 404 otherwise."""
    output = Output.objects.filter(pk=pk).first()
    if output is None:
        raise Http404
    output.package = package_get_for_user(user=user, pk=output.package_id)
    return output


@dataclass(frozen=True, slots=True)
class PackageRow:
    """A package of the programme with its meetings and the rules' verdict for the group."""

    package: Package
    meetings: list[Meeting]
    held: int
    verdict: PackageCredit

    @property
    def reasons(self) -> list[str]:
        """Why the package earns no credit yet, for the group (attendance is per member)."""
        lang = rules_lang()
        return [r.text(lang) for r in self.verdict.reasons if r.code != "kkg.absent"]


@dataclass(frozen=True, slots=True)
class Participation:
    """Meetings attended of those held, per teacher or per school."""

    label: str
    attended: int
    held: int
    percent: Decimal


@dataclass(frozen=True, slots=True)
class Programme:
    """A group's programme of one year: packages, the check, participation."""

    year: int
    packages: list[PackageRow]
    check: ProgrammeCheck
    teachers: list[Participation]
    schools: list[Participation]

    @property
    def reasons(self) -> list[str]:
        """What the programme lacks, in the reader's language."""
        lang = rules_lang()
        return [reason.text(lang) for reason in self.check.reasons]


def group_programme(*, group: Group, year: int) -> Programme:
    """The programme of `year` with the rules' verdicts (a handful of queries whatever its
    size): the yearly minimum, each package's credit, participation per teacher and school."""
    params = year_kkg_params(year)
    packages = list(
        Package.objects.filter(group=group, year=year).prefetch_related(
            "meetings__resource_persons", "outputs"
        )
    )
    meetings = [m for p in packages for m in p.meetings.all()]
    held = [m for m in meetings if m.attendance_taken]
    present: dict[int, set[int]] = defaultdict(set)  # membership -> meeting ids
    for meeting_id, membership_id in Attendance.objects.filter(meeting__in=held).values_list(
        "meeting_id", "membership_id"
    ):
        present[membership_id].add(meeting_id)
    rows = []
    for package in packages:
        package_held = [m for m in package.meetings.all() if m.attendance_taken]
        rows.append(
            PackageRow(
                package=package,
                meetings=list(package.meetings.all()),
                held=len(package_held),
                verdict=package_credit(
                    held=len(package_held),
                    attended=len(package_held),
                    reported=bool(package.report),
                    params=params,
                ),
            )
        )
    check = programme_check(
        [max(p.planned_meetings, len(p.meetings.all())) for p in packages], params
    )
    members = list(group.memberships.select_related("teacher", "school").order_by("teacher__name"))
    teachers = []
    by_school: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for member in members:
        attended = len(present[member.pk])
        teachers.append(
            Participation(
                member.teacher.name,
                attended,
                len(held),
                participation(attended=attended, held=len(held)),
            )
        )
        by_school[member.school.name][0] += attended
        by_school[member.school.name][1] += len(held)
    schools = [
        Participation(name, a, h, participation(attended=a, held=h))
        for name, (a, h) in sorted(by_school.items())
    ]
    return Programme(year=year, packages=rows, check=check, teachers=teachers, schools=schools)


@dataclass(frozen=True, slots=True)
class MemberPackage:
    """A package of a member's group: the member's attendance and the credit it earns them,
    with its outputs offered as PKB evidence."""

    package: Package
    held: int
    attended: int
    verdict: PackageCredit
    outputs: list[Output]


def member_packages(*, teacher: Teacher, year: int | None = None) -> list[MemberPackage]:
    """The packages of the teacher's groups (of `year`, or all) with what each earns them."""
    packages = Package.objects.filter(group__memberships__teacher=teacher)
    if year is not None:
        packages = packages.filter(year=year)
    packages = packages.select_related("group").prefetch_related("meetings", "outputs")
    attended = set(
        Meeting.objects.filter(
            attendances__membership__teacher=teacher, package__in=packages
        ).values_list("pk", flat=True)
    )
    found = []
    for package in packages.order_by("year", "group__name", "number"):
        held = [m for m in package.meetings.all() if m.attendance_taken]
        mine = sum(1 for m in held if m.pk in attended)
        found.append(
            MemberPackage(
                package=package,
                held=len(held),
                attended=mine,
                verdict=package_credit(
                    held=len(held),
                    attended=mine,
                    reported=bool(package.report),
                    params=year_kkg_params(package.year),
                ),
                outputs=list(package.outputs.all()),
            )
        )
    return found


def resource_list_for_user(*, user: User) -> QuerySet[ResourcePerson]:
    """The register of the user's district (the teacher's: of their groups' districts)."""
    if user.is_superuser:
        return ResourcePerson.objects.order_by("name")
    districts = Group.objects.filter(group_scope(user) or Q(pk__in=[])).values("district")
    if user.district_id is not None:
        return ResourcePerson.objects.filter(district=user.district_id).order_by("name")
    return ResourcePerson.objects.filter(district__in=districts).order_by("name")


def resource_districts(*, user: User) -> list[int]:
    """The districts whose register the user may add to: the district committee's own, a
    coordinator's groups' districts."""
    if user.role == Role.DISTRICT_COMMITTEE and user.district_id is not None:
        return [user.district_id]
    return sorted(
        set(Group.objects.filter(coordinator__user=user).values_list("district_id", flat=True))
    )


def package_earners(*, package: Package) -> list[Teacher]:
    """The members the package earns its credit for (the rules core's verdict per member:
    held meetings, the report, their attendance); two queries."""
    params = year_kkg_params(package.year)
    held = package.meetings.filter(attendance_taken=True).count()
    members = (
        Teacher.objects.filter(kkg_memberships__group=package.group_id)
        .annotate(
            attended=Count(
                "kkg_memberships__attendances",
                filter=Q(
                    kkg_memberships__attendances__meeting__package=package,
                    kkg_memberships__attendances__meeting__attendance_taken=True,
                ),
            )
        )
        .select_related("user")
        .order_by("pk")
    )
    return [
        teacher
        for teacher in members
        if package_credit(
            held=held,
            attended=teacher.attended,
            reported=bool(package.report),
            params=params,
        ).earned
    ]
