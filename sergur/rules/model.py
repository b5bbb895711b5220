"""The portfolio facts as typed, immutable values (`sergur.portfolio/1`).

These structs decode and validate a portfolio file in one pass (msgspec). They mirror
`schema/portfolio.schema.json` field for field; a test proves the two accept the same files.
The rules beyond JSON Schema (evidence codes, counsellor plan count) are in `validation.py`.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import UNSET, Meta, Struct, UnsetType

TEXT_MAX = 500
EVIDENCE_CODE_MAX = 40  # the longest instrument code is 10.a.1) (7); 40 leaves room, a megabyte not
Text = Annotated[str, Meta(max_length=TEXT_MAX)]
Year = Annotated[int, Meta(ge=1940, le=2100)]
Item = Annotated[int, Meta(ge=1, le=5)]
Years = Annotated[int, Meta(ge=0, le=60)]
EvidenceCode = Annotated[
    str, Meta(pattern=r"^(10|[1-9])(\.[a-z0-9]+(\))?)*$", max_length=EVIDENCE_CODE_MAX)
]
Evidence = list[EvidenceCode]
Nuptk = Annotated[str, Meta(pattern=r"^[0-9]{16}$")]

Level5 = Literal["international", "national", "province", "district", "subdistrict"]
Level6 = Literal["international", "national", "province", "district", "subdistrict", "village"]
Role = Literal["subject_teacher", "counselor"]


class _Fact(Struct, kw_only=True, frozen=True, forbid_unknown_fields=True, gc=False):
    """Base of every portfolio struct: unknown fields are errors, values never change."""


class Teacher(_Fact, frozen=True):
    """The identity page: who the portfolio belongs to."""

    name: Text
    role: Role
    nuptk: Nuptk | UnsetType = UNSET
    participant_number: Text | UnsetType = UNSET
    special_area: bool = False


class Qualification(_Fact, frozen=True):
    """Component 1: one degree or diploma."""

    level: Literal["S1", "D4", "PGD", "S2", "S3"]
    education_degree: bool
    relevance: Literal["subject", "subject_family", "none"]
    teaching_license: bool = False
    institution: Text | UnsetType = UNSET
    program: Text | UnsetType = UNSET
    year: Year | UnsetType = UNSET
    evidence: Evidence = []


class Training(_Fact, frozen=True):
    """Component 2: one training (diklat)."""

    hours: Annotated[int, Meta(ge=0, le=100000)]
    level: Level5
    relevant: bool
    name: Text | UnsetType = UNSET
    organizer: Text | UnsetType = UNSET
    year: Year | UnsetType = UNSET
    evidence: Evidence = []


class TeachingExperience(_Fact, frozen=True):
    """Component 3: completed years as a teacher (study leave counts)."""

    years: Years
    evidence: Evidence = []


PlanScores = Annotated[list[Item], Meta(min_length=8, max_length=8)]
"""The 8 item scores of a lesson plan."""


class LessonPlan(_Fact, frozen=True):
    """Component 4a: one lesson plan (RPP) or guidance programme (PPBK) with its 8 item scores."""

    items: PlanScores
    subject: Text | UnsetType = UNSET
    topic: Text | UnsetType = UNSET
    semester: Annotated[int, Meta(ge=1, le=2)] | UnsetType = UNSET
    year: Year | UnsetType = UNSET
    evidence: Evidence = []


class TeachingObservation(_Fact, frozen=True):
    """Component 4b: the 24-item observation instrument filled by principal and supervisor;
    for a counsellor the 24-item guidance practice form scored by the assessor."""

    items: Annotated[list[Item], Meta(min_length=24, max_length=24)]
    evidence: Evidence = []


class SuperiorAssessment(_Fact, frozen=True):
    """Component 5: the 10-item assessment by superior and supervisor."""

    items: Annotated[list[Item], Meta(min_length=10, max_length=10)]
    evidence: Evidence = []


class Competition(_Fact, frozen=True):
    """Component 6: a competition won or a monumental work."""

    kind: Literal["competition", "monumental_education", "monumental_other"]
    level: Level5 | UnsetType = UNSET
    name: Text | UnsetType = UNSET
    year: Year | UnsetType = UNSET
    evidence: Evidence = []


class PeerCoaching(_Fact, frozen=True):
    """Component 6: coaching fellow teachers as instructor or core teacher."""

    role: Literal["instructor", "core_teacher"]
    subject: Text | UnsetType = UNSET
    place: Text | UnsetType = UNSET
    evidence: Evidence = []


class StudentCoaching(_Fact, frozen=True):
    """Component 6: coaching students, with or without a win."""

    won: bool
    level: Level5 | UnsetType = UNSET
    name: Text | UnsetType = UNSET
    evidence: Evidence = []


class Work(_Fact, frozen=True):
    """Component 7: one professional development work."""

    kind: Literal["book", "article", "review", "module", "learning_media", "research", "artwork"]
    publication: Literal["national", "province", "district"] | UnsetType = UNSET
    venue: (
        Literal["accredited_journal", "unaccredited_journal", "national_media", "local_media"]
        | UnsetType
    ) = UNSET
    relevant: bool | UnsetType = UNSET
    role: Literal["solo", "lead", "member"] | UnsetType = UNSET
    title: Text | UnsetType = UNSET
    year: Year | UnsetType = UNSET
    evidence: Evidence = []


class Forum(_Fact, frozen=True):
    """Component 8: one scientific forum, as speaker or participant."""

    level: Level5
    role: Literal["speaker", "participant"]
    name: Text | UnsetType = UNSET
    year: Year | UnsetType = UNSET
    evidence: Evidence = []


class Organization(_Fact, frozen=True):
    """Component 9: years as an officer of an education or social organisation."""

    type: Literal["education", "social"]
    level: Level6
    years: Years
    name: Text | UnsetType = UNSET
    position: Text | UnsetType = UNSET
    evidence: Evidence = []


class AdditionalDuty(_Fact, frozen=True):
    """Component 9: years of an additional duty (principal, vice-principal, advisor)."""

    role: Literal["principal", "vice_principal", "extracurricular_advisor"]
    years: Years
    school: Text | UnsetType = UNSET
    evidence: Evidence = []


class Award(_Fact, frozen=True):
    """Component 10: an award relevant to education (a subdistrict award is read and scores 0:
    the seed counts awards "baik pada tingkat kabupaten/kota, provinsi, nasional, maupun
    internasional")."""

    level: Level5
    name: Text | UnsetType = UNSET
    giver: Text | UnsetType = UNSET
    year: Year | UnsetType = UNSET
    evidence: Evidence = []


class SpecialAreaService(_Fact, frozen=True):
    """Component 10: years of service in a special area."""

    years: Years
    kind: Literal["remote", "underdeveloped", "disaster", "conflict", "border"] | UnsetType = UNSET
    location: Text | UnsetType = UNSET
    evidence: Evidence = []


class Review(_Fact, frozen=True):
    """What the assessors recorded that is not a score (docs/sources/decisions.md)."""

    administrative_defects: list[Text] = []
    doubtful_evidence: Evidence = []
    fraud_found: bool = False


class PortfolioFile(_Fact, frozen=True):
    """One teacher's portfolio file (sergur.portfolio/1) as the scoring engine reads it (the
    portfolio as the web app stores and shows it is `sergur.portfolios`)."""

    schema: Literal["sergur.portfolio/1"]
    rubric: Literal["2007"]
    teacher: Teacher
    qualifications: list[Qualification] = []
    trainings: list[Training] = []
    teaching_experience: TeachingExperience | UnsetType = UNSET
    lesson_plans: Annotated[list[LessonPlan], Meta(max_length=5)] = []
    teaching_observation: TeachingObservation | UnsetType = UNSET
    superior_assessment: SuperiorAssessment | UnsetType = UNSET
    competitions: list[Competition] = []
    peer_coaching: list[PeerCoaching] = []
    student_coaching: list[StudentCoaching] = []
    works: list[Work] = []
    forums: list[Forum] = []
    organizations: list[Organization] = []
    additional_duties: list[AdditionalDuty] = []
    awards: list[Award] = []
    special_area_service: list[SpecialAreaService] = []
    review: Review | UnsetType = UNSET


DECODER = msgspec.json.Decoder(PortfolioFile)
"""Decodes and type-checks a portfolio file in one pass."""
