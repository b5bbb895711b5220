"""Reads of quality assurance (seed 001's model, docs/quality-assurance.md): which place a user
may look at (the access helper), and per year the certified teachers' PKG on core and on
additional duties, who is below standard and whether the next PKG improved, and the monitors'
worklist. Every figure is aggregated in the database: a page costs a handful of queries
whatever the number of teachers."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import (
    Avg,
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal
from sergur.development.models import Activity, Plan
from sergur.kkg.models import Attendance
from sergur.registry.models import District, School, Teacher
from sergur.rules.appraisal import instruments
from sergur.rules.kkg import kkg_params
from sergur.rules.quality import (
    Comparison,
    Group,
    QualityParams,
    kkg_comparison,
    quality_params,
)

Role = User.Role
PLACES = Decimal("0.01")
CORE = "core"
ADDITIONAL = "additional"
CREDIT_OF_COMPONENT = {CORE: "teaching", ADDITIONAL: "additional_duty"}
MONITORS = frozenset({Role.PRINCIPAL, Role.SUPERVISOR})
VIEWERS = MONITORS | {
    Role.DISTRICT_COMMITTEE,
    Role.DISTRICT_HEAD,
    Role.QUALITY_OFFICE,
    Role.MINISTRY,
}


@dataclass(frozen=True)
class Place:
    """The schools a quality-assurance page covers, as a filter on School, with its name."""

    kind: str
    label: str
    schools: Q
    districts: Q = field(default_factory=Q)


def _dirs() -> tuple[Path, ...]:
    return tuple(settings.SERGUR_YEARS_DIRS)


def _base_place(person: User) -> Place | None:
    if person.is_superuser or person.role == Role.MINISTRY:
        return Place("all", _("All provinces"), Q(), Q())
    if person.role == Role.PRINCIPAL and person.school_id is not None:
        return Place("school", str(person.school), Q(pk=person.school_id), Q(pk=-1))
    if person.role == Role.SUPERVISOR:
        return Place(
            "supervised",
            _("Your supervised schools"),
            Q(pk__in=person.supervised_schools.values("pk")),
            Q(pk=-1),
        )
    if person.role in (Role.DISTRICT_COMMITTEE, Role.DISTRICT_HEAD) and person.district_id:
        district = person.district_id
        return Place("district", str(person.district), Q(subdistrict__district=district), Q(pk=-1))
    if person.role == Role.QUALITY_OFFICE and person.province_id is not None:
        province = person.province_id
        return Place(
            "province",
            str(person.province),
            Q(subdistrict__district__province=province),
            Q(province=province),
        )
    return None


def quality_place_for_user(
    *, user: User | AnonymousUser, district: int | None = None, school: int | None = None
) -> Place:
    """The access helper of quality assurance: the principal sees their school, the supervisor
    the schools they supervise, the district committee and head their district, the quality
    office (LPMP) its province, the ministry everything. Within that, one district or school
    may be picked by pk; one outside it answers 404, any other role 403."""
    if not user.is_authenticated or not isinstance(user, User) or not user.is_active:
        raise PermissionDenied
    base = _base_place(user)
    if base is None:
        raise PermissionDenied
    if school is not None:
        picked = School.objects.filter(base.schools, pk=school).first()
        if picked is None:
            raise Http404
        return Place("school", str(picked), Q(pk=picked.pk), Q(pk=-1))
    if district is not None:
        found = District.objects.filter(base.districts, pk=district).first()
        if found is None:
            raise Http404
        return Place("district", str(found), Q(subdistrict__district=found.pk), Q(pk=-1))
    return base


def place_districts(place: Place) -> QuerySet[District]:
    """The districts the place can be narrowed to (the province's, or all for the ministry)."""
    if place.kind not in ("province", "all"):
        return District.objects.none()
    return District.objects.filter(place.districts).select_related("province")


def place_schools(place: Place) -> QuerySet[School]:
    """The schools the place can be narrowed to (a supervisor's or a district's)."""
    if place.kind not in ("supervised", "district"):
        return School.objects.none()
    return School.objects.filter(place.schools)


def _instrument_keys(component: str) -> list[str]:
    """The instruments of a component: core duties are those credited as teaching, additional
    duties those credited as additional duty (sergur/rules/appraisal/instruments)."""
    return list(_keys_by_credit(_dirs())[CREDIT_OF_COMPONENT[component]])


@cache
def _keys_by_credit(dirs: tuple[Path, ...]) -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = defaultdict(set)
    for used in instruments(dirs).values():
        found[used.credit].add(used.key)
    return {credit: tuple(sorted(keys)) for credit, keys in found.items()}


def _final(place: Place, component: str) -> QuerySet[Appraisal]:
    return Appraisal.objects.filter(
        state=Appraisal.State.FINAL,
        instrument_key__in=_instrument_keys(component),
        school__in=School.objects.filter(place.schools).values("pk"),
        teacher__certified=True,
    )


def _below_q(years: list[int]) -> Q:
    """Final appraisals with at least one competency below the standard of their year, as
    stored when the appraisal was submitted (sergur.appraisal.services, from the rules
    core's result; the `years` are kept for the callers' symmetry)."""
    return Q(year__in=years, below_count__gt=0)


def _round(value: object) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(PLACES, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class YearFigures:
    """One year of one component in a place."""

    year: int
    appraised: int
    mean: Decimal | None
    categories: dict[str, int]
    below: int
    compared: int
    improved: int
    unchanged: int
    declined: int


def _with_previous(rows: QuerySet[Appraisal], year: int | None = None) -> QuerySet[Appraisal]:
    """The appraisals with `previous`: the score of the same teacher's final appraisal on the
    same instrument the year before (at any school), or None. A join, not a subquery per row:
    the unique (teacher, year, instrument) constraint makes it match at most one row, and
    PostgreSQL plans it as one join over the place's appraisals (bench/quality_page.py). When
    the rows are all of one `year`, the year before is named outright, so that only its
    appraisals are read."""
    before = F("year") - 1 if year is None else Value(year - 1)
    return rows.alias(
        previous_appraisal=FilteredRelation(
            "teacher__appraisals",
            condition=Q(
                teacher__appraisals__year=before,
                teacher__appraisals__instrument_key=F("instrument_key"),
                teacher__appraisals__state=Appraisal.State.FINAL,
            ),
        )
    ).annotate(previous=F("previous_appraisal__score"))


def quality_params_for(year: int) -> QualityParams:
    """The quality-assurance thresholds of `year` (ProgrammeYearError when none)."""
    return quality_params(year, _dirs())


def quality_years(place: Place, component: str = CORE) -> list[int]:
    """The years with final appraisals of the component in the place, oldest first."""
    # order_by(): the model's ordering would add the teacher's name to the DISTINCT.
    return list(_final(place, component).order_by("year").values_list("year", flat=True).distinct())


def quality_summary(place: Place, component: str, years: list[int]) -> list[YearFigures]:
    """Per year: how many certified teachers were appraised, their mean score, the count per
    category, how many had a competency below standard, and of those appraised the year
    before, how many improved, stayed or declined (sergur.rules.quality.trend, in SQL).
    Two queries."""
    if not years:
        return []
    rows = _final(place, component).filter(year__in=years)
    compared = Q(previous__isnull=False)
    improved, declined = Q(pk__in=[]), Q(pk__in=[])
    by_step: dict[int, list[int]] = defaultdict(list)
    for year in years:
        by_step[quality_params_for(year).improved_min_points].append(year)
    for step, in_years in by_step.items():
        improved |= Q(year__in=in_years, score__gte=F("previous") + Value(step))
        declined |= Q(year__in=in_years, score__lte=F("previous") - Value(step))
    totals = (
        _with_previous(rows)
        .values("year")
        .annotate(
            appraised=Count("pk"),
            mean=Avg("score"),
            below=Count("pk", filter=_below_q(years)),
            compared=Count("pk", filter=compared),
            improved=Count("pk", filter=compared & improved),
            declined=Count("pk", filter=compared & declined),
        )
        .order_by("year")
    )
    categories: dict[int, dict[str, int]] = defaultdict(dict)
    for year, category, count in (
        rows.values_list("year", "category").annotate(n=Count("pk")).order_by()
    ):
        categories[year][category] = count
    return [
        YearFigures(
            year=row["year"],
            appraised=row["appraised"],
            mean=_round(row["mean"]),
            categories=categories[row["year"]],
            below=row["below"],
            compared=row["compared"],
            improved=row["improved"],
            unchanged=row["compared"] - row["improved"] - row["declined"],
            declined=row["declined"],
        )
        for row in totals
    ]


@dataclass(frozen=True)
class TeacherRow:
    """A certified teacher on a list: their appraisal of the year (if any) and the one before."""

    teacher_pk: int
    name: str
    school: str
    appraisal_pk: int | None
    state: str
    score: Decimal | None
    category: str
    previous: Decimal | None
    plan_deadline: dt.date | None = None
    plan_completed: bool = False

    @property
    def plan_overdue(self) -> bool:
        """A remedial plan past its deadline and not completed."""
        return (
            self.plan_deadline is not None
            and not self.plan_completed
            and self.plan_deadline < timezone.localdate()
        )


def quality_below_list(place: Place, year: int, *, limit: int = 200) -> list[TeacherRow]:
    """The certified teachers of the place whose final core-duty PKG of `year` has a
    competency below standard, lowest score first, with the year before's score. One query."""
    rows = (
        _with_previous(_final(place, CORE).filter(year=year).filter(_below_q([year])), year)
        .annotate(
            plan_deadline=Subquery(_remedial().values("deadline")[:1]),
            plan_completed=Exists(_remedial().filter(completed_at__isnull=False)),
        )
        .order_by("score", "teacher__name", "pk")
        .values(
            "plan_deadline",
            "plan_completed",
            "pk",
            "teacher_id",
            "teacher__name",
            "school__name",
            "state",
            "score",
            "category",
            "previous",
        )[:limit]
    )
    return [
        TeacherRow(
            teacher_pk=r["teacher_id"],
            name=r["teacher__name"],
            school=r["school__name"],
            appraisal_pk=r["pk"],
            state=r["state"],
            score=r["score"],
            category=r["category"],
            previous=r["previous"],
            plan_deadline=r["plan_deadline"],
            plan_completed=r["plan_completed"],
        )
        for r in rows
    ]


def _remedial() -> QuerySet[Plan]:
    return Plan.objects.filter(appraisal=OuterRef("pk"), kind=Plan.Kind.REMEDIAL)


@dataclass(frozen=True)
class PlanRow:
    """A remedial plan past its deadline and not completed."""

    teacher_pk: int
    name: str
    year: int
    deadline: dt.date


def monitor_plans_overdue(place: Place, *, limit: int = 200) -> list[PlanRow]:
    """The remedial plans (docs/pkb.md) of the place's teachers past their deadline and not
    completed, oldest deadline first. One query."""
    rows = (
        Plan.objects.filter(
            kind=Plan.Kind.REMEDIAL,
            completed_at__isnull=True,
            deadline__lt=timezone.localdate(),
            appraisal__school__in=School.objects.filter(place.schools).values("pk"),
        )
        .order_by("deadline", "pk")
        .values("teacher_id", "teacher__name", "year", "deadline")[:limit]
    )
    return [PlanRow(r["teacher_id"], r["teacher__name"], r["year"], r["deadline"]) for r in rows]


@dataclass(frozen=True)
class DevelopmentYear:
    """Professional development in a year: teachers with verified PKB credit, the credit, and
    the remedial plans opened and completed."""

    year: int
    teachers: int
    credit: Decimal
    plans: int
    completed: int


NONE: Mapping[str, Any] = {}


def quality_development(place: Place) -> list[DevelopmentYear]:
    """Per year, the place's certified teachers' verified PKB activities (by the year they were
    done) and remedial plans (by the appraisal year). Two queries."""
    schools = School.objects.filter(place.schools).values("pk")
    teachers = Q(
        teacher__certified=True,
        teacher__assignments__is_main=True,
        teacher__assignments__school__in=schools,
    )
    activity: dict[int, Mapping[str, Any]] = {
        row["year"]: row
        for row in Activity.objects.filter(teachers, state=Activity.State.VERIFIED)
        .annotate(year=ExtractYear("done_on"))
        .values("year")
        .annotate(teachers=Count("teacher", distinct=True), credit=Sum("credit"))
        .order_by()
    }
    plans: dict[int, Mapping[str, Any]] = {
        row["year"]: row
        for row in Plan.objects.filter(
            kind=Plan.Kind.REMEDIAL, appraisal__school__in=schools, teacher__certified=True
        )
        .values("year")
        .annotate(plans=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False)))
        .order_by()
    }
    return [
        DevelopmentYear(
            year=year,
            teachers=activity.get(year, NONE).get("teachers", 0),
            credit=activity.get(year, NONE).get("credit") or Decimal(0),
            plans=plans.get(year, NONE).get("plans", 0),
            completed=plans.get(year, NONE).get("completed", 0),
        )
        for year in sorted(set(activity) | set(plans))
    ]


