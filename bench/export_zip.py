"""A teacher's own copy (sergur/privacy/archive.py) with many large evidence files: the time
to write the ZIP and the most memory Python held meanwhile, to show that the files are
copied through in chunks, never held whole.

    .venv/bin/python bench/export_zip.py [--files 50] [--megabytes 4]

Prints the figures; asserts nothing. Runs in-process on a scratch folder (no database).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Write the copy and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--megabytes", type=int, default=4)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.files.storage import FileSystemStorage
    from django.db.models import FileField
    from django.db.models.fields.files import FieldFile

    from sergur.privacy.archive import teacher_archive_write
    from sergur.privacy.selectors import FileRef, TeacherData

    with tempfile.TemporaryDirectory(prefix="sergur-bench-") as scratch:
        storage = FileSystemStorage(location=scratch)
        field = FileField(storage=storage)
        size = args.megabytes * 1024 * 1024
        refs = []
        for number in range(args.files):
            name = f"evidence-{number}"
            Path(scratch, name).write_bytes(os.urandom(size))
            stored = FieldFile(None, field, name)  # type: ignore[arg-type]  # no row needed
            refs.append(FileRef(f"files/evidence/{number}.pdf", stored))
        rows = [{"id": n, "file": ref.path} for n, ref in enumerate(refs)]
        data = TeacherData(
            generated_at=dt.datetime.now(dt.UTC),
            sections={"evidence": rows},
            titles={"evidence": "Evidence files"},
            labels={"evidence": {}},
            files=refs,
            left_out=[],
        )
        tracemalloc.start()
        began = time.perf_counter()
        archive = teacher_archive_write(data)
        seconds = time.perf_counter() - began
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        archive.seek(0, os.SEEK_END)
        zipped = archive.tell()
        archive.close()
    total = args.files * size
    print(f"files in the copy        {args.files} x {args.megabytes} MiB = {total / 2**20:.0f} MiB")
    print(f"ZIP written              {zipped / 2**20:.0f} MiB in {seconds:.2f} s")
    print(f"throughput               {total / 2**20 / seconds:.0f} MiB/s")
    print(f"peak Python memory       {peak / 2**20:.1f} MiB (tracemalloc, while writing)")


if __name__ == "__main__":
    main()
