"""The portfolio services' shared pieces: their messages (constants reused by the tests) and
the check that the teacher may still change the portfolio."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from sergur.cases.models import Case

LOCKED = _(
    "The portfolio is submitted and locked. It can change again only when a decision reopens it."
)
UNKNOWN_TABLE = _("This table is not part of your instrument.")
TABLE_FULL = ngettext_lazy(
    "This table holds at most %(count)d row.", "This table holds at most %(count)d rows.", "count"
)
VALUE_TOO_LONG = _("%(label)s: at most %(limit)s characters, not %(length)s.")
VALUE_NUL = _(
    "%(label)s: the value contains a NUL character (\\0), which cannot be stored; type it again."
)
ALREADY_USED = _(
    "This file is already evidence %(code)s (%(table)s). One document supports one place only."
)
ENVELOPE_CLOSED = _("The deadline for the closed-envelope instruments has passed (%(deadline)s).")
ENVELOPE_NOT_FILLED = _("Score every item of the envelope's instruments before confirming.")
ENVELOPE_NOT_AUTHOR = _(
    "Only the principal and the supervisor of the teacher's school fill this (for a principal, "
    "the head of the district education office in the principal's place)."
)
DEADLINE_PASSED = _("The submission deadline has passed (%(deadline)s).")
DECLARATION_NEEDED = _("Tick the declaration of authenticity to submit.")
NOT_COMPLETE = _("The portfolio cannot be submitted yet: %(gaps)s")
NOT_OWNER = _("Only the teacher submits their own portfolio.")

DECLARATION_TEXT = (
    "Dengan ini saya menyatakan bahwa pernyataan dan dokumen di dalam portofolio ini "
    "benar-benar hasil karya saya sendiri, dan jika di kemudian hari ternyata pernyataan dan "
    "dokumen saya tidak benar, saya bersedia menerima sanksi dan dampak hukum sesuai peraturan "
    "perundang-undangan yang berlaku."
)


def ensure_editable(case: Case) -> None:
    if not case.is_editable_by_teacher:
        raise ValidationError(LOCKED, code="locked")


def local_time(moment: dt.datetime) -> str:
    """A deadline as people in the project's time zone read it."""
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"
