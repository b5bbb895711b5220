"""Messages of the teaching-load planner (docs/allowance.md, "Accepting a proposal"): an
accepted proposal tells the teacher given the hours and the operator of each school where
they were given, once the transaction commits; nobody else; a declined e-mail stays in the
inbox."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail
from django.db import transaction

from sergur.accounts.models import User
from sergur.allowance.tests.support import NOW, operator_of
from sergur.conftest import Cast
from sergur.notifications.models import Kind, Notification, Preference
from sergur.planner.models import PlanRun
from sergur.planner.services import proposal_accept, proposal_reject, run_start
from sergur.planner.tasks import compute
from sergur.planner.tests.support import Scene, scene
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


def test_an_accepted_proposal_tells_the_teacher_and_the_schools_operator_only(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    s = scene(cast)
    away_operator = User.objects.get(username="operator_away")
    home_operator = User.objects.get(username="operator_sekolah")
    far = SchoolFactory(subdistrict=SubdistrictFactory(district=cast.dinas_other.district))
    far_operator = operator_of(far, "operator_far")
    run = computed(cast)
    Preference.objects.create(user=away_operator, kind=Kind.PLAN_SCHOOL, email=False)
    away_operator.email = "ops@example.org"
    away_operator.save(update_fields=["email"])

    with django_capture_on_commit_callbacks(execute=True):
        decision = proposal_accept(run=run, teacher=s.short, slots=slots(run, s), actor=cast.dinas)

    messages = {(n.recipient_id, n.kind) for n in Notification.objects.all()}
    assert messages == {
        (s.short.user_id, Kind.PLAN_HOURS),
        (away_operator.pk, Kind.PLAN_SCHOOL),
    }
    for nobody in (home_operator, far_operator, cast.dinas, cast.sri, cast.budi):
        assert not Notification.objects.filter(recipient=nobody).exists()
    notice = Notification.objects.get(recipient=away_operator)
    assert notice.subject == f"2009-1 #{decision.pk}" and notice.emailed_at is None
    assert all(away_operator.email not in m.to for m in mail.outbox)
    assert s.short.name not in "".join(str(m.body) for m in mail.outbox)


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