def monitor_not_done(place: Place, year: int, *, limit: int = 200) -> list[TeacherRow]:
    """The certified teachers whose main school is in the place and whose core-duty PKG of
    `year` is not final yet: none at all, or one still on its way (its state shown). One
    query."""
    keys = _instrument_keys(CORE)
    current = Appraisal.objects.filter(
        teacher=OuterRef("pk"), year=year, instrument_key__in=keys
    ).order_by("-pk")
    rows = (
        Teacher.objects.filter(
            certified=True,
            assignments__is_main=True,
            assignments__school__in=School.objects.filter(place.schools).values("pk"),
        )
        .annotate(
            appraisal_pk=Subquery(current.values("pk")[:1], output_field=IntegerField()),
            state=Coalesce(Subquery(current.values("state")[:1]), Value("")),
            school_name=F("assignments__school__name"),
        )
        .exclude(state=Appraisal.State.FINAL)
        .order_by("school_name", "name", "pk")
        .values("pk", "name", "school_name", "appraisal_pk", "state")[:limit]
    )
    return [
        TeacherRow(
            teacher_pk=r["pk"],
            name=r["name"],
            school=r["school_name"],
            appraisal_pk=r["appraisal_pk"],
            state=str(Appraisal.State(r["state"]).label) if r["state"] else "",
            score=None,
            category="",
            previous=None,
        )
        for r in rows
    ]


