"""Messages of PKB and the working groups (issue 15): a development plan opened tells the
teacher, an activity waiting for verification tells its verifier, a decision on it tells the
teacher, a meeting scheduled tells the group's members and a package reported tells the
members it earns credit for. Each reaches exactly those people, once the writer's
transaction commits, as they chose, with no name in the e-mail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from sergur.accounts.models import User
from sergur.appraisal.services import appraisal_sign
from sergur.appraisal.tests.support import scored
from sergur.conftest import Cast
from sergur.development.services import activity_verify, plan_open, plan_open_remedial
from sergur.development.tests.support import training
from sergur.kkg.models import Membership
from sergur.kkg.services import (
    group_member_add,
    meeting_add,
    meeting_attendance_record,
    package_add,
    package_report_submit,
)
from sergur.kkg.tests.support import DAY, YEAR, cluster
from sergur.notifications.models import Kind, Notification, Preference
from sergur.portfolios.tests.teacher_support import pdf_upload
from sergur.registry.tests.factories import (
    DistrictFactory,
    SchoolFactory,
    SubdistrictFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
Commit = Callable[..., Any]
TODAY = dt.date(2030, 12, 1)


@pytest.fixture(autouse=True)
def _addresses(cast: Cast) -> None:
    for user in (cast.sri, cast.pak_kepala, cast.pengawas, cast.bu_kepala, cast.budi):
        user.email = f"{user.pk}@example.id"
        user.save(update_fields=["email"])


@pytest.fixture
def far_principal(cast: Cast) -> User:
    """A principal of another district, whom no message of Sri's may reach."""
    one = cast.pak_kepala.school
    assert one is not None
    far = DistrictFactory(province=one.subdistrict.district.province, code="09", name="Jauh")
    school = SchoolFactory(subdistrict=SubdistrictFactory(district=far))
    return UserFactory(username="far_head", role=User.Role.PRINCIPAL, school=school)


def kinds() -> dict[int, list[str]]:
    """Every message made, by recipient."""
    found: dict[int, list[str]] = {}
    for recipient, kind in Notification.objects.values_list("recipient_id", "kind"):
        found.setdefault(recipient, []).append(kind)
    return found


def mail_text() -> str:
    return " ".join(f"{message.subject} {message.body}" for message in mail.outbox)


def test_a_remedial_plan_opened_tells_the_teacher_alone(
    cast: Cast, far_principal: User, django_capture_on_commit_callbacks: Commit
) -> None:
    appraisal = scored(cast, low=("03",))
    appraisal_sign(appraisal=appraisal, actor=cast.sri)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        plan = plan_open_remedial(
            actor=cast.pak_kepala,
            appraisal=appraisal,
            goal="Pelatihan penilaian",
            deadline=TODAY + dt.timedelta(days=90),
            today=TODAY,
        )

    assert kinds() == {cast.sri.pk: [Kind.PKB_PLAN]}  # not the principal who opened it
    notice = Notification.objects.get()
    assert notice.subject == f"PKB {appraisal.year} #{plan.pk}"
    assert notice.link == reverse("development:mine")
    assert [message.to for message in mail.outbox] == [[cast.sri.email]]
    assert cast.sri.teacher.name not in mail_text()
    assert cast.sri.teacher.nuptk not in mail_text()


