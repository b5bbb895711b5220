"""Log lines as JSON objects, one a line, for shipping off the host (docs/audit.md).

The standard library's logging does the work; this formatter writes the time, level, logger
and message, and the `audit` fields a record was logged with (`sergur.common.audit`), which
hold ids, codes and counts only: never a name, NIK, NUPTK, NIP or birth date.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any


class JsonLinesFormatter(logging.Formatter):
    """One JSON object a log record, on one line."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as a JSON object (an exception as its type, never its traceback)."""
        line: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        audit = getattr(record, "audit", None)
        if isinstance(audit, dict):
            line["audit"] = audit
        if record.exc_info and record.exc_info[0] is not None:
            line["error"] = record.exc_info[0].__name__
        return json.dumps(line, ensure_ascii=False, separators=(",", ":"), default=str)
