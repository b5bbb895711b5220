"""The planner app's writes and the building of the solver's instance (docs/allowance.md,
"Teaching-load planner"), and the committee's decisions on a run's proposal."""

from __future__ import annotations

from sergur.planner.services.decisions import proposal_accept, proposal_reject
from sergur.planner.services.instance import Instance, instance_build
from sergur.planner.services.runs import run_compute, run_start

__all__ = [
    "Instance",
    "instance_build",
    "proposal_accept",
    "proposal_reject",
    "run_compute",
    "run_start",
]
