"""The demo's teachers certified in an earlier quota, followed after certification
(docs/quality-assurance.md): their PKG of the last two years, a KKG cluster they take part
in last year (or not), the remedial plans of those below standard and their verified PKB
credit, so that the quality-assurance page of the demo district shows every chart with
real points: the two years, the working-group comparison with both groups large enough,
the teachers below standard on their plans, the PKB credit.

The 2007 participants of the rest of the demo are not certified yet (the quality page
counts certified teachers only), so this cohort is its own: teachers past the range of
`--teachers`, marked certified as the master-data import marks them (`SUDAH_SERTIFIKASI`).
Idempotent: nothing is added once the cohort's cluster has last year's programme."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from decimal import Decimal

from sergur.accounts.models import User
from sergur.appraisal.models import Appraisal
from sergur.appraisal.services import appraiser_assign
from sergur.demo.appraisal import PROFILES, appraise_final
from sergur.demo.files import pdf_document, upload
from sergur.demo.logins import Login
from sergur.demo.people import People, load_people
from sergur.demo.specs import TeacherSpec, teacher_spec
from sergur.development.services import (
    activity_record,
    activity_verify,
    plan_open_remedial,
    standing_record,
)
from sergur.kkg.models import Group, Package
from sergur.kkg.services import (
    group_coordinator_elect,
    group_create,
    group_member_add,
    meeting_add,
    meeting_attendance_record,
    output_add,
    package_add,
    package_report_submit,
)
from sergur.registry.models import Teacher
from sergur.rules.appraisal import instrument
from sergur.rules.development import Kind

SEED = "sergur-demo-quality"
FIRST_INDEX = 10_000
"""The cohort's specs start past the largest `--teachers` (9999): never a 2007 participant."""
PARTICIPANTS = 6
OTHERS = 6
"""How many take part in the cluster last year, and how many do not: each at least the
quality year data's `min_group_size` (5), so the comparison is shown."""
CLUSTER = "KKG Gugus II"
CLUSTER_SCHOOLS = slice(3, 6)
"""The second elementary cluster: the fourth to sixth SD by NPSN (the first three are
Gugus I, `sergur/demo/development.py`)."""
BELOW = {1: "05", 7: "09", 10: "12"}
"""Cohort members (by position) with one competency at no points last year: below standard
whatever their profile."""
RANKS = ("III/b", "III/c", "III/d", "IV/a")


def _pdf(title: str) -> bytes:
    return pdf_document(title=title, lines=["Dokumen contoh sergur."], footer="sergur demo")


def cohort_specs(people: People) -> list[TeacherSpec]:
    """The cohort: the first teachers past the `--teachers` range at the cluster's schools
    (those who take part), then the first at any other school (those who do not)."""
    sd = sorted(s.npsn for s in people.schools.values() if s.level == "SD")
    cluster = set(sd[CLUSTER_SCHOOLS])
    inside: list[TeacherSpec] = []
    outside: list[TeacherSpec] = []
    index = FIRST_INDEX
    while len(inside) < PARTICIPANTS or len(outside) < OTHERS:
        spec = teacher_spec(index)
        if spec.main_school.npsn in cluster:
            if len(inside) < PARTICIPANTS:
                inside.append(spec)
        elif len(outside) < OTHERS:
            outside.append(spec)
        index += 1
    return inside + outside


def _cohort(people: People, specs: list[TeacherSpec], password: str) -> list[Teacher]:
    """The cohort's accounts and teachers (on a copy of `people`, whose teachers stay the
    2007 participants), marked certified."""
    own = dataclasses.replace(people, users={}, principals={}, supervisors={}, teachers={})
    load_people(people=own, specs=specs, password=password)
    teachers = [own.teachers[spec.nuptk] for spec in specs]
    Teacher.objects.filter(pk__in=[t.pk for t in teachers]).update(certified=True)
    return teachers


def _points(rng: random.Random, profile: tuple[int, ...], low: str) -> dict[tuple[str, int], int]:
    used = instrument("pkg-teacher")
    return {
        (c.key, n): 0 if c.key == low else rng.choice(profile)
        for c in used.competencies
        for n in range(1, c.indicators + 1)
    }


def _appraisals(people: People, teachers: list[Teacher], year: int) -> dict[int, Appraisal]:
    """Two final years each (`year` - 1 and `year`) and the appraiser of the year after
    assigned; those who take part in the cluster move up a profile in `year`, the others keep
    theirs; the `BELOW` ones have a competency at no points in `year`. Returns the appraisals
    of `year` by position."""
    latest: dict[int, Appraisal] = {}
    for position, teacher in enumerate(teachers):
        npsn = teacher.assignments.get(is_main=True).school.npsn
        principal, supervisor = people.principals[npsn], people.supervisors[npsn]
        start = 1 + position % (len(PROFILES) - 1)
        for step, when in enumerate((year - 1, year)):
            rng = random.Random(f"{SEED}-{teacher.nuptk}-{when}")  # nosec B311 # seeded demo data
            moved = step == 1 and position < PARTICIPANTS
            profile = PROFILES[start - 1 if moved else start]
            low = BELOW.get(position, "") if step == 1 else ""
            latest[position] = appraise_final(
                teacher=teacher,
                principal=principal,
                supervisor=supervisor,
                year=when,
                points=_points(rng, profile, low),
                teaching_hours=24,
                day=3 + position,
            )
        appraiser_assign(teacher=teacher, year=year + 1, appraiser=principal, actor=principal)
    return latest


