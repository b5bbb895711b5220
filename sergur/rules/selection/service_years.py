"""Years of service (masa kerja) for selection.

2007 (docs/sources/seeds/003_358fe984fbae11df.txt): "Masa kerja dihitung selama seseorang menjadi
guru. Bagi guru PNS masa kerja dihitung mulai dari diterbitkannya surat keterangan
melaksanakan tugas berdasarkan SK CPNS. Bagi guru non PNS masa kerja dihitung selama guru
mengajar yang dibuktikan dengan Surat Keputusan dari Sekolah": service counts from the
appointment (`teacher_since`), minus the months not teaching, whatever the degree.

2012-2014 (a year with `service_from_levels`; docs/sources/domain.md §4.2): service is
cumulative across schools minus the months not teaching, and counts only from the
qualification that counts: the S-1/D-IV, or the D-III when the teacher taught with it.
Teaching on an SMA-level (or D-I/D-II) qualification does not count. With one start date and a
gap total per teacher (the national export carries no per-school periods), that is
"completed months from max(teacher_since, degree_date) to the reference date, minus the gaps".
"""

from __future__ import annotations

import datetime as dt

from sergur.rules.experience import months_between
from sergur.rules.selection import Candidate
from sergur.rules.selection.params import SelectionParams


def teaching_months(candidate: Candidate, as_of: dt.date) -> int:
    """All months as a teacher up to `as_of`, minus gaps (the 20-year route, docs/sources/domain.md
    §4.1)."""
    if candidate.teacher_since is None:
        return 0
    return max(months_between(candidate.teacher_since, as_of) - candidate.service_gap_months, 0)


def service_months(candidate: Candidate, params: SelectionParams) -> int:
    """Counted months of service at the reference date (masa kerja: from the appointment in
    2007, seed 003; from the qualification in a year with `service_from_levels`, §4.2)."""
    if params.service_from_levels is None:
        return teaching_months(candidate, params.reference_date)
    start = candidate.teacher_since
    if start is None or candidate.education_level not in params.service_from_levels:
        return 0
    degree = candidate.degree_date
    if degree is not None and degree > start:
        start = degree
    months = months_between(start, params.reference_date) - candidate.service_gap_months
    return months if months > 0 else 0
