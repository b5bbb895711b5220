"""The teacher's copy as one ZIP: `data.json` (machine-readable), `summary.html` (readable)
and the stored files under `files/`.

The ZIP is written to a temporary file on disk, the stored files copied into it in chunks, so
a copy with hundreds of scans never sits in memory; the standard library's `zipfile` does
this without a dependency.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from typing import IO, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils.translation import get_language

from sergur.privacy.selectors import TeacherData

SCHEMA = "sergur.personal-data/1"
CHUNK = 1024 * 1024


def _document(data: TeacherData) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "generated_at": data.generated_at.isoformat(),
        "sections": data.sections,
        "files": [ref.path for ref in data.files],
        "left_out": data.left_out,
    }


def _readable(value: Any) -> Any:
    """A value as the summary shows it: a related record by its label, lists and objects
    (portfolio values, reasons) as indented JSON."""
    if isinstance(value, dict) and set(value) == {"id", "label"}:
        return value["label"]
    if isinstance(value, (dict, list)):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    return value


def _summary(data: TeacherData) -> str:
    sections = [
        {
            "key": key,
            "title": data.titles[key],
            "rows": [
                [
                    (data.labels[key].get(name, name), _readable(value))
                    for name, value in row.items()
                ]
                for row in rows
            ],
        }
        for key, rows in data.sections.items()
    ]
    context = {
        "data": data,
        "sections": sections,
        "language": get_language(),
    }
    return render_to_string("privacy/summary.html", context)


def teacher_archive_write(data: TeacherData) -> IO[bytes]:
    """The copy as a ZIP in a temporary file, rewound; closing it deletes it."""
    target = tempfile.TemporaryFile(suffix=".zip")  # noqa: SIM115 (handed to the response)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        body = json.dumps(_document(data), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        archive.writestr("data.json", body + "\n")
        archive.writestr("summary.html", _summary(data))
        for ref in data.files:
            # Evidence is already compressed (PDF, JPEG, PNG): stored as it is.
            info = zipfile.ZipInfo(ref.path, date_time=data.generated_at.timetuple()[:6])
            info.compress_type = zipfile.ZIP_STORED
            with ref.field.open("rb") as source, archive.open(info, "w") as sink:
                shutil.copyfileobj(source, sink, CHUNK)
    target.seek(0)
    return target
