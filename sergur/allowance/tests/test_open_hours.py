"""Open hours (docs/allowance.md, "Open hours"): the class-subject hours no teacher teaches,
kept by the school's operator on the school's load page and by the timetable import."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sergur.accounts.models import User
from sergur.allowance.models import LoadConfirmation, OpenHours, TeachingLoad
from sergur.allowance.services import load_confirm, load_import, open_hours_add, open_hours_remove
from sergur.allowance.services.imports import FILLED_OPEN
from sergur.allowance.services.load import NOT_OPERATOR
from sergur.allowance.services.open_hours import FILLED
from sergur.allowance.tests.support import (
    NOW,
    SEMESTER,
    certified,
    line,
    operator_of,
    other_school,
    own_school,
)
from sergur.common.models import AuditRecord
from sergur.registry.models import School, Subject
from sergur.registry.tests.factories import SchoolFactory, SubdistrictFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def maths() -> Subject:
    return Subject.objects.get_or_create(code="180", defaults={"name": "Matematika"})[0]


def add(school: School, actor: User, label: str = "8C", hours: int = 6) -> OpenHours:
    return open_hours_add(
        school=school,
        semester=SEMESTER,
        class_label=label,
        subject=maths(),
        hours=hours,
        pupils=28,
        actor=actor,
        now=NOW,
    )


def school_url(school: School) -> str:
    return f"{reverse('allowance:school', args=[school.pk])}?semester={SEMESTER}"


# --- the service ------------------------------------------------------------------------------


def test_the_operator_records_open_hours_and_it_withdraws_the_confirmation(cast) -> None:
    school = own_school(cast)
    operator = operator_of(school)
    line(certified(cast), school, operator, 6)
    load_confirm(school=school, semester=SEMESTER, actor=operator, now=NOW)

    entry = add(school, operator, label=" 8C ")

    assert (entry.class_label, entry.hours, entry.pupils, entry.filled) == ("8C", 6, 28, False)
    assert not LoadConfirmation.objects.filter(school=school).exists()
    assert AuditRecord.objects.filter(action="allowance.load_changed").count() == 2
    with pytest.raises(ValidationError):  # the same class and subject twice
        add(school, operator)

    open_hours_remove(entry=entry, actor=operator)
    assert not OpenHours.objects.exists()


def test_only_that_schools_operator_keeps_its_open_hours(cast) -> None:
    school = own_school(cast)
    entry = add(school, operator_of(school))
    far = SchoolFactory(subdistrict=SubdistrictFactory(district=cast.dinas_other.district))
    strangers = [
        cast.dinas,  # the committee reads, never writes
        cast.sri,
        operator_of(other_school(cast), "op_other"),
        operator_of(far, "op_far"),
    ]

    for person in strangers:
        with pytest.raises(ValidationError) as refused:
            add(school, person, label="9A")
        assert refused.value.messages == [str(NOT_OPERATOR)]
        with pytest.raises(ValidationError):
            open_hours_remove(entry=entry, actor=person)
    assert OpenHours.objects.count() == 1


def test_filled_open_hours_are_not_removed(cast) -> None:
    school = own_school(cast)
    operator = operator_of(school)
    entry = add(school, operator)
    OpenHours.objects.filter(pk=entry.pk).update(filled_at=NOW, filled_by=certified(cast))
    entry.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        open_hours_remove(entry=entry, actor=operator)

    assert refused.value.messages == [str(FILLED)]


# --- the school's page ------------------------------------------------------------------------


def test_the_operator_adds_and_removes_open_hours_on_the_schools_page(client, cast) -> None:
    school = own_school(cast)
    client.force_login(operator_of(school))
    form = {
        "action": "open",
        "open-class_label": "8C",
        "open-subject": maths().pk,
        "open-hours": "6",
        "open-pupils": "28",
    }

    assert client.post(school_url(school), form).status_code == 302
    entry = OpenHours.objects.get()
    page = client.get(school_url(school)).content.decode()
    assert "Open hours: classes and subjects no teacher teaches" in page and "8C" in page

    bad = client.post(school_url(school), {**form, "open-hours": "0"})
    assert bad.status_code == 400
    assert "Hours a week (JP)" in bad.content.decode()

    done = client.post(school_url(school), {"action": "delete_open", "open": entry.pk})
    assert done.status_code == 302 and not OpenHours.objects.exists()


def test_other_roles_schools_and_districts_cannot_change_open_hours(client, cast) -> None:
    school = own_school(cast)
    entry = add(school, operator_of(school))
    far = SchoolFactory(subdistrict=SubdistrictFactory(district=cast.dinas_other.district))
    remove = {"action": "delete_open", "open": entry.pk}

    committee = Client()
    committee.force_login(cast.dinas)
    assert committee.post(school_url(school), remove).status_code == 403
    teacher = Client()
    teacher.force_login(cast.sri)
    assert teacher.post(school_url(school), remove).status_code == 403
    for own in (other_school(cast), far):
        other = Client()
        other.force_login(operator_of(own, f"op_{own.pk}"))
        # their own school's page, another school's open hours: not found
        assert other.post(school_url(own), remove).status_code == 404
        assert other.post(school_url(school), remove).status_code == 404
    other_district = Client()
    other_district.force_login(cast.dinas_other)
    assert other_district.get(school_url(school)).status_code == 404
    assert OpenHours.objects.filter(pk=entry.pk).exists()


# --- the timetable import ---------------------------------------------------------------------


def csv_file(*rows: str) -> io.BytesIO:
    header = "NUPTK,NPSN,CLASS,SUBJECT,HOURS,TEAM_SHARE,PUPILS"
    return io.BytesIO("\n".join((header, *rows)).encode("utf-8"))


def test_a_row_without_a_nuptk_is_imported_as_open_hours(cast) -> None:
    school = own_school(cast)
    operator = operator_of(school)
    teacher = certified(cast)
    stale = add(school, operator, label="9Z")
    rows = (
        f"{teacher.nuptk},{school.npsn},7A,180,18,,30",
        f",{school.npsn},8C,180,6,,28",
        f",{school.npsn},8D,180,4,,",
    )

    dry = load_import(
        school=school, semester=SEMESTER, stream=csv_file(*rows), actor=operator, apply=False
    )
    assert (dry.lines, dry.open_lines, dry.open_hours, dry.problems) == (1, 2, 10, [])
    done = load_import(
        school=school, semester=SEMESTER, stream=csv_file(*rows), actor=operator, apply=True
    )

    assert done.written
    assert TeachingLoad.objects.get().class_label == "7A"
    assert sorted(OpenHours.objects.values_list("class_label", "hours", "pupils")) == [
        ("8C", 6, 28),
        ("8D", 4, None),
    ]
    assert not OpenHours.objects.filter(pk=stale.pk).exists()


def test_untaught_rows_are_checked_like_any_row(cast) -> None:
    school = own_school(cast)
    operator = operator_of(school)
    filled = add(school, operator, label="9Z")
    OpenHours.objects.filter(pk=filled.pk).update(filled_at=NOW, filled_by=certified(cast))
    rows = (
        f",{school.npsn},8C,180,6,,",
        f",{school.npsn},8C,180,4,,",  # twice
        f",{school.npsn},8E,180,4,0.5,",  # a share without a teacher
        f",{school.npsn},9Z,180,6,,",  # already given by the plan
    )

    report = load_import(
        school=school, semester=SEMESTER, stream=csv_file(*rows), actor=operator, apply=True
    )

    assert [(line, column) for line, column, _ in report.problems] == [
        (3, "CLASS"),
        (4, "TEAM_SHARE"),
        (5, "NUPTK"),
    ]
    assert report.problems[2][2] == str(FILLED_OPEN)
    assert OpenHours.objects.count() == 1  # the filled one, kept


def test_the_import_page_says_how_many_open_hours_it_would_record(client, cast) -> None:
    school = own_school(cast)
    client.force_login(operator_of(school))
    url = f"{reverse('allowance:import', args=[school.pk])}?semester={SEMESTER}"
    body = f"NUPTK,NPSN,CLASS,SUBJECT,HOURS\n,{school.npsn},8C,180,6\n".encode()

    dry = client.post(url, {"file": SimpleUploadedFile("jadwal.csv", body)})

    assert dry.status_code == 200
    assert "1 class-subject without a teacher would be recorded as open hours (6 JP a week)" in (
        dry.content.decode()
    )