def test_a_career_plan_tells_the_teacher_too(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        plan_open(
            actor=cast.pengawas,
            teacher=cast.sri.teacher,
            year=2030,
            goal="Karya inovatif",
            deadline=TODAY + dt.timedelta(days=30),
            today=TODAY,
        )
    assert kinds() == {cast.sri.pk: [Kind.PKB_PLAN]}


def test_an_activity_recorded_waits_on_the_principal_of_the_main_school(
    cast: Cast, far_principal: User, django_capture_on_commit_callbacks: Commit
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        activity = training(cast)

    # Not the teacher who recorded it, not the other school's principal, not the supervisor
    # (the principal is there), not another district.
    assert kinds() == {cast.pak_kepala.pk: [Kind.PKB_TO_VERIFY]}
    notice = Notification.objects.get()
    assert notice.subject == f"PKB #{activity.pk}"
    assert notice.link == reverse("development:teacher", args=[cast.sri.teacher.pk])
    assert cast.sri.teacher.name not in mail_text()


def test_without_a_principal_the_supervisors_verify(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    cast.pak_kepala.is_active = False
    cast.pak_kepala.save(update_fields=["is_active"])
    with django_capture_on_commit_callbacks(execute=True):
        training(cast)
    assert kinds() == {cast.pengawas.pk: [Kind.PKB_TO_VERIFY]}


@pytest.mark.parametrize(
    ("accept", "kind"), [(True, Kind.PKB_VERIFIED), (False, Kind.PKB_REJECTED)]
)
def test_the_decision_on_an_activity_tells_the_teacher(
    cast: Cast, django_capture_on_commit_callbacks: Commit, accept: bool, kind: Kind
) -> None:
    activity = training(cast)
    with django_capture_on_commit_callbacks(execute=True):
        activity_verify(
            actor=cast.pak_kepala,
            activity=activity,
            accept=accept,
            now=timezone.now(),
            note="" if accept else "Sertifikat tidak terbaca.",
        )

    assert kinds() == {cast.sri.pk: [kind]}
    assert Notification.objects.get().link == reverse("development:mine")
    assert "Sertifikat tidak terbaca" not in mail_text()  # the reason stays on the page


def test_a_declined_kind_stays_in_the_inbox_only(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    Preference.objects.create(user=cast.sri, kind=Kind.PKB_VERIFIED, email=False)
    activity = training(cast)
    with django_capture_on_commit_callbacks(execute=True):
        activity_verify(actor=cast.pak_kepala, activity=activity, accept=True, now=timezone.now())

    notice = Notification.objects.get(recipient=cast.sri)
    assert notice.kind == Kind.PKB_VERIFIED
    assert notice.emailed_at is None
    assert mail.outbox == []


def test_a_meeting_scheduled_tells_the_members_but_not_the_coordinator(
    cast: Cast, far_principal: User, django_capture_on_commit_callbacks: Commit
) -> None:
    group = cluster(cast)
    package = package_add(
        actor=cast.sri,
        group=group,
        year=YEAR,
        topic="RPP",
        output_kind="syllabus",
        planned_meetings=3,
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        meeting = meeting_add(actor=cast.sri, package=package, held_on=DAY, agenda="Pertemuan 1")
    assert not Notification.objects.exists()  # nothing before the commit
    for callback in callbacks:
        callback()

    # Budi is a member; Sri planned it; the principals and the district are not members.
    assert kinds() == {cast.budi.pk: [Kind.KKG_MEETING]}
    notice = Notification.objects.get()
    assert notice.link == reverse("kkg:meeting", args=[meeting.pk])
    assert notice.subject == f"KKG/MGMP {YEAR} #{meeting.pk}"


def _third_member(cast: Cast) -> User:
    """Ani, a member of Sri's cluster at school two."""
    user = UserFactory(username="ani", role=User.Role.TEACHER, email="ani@example.id")
    person = TeacherFactory(user=user)
    TeachingAssignmentFactory(teacher=person, school=cast.bu_kepala.school)
    return user


def test_a_reported_package_tells_the_members_it_earns_credit_for(
    cast: Cast, django_capture_on_commit_callbacks: Commit
) -> None:
    group = cluster(cast)
    ani = _third_member(cast)
    group_member_add(actor=cast.dinas, group=group, teacher=ani.teacher, on=DAY)
    package = package_add(
        actor=cast.sri,
        group=group,
        year=YEAR,
        topic="RPP",
        output_kind="syllabus",
        planned_meetings=3,
    )
    everyone = list(group.memberships.all())
    without_ani = [m for m in everyone if m.teacher_id != ani.teacher.pk]
    for number in range(3):
        meeting = meeting_add(
            actor=cast.sri,
            package=package,
            held_on=DAY + dt.timedelta(weeks=number),
            agenda=f"Pertemuan {number + 1}",
        )
        # Ani attends one meeting of three: too few to earn the package's credit.
        present = everyone if number == 0 else without_ani
        meeting_attendance_record(actor=cast.sri, meeting=meeting, present=present)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        package_report_submit(
            actor=cast.sri, package=package, upload=pdf_upload(), now=timezone.now()
        )

    # Budi earned it; Sri submitted the report; Ani attended too few meetings.
    assert kinds() == {cast.budi.pk: [Kind.KKG_REPORT]}
    assert Notification.objects.get().link == reverse("development:mine")

    # A replaced report tells nobody twice.
    with django_capture_on_commit_callbacks(execute=True):
        package_report_submit(
            actor=cast.sri, package=package, upload=pdf_upload(), now=timezone.now()
        )
    assert Notification.objects.count() == 1
    assert Membership.objects.filter(group=group).count() == 3


def test_each_new_kind_has_its_own_e_mail_choice(cast: Cast, client: Any) -> None:
    client.force_login(cast.sri)
    page = client.get(reverse("notifications:preferences")).content.decode()
    for kind in (
        Kind.PKB_PLAN,
        Kind.PKB_TO_VERIFY,
        Kind.PKB_VERIFIED,
        Kind.PKB_REJECTED,
        Kind.KKG_MEETING,
        Kind.KKG_REPORT,
    ):
        assert f'name="{kind.value}"' in page
