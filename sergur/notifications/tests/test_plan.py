"""Messages of the teaching-load planner (docs/allowance.md, "Accepting a proposal"): an
accepted proposal tells the teacher given the hours, each teacher above the cap whose line
moved to them (the giver) and the operator of each school where they were given, once the
transaction commits; nobody else; a declined e-mail stays in the inbox."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail
from django.db import transaction

from sergur.accounts.models import User
from sergur.allowance.models import TeachingLoad
from sergur.allowance.services import open_hours_add
from sergur.allowance.tests.support import NOW, operator_of
from sergur.conftest import Cast
from sergur.notifications.models import Kind, Notification, Preference
from sergur.planner.models import PlanRun
from sergur.planner.services import proposal_accept, proposal_reject, run_start
from sergur.planner.tasks import compute
from sergur.planner.tests.support import Scene, scene
from sergur.registry.models import Subject
from sergur.registry.tests.factories import SchoolFactory, SubdistrictFactory

pytestmark = pytest.mark.django_db


def computed(cast: Cast) -> PlanRun:
    assert cast.dinas.district is not None
    run = run_start(
        actor=cast.dinas,
        district=cast.dinas.district,
        semester="2009-1",
        min_hours=24,
        max_km=Decimal(15),
        max_schools=3,
        now=NOW,
    )
    compute(run.pk)
    run.refresh_from_db()
    return run


def slots(run: PlanRun, s: Scene) -> list[str]:
    (mine,) = [t for t in run.result["teachers"] if t["teacher"] == s.short.pk]
    return [a["slot"] for a in mine["assignments"]]


def test_an_accepted_proposal_tells_the_teacher_the_giver_and_the_schools_operator_only(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    s = scene(cast)
    away_operator = User.objects.get(username="operator_away")
    home_operator = User.objects.get(username="operator_sekolah")
    far = SchoolFactory(subdistrict=SubdistrictFactory(district=cast.dinas_other.district))
    far_operator = operator_of(far, "operator_far")
    giver = s.busy.user
    assert giver is not None
    giver.email = "busy@example.org"
    giver.save(update_fields=["email"])
    run = computed(cast)
    Preference.objects.create(user=away_operator, kind=Kind.PLAN_GIVER, email=False)
    away_operator.email = "ops@example.org"
    away_operator.save(update_fields=["email"])

    with django_capture_on_commit_callbacks(execute=True):
        decision = proposal_accept(run=run, teacher=s.short, slots=slots(run, s), actor=cast.dinas)

    # The proposal moved one of the busy teacher's lines: the school that lost it hears of
    # the move (one message, not a second about the hours given), and so does the giver.
    assert all(slot.startswith("L") for slot in decision.slots)
    messages = {(n.recipient_id, n.kind) for n in Notification.objects.all()}
    assert messages == {
        (s.short.user_id, Kind.PLAN_HOURS),
        (giver.pk, Kind.PLAN_GIVER),
        (away_operator.pk, Kind.PLAN_GIVER),
    }
    for nobody in (home_operator, far_operator, cast.dinas, cast.sri, cast.budi):
        assert not Notification.objects.filter(recipient=nobody).exists()
    notice = Notification.objects.get(recipient=away_operator)
    assert notice.subject == f"2009-1 #{decision.pk}" and notice.emailed_at is None
    assert notice.link == f"/allowance/schools/{s.away.pk}/?semester=2009-1"
    told = Notification.objects.get(recipient=giver)
    assert told.subject == f"2009-1 #{decision.pk}" and told.emailed_at is not None
    assert told.link == "/allowance/?semester=2009-1"
    assert all(away_operator.email not in m.to for m in mail.outbox)
    (sent,) = [m for m in mail.outbox if giver.email in m.to]
    assert "guru yang melebihi batas kepada guru yang kekurangan jam" in str(sent.body)
    bodies = "".join(str(m.body) for m in mail.outbox)
    assert s.short.name not in bodies and s.busy.name not in bodies


def test_open_hours_given_tell_the_school_of_the_hours_given_and_no_giver(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    s = scene(cast)
    away_operator = User.objects.get(username="operator_away")
    TeachingLoad.objects.filter(teacher=s.busy).delete()
    open_hours_add(
        school=s.away,
        semester="2009-1",
        class_label="8A",
        subject=Subject.objects.get(code="180"),
        hours=6,
        pupils=30,
        actor=away_operator,
        now=NOW,
    )
    run = computed(cast)

    with django_capture_on_commit_callbacks(execute=True):
        decision = proposal_accept(run=run, teacher=s.short, slots=slots(run, s), actor=cast.dinas)

    assert [slot[0] for slot in decision.slots] == ["U"]
    messages = {(n.recipient_id, n.kind) for n in Notification.objects.all()}
    assert messages == {
        (s.short.user_id, Kind.PLAN_HOURS),
        (away_operator.pk, Kind.PLAN_SCHOOL),
    }


def test_a_rejection_or_a_rolled_back_acceptance_tells_nobody(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    s = scene(cast)
    run = computed(cast)

    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            proposal_accept(run=run, teacher=s.short, slots=slots(run, s), actor=cast.dinas)
            transaction.set_rollback(True)
        proposal_reject(run=run, teacher=s.short, actor=cast.dinas)

    assert not Notification.objects.exists()
