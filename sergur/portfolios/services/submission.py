"""The submission: the declaration, the checks, the lock and the signed receipt."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from sergur.accounts.models import User
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_transition
from sergur.common.i18n import rules_lang
from sergur.common.signing import canonical, sign
from sergur.portfolios.models import Submission
from sergur.portfolios.selectors import (
    portfolio_document,
    portfolio_gaps,
    portfolio_read,
)
from sergur.portfolios.services.base import (
    DEADLINE_PASSED,
    DECLARATION_NEEDED,
    DECLARATION_TEXT,
    NOT_COMPLETE,
    NOT_OWNER,
    ensure_editable,
    local_time,
)


def submission_payload(submission: Submission) -> dict[str, Any]:
    """What a receipt signs: no personal data, only the case, the time and the content hash."""
    return {
        "v": 1,
        "case": submission.case_id,
        "submitted_at": submission.submitted_at.isoformat(),
        "sha256": submission.content_hash,
    }


@transaction.atomic
def portfolio_submit(
    *, case: Case, actor: User, declaration: bool, now: dt.datetime
) -> tuple[Submission, bool]:
    """Lock the portfolio and sign a receipt. Submitting again returns the same submission
    (a double click loses nothing); a late or incomplete submission is refused."""
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if case.teacher.user_id != actor.pk:
        raise ValidationError(NOT_OWNER, code="not_owner")
    if locked.state in (Case.State.SUBMITTED, Case.State.RECEIVED):
        return Submission.objects.filter(case=locked).latest(), False
    ensure_editable(locked)
    # After an MA/MS decision the portfolio is reopened until its own deadline.
    deadline = locked.reopen_until or locked.programme_year.portfolio_deadline
    if now > deadline:
        raise ValidationError(
            DEADLINE_PASSED,
            code="deadline",
            params={"deadline": local_time(deadline)},
        )
    if not declaration:
        raise ValidationError(DECLARATION_NEEDED, code="declaration")
    portfolio = portfolio_read(case=locked)
    blocking = [gap for gap in portfolio_gaps(portfolio) if gap.blocking]
    if blocking:
        lang = rules_lang()
        raise ValidationError(
            NOT_COMPLETE,
            code="incomplete",
            params={"gaps": " ".join(gap.message.text(lang) for gap in blocking)},
        )
    content = {
        "portfolio": portfolio_document(portfolio),
        # Every row as declared, so the hash also covers what the file leaves out (the
        # teaching periods behind the years, the lesson plans before they are scored).
        "rows": [
            {"table": key, "code": row.code, "values": row.typed}
            for key, rows in portfolio.rows.items()
            for row in rows
            if row.typed is not None
        ],
        "evidence": [
            {
                "code": row.code,
                "sha256": file.sha256,
                "size": file.size,
                "original": file.is_original,
            }
            for rows in portfolio.rows.values()
            for row in rows
            for file in row.evidence
        ],
    }
    content_hash = hashlib.sha256(canonical(content)).hexdigest()
    submission = Submission(
        case=locked,
        submitted_at=now,
        submitted_by=actor,
        content=content,
        content_hash=content_hash,
        declaration=DECLARATION_TEXT,
    )
    submission.signature = sign(submission_payload(submission))
    submission.full_clean()
    submission.save()
    # A portfolio completed after an MA/MS decision goes straight back to the rayon to be
    # re-assessed; a first submission (or one returned by verification) starts the chain.
    reassess = locked.state == Case.State.REOPENED
    case_transition(
        case=locked,
        to_state=Case.State.RECEIVED if reassess else Case.State.SUBMITTED,
        actor=actor,
        kind=CaseEvent.Kind.SUBMITTED,
        data={"sha256": content_hash},
    )
    case.state = locked.state
    return submission, True
