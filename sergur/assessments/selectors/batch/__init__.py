"""Reads of the re-scoring batch (docs/batch.md): which cases a programme year's re-score
touches (`scope`), and what each case scores under the year's current parameters.

Two paths give the same outcome for a case:

- the per-case path (`decide.case_rescore_read`) reads the portfolio as every page does
  (`portfolio_read`, the forms' typing) and scores each sheet with `sheet_outcome` — the very
  code of the assessor's sheet page;
- the fast path (`fast.chunk_rescore_read`) reads a chunk of cases in six SQL queries
  (`read`), types stored entry values by column kind (no Django forms, no model instances),
  builds the same `sergur.portfolio/1` document, and scores the portfolio the two sheets share
  once per case, each sheet adding its own lesson plans, overrides and findings; a sheet is
  tallied (parts, total, code: `rules.assessment.tally`), without building reasons.

The per-case path hands its outcomes to `decide.rescore_decide`, the fast path its tallies to
`decide.rescore_decide_tallied`: both compare the sheets and take the final with the rules
core's functions (`sergur.rules`), and the fast one builds the final's reasons only for a
decision that changed (the one that is stored).
"""

from __future__ import annotations

from sergur.assessments.selectors.batch.decide import Decided, case_rescore_read, rescore_decide
from sergur.assessments.selectors.batch.fast import chunk_rescore_read
from sergur.assessments.selectors.batch.read import Current, chunk_lock
from sergur.assessments.selectors.batch.scope import (
    BLIND_SLOTS,
    CHUNK,
    RESCORED_SOURCES,
    RESCORED_STATES,
    batch_allowed,
    batch_cases,
    batch_job_get_for_user,
    batch_jobs_for_user,
    batch_params,
    id_chunks,
    running_job,
    still_in_scope,
    unfinished_jobs,
)

__all__ = [
    "BLIND_SLOTS",
    "CHUNK",
    "RESCORED_SOURCES",
    "RESCORED_STATES",
    "Current",
    "Decided",
    "batch_allowed",
    "batch_cases",
    "batch_job_get_for_user",
    "batch_jobs_for_user",
    "batch_params",
    "case_rescore_read",
    "chunk_lock",
    "chunk_rescore_read",
    "id_chunks",
    "rescore_decide",
    "running_job",
    "unfinished_jobs",
    "still_in_scope",
]
