"""What the fuzz tests send: hostile text, form data and uploads (hypothesis strategies).

Each value is something a browser, a script or a careless paste can send: any Unicode text
(no lone surrogates: no browser sends them), NUL and control characters, bidirectional
overrides, whole numbers of thousands of digits (Python refuses to read more than 4,300),
exponents, other scripts' digits, impossible dates, template and format syntax, very long text.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponseBase
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

NASTY = (
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x1b[31m",
    "\r\n\r\n",
    "9" * 4_400,
    "-" + "9" * 5_000,
    "1e999999",
    "-1",
    "0",
    "0.00001",
    "1,5",
    "NaN",
    "Infinity",
    "-0.0",
    "٣",
    "１２",
    "𝟘𝟙",
    "2006-02-30",
    "0000-00-00",
    "9999-99-99",
    "31/12/1999",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "{{ 7*7 }}",
    "{% debug %}",
    "%(x)s %s %d",
    "ijazah\u202efdp.exe",
    "\ufeff\u200b\u2066",
    "../../etc/passwd",
    "x" * 5_000,  # past every field's limit (the largest is 4,000)
    "true",
    "null",
    "[]",
    "{}",
)

TEXT = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
    st.sampled_from(NASTY),
    st.integers().map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)

# Bytes an upload may carry: nothing, noise, the start of a real type, a real small PDF.
FILE_BYTES = st.one_of(
    st.binary(max_size=64),
    st.sampled_from(
        [
            b"",
            b"%PDF-1.7\n",
            b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
            b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
            b"\xff\xd8\xff\xe0" + b"\x00" * 32,
            b"MZ\x90\x00\x03",
            b'{"schema": "sergur.portfolio/1"}',
        ]
    ),
)

_FUZZ = settings(
    deadline=None,
    database=None,  # every run explores afresh; a failure prints its example
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


def fuzz(examples: int) -> settings:
    """The fuzz tests' hypothesis settings, with `examples` generated inputs."""
    return settings(_FUZZ, max_examples=examples)


def form_data(names: Iterable[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Any subset of the fields `names` (and an unknown one), each with one or more values."""
    values = st.one_of(TEXT, st.lists(TEXT, min_size=2, max_size=3))
    optional = {name: values for name in [*names, "unknown"]}
    return st.fixed_dictionaries({}, optional=optional)


@st.composite
def uploads(draw: st.DrawFn) -> SimpleUploadedFile:
    """An uploaded file: any name, any declared type, any (small) content."""
    name = draw(st.one_of(TEXT, st.sampled_from(["a.pdf", "scan.png", "x.json"])))
    # Django's request parser keeps only the last part of a path, and no empty name.
    name = os.path.basename(name.replace("\\", "/"))
    content_type = draw(st.sampled_from(["application/pdf", "image/png", "text/plain"]))
    return SimpleUploadedFile(
        name if name not in {"", ".", ".."} else "f", draw(FILE_BYTES), content_type
    )


def multi(data: dict[str, Any]) -> MultiValueDict[str, Any]:
    """Form data as a request carries it (each key with a list of values)."""
    return MultiValueDict({k: v if isinstance(v, list) else [v] for k, v in data.items()})


def answered(response: HttpResponseBase) -> None:
    """A page or a refusal, never a server error."""
    assert response.status_code < 500, response.status_code
