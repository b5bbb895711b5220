"""The allowance pages: the school operator keeps only their school's load, the district
committee reads its district and computes, a teacher sees only their own eligibility; another
district's objects are not found; bad input is a message, never a 500."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sergur.allowance.models import (
    Linearity,
    MinisterApproval,
    SemesterEligibility,
    TeacherSemester,
    TeachingLoad,
)
from sergur.allowance.services import approval_record, eligibility_compute
from sergur.allowance.tests.support import (
    NOW,
    SEMESTER,
    certified,
    line,
    operator_of,
    other_school,
    own_school,
)
from sergur.registry.models import Subject
from sergur.registry.tests.factories import SchoolFactory, SubdistrictFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def signed_in(client: Client, user) -> Client:
    client.force_login(user)
    return client


def school_url(school, semester: str = SEMESTER) -> str:
    return f"{reverse('allowance:school', args=[school.pk])}?semester={semester}"


def test_a_teacher_short_of_hours_sees_why_and_the_fix(client, cast):
    school = own_school(cast)
    teacher = certified(cast)
    line(teacher, school, operator_of(school), 18)
    eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)

    page = signed_in(client, teacher.user).get(reverse("allowance:mine"))

    text = page.content.decode()
    assert page.status_code == 200
    assert "You are not eligible" in text
    assert "18 JP counted, below 24: short by 6 JP." in text
    assert "Teach 6 more JP a week in 180" in text
    # Every rule is named in words, never by its key.
    rows = re.findall(r'<th scope="row">([^<]*)</th>', text)
    assert "Teaching load (JP a week)" in rows and "Educator certificate" in rows
    assert not [row for row in rows if re.fullmatch(r"[a-z_]+", row)]


def test_a_teacher_sees_only_their_own_and_other_roles_are_refused(client, cast):
    school = own_school(cast)
    teacher = certified(cast)
    line(teacher, school, operator_of(school), 24)
    eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)

    other = signed_in(client, cast.budi).get(reverse("allowance:mine"))

    assert other.status_code == 200
    assert "has not been computed yet" in other.content.decode()
    assert signed_in(client, cast.dinas).get(reverse("allowance:mine")).status_code == 403


def test_the_operator_adds_and_changes_lines_of_their_school(client, cast):
    school = own_school(cast)
    operator = operator_of(school)
    teacher = certified(cast)
    client = signed_in(client, operator)
    assert client.get(reverse("allowance:schools")).status_code == 302

    added = client.post(
        school_url(school),
        {
            "action": "line",
            "line-teacher": teacher.pk,
            "line-class_label": "7A",
            "line-subject": teacher.subject.pk,
            "line-hours": "20",
            "line-team_share": "1",
        },
    )
    assert added.status_code == 302
    entry = TeachingLoad.objects.get()
    assert (entry.semester, entry.hours) == (SEMESTER, 20)
    page = client.get(school_url(school))
    assert "7A" in page.content.decode()

    edit = reverse("allowance:line", args=[entry.pk])
    assert client.get(edit).status_code == 200
    changed = client.post(
        edit,
        {
            "teacher": teacher.pk,
            "class_label": "7A",
            "subject": teacher.subject.pk,
            "hours": "24",
            "team_share": "1",
        },
    )
    assert changed.status_code == 302
    entry.refresh_from_db()
    assert entry.hours == 24
    assert client.post(edit, {"delete": "1"}).status_code == 302
    assert not TeachingLoad.objects.exists()


def test_bad_input_is_a_message_and_nothing_is_saved(client, cast):
    school = own_school(cast)
    teacher = certified(cast)
    client = signed_in(client, operator_of(school))

    refused = client.post(
        school_url(school),
        {
            "action": "line",
            "line-teacher": teacher.pk,
            "line-class_label": "7A",
            "line-subject": teacher.subject.pk,
            "line-hours": "99",
            "line-team_share": "2",
        },
    )

    assert refused.status_code == 400
    assert "Hours a week (JP)" in refused.content.decode()
    assert not TeachingLoad.objects.exists()
    confirm = client.post(school_url(school), {"action": "confirm"}, follow=True)
    assert "nothing to confirm" in confirm.content.decode()


def test_the_operator_records_duties_counselling_and_facts_and_confirms(client, cast):
    school = own_school(cast)
    teacher = certified(cast)
    line(teacher, school, operator_of(school, "op1"), 6)
    client = signed_in(client, operator_of(school))
    url = school_url(school)

    assert (
        client.post(url, {"action": "duty", "duty-teacher": teacher.pk, "duty-kind": "principal"})
    ).status_code == 302
    assert (
        client.post(
            url,
            {
                "action": "counselling",
                "counselling-teacher": teacher.pk,
                "counselling-pupils": "30",
            },
        )
    ).status_code == 302
    assert (
        client.post(
            url,
            {
                "action": "facts",
                "facts-teacher": teacher.pk,
                "facts-pkg": "baik",
                "facts-employer": "",
            },
        )
    ).status_code == 302
    assert TeacherSemester.objects.get(teacher=teacher).pkg == "baik"
    confirmed = client.post(url, {"action": "confirm"}, follow=True)
    assert "is confirmed" in confirmed.content.decode()
    duty = teacher.duties.get()
    assert client.post(url, {"action": "delete_duty", "duty": duty.pk}).status_code == 302
    assert not teacher.duties.exists()
    assert client.post(url, {"action": "nonsense"}).status_code == 400


def test_the_committee_reads_a_school_but_does_not_change_it(client, cast):
    school = own_school(cast)
    client = signed_in(client, cast.dinas)

    assert client.get(school_url(school)).status_code == 200
    assert client.post(school_url(school), {"action": "confirm"}).status_code == 403
    assert client.get(reverse("allowance:schools")).status_code == 200


def test_another_school_and_another_districts_school_are_not_found(client, cast):
    school, second = own_school(cast), other_school(cast)
    entry = line(certified(cast), school, operator_of(school, "op1"), 6)
    far = SchoolFactory(subdistrict=SubdistrictFactory(district=cast.dinas_other.district))
    client = signed_in(client, operator_of(second))

    assert client.get(school_url(school)).status_code == 404
    assert client.get(reverse("allowance:line", args=[entry.pk])).status_code == 404
    assert client.get(reverse("allowance:import", args=[school.pk])).status_code == 404
    assert signed_in(Client(), cast.dinas).get(school_url(far)).status_code == 404
    assert signed_in(Client(), cast.dinas_other).get(school_url(school)).status_code == 404
    assert signed_in(Client(), cast.sri).get(school_url(school)).status_code == 403


def test_the_import_page_runs_a_dry_run_then_imports(client, cast):
    school = own_school(cast)
    teacher = certified(cast)
    client = signed_in(client, operator_of(school))
    url = f"{reverse('allowance:import', args=[school.pk])}?semester={SEMESTER}"
    body = f"NUPTK,NPSN,CLASS,SUBJECT,HOURS\n{teacher.nuptk},{school.npsn},7A,180,24\n".encode()

    assert client.get(url).status_code == 200
    dry = client.post(url, {"file": SimpleUploadedFile("jadwal.csv", body)})
    assert dry.status_code == 200
    assert "1 line would be written" in dry.content.decode()
    assert not TeachingLoad.objects.exists()
    done = client.post(url, {"file": SimpleUploadedFile("jadwal.csv", body), "apply": "on"})
    assert done.status_code == 302
    assert TeachingLoad.objects.get().hours == 24

    bad = client.post(url, {"file": SimpleUploadedFile("jadwal.csv", body.replace(b"24", b"99"))})
    assert bad.status_code == 400
    assert "is not a whole number from 1 to 60" in bad.content.decode()
    wrong = client.post(url, {"file": SimpleUploadedFile("scan.pdf", b"\x00%PDF")})
    assert wrong.status_code == 400
    assert signed_in(Client(), cast.dinas).get(url).status_code == 403


def test_the_committee_recomputes_and_filters_by_post(client, cast):
    school = own_school(cast)
    operator = operator_of(school)
    full, short = certified(cast), certified(cast)
    line(full, school, operator, 24)
    line(short, school, operator, 10)
    client = signed_in(client, cast.dinas)

    done = client.post(reverse("allowance:recompute"), {"semester": SEMESTER}, follow=True)

    text = done.content.decode()
    assert "2 teachers computed for 2009-1, 1 eligible." in text
    assert "10 JP counted, below 24: short by 14 JP." in text
    client.post(reverse("allowance:district"), {"verdict": "yes", "query": ""})
    page = client.get(f"{reverse('allowance:district')}?semester={SEMESTER}").content.decode()
    assert full.name in page and short.name not in page
    client.post(reverse("allowance:district"), {"clear": "1"})
    client.post(reverse("allowance:district"), {"query": short.nuptk})
    page = client.get(reverse("allowance:district")).content.decode()
    assert short.name in page and full.name not in page
    bad = client.post(reverse("allowance:recompute"), {"semester": "2009-9"}, follow=True)
    assert "YYYY-1" in bad.content.decode()


def test_another_district_sees_nothing_of_this_one(client, cast):
    school = own_school(cast)
    line(certified(cast), school, operator_of(school), 24)
    eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)

    page = signed_in(client, cast.dinas_other).get(
        f"{reverse('allowance:district')}?semester={SEMESTER}"
    )

    assert page.status_code == 200
    assert "Nothing computed for this semester yet." in page.content.decode()
    assert SemesterEligibility.objects.count() == 1
    assert signed_in(Client(), cast.sri).get(reverse("allowance:district")).status_code == 403


def test_the_committee_keeps_the_linearity_table(client, cast):
    science = Subject.objects.create(code="097", name="IPA")
    math = Subject.objects.get(code="180")
    client = signed_in(client, cast.dinas)

    added = client.post(
        reverse("allowance:linearity"), {"certified": math.pk, "taught": science.pk, "note": ""}
    )
    assert added.status_code == 302
    same = client.post(
        reverse("allowance:linearity"), {"certified": math.pk, "taught": math.pk, "note": ""}
    )
    assert same.status_code == 400
    assert "always in line with itself" in same.content.decode()
    operator = signed_in(Client(), operator_of(own_school(cast)))
    assert operator.get(reverse("allowance:linearity")).status_code == 200
    entry = Linearity.objects.get()
    assert operator.post(reverse("allowance:linearity"), {"delete": entry.pk}).status_code == 403
    assert client.post(reverse("allowance:linearity"), {"delete": entry.pk}).status_code == 302
    assert not Linearity.objects.exists()
    assert signed_in(Client(), cast.sri).get(reverse("allowance:linearity")).status_code == 403


def test_the_committee_records_an_approval_of_its_own_teachers_only(client, cast):
    teacher = certified(cast)
    client = signed_in(client, cast.dinas)
    data = {
        "teacher": teacher.pk,
        "letter_number": "0123/MPN/2009",
        "letter_date": "2009-01-05",
        "official": "Direktur Jenderal PMPTK",
        "first_semester": "2009-1",
        "last_semester": "2009-2",
        "reason": "Daerah terpencil.",
    }

    assert client.post(reverse("allowance:approvals"), data).status_code == 302
    approval = MinisterApproval.objects.get()
    assert approval.letter_date == dt.date(2009, 1, 5)
    assert "0123/MPN/2009" in client.get(reverse("allowance:approvals")).content.decode()
    other = signed_in(Client(), cast.dinas_other).post(reverse("allowance:approvals"), data)
    assert other.status_code == 400
    assert MinisterApproval.objects.count() == 1
    assert (
        "0123/MPN/2009"
        not in signed_in(Client(), cast.dinas_other)
        .get(reverse("allowance:approvals"))
        .content.decode()
    )


def test_the_district_list_says_which_approval_makes_a_short_teacher_eligible(client, cast):
    school = own_school(cast)
    teacher = certified(cast)
    line(teacher, school, operator_of(school), 18)
    approval_record(
        teacher=teacher,
        letter_number="0123/MPN/2009",
        letter_date=dt.date(2009, 1, 5),
        official="Direktur Jenderal PMPTK",
        first_semester="2009-1",
        last_semester="2009-2",
        reason="Sekolah kecil di daerah terpencil.",
        actor=cast.dinas,
        now=NOW,
    )
    eligibility_compute(cast.dinas.district, SEMESTER, by=cast.dinas, now=NOW)

    page = signed_in(client, cast.dinas).get(f"{reverse('allowance:district')}?semester={SEMESTER}")

    row = re.search(rf"<tr><td>{re.escape(teacher.name)}</td>.*?</tr>", page.content.decode())
    assert row is not None and "<td>yes</td>" in row[0]
    assert "below 24, but approved in writing by the minister&#x27;s letter 0123/MPN/2009" in row[0]