def monitor_not_done_count(place: Place, year: int) -> int:
    """How many certified teachers of the place have no final core-duty PKG of `year`."""
    keys = _instrument_keys(CORE)
    final = Appraisal.objects.filter(
        teacher=OuterRef("pk"), year=year, instrument_key__in=keys, state=Appraisal.State.FINAL
    )
    return (
        Teacher.objects.filter(
            certified=True,
            assignments__is_main=True,
            assignments__school__in=School.objects.filter(place.schools).values("pk"),
        )
        .exclude(Exists(final))
        .count()
    )


# -- the KKG question of seed 004 ---------------------------------------------------------------


def _took_part(year: int, minimum: int, field: str, by: str) -> ExpressionWrapper[Q]:
    """Whether the appraisal's `field` (its teacher, or one of the teacher's memberships) is
    among those present at `minimum` or more held meetings of `year`'s packages (the KKG year
    data's `min_attended_per_package`, the attendance that earns a package's credit;
    docs/kkg.md). `by` groups the attendance the same way: per teacher over all their groups,
    or per membership for that membership's group only. One grouped subquery for the whole
    place, which PostgreSQL hashes once, instead of an aggregate per appraisal."""
    took_part = (
        Attendance.objects.filter(meeting__package__year=year, meeting__attendance_taken=True)
        .values(by)
        .annotate(meetings=Count("pk"))
        .filter(meetings__gte=minimum)
        .values(by)
    )
    return ExpressionWrapper(Q(**{f"{field}__in": took_part}), output_field=BooleanField())


