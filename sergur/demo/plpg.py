"""The demo's PLPG: an instructor in the rayon's register and the classes of the published
MPLPG teachers, with venue, dates and a 90 JP timetable, so that `make run` shows the PLPG
pages of every role (docs/plpg.md). Idempotent: nothing is added once the rayon has classes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sergur.accounts.models import User
from sergur.demo.people import People
from sergur.plpg.models import Instructor, Participant, PlpgClass
from sergur.plpg.selectors import year_plpg_params
from sergur.plpg.services import (
    attendance_record,
    instructor_obstacles,
    instructor_save,
    peer_teaching_score,
    plpg_class_update,
    plpg_classes_propose,
    plpg_score_enter,
    plpg_session_add,
)
from sergur.registry.models import Subject

TOPICS = (
    "Pembukaan dan orientasi",
    "Pendalaman materi bidang studi",
    "Perancangan pembelajaran (RPP)",
    "Workshop perangkat pembelajaran",
    "Peer teaching 1",
    "Peer teaching 2",
    "Penilaian proses dan hasil belajar",
    "Peer teaching 3 (ujian praktik)",
    "Ujian tulis",
    "Refleksi dan penutupan",
)


def load_plpg(*, people: People, now: dt.datetime) -> list[PlpgClass]:
    """Form the demo rayon's PLPG classes and give each the demo instructor (when free of
    conflicts), the campus venue, the ten days that ended a week ago and 10 sessions of 9 JP;
    then take the first participant through a failed written test to a passed retake and
    the second through two failed retakes back to the district."""
    rayon_admin = people.users["rayon"]
    if PlpgClass.objects.filter(rayon=people.rayon, programme_year=people.year).exists():
        return []
    instructor = Instructor.objects.filter(user=people.users["instruktur1"]).first()
    if instructor is None:
        instructor = instructor_save(
            instructor=Instructor(
                user=people.users["instruktur1"],
                rayon=people.rayon,
                number="INS-2007-001",
                degree=Instructor.Degree.S2,
                status=Instructor.Status.LECTURER,
                educator_certificate=True,
                institution=str(people.rayon.institution),
            ),
            subjects=Subject.objects.all(),
            actor=rayon_admin,
        )
    classes = plpg_classes_propose(
        rayon=people.rayon, programme_year=people.year, actor=rayon_admin
    )
    start = (now - dt.timedelta(days=17)).date()
    for plpg_class in classes:
        free = not instructor_obstacles(plpg_class=plpg_class, instructor=instructor)
        plpg_class_update(
            plpg_class=plpg_class,
            instructor=instructor if free else None,
            venue=f"{people.rayon.institution}, Gedung PLPG ruang {plpg_class.number}",
            starts_on=start,
            ends_on=start + dt.timedelta(days=9),
            actor=rayon_admin,
        )
        for day, topic in enumerate(TOPICS):
            plpg_session_add(
                plpg_class=plpg_class,
                day=start + dt.timedelta(days=day),
                starts_at=dt.time(8),
                topic=topic,
                jp=9,
                actor=rayon_admin,
            )
    stories = [
        p
        for p in Participant.objects.filter(plpg_class__in=classes)
        .select_related("plpg_class__instructor__user", "case__programme_year")
        .order_by("case__teacher__nuptk")
        if p.plpg_class.instructor is not None
    ]
    for participant, retakes in zip(stories, (["75"], ["55", "60"]), strict=False):
        _story(participant, retakes)
    return classes


def _story(participant: Participant, retakes: list[str]) -> None:
    """Attend every session, three appearances, the first-round scores with a failed written
    test, then the retakes of the written test."""
    plpg_class = participant.plpg_class
    assert plpg_class.instructor is not None  # nosec B101 # picked above, for mypy
    instructor: User = plpg_class.instructor.user
    params = year_plpg_params(participant.case.programme_year)
    for session in plpg_class.sessions.all():
        present = set(session.attendance.filter(present=True).values_list("participant", flat=True))
        attendance_record(session=session, present={*present, participant.pk}, actor=instructor)
    for number in range(1, params.peer_min_appearances + 1):
        peer_teaching_score(
            participant=participant,
            number=number,
            plan_discussed=True,
            plan_score=Decimal(80),
            teaching_score=Decimal(82),
            actor=instructor,
        )
    written = [p.key for p in params.exam_parts if p.key != params.practical_part]
    for part in params.inputs:
        if part.key == params.practical_part:
            continue
        score = Decimal(60) if part.key in written else Decimal(78)
        plpg_score_enter(participant=participant, part=part.key, score=score, actor=instructor)
    for retake in retakes:
        for key in written:
            plpg_score_enter(
                participant=participant, part=key, score=Decimal(retake), actor=instructor
            )
