"""Selection of participants (Buku 1; docs/sources/domain.md §4): eligibility, ranking, quota and
participant numbers. Pure Python; every threshold is programme-year data (the `[selection]`
section of `sergur/rules/years/<year>.toml`). The web app and `sergur rank` / `sergur quota`
call these functions; nothing outside re-implements them.

The contract (types below) is fixed; the functions live in the submodules:
- `params.selection_params(year)` → SelectionParams (from the year file);
- `eligibility.check(candidate, params)` → Eligibility (eligible + every reason it is not);
- `service.service_months(candidate, params)` → counted months of service;
- `ranking.rank(candidates, params)` → list[Ranked] (deterministic for any input order);
- `quota.allocate(total, weights)` → dict (largest remainder: parts add up exactly);
- `quota.allocate_nation(...)` → the national → province → district → level allocation;
- `quota.select(...)` → who is selected in one district, with the non-PNS minimum share and
  the moves of unfilled quota within the province (logged);
- `numbers.participant_number(...)` / `numbers.parse(...)` → YY PP KK BBB D NNNN.
"""

from __future__ import annotations

import datetime as dt

from msgspec import Struct

from sergur.rules.messages import Message


class Candidate(Struct, frozen=True, gc=False, kw_only=True):
    """One teacher as selection sees them (from the registry or an import row)."""

    nuptk: str  # may be "" (then not eligible: NUPTK missing)
    name: str
    birth_date: dt.date
    employment: str  # "pns" | "non_pns"
    rank: str = ""  # golongan, e.g. "III/c"; "" when none
    has_inpassing: bool = False  # non-PNS with SK inpassing: their rank counts
    education_level: str  # "SMA" | "D1" | "D2" | "D3" | "S1" | "D4" | "S2" | "S3"
    degree_date: dt.date | None = None  # when the S1/D4 (or D3) was obtained
    teacher_since: dt.date | None = None  # first appointment as a teacher
    permanent_since: dt.date | None = None  # non-PNS: SK as permanent teacher (guru tetap)
    service_gap_months: int = 0  # months not teaching since teacher_since
    teaching_hours: int = 0  # per week
    additional_duty: int = 0  # 0 none, 1 other duty, 2 vice-principal or head, 3 principal
    achievement: int = 0  # 0 none, 1 district, 2 province, 3 national, 4 international
    certified: bool = False
    region: str = ""  # province+district code, e.g. "3402"
    school_level: str = ""  # TK | TKLB | SD | SMP | SMA | SMK | SLB
    subject_code: str = ""  # 3 digits


class Eligibility(Struct, frozen=True, gc=False):
    """Whether a candidate may take part, and every rule they do not meet."""

    eligible: bool
    reasons: tuple[Message, ...]


class Ranked(Struct, frozen=True, gc=False):
    """A candidate's place in the ranking and the factors that put them there."""

    candidate: Candidate
    position: int  # 1-based
    factors: tuple[tuple[str, int | str], ...]  # (key, value) in the year's key order
