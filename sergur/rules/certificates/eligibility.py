"""Who receives the educator certificate: the ONE place the rule lives (docs/certificates.md).

Issue 12 item 5 and docs/sources/domain.md §5: the rayon issues it to teachers who passed,
"L from the portfolio, or the PLPG". A teacher is certified once per subject: a second
certificate in the same subject is refused, one in another subject is allowed (and keeps the
teacher's NRG, numbers.py). A disqualified participant gets none.
"""

from __future__ import annotations

from dataclasses import dataclass

from sergur.rules.messages import Message, msg

PASSED_CODE = "L"
"""The decision that certifies from the portfolio (docs/sources/decisions.md)."""


@dataclass(frozen=True, slots=True)
class CertificateFacts:
    """What the rule needs to know of one case."""

    decision: str  # the current decision code, "" when none
    published: bool  # whether that decision is published to the teacher
    plpg_passed: bool  # whether the PLPG was passed (issue 12 items 1-4)
    disqualified: bool
    subject: str  # the subject code the certificate would certify
    certified_subjects: frozenset[str]  # the subjects the teacher already holds a certificate in


@dataclass(frozen=True, slots=True)
class Eligibility:
    """The answer: eligible or not, with every reason it is not."""

    eligible: bool
    reasons: tuple[Message, ...]


def certificate_eligibility(facts: CertificateFacts) -> Eligibility:
    """Whether a certificate may be issued for a case, and every reason why not."""
    reasons: list[Message] = []
    if facts.disqualified:
        reasons.append(msg("certificate.disqualified"))
    passed_portfolio = facts.decision == PASSED_CODE and facts.published
    if not passed_portfolio and not facts.plpg_passed:
        if facts.decision == PASSED_CODE:
            reasons.append(msg("certificate.not_published"))
        else:
            reasons.append(msg("certificate.not_passed", code=facts.decision or "-"))
    if facts.subject in facts.certified_subjects:
        reasons.append(msg("certificate.already_issued", subject=facts.subject))
    return Eligibility(eligible=not reasons, reasons=tuple(reasons))
