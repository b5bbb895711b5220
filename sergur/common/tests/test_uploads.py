from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.core.files.uploadhandler import StopFutureHandlers
from django.test import RequestFactory
from django.utils import translation
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from sergur.common.uploads import (
    CappedUploadHandler,
    UploadTooLarge,
    install_capped_upload_handler,
    read_capped,
    safe_file_name,
    upload_content_check,
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


# -- names: no bidirectional or zero-width characters -----------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ijazah\u202efdp.exe", "ijazahfdp.exe"),
        ("ija\u200bzah\u200d.pdf", "ijazah.pdf"),
        ("\ufeff\u2066sk\u2069\u202a.pdf\u202c", "sk.pdf"),
        ("\u200e\u200f", "dokumen"),
    ],
)
def test_safe_file_name_drops_bidirectional_and_zero_width_characters(name, expected):
    assert safe_file_name(name) == expected


@pytest.mark.parametrize(
    ("name", "content_type", "expected"),
    [
        ("ijazah\u202efdp.exe", "application/pdf", "ijazahfdp.exe.pdf"),
        ("scan.PNG", "image/png", "scan.PNG"),
        ("scan.jpeg", "image/jpeg", "scan.jpeg"),
        ("foto.pdf", "image/jpeg", "foto.pdf.jpg"),
        ("", "application/pdf", "dokumen.pdf"),
        ("a" * 300, "application/pdf", "a" * 116 + ".pdf"),
    ],
)
def test_safe_file_name_ends_in_the_extension_of_the_type_found(name, content_type, expected):
    assert safe_file_name(name, content_type=content_type) == expected


# -- PDFs without active content ------------------------------------------------------------
def pdf_upload(writer: PdfWriter, name: str = "dokumen.pdf") -> SimpleUploadedFile:
    out = BytesIO()
    writer.write(out)
    return SimpleUploadedFile(name, out.getvalue(), "application/pdf")


def plain_writer() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    return writer


def refused_code(upload: SimpleUploadedFile) -> str | None:
    with pytest.raises(ValidationError) as exc:
        upload_content_check(upload)
    return exc.value.code


def test_a_plain_pdf_is_accepted():
    assert upload_content_check(pdf_upload(plain_writer())) == "application/pdf"


def test_a_pdf_with_a_page_link_as_open_action_is_accepted():
    writer = plain_writer()
    page = writer.pages[0].indirect_reference
    writer._root_object[NameObject("/OpenAction")] = ArrayObject([page, NameObject("/Fit")])

    assert upload_content_check(pdf_upload(writer)) == "application/pdf"


def javascript_action() -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Action"),
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.launchURL('http://example.invalid');"),
        }
    )


def with_document_javascript(writer: PdfWriter) -> PdfWriter:
    """The document-level scripts: the /JavaScript name tree of the catalogue's /Names."""
    action = writer._add_object(javascript_action())
    tree = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("x"), action])})
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(tree)}
    )
    return writer


def test_a_pdf_with_document_javascript_is_refused():
    writer = with_document_javascript(plain_writer())

    assert refused_code(pdf_upload(writer)) == "pdf_javascript"


def test_a_pdf_with_a_javascript_open_action_is_refused():
    writer = plain_writer()
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(javascript_action())

    assert refused_code(pdf_upload(writer)) == "pdf_javascript"


def test_a_pdf_with_javascript_in_a_pages_additional_actions_is_refused():
    writer = plain_writer()
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): javascript_action()})

    assert refused_code(pdf_upload(writer)) == "pdf_javascript"


def test_a_pdf_with_a_launch_action_is_refused():
    writer = plain_writer()
    launch = DictionaryObject(
        {
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): TextStringObject("cmd.exe"),
        }
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(launch)

    assert refused_code(pdf_upload(writer)) == "pdf_launch"


def test_a_pdf_with_an_embedded_file_is_refused():
    writer = plain_writer()
    writer.add_attachment("ijazah.exe", b"MZ\x90\x00")

    assert refused_code(pdf_upload(writer)) == "pdf_embedded_file"


def test_the_refusals_say_what_in_indonesian():
    writer = with_document_javascript(plain_writer())
    with pytest.raises(ValidationError) as exc:
        upload_content_check(pdf_upload(writer))

    with translation.override("id"):
        indonesian = exc.value.messages[0]
    with translation.override("en"):
        english = exc.value.messages[0]
    assert indonesian != english
    assert "JavaScript" in indonesian and "JavaScript" in english


# -- images within the pixel cap ------------------------------------------------------------
def png_of(width: int, height: int) -> bytes:
    """A valid 1-bit PNG of `width` × `height` pixels, all black (a few kilobytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    pixels = zlib.compress(row * height, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_a_100_megapixel_png_is_refused_by_its_header(settings):
    settings.SERGUR_IMAGE_MAX_PIXELS = 40_000_000
    upload = SimpleUploadedFile("scan.png", png_of(10_000, 10_000), "image/png")

    with pytest.raises(ValidationError) as exc:
        upload_content_check(upload)

    assert exc.value.code == "image_too_large"
    with translation.override("en"):
        text = exc.value.messages[0]
    assert "10000 × 10000" in text and "100 megapixels" in text and "40 megapixels" in text


def test_an_image_at_the_cap_is_accepted(settings):
    settings.SERGUR_IMAGE_MAX_PIXELS = 2_000 * 1_000
    upload = SimpleUploadedFile("scan.png", png_of(2_000, 1_000), "image/png")

    assert upload_content_check(upload) == "image/png"


def test_the_pixel_cap_is_below_pillows_decompression_bomb_limit():
    from django.conf import settings as django_settings

    assert Image.MAX_IMAGE_PIXELS is not None
    assert django_settings.SERGUR_IMAGE_MAX_PIXELS < Image.MAX_IMAGE_PIXELS
