"""Uploads with a hard size cap: bytes past the cap are counted, never kept.

Django's own upload handlers keep every byte of a file (in memory, then in a temporary file)
before a view sees it. `CappedUploadHandler` streams the file the same way but drops it once it
passes the cap and only counts the rest, so a form can refuse it with its real size while the
server never holds more than the cap. `read_capped` reads an accepted upload in chunks and
stops at the cap too, so the limit holds even where the handler was not installed.

The checks every stored document passes (portfolio evidence, a clarification's scan, an appeal's
file) are here too: the size limit, the real type found in the bytes (PDF, JPEG or PNG, and
readable), no active content in a PDF (JavaScript, launch actions, embedded files), no image
beyond the pixel cap, the digest and a file name safe to show.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
import warnings
from tempfile import SpooledTemporaryFile
from typing import Any

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from sergur.rules.text import without_invisible

TOO_LARGE = _("The file is %(size)s; the largest file accepted is %(limit)s.")
EMPTY_FILE = _("The file is empty.")
WRONG_TYPE = _("Only PDF, JPEG or PNG files are accepted; this file is %(found)s.")
BROKEN_PDF = _("The PDF cannot be read (it is damaged or incomplete): %(detail)s")
BROKEN_IMAGE = _("The image cannot be read (it is damaged or incomplete).")
PDF_JAVASCRIPT = _(
    "The PDF contains JavaScript, which is not accepted in a document; print or save it again "
    "as a plain PDF."
)
PDF_LAUNCH = _(
    "The PDF contains an action that starts another program, which is not accepted in a "
    "document; print or save it again as a plain PDF."
)
PDF_EMBEDDED_FILE = _(
    "The PDF carries other files inside it, which is not accepted; upload each document as "
    "its own file."
)
IMAGE_TOO_LARGE = _(
    "The image is %(width)s × %(height)s pixels (%(megapixels)s megapixels); the largest image "
    "accepted has %(limit)s megapixels. Scan or save it at a lower resolution."
)

PDF = "application/pdf"
ACCEPTED_TYPES = frozenset({PDF, "image/jpeg", "image/png"})


class UploadTooLarge(Exception):
    """An upload holds more than the cap; `size` is at least the bytes seen so far."""

    def __init__(self, size: int, max_bytes: int) -> None:
        super().__init__(f"upload of at least {size} bytes exceeds the cap of {max_bytes}")
        self.size = size
        self.max_bytes = max_bytes


def _spool() -> SpooledTemporaryFile[bytes]:
    # In memory while small, a temporary file on disk beyond Django's own memory limit.
    return SpooledTemporaryFile(
        max_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE, dir=settings.FILE_UPLOAD_TEMP_DIR
    )


class CappedUploadHandler(FileUploadHandler):
    """Keep each uploaded file up to `max_bytes`; past that, drop it and only count its bytes.

    A file over the cap still reaches `request.FILES`, empty but with its real `size`, so the
    form can say how large it was. Install it before anything reads `request.POST`.
    """

    def __init__(self, request: HttpRequest | None = None, *, max_bytes: int) -> None:
        super().__init__(request)
        self.max_bytes = max_bytes
        self.received = 0
        self.over_cap = False
        # Django's parser closes `file` of every handler when an upload is cut short.
        self.file = _spool()

    def new_file(
        self,
        field_name: str,
        file_name: str,
        content_type: str,
        content_length: int | None,
        charset: str | None = None,
        content_type_extra: dict[str, bytes] | None = None,
    ) -> None:
        """Start a file; handlers after this one never see it."""
        super().new_file(
            field_name, file_name, content_type, content_length, charset, content_type_extra
        )
        self.file = _spool()
        self.received = 0
        self.over_cap = False
        raise StopFutureHandlers

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        """Keep the chunk while the file is within the cap; count it either way."""
        self.received += len(raw_data)
        if self.over_cap:
            return None
        if self.received > self.max_bytes:
            self.over_cap = True
            self.file.close()
            self.file = _spool()
            return None
        self.file.write(raw_data)
        return None

    def file_complete(self, file_size: int) -> UploadedFile[Any]:
        """The kept file (empty when over the cap), with the size of everything received."""
        self.file.seek(0)
        return UploadedFile(
            file=self.file,
            name=self.file_name,
            content_type=self.content_type,
            size=self.received,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )

    def upload_interrupted(self) -> None:
        """Free the spool of a file whose upload broke off."""
        self.file.close()


def install_capped_upload_handler(request: HttpRequest, *, max_bytes: int) -> None:
    """Make `request` keep uploads of at most `max_bytes` each (before request.POST is read)."""
    request.upload_handlers = [CappedUploadHandler(request, max_bytes=max_bytes)]


def read_capped(upload: UploadedFile[Any], *, max_bytes: int) -> bytes:
    """The upload's bytes, read in chunks; raise UploadTooLarge as soon as they pass the cap."""
    if upload.size is not None and upload.size > max_bytes:
        raise UploadTooLarge(upload.size, max_bytes)
    data = bytearray()
    for chunk in upload.chunks():
        data += chunk
        if len(data) > max_bytes:
            raise UploadTooLarge(len(data), max_bytes)
    return bytes(data)


def human_size(size: int) -> str:
    """A file size as people read it, in the active language (Django's filesizeformat)."""
    return str(filesizeformat(size))


