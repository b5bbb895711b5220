"""Background tasks of the planner (Celery; inline in the embedded default)."""

from __future__ import annotations

from celery import shared_task

from sergur.planner.models import PlanRun
from sergur.planner.services import run_compute


@shared_task(name="planner.compute", ignore_result=True)
def compute(run_id: int) -> None:
    """Compute a queued planner run (docs/allowance.md, "The page")."""
    run = (
        PlanRun.objects.select_related("district")
        .filter(pk=run_id, state=PlanRun.State.QUEUED)
        .first()
    )
    if run is not None:  # a redelivered message does not compute a run twice
        run_compute(run=run)
