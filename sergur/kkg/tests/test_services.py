"""The working-group services: registering, members, the elected coordinator, the programme,
attendance, outputs and the report, each refusal with its message; participation and the
package credit read back through the selectors (docs/kkg.md)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sergur.common.models import AuditRecord
from sergur.conftest import Cast
from sergur.kkg import services
from sergur.kkg.models import Group
from sergur.kkg.selectors import group_programme, member_packages
from sergur.kkg.tests.support import DAY, YEAR, cluster, held_package, planned_meeting
from sergur.portfolios.tests.teacher_support import pdf_upload
from sergur.registry.tests.factories import DistrictFactory, SchoolFactory, SubdistrictFactory


@contextmanager
def refused(code: str) -> Iterator[None]:
    """The block raises a ValidationError with `code`."""
    with pytest.raises(ValidationError) as caught:
        yield
    assert [error.code for error in caught.value.error_list] == [code]


def test_a_held_reported_package_earns_each_member_0_15(cast: Cast) -> None:
    group = cluster(cast)
    held_package(cast, group)
    (mine,) = member_packages(teacher=cast.budi.teacher)
    assert (mine.held, mine.attended, mine.verdict.credit) == (3, 3, Decimal("0.15"))
    programme = group_programme(group=group, year=YEAR)
    assert programme.packages[0].reasons == []
    assert [p.percent for p in programme.teachers] == [Decimal(100), Decimal(100)]
    assert len(programme.schools) == 2
    assert programme.reasons[0].startswith("Program tahunan baru 3 pertemuan")
    assert AuditRecord.objects.filter(action="kkg.changed").count() >= 8


def test_a_package_without_its_report_earns_nothing_yet(cast: Cast) -> None:
    group = cluster(cast)
    held_package(cast, group, meetings=2, report=False)
    (mine,) = member_packages(teacher=cast.sri.teacher, year=YEAR)
    assert mine.verdict.credit == 0
    assert [r.code for r in mine.verdict.reasons] == [
        "kkg.package_short",
        "kkg.no_report",
        "kkg.absent",
    ]


def test_the_coordinator_must_be_a_member(cast: Cast) -> None:
    group = cluster(cast, coordinator=False)
    group.memberships.filter(teacher=cast.budi.teacher).delete()
    with pytest.raises(ValidationError) as caught:
        services.group_coordinator_elect(
            actor=cast.dinas, group=group, teacher=cast.budi.teacher, on=DAY
        )
    assert caught.value.messages == [str(services.groups.NOT_A_MEMBER)]


def test_a_member_twice_and_a_teacher_of_another_school_are_refused(cast: Cast) -> None:
    group = cluster(cast)
    with refused("member"):
        services.group_member_add(actor=cast.dinas, group=group, teacher=cast.sri.teacher, on=DAY)
    group.member_schools.clear()
    group.memberships.filter(teacher=cast.budi.teacher).delete()
    with refused("school"):
        services.group_member_add(actor=cast.dinas, group=group, teacher=cast.budi.teacher, on=DAY)


def test_a_school_of_another_district_and_an_mgmp_without_subject_are_refused(
    cast: Cast,
) -> None:
    assert cast.dinas.district is not None and cast.pak_kepala.school is not None
    elsewhere = SchoolFactory(
        subdistrict=SubdistrictFactory(district=DistrictFactory(code="09", name="Gunungkidul"))
    )
    with refused("district"):
        services.group_create(
            actor=cast.dinas,
            district=cast.dinas.district,
            kind=Group.Kind.KKG,
            name="X",
            core_school=cast.pak_kepala.school,
            member_schools=[elsewhere],
        )
    with refused("subject"):
        services.group_create(
            actor=cast.dinas,
            district=cast.dinas.district,
            kind=Group.Kind.MGMP,
            name="MGMP",
            core_school=cast.pak_kepala.school,
        )


def test_an_unknown_output_and_a_report_before_any_meeting_are_refused(cast: Cast) -> None:
    group = cluster(cast)
    with refused("output"):
        services.package_add(
            actor=cast.sri, group=group, year=YEAR, topic="X", output_kind="x", planned_meetings=3
        )
    package = services.package_add(
        actor=cast.sri, group=group, year=YEAR, topic="X", output_kind="media", planned_meetings=3
    )
    planned_meeting(cast, package)
    with refused("not_held"):
        services.package_report_submit(
            actor=cast.sri, package=package, upload=pdf_upload(), now=timezone.now()
        )
    with refused("output"):
        services.output_add(
            actor=cast.sri, package=package, kind="x", title="T", upload=pdf_upload()
        )


def test_an_output_is_checked_by_its_content(cast: Cast) -> None:
    package = held_package(cast, cluster(cast))
    output = services.output_add(
        actor=cast.sri, package=package, kind="syllabus", title="RPP", upload=pdf_upload()
    )
    assert output.content_type == "application/pdf"
    with refused("wrong_type"):
        services.output_add(
            actor=cast.sri,
            package=package,
            kind="syllabus",
            title="RPP",
            upload=pdf_upload("x.pdf", b"just words, not a PDF"),
        )
    again = services.package_report_submit(
        actor=cast.sri, package=package, upload=pdf_upload(), now=timezone.now()
    )
    assert again.report


def test_only_members_are_marked_present_and_persons_come_from_the_district(
    cast: Cast,
) -> None:
    group = cluster(cast)
    package = held_package(cast, group)
    other = cluster(cast)
    meeting = planned_meeting(cast, package)
    with refused("not_member"):
        services.meeting_attendance_record(
            actor=cast.sri, meeting=meeting, present=list(other.memberships.all())
        )
    assert cast.dinas_other.district is not None
    stranger = services.resource_person_add(
        actor=cast.dinas_other,
        district=cast.dinas_other.district,
        name="Dr. Lain",
        expertise="IPA",
    )
    with refused("district"):
        services.meeting_add(
            actor=cast.sri, package=package, held_on=DAY, agenda="A", resource_persons=[stranger]
        )
