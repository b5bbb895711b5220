"""Signals for what follows a working group's programme without being part of it
(notifications, above this app in the layers): sent by the KKG services once a change is
saved."""

from __future__ import annotations

from django.dispatch import Signal

meeting_planned = Signal()
"""Sent with `meeting` (saved) and `actor` (who planned it) when a package's meeting is
scheduled, inside the writer's transaction: a receiver that reaches outside the database
waits for the commit."""

package_reported = Signal()
"""Sent with `package` (saved, its report stored) and `actor` (who submitted the report)
inside the writer's transaction."""
