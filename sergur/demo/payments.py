"""The demo district's allowance payments: the certified teachers' first semester of allowance
(January after the certificate year), their pay profiles, the district's SKTP for it and the
payment run of its first quarter, by the finance officer `keuangan` (docs/allowance.md).

Where the allowance's demo has not computed that semester's eligibility, each certified
teacher's main school records 24 JP of their certified subject and a PKG of "Baik" through the
allowance's services, and the district's eligibility is computed as the committee would.

The shipped PP 15/2019 rows are an excerpt (docs/sources/domain.md §6.1), so the finance
officer loads a full table through the CSV loader: a **synthetic demo table** ("Tabel contoh
(sintetis)"), each golongan's 2-year steps interpolated between the minimum and maximum §6.1
gives — not the regulation's rows. All of it is synthetic; idempotent (a second load adds
nothing).
"""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Max

from sergur.allowance.models import SemesterEligibility, TeachingLoad
from sergur.allowance.services import eligibility_compute, load_line_save, teacher_semester_set
from sergur.certificates.models import Certificate
from sergur.demo.people import People
from sergur.payments.models import PaymentRun, PayProfile, SalaryTable, Sktp
from sergur.payments.services import (
    pay_profile_set,
    run_execute,
    run_start,
    salary_table_load,
    sktp_run,
    sktp_start,
)
from sergur.registry.models import Subject, Teacher
from sergur.rules.allowance.amount import GOLONGAN, rupiah, shipped_table
from sergur.rules.allowance.payment import Quarter

HOURS = 24


def _employment(teacher: Teacher) -> str:
    if teacher.employment == Teacher.Employment.PNS:
        return PayProfile.Kind.PNS
    return PayProfile.Kind.NON_PNS_INPASSING if teacher.has_inpassing else PayProfile.Kind.NON_PNS


def _loads(
    people: People, certificates: list[Certificate], semester: str, now: dt.datetime
) -> None:
    """24 JP of the certified subject at the main school, and a PKG of Baik."""
    operator = people.users["operator"]
    for certificate in certificates:
        teacher = certificate.teacher
        school = teacher.assignments.filter(is_main=True).select_related("school").first()
        if school is None or TeachingLoad.objects.filter(teacher=teacher, semester=semester):
            continue
        subject = Subject.objects.get(code=certificate.subject_code)
        load_line_save(
            line=None,
            school=school.school,
            semester=semester,
            teacher=teacher,
            class_label="7A",
            subject=subject,
            hours=HOURS,
            actor=operator,
            now=now,
        )
        teacher_semester_set(
            school=school.school,
            semester=semester,
            teacher=teacher,
            pkg="baik",
            employed_elsewhere=False,
            employer="",
            actor=operator,
            now=now,
        )


def _profiles(people: People, certificates: list[Certificate], year: int, now: dt.datetime) -> None:
    """A pay profile per certified teacher: the registry's employment and rank, the years in
    rank since they became permanent (0 without a date), paid from the semester's start."""
    start = dt.date(year, 1, 1)
    for certificate in certificates:
        teacher = certificate.teacher
        if PayProfile.objects.filter(teacher=teacher).exists():
            continue
        since = teacher.permanent_since or teacher.teacher_since
        mkg = min(32, max(0, year - since.year)) if since is not None else 0
        pay_profile_set(
            actor=people.users["keuangan"],
            teacher=teacher,
            now=now,
            employment=_employment(teacher),
            golongan=teacher.rank if teacher.rank in GOLONGAN else "",
            mkg=mkg,
            mkg_counted_on=start,
            paid_from=start,
            bank_name="BPD DIY",
            bank_account=f"00{teacher.nuptk[-8:]}",
        )


DEMO_TABLE = "Tabel contoh (sintetis)"


def _demo_table(people: People, year: int, now: dt.datetime) -> None:
    """Load the synthetic demo table (see the module's docstring) through the CSV loader."""
    if SalaryTable.objects.filter(district=people.district, regulation=DEMO_TABLE).exists():
        return
    shipped = shipped_table("pp_15_2019")
    lines = ["golongan,mkg,amount"]
    for golongan in GOLONGAN:
        low = shipped.steps(golongan)[0].amount
        high = shipped.maxima[golongan]
        for mkg in range(0, 33, 2):
            lines.append(f"{golongan},{mkg},{rupiah(low + (high - low) * mkg / 32)}")
    upload = SimpleUploadedFile("tabel.csv", "\n".join(lines).encode(), "text/csv")
    salary_table_load(
        actor=people.users["keuangan"],
        district=people.district,
        regulation=DEMO_TABLE,
        effective_from=dt.date(year, 1, 1),
        effective_to=None,
        upload=upload,
        dry_run=False,
        now=now,
    )


def load_payments(*, people: People, now: dt.datetime) -> Sktp | None:
    """The SKTP of the certified teachers' first semester of allowance and its first quarter's
    run; None when the demo has no certificate yet."""
    certificates = list(
        Certificate.objects.filter(
            teacher__assignments__is_main=True,
            teacher__assignments__school__subdistrict__district=people.district,
        )
        .select_related("teacher")
        .order_by("pk")
    )
    if not certificates:
        return None
    last = Certificate.objects.filter(pk__in=[c.pk for c in certificates]).aggregate(
        year=Max("issued_on__year")
    )["year"]
    year = int(last) + 1
    semester = f"{year}-1"
    if not SemesterEligibility.objects.filter(district=people.district, semester=semester):
        _loads(people, certificates, semester, now)
        eligibility_compute(people.district, semester, by=people.users["dinas"], now=now)
    _profiles(people, certificates, year, now)
    _demo_table(people, year, now)
    officer = people.users["keuangan"]
    sktp = Sktp.objects.filter(district=people.district, semester=semester).first()
    if sktp is None:
        sktp = sktp_run(
            sktp=sktp_start(actor=officer, district=people.district, semester=semester, now=now),
            now=now,
        )
    quarter = Quarter(year, 1)
    if not PaymentRun.objects.filter(district=people.district, year=year, quarter=1).exists():
        run_execute(
            run=run_start(actor=officer, district=people.district, quarter=quarter, now=now),
            now=now,
        )
    return sktp
