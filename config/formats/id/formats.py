"""Indonesian dates in one format: the lists wrote "06-01-2027" (Django's short format) beside
"6 Jan. 2027" on the page each row opens, so a deadline read differently from one page to
the next. The short formats are now the long ones; the input formats stay Django's."""

from __future__ import annotations

SHORT_DATE_FORMAT = "j N Y"
SHORT_DATETIME_FORMAT = "j N Y, G.i"
