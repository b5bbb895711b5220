from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def example_bytes(name: str) -> bytes:
    return (EXAMPLES / name).read_bytes()


def json_upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/json")


@pytest.fixture
def example_upload():
    def make(name: str) -> SimpleUploadedFile:
        return json_upload(name, example_bytes(name))

    return make
