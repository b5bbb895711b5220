"""Reads of verification: which office checks a case in which state, the worklists, one
case's documents with their verdicts (and suggestions carried from an earlier submission),
and the status the case page shows. Every read takes a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.cases.selectors import case_get_for_user, case_list_for_user, case_scope
from sergur.common.worklists import Sort, Worklist
from sergur.portfolios.models import Evidence, Submission
from sergur.portfolios.sections import BY_KEY
from sergur.portfolios.sections.teaching import acknowledged
from sergur.portfolios.selectors import Row, portfolio_read
from sergur.registry.models import TeachingAssignment
from sergur.verification.models import DocumentVerdict, Stage, StageReview, Verdict

Role = User.Role

ROLE_STAGE: dict[str, Stage] = {
    Role.DISTRICT_COMMITTEE: Stage.DISTRICT,
    Role.QUALITY_OFFICE: Stage.QUALITY,
    Role.RAYON_ADMIN: Stage.RAYON,
}
"""The stage each office performs."""

STAGE_STATE: dict[Stage, str] = {
    Stage.DISTRICT: Case.State.SUBMITTED,
    Stage.QUALITY: Case.State.DISTRICT_VERIFIED,
    Stage.RAYON: Case.State.QUALITY_VERIFIED,
}
"""The case state in which a stage checks the portfolio."""

STAGE_PASSED: dict[Stage, str] = {
    Stage.DISTRICT: Case.State.DISTRICT_VERIFIED,
    Stage.QUALITY: Case.State.QUALITY_VERIFIED,
    Stage.RAYON: Case.State.RECEIVED,
}
"""Where a case goes when the stage passes it on."""

STRICT_STAGES = frozenset({Stage.DISTRICT, Stage.QUALITY})
"""Stages that judge every document before completing. The rayon receives on the quality
office's verdicts and records its own only where it disagrees."""

DIPLOMA_SECTION = "qualification"
PRACTICE_SECTION = "counselor_practice"
"""The table whose files are the diplomas (ijazah) the district verifies (docs/sources/domain.md
§4.6)."""


def stage_of(user: User | AnonymousUser) -> Stage | None:
    """The stage the user's office performs, or None."""
    if not user.is_authenticated or not user.is_active:
        return None
    return ROLE_STAGE.get(user.role)


def case_in_stage_scope(*, user: User, case: Case) -> bool:
    """The user's office performs the case's current stage and the case is in its area
    (district, province or the provinces the rayon serves): one query."""
    stage = stage_of(user)
    if stage is None or case.state != STAGE_STATE[stage]:
        return False
    scope = case_scope(user)
    return scope is not None and Case.objects.filter(scope, pk=case.pk).exists()


def verification_get_for_user(*, user: User | AnonymousUser, pk: int) -> tuple[Case, Stage]:
    """The case and the stage the user performs on it. 404 unless the user's office
    performs the case's current stage for a case in its area (existence is not revealed)."""
    stage = stage_of(user)
    if stage is None:
        raise Http404
    case = case_get_for_user(user=user, pk=pk)
    if case.state != STAGE_STATE[stage]:
        raise Http404
    return case, stage


def worklist(*, user: User) -> QuerySet[Case]:
    """The cases waiting for the user's office, oldest submission first, with the school and
    the submission time annotated (one query however many rows)."""
    stage = stage_of(user)
    if stage is None:
        return Case.objects.none()
    main = TeachingAssignment.objects.filter(teacher=OuterRef("teacher"), is_main=True)
    latest = Submission.objects.filter(case=OuterRef("pk")).order_by("-submitted_at")
    return (
        case_list_for_user(user=user)
        .filter(state=STAGE_STATE[stage])
        .annotate(
            school_name=Subquery(main.values("school__name")[:1]),
            submitted_at=Subquery(latest.values("submitted_at")[:1]),
        )
        .order_by("submitted_at", "pk")
    )


VERIFICATION_WORKLIST = Worklist(
    key="verification",
    url_name="verification:worklist",
    number="participant_number",
    name="teacher__name",
    sorts={
        "oldest": Sort(_("Submitted, oldest first"), ("submitted_at", "pk")),
        "newest": Sort(_("Submitted, latest first"), ("-submitted_at", "-pk")),
        "number": Sort(_("Participant number"), ("participant_number", "pk")),
        "name": Sort(_("Teacher's name"), ("teacher__name", "pk"), by_name=True),
        "school": Sort(_("School"), ("school_name", "submitted_at", "pk")),
    },
)
"""The verification worklist's search and sorts (sergur/common/worklists.py). Every row waits
in the office's one state and the year data set no verification deadline, so it has neither
a state nor a deadline filter."""


LABEL_FIELDS = ("name", "title", "topic", "school", "description", "position")
"""The columns that name an entry, in the order they are tried."""


@dataclass
class Document:
    """One evidence file as the verification page shows it, with its current verdict in
    this stage, a suggestion carried from an earlier submission, and what the earlier stages
    of this submission said."""

    row: Row
    file: Evidence
    current: DocumentVerdict | None = None
    suggestion: DocumentVerdict | None = None
    earlier: list[DocumentVerdict] = field(default_factory=list)

    @property
    def entry_label(self) -> str:
        """What the entry is, in the teacher's words (its name, title, topic, degree...)."""
        values = self.row.entry.values
        if self.is_diploma:
            parts = [values.get(key) for key in ("level", "program", "institution")]
            return " · ".join(str(part) for part in parts if part)
        for key in LABEL_FIELDS:
            if values.get(key):
                return str(values[key])
        return self.row.label

    @property
    def unacknowledged(self) -> bool:
        """A counsellor's practice record without both endorsements: the seed asks that it is
        "diketahui oleh koordinator bimbingan dan konseling dan atasan" (Buku II, 4.b)."""
        return self.row.section.key == PRACTICE_SECTION and not acknowledged(self.row.entry.values)

    @property
    def is_diploma(self) -> bool:
        """A file of the academic qualification table (an ijazah)."""
        return self.row.section.key == DIPLOMA_SECTION


