"""The demo's working groups and PKB: a KKG of the first elementary-school cluster (core and
member schools) and an MGMP of the commonest subject, with resource persons, a year's packages
of meetings with attendance, outputs and reports; each member's standing towards the next rank
and PKB activities, some verified by their principal, some waiting (docs/kkg.md, docs/pkb.md).
Idempotent: nothing is added once the district has working groups."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from decimal import Decimal

from sergur.demo.files import pdf_document, upload
from sergur.demo.people import People
from sergur.development.models import Activity
from sergur.development.services import activity_record, activity_verify, standing_record
from sergur.kkg.models import Group, ResourcePerson
from sergur.kkg.selectors import member_packages
from sergur.kkg.services import (
    group_coordinator_elect,
    group_create,
    group_member_add,
    meeting_add,
    meeting_attendance_record,
    output_add,
    package_add,
    package_report_submit,
    resource_person_add,
)
from sergur.registry.models import School, Teacher
from sergur.rules.development import Kind

SEED = "sergur-demo-development"
PERSONS = (
    ("Dr. Sri Rahayu, M.Pd.", "Pembelajaran tematik", "LPMP D.I. Yogyakarta"),
    ("Drs. Bambang Sutrisno", "Penilaian hasil belajar", "Pengawas sekolah"),
    ("Dra. Endang Lestari, M.Pd.", "Media pembelajaran", "Universitas Negeri Yogyakarta"),
)
TOPICS = (
    ("Penyusunan silabus dan RPP semester 1", "syllabus"),
    ("Instrumen penilaian autentik", "assessment"),
    ("Alat peraga matematika", "media"),
    ("Model pembelajaran kooperatif", "model"),
)
RANKS = ("III/a", "III/b", "III/c", "III/d", "IV/a")


def _pdf(title: str) -> bytes:
    return pdf_document(title=title, lines=["Dokumen contoh sergur."], footer="sergur demo")


def _members(schools: list[School], limit: int) -> list[Teacher]:
    return list(
        Teacher.objects.filter(assignments__is_main=True, assignments__school__in=schools)
        .distinct()
        .order_by("nuptk")[:limit]
    )


def _programme(group: Group, year: int, rng: random.Random, now: dt.datetime) -> None:
    """Four packages of three meetings; three held (attendance of about four in five), two
    with their report and an output."""
    if group.coordinator is None or group.coordinator.user is None:
        return
    coordinator = group.coordinator.user
    members = list(group.memberships.all())
    persons = list(ResourcePerson.objects.filter(district=group.district))
    start = dt.date(year, 1, 15)
    for number, (topic, kind) in enumerate(TOPICS):
        package = package_add(
            actor=coordinator,
            group=group,
            year=year,
            topic=topic,
            output_kind=kind,
            planned_meetings=3,
        )
        for meeting_no in range(3):
            day = start + dt.timedelta(weeks=number * 6 + meeting_no * 2)
            meeting = meeting_add(
                actor=coordinator,
                package=package,
                held_on=day,
                agenda=f"{topic}: pertemuan {meeting_no + 1}",
                resource_persons=[persons[(number + meeting_no) % len(persons)]],
            )
            if number < 3:
                present = [m for m in members if rng.random() < 0.8]
                meeting_attendance_record(actor=coordinator, meeting=meeting, present=present)
        if number < 2:
            output_add(
                actor=coordinator,
                package=package,
                kind=kind,
                title=topic,
                upload=upload(name="produk.pdf", content=_pdf(topic)),
            )
            package_report_submit(
                actor=coordinator,
                package=package,
                upload=upload(name="laporan.pdf", content=_pdf(f"Laporan: {topic}")),
                now=now,
            )


def _pkb(people: People, teachers: list[Teacher], year: int, now: dt.datetime) -> None:
    """Each member's standing; a training for most, verified by the principal for half; the
    earned KKG packages recorded, the first verified."""
    rng = random.Random(f"{SEED}-pkb")  # nosec B311 # seeded synthetic demo data, no secret
    dinas = people.users["dinas"]
    for index, teacher in enumerate(teachers):
        rank = teacher.rank if teacher.rank in RANKS else RANKS[index % len(RANKS)]
        standing_record(
            actor=dinas,
            teacher=teacher,
            rank=rank,
            since=dt.date(year - 2, 4, 1),
            carried_pk=Decimal(rng.randint(15, 30)),
            supporting=Decimal(rng.randint(1, 4)),
        )
        if teacher.user is None:
            continue
        main = teacher.assignments.filter(is_main=True).first()
        principal = people.principals.get(main.school.npsn) if main is not None else None
        done: list[Activity] = []
        if index % 4 != 3:
            training = activity_record(
                actor=teacher.user,
                teacher=teacher,
                kind=Kind.TRAINING,
                title="Diklat fungsional Kurikulum 2013",
                done_on=dt.date(year, 2, 10),
                hours=rng.choice((40, 100, 200)),
                upload=upload(name="sertifikat.pdf", content=_pdf("Sertifikat diklat")),
            )
            done.append(training)
        for item in member_packages(teacher=teacher, year=year):
            if item.verdict.earned:
                activity = activity_record(
                    actor=teacher.user,
                    teacher=teacher,
                    kind=Kind.KKG_PACKAGE,
                    title=f"{item.package.group.name}: {item.package.topic}",
                    done_on=dt.date(year, 3, 1),
                    kkg_package=item.package,
                    kkg_output=item.outputs[0] if item.outputs else None,
                )
                done.append(activity)
        if principal is not None and index % 2 == 0:
            for activity in done[:2]:
                activity_verify(actor=principal, activity=activity, accept=True, now=now)


def load_development(*, people: People, now: dt.datetime) -> int:
    """Load the demo groups and PKB records; the number of groups created."""
    if Group.objects.filter(district=people.district).exists():
        return 0
    rng = random.Random(SEED)  # nosec B311 # seeded synthetic demo data, no secret
    year = now.year
    dinas = people.users["dinas"]
    for name, expertise, institution in PERSONS:
        resource_person_add(
            actor=dinas,
            district=people.district,
            name=name,
            expertise=expertise,
            institution=institution,
        )
    schools = sorted(people.schools.values(), key=lambda s: s.npsn)
    elementary = [s for s in schools if s.level == "SD"] or schools
    cluster = elementary[:3]
    groups = [
        (
            group_create(
                actor=dinas,
                district=people.district,
                kind=Group.Kind.KKG,
                name="KKG Gugus I",
                core_school=cluster[0],
                member_schools=cluster[1:],
            ),
            _members(cluster, 12),
        )
    ]
    subject, _count = Counter(
        Teacher.objects.filter(pk__in=[t.pk for t in people.teachers.values()]).values_list(
            "subject_id", flat=True
        )
    ).most_common(1)[0]
    others = [s for s in schools if s not in cluster][:4] or schools[:1]
    mgmp_teachers = list(
        Teacher.objects.filter(
            subject_id=subject, assignments__is_main=True, assignments__school__in=others
        )
        .distinct()
        .order_by("nuptk")[:10]
    )
    if mgmp_teachers:
        mgmp = group_create(
            actor=dinas,
            district=people.district,
            kind=Group.Kind.MGMP,
            name=f"MGMP {mgmp_teachers[0].subject.name}",
            core_school=others[0],
            member_schools=others[1:],
            subject=mgmp_teachers[0].subject,
        )
        groups.append((mgmp, mgmp_teachers))
    members_all: list[Teacher] = []
    for group, teachers in groups:
        if not teachers:
            continue
        for teacher in teachers:
            group_member_add(actor=dinas, group=group, teacher=teacher, on=dt.date(year, 1, 5))
        elected = next((t for t in teachers if t.user is not None), None)
        if elected is None:
            continue
        group_coordinator_elect(actor=dinas, group=group, teacher=elected, on=dt.date(year, 1, 8))
        group.refresh_from_db()
        _programme(group, year, rng, now)
        members_all.extend(teachers)
    _pkb(people, members_all, year, now)
    return len(groups)
