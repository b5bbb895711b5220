"""Helpers of the PLPG tests: published MPLPG cases, an instructor, a class formed and a
timetable of the year's 90 JP."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone

from sergur.accounts.models import User
from sergur.assessments.services.decisions import result_publish
from sergur.assessments.tests.decisions_support import decided
from sergur.cases.models import Case
from sergur.plpg.models import Instructor, Participant, PlpgClass, Session
from sergur.plpg.services import (
    attendance_record,
    peer_teaching_score,
    plpg_class_update,
    plpg_classes_propose,
    plpg_session_add,
)
from sergur.registry.models import Rayon, School, Subject
from sergur.registry.tests.factories import UserFactory

DAY = dt.date(2008, 7, 1)
D = Decimal


def publish_mplpg(case: Case, number: str) -> Case:
    """Give the case a participant number and a published MPLPG decision."""
    case.participant_number = number
    case.save(update_fields=["participant_number"])
    result_publish(result=decided(case, "MPLPG"), actor=None, now=timezone.now())
    case.refresh_from_db()
    return case


def instructor(
    username: str, rayon: Rayon, *, school: School | None = None, active: bool = True
) -> Instructor:
    """An instructor of the rayon teaching subject 180."""
    user = UserFactory(username=username, role=User.Role.INSTRUCTOR)
    entry = Instructor.objects.create(
        user=user,
        rayon=rayon,
        number=f"I-{username}",
        degree=Instructor.Degree.S2,
        status=Instructor.Status.LECTURER,
        institution="Universitas Contoh",
        home_school=school,
        active=active,
    )
    entry.subjects.add(Subject.objects.get(code="180"))
    return entry


@dataclass
class World:
    """The cast's two teachers in one PLPG class with an instructor and a timetable."""

    plpg_class: PlpgClass
    teacher: Instructor  # the class's instructor
    other: Instructor  # an instructor of the rayon without this class
    sri: Participant
    budi: Participant
    sessions: list[Session]


def world(cast: Any) -> World:
    """Publish both cases as MPLPG, form the class, set its instructor and 90 JP."""
    publish_mplpg(cast.sri_case, "071234560001")
    publish_mplpg(cast.budi_case, "071234560002")
    rayon = cast.rayon_admin.rayon
    (plpg_class,) = plpg_classes_propose(
        rayon=rayon, programme_year=cast.sri_case.programme_year, actor=cast.rayon_admin
    )
    teacher = instructor("instruktur", rayon)
    other = instructor("instruktur2", rayon)
    plpg_class_update(
        plpg_class=plpg_class,
        instructor=teacher,
        venue="Gedung PLPG, Kampus Karangmalang",
        starts_on=DAY,
        ends_on=DAY + dt.timedelta(days=9),
        actor=cast.rayon_admin,
    )
    sessions = [
        plpg_session_add(
            plpg_class=plpg_class,
            day=DAY + dt.timedelta(days=n),
            starts_at=dt.time(8),
            topic=f"Sesi {n + 1}",
            jp=9,
            actor=cast.rayon_admin,
        )
        for n in range(10)
    ]
    return World(
        plpg_class=plpg_class,
        teacher=teacher,
        other=other,
        sri=Participant.objects.get(case=cast.sri_case),
        budi=Participant.objects.get(case=cast.budi_case),
        sessions=sessions,
    )


def attend_all(w: World) -> None:
    """Both participants attend every session."""
    for session in w.sessions:
        attendance_record(session=session, present={w.sri.pk, w.budi.pk}, actor=w.teacher.user)


def peer_teach(w: World, participant: Participant, practical: str = "80") -> None:
    """Three appearances, the plan discussed each time; the 3rd scores the practical exam."""
    for number in (1, 2, 3):
        peer_teaching_score(
            participant=participant,
            number=number,
            plan_discussed=True,
            plan_score=D(80),
            teaching_score=D(practical) if number == 3 else D(75),
            actor=w.teacher.user,
        )
