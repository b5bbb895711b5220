"""The planner app's writes and the building of the solver's instance (docs/allowance.md,
"Teaching-load planner")."""

from __future__ import annotations

from sergur.planner.services.instance import Instance, instance_build
from sergur.planner.services.runs import run_compute, run_start

__all__ = ["Instance", "instance_build", "run_compute", "run_start"]