def upload_size_check(upload: UploadedFile[Any], *, limit: int) -> int:
    """The upload's size; ValidationError (TOO_LARGE, both sizes as people read them) when it
    is over `limit` bytes."""
    size = upload.size or 0
    if size > limit:
        raise ValidationError(
            TOO_LARGE,
            code="too_large",
            params={"size": human_size(size), "limit": human_size(limit)},
        )
    return size


def upload_content_check(upload: UploadedFile[Any]) -> str:
    """The file's real type (by its bytes, not its name), after checking it can be read."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if not head:
        raise ValidationError(EMPTY_FILE, code="empty")
    kind = filetype.guess(head)
    mime = kind.mime if kind is not None else None
    if mime not in ACCEPTED_TYPES:
        found = mime or gettext("not a known document type")
        raise ValidationError(WRONG_TYPE, code="wrong_type", params={"found": found})
    if mime == PDF:
        _pdf_check(upload)
    else:
        _image_check(upload)
    upload.seek(0)
    return str(mime)


def _pdf_check(upload: UploadedFile[Any]) -> None:
    """A PDF that can be read, with at least one page and no active content."""
    try:
        reader = PdfReader(upload)
        if len(reader.pages) < 1:
            raise PyPdfError("no pages")
        active = pdf_active_content(reader)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        detail = str(exc)[:120] or type(exc).__name__
        raise ValidationError(BROKEN_PDF, code="broken_pdf", params={"detail": detail}) from None
    if active is not None:
        raise ValidationError(_ACTIVE_MESSAGES[active], code=f"pdf_{active}")


def _image_check(upload: UploadedFile[Any]) -> None:
    """An image within the pixel cap (read from its header, before any decoding) that can be
    read."""
    limit = settings.SERGUR_IMAGE_MAX_PIXELS
    try:
        with warnings.catch_warnings():
            # Pillow warns of (or refuses) a decompression bomb itself; the cap below is lower.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
                if width * height > limit:
                    raise ValidationError(
                        IMAGE_TOO_LARGE,
                        code="image_too_large",
                        params={
                            "width": width,
                            "height": height,
                            "megapixels": f"{width * height / 1_000_000:.0f}",
                            "limit": f"{limit / 1_000_000:.0f}",
                        },
                    )
                image.verify()
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        OSError,
        SyntaxError,
        ValueError,
    ):
        raise ValidationError(BROKEN_IMAGE, code="broken_image") from None


# -- active content in a PDF -----------------------------------------------------------------
_ACTIVE_MESSAGES = {
    "javascript": PDF_JAVASCRIPT,
    "launch": PDF_LAUNCH,
    "embedded_file": PDF_EMBEDDED_FILE,
}
# Action types that run something: JavaScript, and a launch of another program.
_ACTIVE_ACTIONS = {"/JavaScript": "javascript", "/Launch": "launch"}
# Keys whose presence alone means active content: a script (/JS, the /JavaScript name tree),
# files carried inside (/EmbeddedFiles name tree, /EF of a file specification).
_ACTIVE_KEYS = {"/JS": "javascript", "/JavaScript": "javascript"}
_EMBEDDED_KEYS = ("/EmbeddedFiles", "/EF")
_EMBEDDED_TYPES = ("/EmbeddedFile", "/FileAttachment")


def pdf_active_content(reader: PdfReader) -> str | None:
    """What active content a PDF holds ("javascript", "launch", "embedded_file"), or None.

    Walks every object reachable from the document catalogue (open action, additional actions
    of the document, pages and annotations, the name trees, form fields and outlines), each
    once, without decoding any stream: the checks only read dictionary keys.
    """
    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [reader.trailer.get("/Root")]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            found = _active_in(item)
            if found is not None:
                return found
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return None


def _active_in(entry: DictionaryObject) -> str | None:
    """The active content one dictionary declares itself, or None."""
    action = entry.get("/S")
    if isinstance(action, NameObject) and action in _ACTIVE_ACTIONS:
        return _ACTIVE_ACTIONS[action]
    for name, kind in _ACTIVE_KEYS.items():
        if name in entry:
            return kind
    if any(name in entry for name in _EMBEDDED_KEYS):
        return "embedded_file"
    if entry.get("/Type") in _EMBEDDED_TYPES or entry.get("/Subtype") in _EMBEDDED_TYPES:
        return "embedded_file"
    return None


def upload_sha256(upload: UploadedFile[Any]) -> str:
    """The hex SHA-256 of the upload's bytes, read in chunks; the upload is rewound."""
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


# The file name extension of each accepted type, as a download offers it.
EXTENSIONS = {PDF: (".pdf",), "image/jpeg": (".jpg", ".jpeg"), "image/png": (".png",)}


def safe_file_name(name: str, *, content_type: str | None = None) -> str:
    """A file name safe to show and to put in a download header: no path, no control,
    bidirectional or zero-width characters, at most 120 characters; with `content_type` (the
    type found in the bytes) it ends in that type's extension, so `ijazah<U+202E>fdp.exe`, a
    PDF, becomes `ijazahfdp.exe.pdf`, never an `.exe`."""
    base = os.path.basename(without_invisible(name).replace("\\", "/"))
    printable = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    cleaned = get_valid_filename(printable) if printable.strip(" .") else ""
    cleaned = cleaned or "dokumen"
    extensions = EXTENSIONS.get(content_type or "", ())
    if extensions and not cleaned.lower().endswith(extensions):
        return cleaned[-(120 - len(extensions[0])) :] + extensions[0]
    return cleaned[-120:]