def _cluster(people: People, teachers: list[Teacher], year: int, now: dt.datetime) -> Package:
    """Gugus II with the cohort's participants as members (the first elected coordinator),
    and last year's package of three held meetings they attended, its output and report."""
    sd = sorted((s for s in people.schools.values() if s.level == "SD"), key=lambda s: s.npsn)
    schools = sd[CLUSTER_SCHOOLS]
    dinas = people.users["dinas"]
    group = group_create(
        actor=dinas,
        district=people.district,
        kind=Group.Kind.KKG,
        name=CLUSTER,
        core_school=schools[0],
        member_schools=schools[1:],
    )
    for teacher in teachers:
        group_member_add(actor=dinas, group=group, teacher=teacher, on=dt.date(year, 1, 6))
    group_coordinator_elect(actor=dinas, group=group, teacher=teachers[0], on=dt.date(year, 1, 9))
    coordinator = teachers[0].user
    assert coordinator is not None  # nosec B101 # every cohort teacher has an account
    topic = "Penilaian autentik di kelas rendah"
    package = package_add(
        actor=coordinator,
        group=group,
        year=year,
        topic=topic,
        output_kind="assessment",
        planned_meetings=3,
    )
    members = list(group.memberships.all())
    for number in range(3):
        meeting = meeting_add(
            actor=coordinator,
            package=package,
            held_on=dt.date(year, 2, 4) + dt.timedelta(weeks=2 * number),
            agenda=f"{topic}: pertemuan {number + 1}",
        )
        meeting_attendance_record(actor=coordinator, meeting=meeting, present=members)
    output_add(
        actor=coordinator,
        package=package,
        kind="assessment",
        title="Instrumen penilaian kelas 1-3",
        upload=upload(name="instrumen.pdf", content=_pdf("Instrumen penilaian")),
    )
    return package_report_submit(
        actor=coordinator,
        package=package,
        upload=upload(name="laporan.pdf", content=_pdf(f"Laporan: {topic}")),
        now=now,
    )


def _development(
    people: People,
    teachers: list[Teacher],
    latest: dict[int, Appraisal],
    package: Package,
    now: dt.datetime,
) -> None:
    """Standing for all; the participants' package recorded and verified by their principal;
    the remedial plans of those below standard (the first past its deadline), all but the last,
    whose plan the monitors still see waiting."""
    year = package.year
    dinas = people.users["dinas"]
    rng = random.Random(f"{SEED}-pkb")  # nosec B311 # seeded synthetic demo data, no secret
    output = package.outputs.first()
    for position, teacher in enumerate(teachers):
        npsn = teacher.assignments.get(is_main=True).school.npsn
        principal = people.principals[npsn]
        assert teacher.user is not None  # nosec B101 # every cohort teacher has an account
        standing_record(
            actor=dinas,
            teacher=teacher,
            rank=teacher.rank if teacher.rank in RANKS else RANKS[position % len(RANKS)],
            since=dt.date(year - 2, 4, 1),
            carried_pk=Decimal(rng.randint(10, 25)),
            supporting=Decimal(rng.randint(1, 4)),
        )
        if position < PARTICIPANTS:
            activity = activity_record(
                actor=teacher.user,
                teacher=teacher,
                kind=Kind.KKG_PACKAGE,
                title=f"{CLUSTER}: {package.topic}",
                done_on=dt.date(year, 3, 20),
                kkg_package=package,
                kkg_output=output,
            )
            activity_verify(actor=principal, activity=activity, accept=True, now=now)
    below = [p for p in sorted(latest) if (latest[p].below_count or 0) > 0]
    for position in below[:-1]:
        principal = people.principals[teachers[position].assignments.get(is_main=True).school.npsn]
        overdue = position == below[0]
        today = dt.date(year, 12, 1) if overdue else now.date()
        plan_open_remedial(
            actor=principal,
            appraisal=latest[position],
            goal="Pendampingan oleh kepala sekolah, observasi ulang, pelatihan penilaian.",
            deadline=dt.date(year + 1, 3, 31) if overdue else today + dt.timedelta(days=120),
            today=today,
        )


def load_quality(*, people: People, password: str, now: dt.datetime) -> int:
    """Load the certified cohort and its two years after certification; the number of
    teachers added (0 when already loaded)."""
    year = now.year - 1
    if Package.objects.filter(group__district=people.district, group__name=CLUSTER).exists():
        return 0
    teachers = _cohort(people, cohort_specs(people), password)
    latest = _appraisals(people, teachers, year)
    package = _cluster(people, teachers[:PARTICIPANTS], year, now)
    _development(people, teachers, latest, package, now)
    return len(teachers)


def quality_logins(people: People) -> list[Login]:
    """Two of the certified cohort: the coordinator of Gugus II, and a teacher below
    standard on a remedial plan."""
    specs = cohort_specs(people)
    found = {u.username: u for u in User.objects.filter(username__in=[s.username for s in specs])}
    picks = (
        (specs[0], "certified: KKG Gugus II coordinator, PKB credit, /pkb/"),
        (specs[min(BELOW)], "certified: PKG below standard, remedial plan, /pkb/"),
    )
    return [
        Login("Teacher", spec.username, spec.name, note)
        for spec, note in picks
        if spec.username in found
    ]