@dataclass
class CaseVerification:
    """One case's documents in one stage of its latest submission."""

    case: Case
    stage: Stage
    submission: Submission
    documents: list[Document]
    reviews: list[StageReview]

    @property
    def diplomas(self) -> list[Document]:
        """The diplomas, which the district verifies explicitly."""
        return [doc for doc in self.documents if doc.is_diploma]

    @property
    def others(self) -> list[Document]:
        """Every document but the diplomas."""
        return [doc for doc in self.documents if not doc.is_diploma]

    @property
    def missing(self) -> list[Document]:
        """Documents with no verdict in this stage yet."""
        return [doc for doc in self.documents if doc.current is None]

    @property
    def suggested(self) -> list[Document]:
        """Documents without a verdict that have one carried from the unchanged file."""
        return [doc for doc in self.missing if doc.suggestion is not None]

    @property
    def not_met(self) -> list[Document]:
        """Documents whose verdict in this stage is K or TMP."""
        return [doc for doc in self.documents if doc.current and doc.current.verdict != Verdict.MP]

    def document(self, evidence_id: int) -> Document:
        """One document by its file's id; 404 when it is not part of this portfolio."""
        for doc in self.documents:
            if doc.file.pk == evidence_id:
                return doc
        raise Http404


def latest_submission(case: Case) -> Submission | None:
    """The case's latest submission (one query)."""
    return Submission.objects.filter(case=case).order_by("-submitted_at", "-pk").first()


def case_verification(*, case: Case, stage: Stage) -> CaseVerification:
    """The case's documents, verdicts, suggestions and completed stages in six queries:
    the portfolio (three), the latest submission, every verdict of the case, its reviews."""
    portfolio = portfolio_read(case=case)
    submission = latest_submission(case)
    if submission is None:
        raise Http404
    verdicts = list(
        DocumentVerdict.objects.filter(case=case)
        .select_related("decided_by")
        .order_by("decided_at", "pk")
    )
    current: dict[int, DocumentVerdict] = {}
    earlier: dict[int, list[DocumentVerdict]] = {}
    suggestions: dict[str, DocumentVerdict] = {}
    latest_by_stage: dict[tuple[str, int | None], DocumentVerdict] = {}
    for verdict in verdicts:  # oldest first: later rows replace earlier ones
        if verdict.submission_id == submission.pk:
            latest_by_stage[(verdict.stage, verdict.evidence_id)] = verdict
        elif verdict.stage == stage:
            suggestions[verdict.sha256] = verdict
    for (verdict_stage, evidence_id), verdict in latest_by_stage.items():
        if evidence_id is None:
            continue
        if verdict_stage == stage:
            current[evidence_id] = verdict
        else:
            earlier.setdefault(evidence_id, []).append(verdict)
    order = {value: index for index, value in enumerate(Stage.values)}
    documents = []
    for section in portfolio.sections:
        for row in portfolio.section_rows(section.key):
            for file in row.evidence:
                file.case = case
                documents.append(
                    Document(
                        row=row,
                        file=file,
                        current=current.get(file.pk),
                        suggestion=suggestions.get(file.sha256),
                        earlier=sorted(earlier.get(file.pk, []), key=lambda v: order[v.stage]),
                    )
                )
    reviews = list(
        StageReview.objects.filter(case=case)
        .select_related("completed_by")
        .order_by("completed_at", "pk")
    )
    return CaseVerification(
        case=case, stage=stage, submission=submission, documents=documents, reviews=reviews
    )


@dataclass(frozen=True)
class VerificationStatus:
    """What the case page says about verification: where the portfolio stands and, when it
    was returned, which documents and why."""

    state: str
    reviews: list[StageReview]
    returned: StageReview | None
    can_verify: bool

    @property
    def findings(self) -> list[dict[str, Any]]:
        """The documents of the last return, K or TMP, with their reasons; each table named in
        the reader's language."""
        if self.returned is None:
            return []
        out = []
        for finding in self.returned.findings:
            section = BY_KEY.get(finding.get("table", ""))
            title = section.title if section else finding.get("table_title", "")
            out.append({**finding, "table_title": title})
        return out


def verification_status(*, user: User, case: Case) -> VerificationStatus:
    """The completed stages of the case's latest submission and, when RETURNED, the review
    that returned it (two queries)."""
    submission = latest_submission(case)
    reviews = []
    if submission is not None:
        reviews = list(
            StageReview.objects.filter(submission=submission)
            .select_related("completed_by")
            .order_by("completed_at", "pk")
        )
    returned = None
    if (
        case.state == Case.State.RETURNED
        and reviews
        and reviews[-1].outcome == StageReview.Outcome.RETURNED
    ):
        returned = reviews[-1]
    stage = stage_of(user)
    can_verify = stage is not None and case.state == STAGE_STATE[stage]
    return VerificationStatus(
        state=case.state, reviews=reviews, returned=returned, can_verify=can_verify
    )