def _group(rows: Mapping[bool, Mapping[str, object]], took_part: bool) -> Group:
    row = rows.get(took_part, {})
    size = row.get("size", 0)
    return Group(
        size=size if isinstance(size, int) else 0,
        before=_round(row.get("before")),
        after=_round(row.get("after")),
    )


@dataclass(frozen=True)
class ClusterRow:
    """One working group: its members who took part in the year and those who did not, each
    with their mean core-duty PKG the year before and in the year."""

    group_pk: int
    name: str
    participants: Group
    others: Group


@dataclass(frozen=True)
class KkgEffect:
    """Seed 004's question for a place and year: participants against everyone else, the
    rules core's reading of it, and the same by working group."""

    year: int
    participants: Group
    others: Group
    comparison: Comparison
    clusters: list[ClusterRow]


def kkg_effect(place: Place, year: int) -> KkgEffect:
    """Certified teachers with a final core-duty PKG in both `year` - 1 (before) and `year`
    (after): the mean scores of those who took part in a working group in `year` and of those
    who did not, overall and by working group (members only). Two queries."""
    minimum = kkg_params(year, _dirs()).min_attended_per_package
    both = _with_previous(_final(place, CORE).filter(year=year), year).filter(
        Q(previous__isnull=False)
    )
    overall = {
        row["took_part"]: row
        for row in both.annotate(
            took_part=_took_part(year, minimum, "teacher", "membership__teacher")
        )
        .values("took_part")
        .annotate(size=Count("pk"), before=Avg("previous"), after=Avg("score"))
        .order_by()
    }
    participants, others = _group(overall, True), _group(overall, False)
    by_group: dict[int, dict[bool, Mapping[str, object]]] = defaultdict(dict)
    names: dict[int, str] = {}
    for row in (
        both.filter(teacher__kkg_memberships__isnull=False)
        .annotate(
            group_pk=F("teacher__kkg_memberships__group"),
            group_name=F("teacher__kkg_memberships__group__name"),
            took_part=_took_part(year, minimum, "teacher__kkg_memberships", "membership"),
        )
        .values("group_pk", "group_name", "took_part")
        .annotate(size=Count("pk"), before=Avg("previous"), after=Avg("score"))
        .order_by("group_name", "group_pk")
    ):
        by_group[row["group_pk"]][row["took_part"]] = row
        names[row["group_pk"]] = row["group_name"]
    clusters = [
        ClusterRow(pk, names[pk], _group(rows, True), _group(rows, False))
        for pk, rows in by_group.items()
    ]
    return KkgEffect(
        year=year,
        participants=participants,
        others=others,
        comparison=kkg_comparison(participants, others, quality_params_for(year)),
        clusters=clusters,
    )
