"""A certificate's status and every allowed change, as a table (docs/certificates.md).

Issue 12 item 7: certificates found forged later ("the 2008 programme found about 13,000 forged
documents") are suspended while checked and revoked when proven, by the rayon (or the
ministry), always with a reason. A suspended certificate may be reinstated; a revoked one is
final. The status-list bit (statuslist.py) is set for suspended and revoked alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sergur.rules.messages import Message, msg


class Status(StrEnum):
    """A certificate's status; the values are the model's."""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    REVOKED = "revoked"


class StatusActor(StrEnum):
    """Who may change a status (the account roles' values)."""

    RAYON_ADMIN = "rayon_admin"
    MINISTRY = "ministry"


TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.ACTIVE: frozenset({Status.SUSPENDED, Status.REVOKED}),
    Status.SUSPENDED: frozenset({Status.ACTIVE, Status.REVOKED}),
    Status.REVOKED: frozenset(),
}
"""From each status, the statuses it may move to."""

INVALIDATING = frozenset({Status.SUSPENDED, Status.REVOKED})
"""The statuses whose bit is set in the status list: the certificate is not to be relied on."""


@dataclass(frozen=True, slots=True)
class StatusCheck:
    """The table's answer for one change: allowed, or refused with every reason."""

    allowed: bool
    reasons: tuple[Message, ...]


def status_change_check(*, current: Status, target: Status, actor: str, reason: str) -> StatusCheck:
    """Whether `actor` may move a certificate from `current` to `target` with `reason`."""
    reasons: list[Message] = []
    if actor not in set(StatusActor):
        reasons.append(msg("status.role"))
    if current == target:
        reasons.append(msg("status.same", status=current.value))
    elif not TRANSITIONS[current]:
        reasons.append(msg("status.final"))
    elif target not in TRANSITIONS[current]:
        reasons.append(msg("status.not_allowed", source=current.value, target=target.value))
    if not reason.strip():
        reasons.append(msg("status.reason_missing"))
    return StatusCheck(allowed=not reasons, reasons=tuple(reasons))
