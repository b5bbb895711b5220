"""The working-group pages: the coordinator runs the programme, a member reads it, the
district registers and supports, another district's committee and a non-member get 404, a
reader who may not act 403; bad input answers with its message (docs/kkg.md)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sergur.accounts.models import User
from sergur.conftest import Cast
from sergur.kkg.models import Attendance, Group, Meeting, Package, ResourcePerson
from sergur.kkg.tests.support import YEAR, cluster, held_package
from sergur.portfolios.tests.teacher_support import pdf_upload


@pytest.fixture(autouse=True)
def _english(settings: Any) -> Any:
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def as_user(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def test_the_district_registers_a_group_of_its_schools(client: Client, cast: Cast) -> None:
    page = as_user(client, cast.dinas).get(reverse("kkg:groups"))
    assert page.status_code == 200
    assert "Register a group" in page.content.decode()
    school = cast.pak_kepala.school
    assert school is not None
    done = client.post(
        reverse("kkg:group_add"), {"kind": "kkg", "name": "KKG Mawar", "core_school": school.pk}
    )
    group = Group.objects.get(name="KKG Mawar")
    assert done.status_code == 302 and done["Location"] == reverse("kkg:group", args=[group.pk])


def test_a_bad_registration_says_what_is_wrong(client: Client, cast: Cast) -> None:
    done = as_user(client, cast.dinas).post(
        reverse("kkg:group_add"), {"kind": "mgmp", "name": "", "core_school": ""}, follow=True
    )
    text = done.content.decode()
    assert "Name: This field is required." in text
    assert not Group.objects.exists()


def test_the_coordinator_sees_the_programme_and_participation(client: Client, cast: Cast) -> None:
    group = cluster(cast)
    package = held_package(cast, group)
    page = as_user(client, cast.sri).get(reverse("kkg:group", args=[group.pk]), {"year": YEAR})
    text = page.content.decode()
    assert page.status_code == 200
    assert "Package 1: RPP tematik kelas 4" in text
    assert "The package earns 0.15 credit for every member who attended." in text
    assert "The yearly programme has 3 meetings; the minimum is 12 a year." in text
    assert "Add a package" in text
    assert reverse("kkg:report_file", args=[package.pk]) in text


def test_a_member_reads_but_may_not_run_the_group(client: Client, cast: Cast) -> None:
    group = cluster(cast)
    package = held_package(cast, group)
    page = as_user(client, cast.budi).get(reverse("kkg:group", args=[group.pk]))
    assert page.status_code == 200
    assert "Add a package" not in page.content.decode()
    done = client.post(reverse("kkg:meeting_add", args=[package.pk]), {"agenda": "x"})
    assert done.status_code == 403


def test_another_district_and_a_non_member_do_not_find_the_group(
    client: Client, cast: Cast
) -> None:
    group = cluster(cast)
    group.memberships.filter(teacher=cast.budi.teacher).delete()
    for user in (cast.dinas_other, cast.budi):
        client.force_login(user)
        assert client.get(reverse("kkg:group", args=[group.pk])).status_code == 404
        done = client.post(reverse("kkg:package_add", args=[group.pk]), {"year": YEAR})
        assert done.status_code == 404
    assert not Package.objects.exists()


def test_the_coordinator_plans_a_package_and_a_meeting_and_takes_attendance(
    client: Client, cast: Cast
) -> None:
    group = cluster(cast)
    as_user(client, cast.sri)
    done = client.post(
        reverse("kkg:package_add", args=[group.pk]),
        {"year": YEAR, "topic": "Instrumen", "output_kind": "assessment", "planned_meetings": 3},
    )
    package = Package.objects.get()
    assert done.status_code == 302
    client.post(
        reverse("kkg:meeting_add", args=[package.pk]),
        {"held_on": "2026-03-01", "agenda": "Kisi-kisi"},
    )
    meeting = Meeting.objects.get()
    members = list(group.memberships.values_list("pk", flat=True))
    page = client.get(reverse("kkg:meeting", args=[meeting.pk]))
    assert "Save attendance" in page.content.decode()
    client.post(reverse("kkg:attendance", args=[meeting.pk]), {"present": members})
    assert Attendance.objects.count() == 2
    meeting.refresh_from_db()
    assert meeting.attendance_taken


def test_a_bad_package_and_a_bad_file_keep_what_was_saved(client: Client, cast: Cast) -> None:
    group = cluster(cast)
    package = held_package(cast, group)
    as_user(client, cast.sri)
    bad = client.post(reverse("kkg:package_add", args=[group.pk]), {"year": YEAR, "topic": ""})
    assert bad.status_code == 400
    assert "This field is required." in bad.content.decode()
    done = client.post(
        reverse("kkg:output_add", args=[package.pk]),
        {"kind": "syllabus", "title": "RPP", "file": pdf_upload("x.pdf", b"words")},
        follow=True,
    )
    assert "Only PDF, JPEG or PNG files are accepted" in done.content.decode()
    assert Package.objects.count() == 1
    done = client.post(
        reverse("kkg:output_add", args=[package.pk]),
        {"kind": "syllabus", "title": "RPP", "file": pdf_upload()},
    )
    output = package.outputs.get()
    assert client.get(reverse("kkg:output_file", args=[output.pk])).status_code == 200
    assert client.get(reverse("kkg:report_file", args=[package.pk])).status_code == 200


def test_the_register_is_shared_by_the_district(client: Client, cast: Cast) -> None:
    cluster(cast)
    assert cast.dinas.district is not None
    as_user(client, cast.sri).post(
        reverse("kkg:resources"),
        {"name": "Dra. Siti", "expertise": "Matematika", "district": cast.dinas.district.pk},
    )
    assert ResourcePerson.objects.get().name == "Dra. Siti"
    page = as_user(client, cast.dinas).get(reverse("kkg:resources"))
    assert "Dra. Siti" in page.content.decode()
    page = as_user(client, cast.dinas_other).get(reverse("kkg:resources"))
    assert "Dra. Siti" not in page.content.decode()
    done = as_user(client, cast.budi).post(reverse("kkg:resources"), {"name": "X"})
    assert done.status_code == 403


def test_the_district_records_the_elected_coordinator(client: Client, cast: Cast) -> None:
    group = cluster(cast, coordinator=False)
    member = group.memberships.get(teacher=cast.budi.teacher)
    as_user(client, cast.dinas).post(
        reverse("kkg:coordinator", args=[group.pk]),
        {"member": member.pk, "elected_on": "2026-01-10"},
    )
    group.refresh_from_db()
    assert group.coordinator == cast.budi.teacher
    done = as_user(client, cast.sri).post(
        reverse("kkg:coordinator", args=[group.pk]), {"member": member.pk}
    )
    assert done.status_code == 403


def test_a_package_without_meetings_says_so_in_words(client: Client, cast: Cast) -> None:
    group = cluster(cast)
    as_user(client, cast.sri).post(
        reverse("kkg:package_add", args=[group.pk]),
        {"year": YEAR, "topic": "Instrumen", "output_kind": "assessment", "planned_meetings": 3},
    )
    text = client.get(reverse("kkg:group", args=[group.pk]), {"year": YEAR}).content.decode()

    assert "No meeting planned yet." in text and "Meetings held: 0" not in text
    assert text.count("No meeting held yet.") == 4  # two teachers, two schools
    assert "<td>0</td><td>0</td>" not in text
