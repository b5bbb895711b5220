"""English dates in one format, the one the rules core writes in reasons ("1 Jan 2008",
sergur/rules/dates.py), with a 24-hour time: "7 Dec 2026, 15:30". Django's own English
formats end a time with "p.m.", which doubled the full stop of every sentence ending on a
time ("until Dec. 7, 2026, 3 p.m.."), and the lists wrote "2026-12-07 15:30" beside them."""

from __future__ import annotations

DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
