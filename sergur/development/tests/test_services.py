"""The PKB services: the standing, plans (a remedial plan opened from an appraisal with
competencies below standard), activities with evidence and their verification, and the
progress towards the next rank read back (docs/pkb.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sergur.appraisal.tests.support import finalised, scored
from sergur.conftest import Cast
from sergur.development.models import Activity, Plan
from sergur.development.selectors import appraisals_needing_plans, teacher_progress
from sergur.development.services import (
    activity_record,
    activity_verify,
    plan_open,
    plan_open_remedial,
    standing_record,
)
from sergur.development.tests.support import DONE, standing, training
from sergur.kkg.tests.support import cluster, held_package
from sergur.portfolios.tests.teacher_support import pdf_upload
from sergur.rules.development import Element, Kind

TODAY = dt.date(2026, 3, 1)


@contextmanager
def refused(code: str) -> Iterator[None]:
    """The block raises a ValidationError with `code`."""
    with pytest.raises(ValidationError) as caught:
        yield
    assert [error.code for error in caught.value.error_list] == [code]


def test_verified_credits_move_the_teacher_to_the_next_rank(cast: Cast) -> None:
    standing(cast)
    before = teacher_progress(teacher=cast.sri.teacher, year=2026).balance
    assert before is not None and before.counted == 47
    activity = training(cast)  # 100 h: 2 credits
    package = held_package(cast, cluster(cast))
    kkg = activity_record(
        actor=cast.sri,
        teacher=cast.sri.teacher,
        kind=Kind.KKG_PACKAGE,
        title="KKG paket 1",
        done_on=DONE,
        kkg_package=package,
    )
    for item in (activity, kkg):
        activity_verify(actor=cast.pak_kepala, activity=item, accept=True, now=timezone.now())
    progress = teacher_progress(teacher=cast.sri.teacher, year=2026)
    assert progress.balance is not None
    assert progress.earned.pd == Decimal("2.15")
    assert progress.balance.line(Element.PD).missing == Decimal("0.85")
    assert progress.balance.counted == Decimal("49.15")


def test_a_below_standard_appraisal_opens_a_remedial_plan(cast: Cast) -> None:
    appraisal = scored(cast, low=("03", "13"))
    assert appraisals_needing_plans(teacher=cast.sri.teacher) == []  # not signed yet
    appraisal = finalised(cast, appraisal)
    (needed,) = appraisals_needing_plans(teacher=cast.sri.teacher)
    assert [c.key for c in needed.competencies] == ["03", "13"]
    plan = plan_open_remedial(
        actor=cast.pak_kepala,
        appraisal=appraisal,
        goal="Pelatihan karakteristik peserta didik",
        deadline=dt.date(2031, 6, 30),
        today=TODAY,
    )
    assert plan.kind == Plan.Kind.REMEDIAL
    assert [c["key"] for c in plan.competencies] == ["03", "13"]
    assert appraisals_needing_plans(teacher=cast.sri.teacher) == []
    with refused("exists"):
        plan_open_remedial(
            actor=cast.pak_kepala,
            appraisal=appraisal,
            goal="x",
            deadline=dt.date(2031, 6, 30),
            today=TODAY,
        )


def test_a_good_appraisal_or_an_unsigned_one_opens_no_remedial_plan(cast: Cast) -> None:
    appraisal = scored(cast)
    with refused("not_signed"):
        plan_open_remedial(
            actor=cast.pak_kepala, appraisal=appraisal, goal="x", deadline=TODAY, today=TODAY
        )
    appraisal = finalised(cast, appraisal)
    with refused("nothing_below"):
        plan_open_remedial(
            actor=cast.pak_kepala,
            appraisal=appraisal,
            goal="x",
            deadline=dt.date(2031, 1, 1),
            today=TODAY,
        )
    plan = plan_open(
        actor=cast.pak_kepala,
        teacher=cast.sri.teacher,
        year=2030,
        goal="Menulis artikel",
        deadline=dt.date(2031, 1, 1),
        today=TODAY,
    )
    assert plan.kind == Plan.Kind.CAREER
    with refused("deadline"):
        plan_open(
            actor=cast.pak_kepala,
            teacher=cast.sri.teacher,
            year=2030,
            goal="x",
            deadline=TODAY,
            today=TODAY,
        )


def test_a_final_appraisal_adds_its_yearly_credit(cast: Cast) -> None:
    standing(cast, pk="0")
    appraisal = finalised(cast, scored(cast))
    progress = teacher_progress(teacher=cast.sri.teacher, year=2026)
    assert appraisal.credit is not None
    assert progress.appraisal_credit == appraisal.credit
    assert progress.earned.pk == appraisal.credit


def test_an_unknown_rank_and_the_top_rank(cast: Cast) -> None:
    with refused("rank"):
        standing_record(
            actor=cast.dinas,
            teacher=cast.sri.teacher,
            rank="II/d",
            since=TODAY,
            carried_pk=Decimal(0),
            supporting=Decimal(0),
        )
    standing_record(
        actor=cast.dinas,
        teacher=cast.sri.teacher,
        rank="IV/e",
        since=TODAY,
        carried_pk=Decimal(0),
        supporting=Decimal(0),
    )
    assert teacher_progress(teacher=cast.sri.teacher, year=2026).top
    assert teacher_progress(teacher=cast.budi.teacher, year=2026).balance is None


def test_bad_activities_are_refused_with_their_reason(cast: Cast) -> None:
    teacher = cast.sri.teacher
    base: dict[str, Any] = {"actor": cast.sri, "teacher": teacher, "title": "T", "done_on": DONE}
    with refused("hours"):
        activity_record(**base, kind=Kind.TRAINING, upload=pdf_upload())
    with refused("collective"):
        activity_record(**base, kind=Kind.COLLECTIVE, collective_key="x", upload=pdf_upload())
    with refused("evidence"):
        activity_record(**base, kind=Kind.COLLECTIVE, collective_key="discussant")
    with refused("credit"):
        activity_record(**base, kind=Kind.PUBLICATION, upload=pdf_upload())
    with refused("package"):
        activity_record(**base, kind=Kind.KKG_PACKAGE)
    with refused("wrong_type"):
        activity_record(**base, kind=Kind.TRAINING, hours=40, upload=pdf_upload("a", b"no"))
    assert not Activity.objects.exists()


def test_a_package_counts_once_and_only_when_earned(cast: Cast) -> None:
    group = cluster(cast)
    short = held_package(cast, group, meetings=2, report=False)
    base: dict[str, Any] = {
        "actor": cast.sri,
        "teacher": cast.sri.teacher,
        "title": "T",
        "done_on": DONE,
    }
    with refused("not_earned"):
        activity_record(**base, kind=Kind.KKG_PACKAGE, kkg_package=short)
    package = held_package(cast, group)
    other = held_package(cast, cluster(cast))
    other.group.memberships.filter(teacher=cast.sri.teacher).delete()
    with refused("package"):
        activity_record(**base, kind=Kind.KKG_PACKAGE, kkg_package=other)
    activity_record(**base, kind=Kind.KKG_PACKAGE, kkg_package=package)
    with refused("twice"):
        activity_record(**base, kind=Kind.KKG_PACKAGE, kkg_package=package)


def test_verification_rejects_with_a_note_and_only_once(cast: Cast) -> None:
    activity = training(cast)
    with refused("note"):
        activity_verify(actor=cast.pak_kepala, activity=activity, accept=False, now=timezone.now())
    done = activity_verify(
        actor=cast.pak_kepala,
        activity=activity,
        accept=False,
        now=timezone.now(),
        note="Sertifikat tidak terbaca",
    )
    assert (done.state, done.credit) == (Activity.State.REJECTED, Decimal(0))
    with refused("not_waiting"):
        activity_verify(actor=cast.pak_kepala, activity=activity, accept=True, now=timezone.now())


def test_an_assessed_work_takes_the_verifiers_value(cast: Cast) -> None:
    paper = activity_record(
        actor=cast.sri,
        teacher=cast.sri.teacher,
        kind=Kind.PUBLICATION,
        title="Artikel",
        done_on=DONE,
        claimed=Decimal(2),
        upload=pdf_upload(),
    )
    done = activity_verify(
        actor=cast.pengawas,
        activity=paper,
        accept=True,
        now=timezone.now(),
        assessed=Decimal("1.5"),
    )
    assert (done.element, done.credit) == ("pi_ki", Decimal("1.5"))
