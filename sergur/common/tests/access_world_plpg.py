"""The access matrix's objects of the PLPG and the certificates (access_world.py builds the
rest): a PLPG class of the rayon with its instructor, a session and two participants, a
certificate of a teacher who passed, and a bulk issuance job of the rayon, all through the
apps' services. Every object is on the cast's "own" side (Sri's school, rayon 900)."""

from __future__ import annotations

import datetime as dt

from sergur.accounts.models import User
from sergur.assessments.tests.decisions_support import extra_case
from sergur.certificates.services import issue_job_start
from sergur.certificates.tests.support import issued
from sergur.common.tests.access_world import Target
from sergur.conftest import Cast
from sergur.plpg.models import Instructor, Participant
from sergur.plpg.services import plpg_class_update, plpg_classes_propose, plpg_session_add
from sergur.plpg.tests.support import DAY, publish_mplpg


def _owner(participant: Participant) -> User:
    owner = participant.case.teacher.user
    assert owner is not None
    return owner


def plpg_targets(cast: Cast, users: dict[str, User]) -> dict[str, Target]:
    """Two teachers of Sri's school with a published MPLPG, placed in one class of the rayon
    taught by `instructor:own` (`instructor:other` teaches in the rayon, not this class)."""
    first = publish_mplpg(extra_case(cast), "071234569001")
    publish_mplpg(extra_case(cast), "071234569002")
    rayon = cast.rayon_admin.rayon
    assert rayon is not None
    (plpg_class,) = plpg_classes_propose(
        rayon=rayon, programme_year=cast.sri_case.programme_year, actor=cast.rayon_admin
    )
    plpg_class_update(
        plpg_class=plpg_class,
        instructor=Instructor.objects.get(user=users["instructor:own"]),
        venue="Gedung PLPG, Kampus Karangmalang",
        starts_on=DAY,
        ends_on=DAY + dt.timedelta(days=9),
        actor=cast.rayon_admin,
    )
    session = plpg_session_add(
        plpg_class=plpg_class,
        day=DAY,
        starts_at=dt.time(8),
        topic="Sesi 1",
        jp=9,
        actor=cast.rayon_admin,
    )
    participant = Participant.objects.select_related("case__teacher").get(case=first)
    return {
        "plpg_class": Target(
            name="plpg_class", kwargs={"pk": plpg_class.pk, "session": session.pk}
        ),
        "participant": Target(
            name="participant",
            kwargs={"pk": participant.pk},
            people={"teacher:owner": _owner(participant)},
        ),
    }


def certificate_targets(cast: Cast) -> dict[str, Target]:
    """The certificate of a teacher of Sri's school who passed (decision L), issued by the
    rayon, and a bulk issuance job of the rayon; the first public status list."""
    certificate = issued(extra_case(cast), cast)
    owner = certificate.teacher.user
    assert owner is not None
    job = issue_job_start(
        actor=cast.rayon_admin,
        programme_year=cast.sri_case.programme_year,
        rayon=cast.rayon_admin.rayon,
    )
    return {
        "certificate": Target(
            name="certificate",
            kwargs={"pk": certificate.pk},
            people={"teacher:owner": owner},
        ),
        "issue_job": Target(name="issue_job", kwargs={"pk": job.pk}),
        "status_list": Target(name="status_list", kwargs={"number": 1, "purpose": "revocation"}),
    }


def appraisal_targets(cast: Cast) -> dict[str, Target]:
    """Sri's PKG appraisal by her principal, submitted and waiting for her signature, and the
    principal's assignment of another teacher of the school, not yet opened
    (built with sergur/appraisal/tests/support.py)."""
    from sergur.appraisal.models import AppraiserAssignment
    from sergur.appraisal.services import appraiser_assign
    from sergur.appraisal.tests.support import YEAR, scored
    from sergur.registry.tests.factories import TeacherFactory, TeachingAssignmentFactory

    appraisal = scored(cast)
    school = appraisal.school
    colleague = TeacherFactory()
    TeachingAssignmentFactory(teacher=colleague, school=school)
    assignment: AppraiserAssignment = appraiser_assign(
        teacher=colleague, year=YEAR, appraiser=cast.pak_kepala, actor=cast.pak_kepala
    )
    return {
        "appraisal": Target(name="appraisal", kwargs={"pk": appraisal.pk}),
        "appraisal_assignment": Target(name="appraisal_assignment", kwargs={"pk": assignment.pk}),
    }
