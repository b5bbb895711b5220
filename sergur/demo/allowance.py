"""The demo's allowance: the teaching loads of the district's certified teachers for the first
semester they can be paid (January of the year after the certificate, seed 003's FAQ), and
their eligibility computed by the district (docs/allowance.md).

Most teach 24 JP in their subject; the first two work in a small school like seed 002's
(8 rombel, fewer than 200 pupils) and find only 18 JP — one of them holds the minister's
written approval; one finds 4 JP at a second school; one teaches 6 of its hours in a subject
outside the certificate. The school of the first has an operator account (`opsekolah`).
With fewer than three certified teachers everyone teaches 24 JP (the payments' demo needs
someone to pay). Idempotent: nothing is added once the semester has loads in the district."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from sergur.accounts.models import User
from sergur.allowance.models import TeachingLoad
from sergur.allowance.services import (
    approval_record,
    eligibility_compute,
    load_confirm,
    load_line_save,
    teacher_semester_set,
)
from sergur.certificates.models import Certificate
from sergur.demo.people import People
from sergur.demo.twofactor import install_demo_authenticators
from sergur.registry.models import School, Subject, Teacher, TeachingAssignment

OPERATOR = "opsekolah"
SMALL_SCHOOL = ("VII A", "VII B", "VII C", "VIII A", "VIII B", "VIII C", "IX A", "IX B")
"""Seed 002's junior high school: 8 rombel and fewer than 200 pupils."""
LABELS = {
    "SD": ("Kelas 1", "Kelas 2", "Kelas 3", "Kelas 4", "Kelas 5", "Kelas 6"),
    "SMA": ("X-1", "X-2", "XI-1", "XI-2", "XII-1", "XII-2"),
    "SMK": ("X TKR", "X TKJ", "XI TKR", "XI TKJ", "XII TKR", "XII TKJ"),
}


@dataclass(frozen=True)
class AllowanceDemo:
    """What the demo's allowance holds: the semester, the operator and a teacher short of
    hours (to sign in as)."""

    semester: str
    operator: User
    short: Teacher


def _labels(school: School) -> tuple[str, ...]:
    return LABELS.get(school.level, SMALL_SCHOOL)


def _operator(school: School) -> User:
    user = User.objects.filter(username=OPERATOR).first() or User(username=OPERATOR)
    user.role = User.Role.SCHOOL_OPERATOR
    user.school = school
    user.first_name, user.last_name = "Operator", "Sekolah"
    # The demo password, as the district's account holds it (hashed once per run).
    user.password = User.objects.get(username="dinas").password
    user.save()
    # Made after the other staff got the demo authenticator: without one of its own, the
    # operator's first sign-in asked for a new authenticator instead of the printed code.
    install_demo_authenticators({OPERATOR: user})
    return user


def _main(teacher: Teacher) -> School:
    return (
        TeachingAssignment.objects.select_related("school")
        .get(teacher=teacher, is_main=True)
        .school
    )


def _lines(
    teacher: Teacher,
    school: School,
    subject: Subject,
    hours: list[int],
    actor: User,
    semester: str,
    now: dt.datetime,
    start: int = 0,
) -> None:
    labels = _labels(school)
    for index, jp in enumerate(hours):
        load_line_save(
            line=None,
            school=school,
            semester=semester,
            teacher=teacher,
            class_label=labels[(start + index) % len(labels)],
            subject=subject,
            hours=jp,
            pupils=24 + index,
            actor=actor,
            now=now,
        )


def load_allowance(*, people: People, now: dt.datetime | None = None) -> AllowanceDemo | None:
    """The loads, facts, one approval and the district's eligibility; None without
    certified teachers."""
    now = now or timezone.now()
    certificates = list(
        Certificate.objects.filter(
            status=Certificate.Status.ACTIVE,
            teacher__assignments__is_main=True,
            teacher__assignments__school__subdistrict__district=people.district,
        )
        .select_related("teacher")
        .order_by("teacher__nuptk")
    )
    if not certificates:
        return None
    year = max(c.issued_on.year for c in certificates) + 1
    semester = f"{year}-1"
    first = certificates[0].teacher
    operator = _operator(_main(first))
    short = first
    if TeachingLoad.objects.filter(
        semester=semester, school__subdistrict__district=people.district
    ).exists():
        return AllowanceDemo(semester=semester, operator=operator, short=short)
    superuser = people.users["operator"]
    dinas = people.users["dinas"]
    schools: set[School] = set()
    for index, certificate in enumerate(certificates):
        teacher = certificate.teacher
        school = _main(teacher)
        schools.add(school)
        actor = operator if school.pk == operator.school_id else superuser
        subject = Subject.objects.get(code=certificate.subject_code)
        if index < 2 and len(certificates) >= 3:
            _lines(teacher, school, subject, [3, 3, 3, 3, 3, 3], actor, semester, now)
        elif index == 2:
            _lines(teacher, school, subject, [4, 4, 4, 4, 4], actor, semester, now)
            other = (
                TeachingAssignment.objects.filter(teacher=teacher, is_main=False)
                .select_related("school")
                .first()
            )
            where = other.school if other is not None else school
            _lines(teacher, where, subject, [4], superuser, semester, now, start=5)
        elif index == 3:
            outside = Subject.objects.exclude(pk=subject.pk).order_by("code").first()
            _lines(teacher, school, subject, [3, 3, 3, 3, 3, 3], actor, semester, now)
            if outside is not None:
                _lines(teacher, school, outside, [3, 3], actor, semester, now, start=6)
        else:
            _lines(teacher, school, subject, [4, 4, 4, 4, 4, 4], actor, semester, now)
        teacher_semester_set(
            school=school,
            semester=semester,
            teacher=teacher,
            pkg="baik",
            employed_elsewhere=False,
            employer="",
            actor=actor,
            now=now,
        )
    if len(certificates) >= 3:
        approval_record(
            teacher=certificates[1].teacher,
            letter_number=f"0412/C.C2/GTK/{year}",
            letter_date=dt.date(year, 1, 10),
            official="Direktur Jenderal Guru dan Tenaga Kependidikan",
            first_semester=semester,
            last_semester=f"{year}-2",
            reason="Sekolah kecil (8 rombel, kurang dari 200 siswa): jam mengajar tidak "
            "mencukupi 24 JP.",
            actor=dinas,
            now=now,
        )
    for school in sorted(schools, key=lambda s: s.npsn):
        actor = operator if school.pk == operator.school_id else superuser
        load_confirm(school=school, semester=semester, actor=actor, now=now)
    eligibility_compute(people.district, semester, by=dinas, now=now)
    return AllowanceDemo(semester=semester, operator=operator, short=short)
