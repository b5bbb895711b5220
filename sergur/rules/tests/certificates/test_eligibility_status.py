from __future__ import annotations

import pytest

from sergur.rules.certificates import (
    CertificateFacts,
    Status,
    certificate_eligibility,
    status_change_check,
)


def facts(**changes: object) -> CertificateFacts:
    base: dict[str, object] = {
        "decision": "L",
        "published": True,
        "plpg_passed": False,
        "disqualified": False,
        "subject": "180",
        "certified_subjects": frozenset(),
    }
    return CertificateFacts(**{**base, **changes})  # type: ignore[arg-type]


def test_a_published_l_is_eligible() -> None:
    result = certificate_eligibility(facts())
    assert result.eligible
    assert result.reasons == ()


def test_a_passed_plpg_is_eligible_whatever_the_portfolio_decision() -> None:
    assert certificate_eligibility(facts(decision="MPLPG", plpg_passed=True)).eligible


def test_every_reason_is_given() -> None:
    result = certificate_eligibility(
        facts(decision="MS", disqualified=True, certified_subjects=frozenset({"180"}))
    )
    assert not result.eligible
    assert [r.code for r in result.reasons] == [
        "certificate.disqualified",
        "certificate.not_passed",
        "certificate.already_issued",
    ]
    assert "MS" in result.reasons[1].text("en")


def test_an_unpublished_l_waits_for_publication() -> None:
    result = certificate_eligibility(facts(published=False))
    assert [r.code for r in result.reasons] == ["certificate.not_published"]


def test_no_decision_reads_as_a_dash() -> None:
    result = certificate_eligibility(facts(decision=""))
    assert "-" in result.reasons[0].text("id")


def test_another_subject_may_be_certified_too() -> None:
    assert certificate_eligibility(facts(certified_subjects=frozenset({"156"}))).eligible


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (Status.ACTIVE, Status.SUSPENDED),
        (Status.ACTIVE, Status.REVOKED),
        (Status.SUSPENDED, Status.ACTIVE),
        (Status.SUSPENDED, Status.REVOKED),
    ],
)
def test_allowed_changes(current: Status, target: Status) -> None:
    check = status_change_check(current=current, target=target, actor="rayon_admin", reason="x")
    assert check.allowed


@pytest.mark.parametrize(
    ("current", "target", "actor", "reason", "codes"),
    [
        (Status.REVOKED, Status.ACTIVE, "ministry", "x", ["status.final"]),
        (Status.ACTIVE, Status.ACTIVE, "ministry", "x", ["status.same"]),
        (Status.ACTIVE, Status.REVOKED, "teacher", " ", ["status.role", "status.reason_missing"]),
    ],
)
def test_refused_changes_say_why(
    current: Status, target: Status, actor: str, reason: str, codes: list[str]
) -> None:
    check = status_change_check(current=current, target=target, actor=actor, reason=reason)
    assert not check.allowed
    assert [r.code for r in check.reasons] == codes


def test_a_move_outside_the_table_is_not_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    from sergur.rules.certificates import status

    monkeypatch.setitem(status.TRANSITIONS, Status.ACTIVE, frozenset({Status.SUSPENDED}))
    check = status_change_check(
        current=Status.ACTIVE, target=Status.REVOKED, actor="rayon_admin", reason="forged"
    )
    assert [r.code for r in check.reasons] == ["status.not_allowed"]
