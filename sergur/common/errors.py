"""Logging an unexpected error without the data it may quote."""

from __future__ import annotations

import logging
import traceback


def log_without_data(logger: logging.Logger, what: str, error: BaseException) -> None:
    """Log that `what` stopped on `error`: its type and where it arose, never its message
    (a database error quotes the row's values: birth dates, NIKs, NUPTKs)."""
    frames = "".join(traceback.format_tb(error.__traceback__))
    logger.error("%s stopped: %s\n%s", what, type(error).__name__, frames)
