"""What the FAQ requires of an assessor (docs/sources/seeds/003_358fe984fbae11df.txt, the FAQ on
assessors, question 5, *"Apa kriteria asesor?"*):

- a. *"WNI yang berstatus sebagai dosen, widyaiswara, instruktur/guru senior, atau pengawas di
  lingkungan Dinas Pendidikan yang bersertifikat pendidik"*: one of four statuses, and an
  educator certificate;
- d. *"Berpendidikan minimal S2 (ada unsur kependidikan)"*: an S2 or S3 with an education
  element;
- e. *"Berpengalaman mengajar, melatih, atau membimbing guru atau calon guru dalam rentang 5
  (lima) tahun terakhir dalam bidang yang sesuai"*: the last year of teaching, training or
  mentoring teachers or student teachers falls within the programme year's window
  (`assessment.assessor_experience_years`, five years counting the programme year).

Criteria b and c (health, commitment) are for the university that appoints the assessor to
judge; the register does not record them. A register entry that lacks a criterion is not
allocated, automatically or by hand, and the reasons say which criterion is missing.
"""

from __future__ import annotations

from msgspec import Struct

from sergur.rules.messages import Message, msg

STATUSES = frozenset({"lecturer", "widyaiswara", "senior_teacher", "supervisor"})
"""Criterion a: dosen, widyaiswara, instruktur/guru senior, pengawas."""

DEGREES = frozenset({"S2", "S3"})
"""Criterion d: at least S2."""


class AssessorRecord(Struct, frozen=True, kw_only=True):
    """What the register records of an assessor against the FAQ's criteria."""

    status: str  # one of STATUSES; empty when not recorded
    educator_certificate: bool
    degree: str
    degree_in_education: bool
    experience_last_year: int | None  # last year of teaching or training (student) teachers


def qualification_gaps(
    record: AssessorRecord, *, year: int, experience_years: int
) -> tuple[Message, ...]:
    """Every FAQ criterion the assessor lacks for programme year `year`; empty when qualified."""
    gaps: list[Message] = []
    if record.status not in STATUSES:
        gaps.append(msg("qualification.status"))
    if not record.educator_certificate:
        gaps.append(msg("qualification.certificate"))
    if record.degree not in DEGREES or not record.degree_in_education:
        gaps.append(msg("qualification.degree"))
    since = year - experience_years + 1
    last = record.experience_last_year
    if last is None or not since <= last <= year:
        gaps.append(msg("qualification.experience", since=since, year=year))
    return tuple(gaps)
