"""The national run in columns: eligibility, counting, ranking and selection of a whole cohort
(docs/sources/domain.md §4.1-§4.4) as vectorised expressions over one polars frame.

The per-teacher functions (`eligibility.check`, `ranking.rank`, `quota.select`) stay the
reference and the API of the web app and `sergur rank`; this module gives the same answers for
millions of teachers without a Python object per teacher. A cohort is a frame with one column
per `Candidate` field (`SCHEMA`; `frame_of` builds one from candidates). Then:

- `check_frame` adds `reasons`, the eligibility reasons as bit flags (bit i = `REASONS[i]`, in
  the order `check` gives them; 0 = eligible), and `eligible`;
- `counts_of` counts the eligible per (province, district, school level);
- `rank_frame` adds the ranking values, `group` and `position` (1-based, per group), found by
  one sort of the year's keys (only those, as in `ranking.rank`) on a narrow frame; the rows
  keep their order;
- `select_frame` builds `Ranked` objects only for the rows `quota.select` reads (the top of
  each quota and the non-PNS teachers the minimum share may need) and runs `quota.select`.

Objects are built only where a caller needs them: `eligibility_of` (through `check`, so the
reasons carry their numbers), `ranked_of` and `candidates_of`. tests/selection/test_national.py
proves with random cohorts that the eligible set, the reasons and the order equal the
reference's.
`frame` holds the cohort frame and its shared expressions, `eligibility` the checks and
counts, `ranking` the order and the selection.
"""

from __future__ import annotations

from sergur.rules.selection.national.eligibility import (
    REASONS,
    check_frame,
    counts_of,
    eligibility_of,
    reason_codes,
)
from sergur.rules.selection.national.frame import (
    FIELDS,
    GROUPS,
    SCHEMA,
    candidates_of,
    frame_of,
    with_places,
)
from sergur.rules.selection.national.ranking import (
    PACK_BITS,
    rank_frame,
    ranked_of,
    select_frame,
)

__all__ = [
    "FIELDS",
    "GROUPS",
    "PACK_BITS",
    "REASONS",
    "SCHEMA",
    "candidates_of",
    "check_frame",
    "counts_of",
    "eligibility_of",
    "frame_of",
    "rank_frame",
    "ranked_of",
    "reason_codes",
    "select_frame",
    "with_places",
]
