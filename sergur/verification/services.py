"""Writes of verification: a document's verdict, the verdicts carried over from the unchanged
files of an earlier submission, completing a stage (pass the portfolio on or return it to the
teacher with the documents and reasons) and the rayon's receipt of every verified portfolio.

The chain (docs/sources/domain.md §4.6): the district committee checks completeness and verifies the
diplomas, the quality office (LPMP) re-verifies, the rayon receives. Each document gets MP, K or TMP
with a reason (PSPL per-document verdicts, 2011 Juknis p. 66; docs/sources/domain.md §1.1).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_transition
from sergur.verification.forms import REASON_MAX, UNKNOWN_VERDICT
from sergur.verification.models import (
    NEEDS_REASON,
    REASON_REQUIRED,
    DocumentVerdict,
    Stage,
    StageReview,
    Verdict,
)
from sergur.verification.selectors import (
    STAGE_PASSED,
    STAGE_STATE,
    STRICT_STAGES,
    CaseVerification,
    Document,
    case_in_stage_scope,
    case_verification,
    latest_submission,
    stage_of,
    worklist,
)

NOT_VERIFIER = _("Only the office that verifies this portfolio now, in its own area, may do this.")
WRONG_STATE = _("This portfolio is not waiting for verification by your office (it is: %(state)s).")
UNKNOWN_DOCUMENT = _("File %(id)s is not one of this portfolio's documents.")
REASON_TOO_LONG = _("The reason for document %(code)s is longer than %(max)s characters.")
MISSING_VERDICTS = ngettext_lazy(
    "The stage cannot be completed: %(count)s document still has no verdict: %(codes)s.",
    "The stage cannot be completed: %(count)s documents still have no verdict: %(codes)s.",
    "count",
)
NO_DIPLOMA = _("The portfolio holds no diploma (table 1, academic qualification) to verify.")
PASSED_REASON = _("%(stage)s: every document meets the requirements (%(documents)s, %(diplomas)s).")
DOCUMENTS = ngettext_lazy("%(count)s document", "%(count)s documents", "count")
DIPLOMAS = ngettext_lazy("%(count)s diploma", "%(count)s diplomas", "count")
RETURNED_REASON = ngettext_lazy(
    "%(stage)s: returned to the teacher, %(count)s finding: %(findings)s",
    "%(stage)s: returned to the teacher, %(count)s findings: %(findings)s",
    "count",
)
NOTHING_SUGGESTED = _("No document has a verdict to carry over from an earlier submission.")
NOTHING_REMAINING = _("Every document already has a verdict in this stage.")
NOT_RAYON = _("Only a rayon admin receives portfolios.")
NOT_ACKNOWLEDGED = _(
    "Document %(code)s cannot meet the requirements: the counsellor's practice records must be "
    "acknowledged by the BK coordinator and the principal (Buku II, 4.b)."
)

EVENT_KIND = {
    Stage.DISTRICT: CaseEvent.Kind.VERIFIED,
    Stage.QUALITY: CaseEvent.Kind.VERIFIED,
    Stage.RAYON: CaseEvent.Kind.RECEIVED,
}


def _locked(*, case: Case, actor: User) -> tuple[Case, Stage]:
    """The case locked for the write, and the stage the actor performs on it; refused unless
    the actor's office performs the case's current stage in its own area."""
    locked = (
        Case.objects.select_for_update(of=("self",))
        .select_related("teacher__subject")
        .get(pk=case.pk)
    )
    stage = stage_of(actor)
    if stage is None:
        raise ValidationError(NOT_VERIFIER, code="not_verifier")
    if locked.state != STAGE_STATE[stage]:
        raise ValidationError(
            WRONG_STATE, code="wrong_state", params={"state": locked.get_state_display()}
        )
    if not case_in_stage_scope(user=actor, case=locked):
        raise ValidationError(NOT_VERIFIER, code="not_verifier")
    return locked, stage


def _verdict_row(
    *,
    view: CaseVerification,
    doc: Document,
    verdict: str,
    reason: str,
    actor: User,
    now: dt.datetime,
    suggested: bool = False,
) -> DocumentVerdict:
    row = DocumentVerdict(
        case=view.case,
        submission=view.submission,
        stage=view.stage,
        evidence=doc.file,
        code=doc.row.code,
        section=doc.row.section.key,
        file_name=doc.file.original_name,
        sha256=doc.file.sha256,
        is_original=doc.file.is_original,
        verdict=verdict,
        reason=reason,
        suggested=suggested,
        decided_by=actor,
        decided_at=now,
    )
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def verdict_record(
    *,
    case: Case,
    evidence_id: int,
    verdict: str,
    reason: str,
    actor: User,
    now: dt.datetime,
) -> DocumentVerdict:
    """Record the actor's office's verdict (MP, K or TMP) on one document of the latest
    submission; K and TMP need a reason. A changed verdict adds a row (PSPL, 2011 Juknis
    p. 66)."""
    locked, stage = _locked(case=case, actor=actor)
    if verdict not in Verdict.values:
        raise ValidationError(UNKNOWN_VERDICT, code="verdict", params={"value": verdict})
    view = case_verification(case=locked, stage=stage)
    doc = next((d for d in view.documents if d.file.pk == evidence_id), None)
    if doc is None:
        raise ValidationError(UNKNOWN_DOCUMENT, code="document", params={"id": evidence_id})
    reason = reason.strip()
    if verdict in NEEDS_REASON and not reason:
        raise ValidationError(REASON_REQUIRED, code="reason", params={"code": doc.row.code})
    if len(reason) > REASON_MAX:
        raise ValidationError(
            REASON_TOO_LONG, code="reason", params={"code": doc.row.code, "max": REASON_MAX}
        )
    if verdict == Verdict.MP and doc.unacknowledged:
        raise ValidationError(NOT_ACKNOWLEDGED, code="acknowledged", params={"code": doc.row.code})
    return _verdict_row(view=view, doc=doc, verdict=verdict, reason=reason, actor=actor, now=now)


@transaction.atomic
def verdicts_accept_suggested(
    *, case: Case, actor: User, now: dt.datetime
) -> list[DocumentVerdict]:
    """Record, for every document still without a verdict in this stage, the verdict the
    same office gave the same file (same SHA-256) in an earlier submission. The stage still
    has to be completed explicitly."""
    locked, stage = _locked(case=case, actor=actor)
    view = case_verification(case=locked, stage=stage)
    rows = []
    for doc in view.suggested:
        assert doc.suggestion is not None  # nosec B101 # suggested rows have one, for mypy
        if doc.suggestion.verdict == Verdict.MP and doc.unacknowledged:
            continue  # an endorsement withdrawn since: the office decides again
        rows.append(
            _verdict_row(
                view=view,
                doc=doc,
                verdict=doc.suggestion.verdict,
                reason=doc.suggestion.reason,
                actor=actor,
                now=now,
                suggested=True,
            )
        )
    if not rows:
        raise ValidationError(NOTHING_SUGGESTED, code="nothing_suggested")
    return rows


@transaction.atomic
def verdicts_meet_remaining(*, case: Case, actor: User, now: dt.datetime) -> list[DocumentVerdict]:
    """Record MP (meets the requirements) for every document still without a verdict in the
    actor's stage (but a counsellor's practice record that lacks an endorsement), after the
    office has set K or TMP, with a reason, on the documents that fall short; documents that
    have a verdict keep it. The stage still has to be completed explicitly."""
    locked, stage = _locked(case=case, actor=actor)
    view = case_verification(case=locked, stage=stage)
    if not view.missing:
        raise ValidationError(NOTHING_REMAINING, code="nothing_remaining")
    # A counsellor's practice record without both endorsements is never MP: it waits for the
    # office's own K or TMP.
    return [
        _verdict_row(view=view, doc=doc, verdict=Verdict.MP, reason="", actor=actor, now=now)
        for doc in view.missing
        if not doc.unacknowledged
    ]


def _finding(doc: Document) -> dict[str, Any]:
    assert doc.current is not None  # nosec B101 # judged rows have one, for mypy
    return {
        "code": doc.row.code,
        "table": doc.row.section.key,
        "table_title": str(doc.row.section.title),
        "file": doc.file.original_name,
        "evidence": doc.file.pk,
        "verdict": doc.current.verdict,
        "reason": doc.current.reason,
    }


def _stage_findings(stage: Stage, view: CaseVerification) -> list[dict[str, Any]]:
    """The documents the stage did not accept (K or TMP), and at the district a missing
    diploma; refused while a strict stage has documents without a verdict."""
    if stage in STRICT_STAGES and view.missing:
        raise ValidationError(
            MISSING_VERDICTS,
            code="missing",
            params={
                "count": len(view.missing),
                "codes": ", ".join(f"{d.row.code} ({d.file.original_name})" for d in view.missing),
            },
        )
    findings = [_finding(doc) for doc in view.not_met]
    if stage == Stage.DISTRICT and not view.diplomas:
        findings.append(
            {
                "code": "1",
                "table": "qualification",
                "table_title": gettext("Academic qualification"),
                "file": "",
                "evidence": None,
                "verdict": Verdict.TMP.value,
                "reason": str(NO_DIPLOMA),
            }
        )
    return findings


@transaction.atomic
def stage_complete(*, case: Case, actor: User, now: dt.datetime) -> StageReview:
    """Complete the actor's office's stage: every document MP (and, at the district, at
    least one diploma) passes the case on (SUBMITTED → DISTRICT_VERIFIED → QUALITY_VERIFIED
    → RECEIVED); any K or TMP returns it to the teacher with the documents and reasons. The
    district and the quality office judge every document first; the rayon receives on the
    quality office's verdicts and records its own only where it disagrees (docs/sources/domain.md
    §4.6)."""
    locked, stage = _locked(case=case, actor=actor)
    view = case_verification(case=locked, stage=stage)
    findings = _stage_findings(stage, view)
    stage_name = str(Stage(stage).label)
    data: dict[str, Any] = {
        "stage": stage.value,
        "submission": view.submission.pk,
        "documents": len(view.documents),
        "diplomas": len(view.diplomas),
    }
    if findings:
        outcome = StageReview.Outcome.RETURNED
        text = "; ".join(f"{f['code']} {f['verdict']}: {f['reason']}" for f in findings)
        reason = RETURNED_REASON % {
            "stage": stage_name,
            "count": len(findings),
            "findings": text,
        }
        case_transition(
            case=locked,
            to_state=Case.State.RETURNED,
            actor=actor,
            kind=CaseEvent.Kind.RETURNED,
            reason=reason,
            data={**data, "findings": findings},
        )
    else:
        outcome = StageReview.Outcome.PASSED
        reason = str(PASSED_REASON) % {
            "stage": stage_name,
            "documents": DOCUMENTS % {"count": len(view.documents)},
            "diplomas": DIPLOMAS % {"count": len(view.diplomas)},
        }
        case_transition(
            case=locked,
            to_state=STAGE_PASSED[stage],
            actor=actor,
            kind=EVENT_KIND[stage],
            reason=reason,
            data=data,
        )
    review = StageReview(
        case=locked,
        submission=view.submission,
        stage=stage,
        outcome=outcome,
        findings=findings,
        documents=len(view.documents),
        completed_by=actor,
        completed_at=now,
    )
    review.full_clean()
    review.save()
    case.state = locked.state
    return review


@dataclass(frozen=True)
class ReceiveSummary:
    """What the rayon's bulk receipt did: the cases received, and those left for a look one
    by one because the rayon recorded verdicts of its own on them."""

    received: list[Case]
    skipped: list[Case]


@transaction.atomic
def cases_receive_all(*, actor: User, now: dt.datetime) -> ReceiveSummary:
    """The rayon receives every portfolio the quality office verified in the provinces it
    serves (QUALITY_VERIFIED → RECEIVED). A case on which the rayon recorded verdicts of its
    own is skipped: its admin completes it on its page."""
    if stage_of(actor) != Stage.RAYON:
        raise ValidationError(NOT_RAYON, code="not_rayon")
    cases = list(worklist(user=actor))
    judged = set(
        DocumentVerdict.objects.filter(case__in=cases, stage=Stage.RAYON).values_list(
            "case_id", "submission_id"
        )
    )
    received: list[Case] = []
    skipped: list[Case] = []
    for case in cases:
        submission = latest_submission(case)
        if submission is None or (case.pk, submission.pk) in judged:
            skipped.append(case)
            continue
        try:
            stage_complete(case=case, actor=actor, now=now)
        except ValidationError:
            # Moved on since the list was read (each case is locked and checked again).
            skipped.append(case)
            continue
        received.append(case)
    return ReceiveSummary(received=received, skipped=skipped)
