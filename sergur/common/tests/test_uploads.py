from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.core.files.uploadhandler import StopFutureHandlers
from django.test import RequestFactory

from sergur.common.uploads import (
    CappedUploadHandler,
    UploadTooLarge,
    install_capped_upload_handler,
    read_capped,
    safe_file_name,
)


def receive(handler: CappedUploadHandler, chunks: list[bytes]):
    with pytest.raises(StopFutureHandlers):
        handler.new_file("portfolio_file", "a.json", "application/json", None)
    start = 0
    for chunk in chunks:
        assert handler.receive_data_chunk(chunk, start) is None
        start += len(chunk)
    return handler.file_complete(start)


def test_handler_keeps_a_file_within_the_cap():
    upload = receive(CappedUploadHandler(max_bytes=10), [b"{", b'"a": 1', b"}"])

    assert upload.size == 8
    assert upload.name == "a.json"
    assert upload.read() == b'{"a": 1}'


def test_handler_drops_a_file_over_the_cap_but_keeps_its_real_size():
    handler = CappedUploadHandler(max_bytes=10)

    upload = receive(handler, [b"x" * 8, b"y" * 8, b"z" * 100])

    assert handler.over_cap
    assert upload.size == 116
    assert upload.read() == b""


def test_handler_spools_large_files_to_disk_not_memory(settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 16
    handler = CappedUploadHandler(max_bytes=1000)

    receive(handler, [b"x" * 64])

    assert handler.file._rolled  # type: ignore[attr-defined]  # rolled over to a real file


def test_handler_starts_each_file_afresh():
    handler = CappedUploadHandler(max_bytes=10)
    receive(handler, [b"x" * 20])

    second = receive(handler, [b"ok"])

    assert (second.size, second.read()) == (2, b"ok")


def test_interrupted_upload_frees_the_spool():
    handler = CappedUploadHandler(max_bytes=10)
    receive(handler, [b"x"])

    handler.upload_interrupted()

    assert handler.file.closed


def test_install_replaces_the_request_upload_handlers():
    request = RequestFactory().post("/")

    install_capped_upload_handler(request, max_bytes=5)

    (handler,) = request.upload_handlers
    assert isinstance(handler, CappedUploadHandler)
    assert handler.max_bytes == 5


def test_real_multipart_request_over_the_cap_arrives_empty_with_its_size():
    body = {"portfolio_file": SimpleUploadedFile("big.json", b"x" * 5000)}
    request = RequestFactory().post("/", body)
    install_capped_upload_handler(request, max_bytes=1000)

    upload = request.FILES.get("portfolio_file")

    assert isinstance(upload, UploadedFile)
    assert upload.size == 5000
    assert upload.read() == b""


def test_read_capped_reads_in_chunks_up_to_the_cap():
    upload = SimpleUploadedFile("a.json", b"x" * 100)

    assert read_capped(upload, max_bytes=100) == b"x" * 100


class Unreadable(SimpleUploadedFile):
    def chunks(self, chunk_size: int | None = None) -> Iterator[bytes]:
        raise AssertionError("must not be read")


def test_read_capped_refuses_by_size_without_reading():
    upload = Unreadable("a.json", b"x" * 100)

    with pytest.raises(UploadTooLarge) as caught:
        read_capped(upload, max_bytes=99)

    assert (caught.value.size, caught.value.max_bytes) == (100, 99)


def test_read_capped_stops_at_the_cap_when_the_size_is_unknown():
    upload = UploadedFile(file=BytesIO(b"x" * 100), name="a.json", size=None)
    upload.DEFAULT_CHUNK_SIZE = 30

    with pytest.raises(UploadTooLarge) as caught:
        read_capped(upload, max_bytes=50)

    assert caught.value.size == 60


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("..\\..\\windows\\system32.pdf", "system32.pdf"),
        ("\x00\x1b[31m.pdf", "31m.pdf"),
        ("...", "dokumen"),
        ("", "dokumen"),
        ("a" * 300 + ".pdf", ("a" * 300 + ".pdf")[-120:]),
        ('say "hi"; rm -rf.pdf', "say_hi_rm_-rf.pdf"),
    ],
)
def test_safe_file_name_keeps_no_path_or_control_characters(name, expected):
    assert safe_file_name(name) == expected
