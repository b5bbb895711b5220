"""Rows and files in the import layout for the tests."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from sergur.rules.tests.selection.test_layout import GOOD

NPSN = "20999001"


def row(n: int, **changes: str) -> dict[str, str]:
    nuptk = f"{1234567890120000 + n:016d}"
    base = {**GOOD, "NUPTK": nuptk, "NIP": f"19650101199003{1000 + n:04d}", "NPSN": NPSN}
    return {**base, **changes}


def csv_upload(
    rows: list[dict[str, str]], name: str = "guru.csv", *, without: tuple[str, ...] = ()
) -> SimpleUploadedFile:
    """A CSV of `rows` with every column of the layout but those `without`."""
    columns = [k for k in GOOD if k not in without]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for r in rows:
        writer.writerow([r.get(k, "") for k in columns])
    return SimpleUploadedFile(name, out.getvalue().encode(), content_type="text/csv")


def xlsx_upload(rows: list[list[Any]]) -> SimpleUploadedFile:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    book = Workbook()
    for r in rows:
        book.active.append(r)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("guru.xlsx", out.getvalue())
