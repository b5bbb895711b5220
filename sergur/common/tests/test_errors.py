"""An unexpected error is logged by type and place, never by its message."""

from __future__ import annotations

import logging

import pytest

from sergur.common.errors import log_without_data


def test_the_log_names_the_error_and_where_never_its_message(
    caplog: pytest.LogCaptureFixture,
) -> None:
    logger = logging.getLogger("sergur.test")
    message = "birth date {} of NIK {}".format("1965-01-01", "3402010101650001")
    try:
        raise ValueError(message)  # the traceback shows this line, not the message
    except ValueError as error:
        log_without_data(logger, "a step", error)

    assert "a step stopped: ValueError" in caplog.text
    assert "test_the_log_names_the_error_and_where_never_its_message" in caplog.text
    assert "1965-01-01" not in caplog.text and "3402010101650001" not in caplog.text
