"""How fast sergur imports teacher master data into PostgreSQL, next to PostgreSQL's own COPY
of the same CSV, and how much memory the import needs.

Usage:

    .venv/bin/python bench/import_rows.py [--rows 1000000] [--schools 500] [--keep FILE]

The database is DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sergur_bench_import);
the script creates it (dropping a leftover one first) and drops it at the end; its name must
contain "bench" (the helpers of bench/support.py). Then:

1. `manage.py migrate` with `config.settings.bench`;
2. one province, one district, `--schools` schools and 20 subjects, made in this process;
3. `--rows` valid rows in the layout of docs/import.md are written to a CSV (not timed);
4. the import as the web does it, with the same validation: `import_batch_create` (storing
   the file, not timed), `import_check` (the dry run: the file is plain, so it is read in
   batches and checked column by column, the row parser only for flagged rows, every problem
   stored, and the good rows COPYed into the batch's unlogged staging table) and
   `import_apply(mode="all_or_nothing")` (the stage still matches the file, the registry and
   the rules, so the rows are upserted from it by NUPTK with set-based statements in one
   transaction; the deferred foreign keys are checked at its commit), each timed;
   then the same file once more as a new batch (dry run and import again: every teacher is
   known and unchanged, so nothing is written and the counts are 0 created, 0 updated);
5. the same CSV loaded by `COPY … FROM STDIN (FORMAT csv, HEADER)` into an unlogged staging
   table of 21 text columns (no validation, no constraints), timed: the issue's yardstick;
6. a second yardstick: the rows the import wrote, exported (not timed), the two tables
   emptied, and loaded back with `COPY` into the same two tables (their indexes, checks and
   foreign keys, checked at the commit), timed: what writing these rows costs PostgreSQL
   at the least, without any validation or lookup;
7. rows per second of each, the ratios, the CPU seconds of this process and of its
   PostgreSQL backend per step (they depend less than wall-clock seconds on what else runs;
   the backend's only when PostgreSQL runs on this machine), the peak memory of this process
   (the resident set from getrusage; the import works in batches of a few MB, so it does not
   grow with the rows beyond the NUPTKs seen), and the load average before and after (the
   machine is shared: the figures depend on it).

It prints figures only and asserts nothing. Targets (issue 5, "Speed"): at least 0.3 of the
COPY rate, peak memory under 500 MB.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg
import support

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sergur_bench_import"
HEADER = [
    "NUPTK",
    "NIP",
    "NAMA",
    "NAMA_DAPODIK",
    "TEMPAT_LAHIR",
    "TANGGAL_LAHIR",
    "JENIS_KELAMIN",
    "STATUS_KEPEGAWAIAN",
    "GOLONGAN",
    "INPASSING",
    "PENDIDIKAN",
    "TANGGAL_IJAZAH",
    "TMT_GURU",
    "TMT_GURU_TETAP",
    "BULAN_TIDAK_MENGAJAR",
    "KODE_BIDANG_STUDI",
    "NPSN",
    "JAM_MENGAJAR",
    "TUGAS_TAMBAHAN",
    "PRESTASI",
    "SUDAH_SERTIFIKASI",
]
SUBJECTS = [f"{100 + 4 * n:03d}" for n in range(20)]


def peak_mb() -> float:
    """The peak resident set of this process so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(path: Path, rows: int, schools: int) -> None:
    """`rows` valid teachers, half PNS, spread over the schools and subjects."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for n in range(rows):
            year, month, day = 1955 + n % 30, 1 + n % 12, 1 + n % 28
            birth = f"{year}-{month:02d}-{day:02d}"
            pns = n % 2 == 0
            nip = f"{year}{month:02d}{day:02d}1990031{n % 1000:03d}" if pns else ""
            writer.writerow(
                [
                    f"{1000000000000000 + n:016d}",
                    nip,
                    f"Guru Contoh {n}, S.Pd.",
                    f"GURU CONTOH {n}",
                    "Bantul",
                    birth,
                    "LP"[n % 2],
                    "PNS" if pns else "GTY",
                    "III/c" if pns else "",
                    "T",
                    "S1",
                    "1990-08-01",
                    "1990-03-01",
                    "" if pns else "1995-07-01",
                    str(n % 24),
                    SUBJECTS[n % len(SUBJECTS)],
                    f"{20400000 + n % schools:08d}",
                    str(18 + n % 12),
                    str(n % 4),
                    str(n % 5),
                    "T",
                ]
            )


def seed(schools: int) -> Any:
    """The region, schools, subjects and the operator who imports."""
    from sergur.accounts.models import User
    from sergur.registry.models import District, Province, School, Subdistrict, Subject

    province = Province.objects.create(code="34", name="DI Yogyakarta")
    district = District.objects.create(province=province, code="02", name="Bantul")
    sub = Subdistrict.objects.create(district=district, code="001", name="Sewon")
    School.objects.bulk_create(
        School(
            npsn=f"{20400000 + n:08d}",
            name=f"Sekolah {n}",
            level="SMP",
            status="negeri",
            subdistrict=sub,
        )
        for n in range(schools)
    )
    Subject.objects.bulk_create(Subject(code=code, name=f"Mapel {code}") for code in SUBJECTS)
    return User.objects.create(username="operator-bench", role=User.Role.OPERATOR)


def backend_cpu(pid: int | None) -> float:
    """CPU seconds a local PostgreSQL backend has used (0 when it cannot be read)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Step:
    """Wall-clock seconds, this process's CPU seconds and its backend's, of one step."""

    def __init__(self, backend: int | None) -> None:
        self.backend = backend
        self.wall = self.cpu = self.db_cpu = 0.0

    def __enter__(self) -> Step:
        self.wall, self.cpu = -time.perf_counter(), -time.process_time()
        self.db_cpu = -backend_cpu(self.backend)
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall += time.perf_counter()
        self.cpu += time.process_time()
        self.db_cpu += backend_cpu(self.backend)


def run_import(path: Path, actor: Any) -> tuple[Step, Step, Any]:
    """The web's import of the file: (the check, the apply, the batch)."""
    from django.core.files.uploadedfile import UploadedFile
    from django.db import connection

    from sergur.imports.services import import_apply, import_batch_create, import_check

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = int(cursor.fetchone()[0])
    with path.open("rb") as stream:
        upload = UploadedFile(stream, name="bench.csv", size=path.stat().st_size)
        batch = import_batch_create(actor=actor, upload=upload)
    with Step(backend) as check:
        batch = import_check(batch=batch)
    with Step(backend) as apply:
        batch = import_apply(batch=batch, mode="all_or_nothing")
    return check, apply, batch


def run_copy(database_url: str, path: Path) -> float:
    """PostgreSQL's own COPY of the same CSV into a staging table; seconds."""
    columns = ", ".join(f"{name.lower()} text" for name in HEADER)
    with psycopg.connect(database_url) as conn:
        conn.execute(f"CREATE UNLOGGED TABLE import_staging ({columns})")
        conn.commit()
        started = time.perf_counter()
        with (
            conn.cursor() as cursor,
            cursor.copy("COPY import_staging FROM STDIN (FORMAT csv, HEADER true)") as copy,
            path.open("rb") as stream,
        ):
            while block := stream.read(1 << 20):
                copy.write(block)
        conn.commit()
        return time.perf_counter() - started


def run_copy_tables(database_url: str) -> float:
    """The imported rows COPYed back into the emptied registry tables, one transaction with
    the foreign keys checked at its commit; seconds (the export is not timed)."""
    tables = ("registry_teacher", "registry_teachingassignment")
    with psycopg.connect(database_url) as conn:
        dumps = []
        for table in tables:
            dump = io.BytesIO()
            with conn.cursor() as cursor, cursor.copy(f"COPY {table} TO STDOUT") as copy:
                for data in copy:
                    dump.write(data)
            dumps.append(dump)
        conn.execute(f"TRUNCATE {', '.join(tables)} CASCADE")  # the other tables are empty
        conn.commit()
        started = time.perf_counter()
        for table, dump in zip(tables, dumps, strict=True):
            dump.seek(0)
            with conn.cursor() as cursor, cursor.copy(f"COPY {table} FROM STDIN") as copy:
                while block := dump.read(1 << 20):
                    copy.write(block)
        conn.commit()
        return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    """Create the database, import, COPY, print, drop."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--schools", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="keep the generated CSV at this path")
    args = parser.parse_args(argv)
    database_url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    support.database_name(database_url)
    scratch = Path(tempfile.mkdtemp(prefix="sergur-bench-import-"))
    env = support.bench_env(database_url, scratch)
    path = args.keep or scratch / "teachers.csv"
    print(f"load       {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min)")
    print(f"database   {support.shown_url(database_url)}")
    support.create_database(database_url)
    try:
        print(f"migrate    {support.manage(env, 'migrate', '--noinput'):.1f} s")
        started = time.perf_counter()
        generate(path, args.rows, args.schools)
        size = path.stat().st_size / 1e6
        print(f"generate   {time.perf_counter() - started:.1f} s ({args.rows} rows, {size:.0f} MB)")
        support.setup_django(env)
        actor = seed(args.schools)
        baseline = peak_mb()
        check, apply, batch = run_import(path, actor)
        check2, apply2, again = run_import(path, actor)
        peak = peak_mb()
        from django.db import connections

        connections.close_all()  # TRUNCATE below must not wait for this session
        copy_s = run_copy(database_url, path)
        tables_s = run_copy_tables(database_url)
        n = args.rows
        check_s, apply_s = check.wall, apply.wall
        total = check_s + apply_s
        print(
            f"rows       {batch.rows_total} read, {batch.rows_valid} valid, "
            f"{batch.rows_created} created, {batch.rows_updated} updated"
        )

        def cpu(*steps: Step) -> str:
            own, db = sum(s.cpu for s in steps), sum(s.db_cpu for s in steps)
            return f"(CPU s: this process {own:5.1f}, PostgreSQL {db:5.1f})"

        print(f"check      {check_s:7.1f} s  {n / check_s:10,.0f} rows/s  {cpu(check)} dry run")
        print(f"apply      {apply_s:7.1f} s  {n / apply_s:10,.0f} rows/s  {cpu(apply)} import")
        print(f"both       {total:7.1f} s  {n / total:10,.0f} rows/s  {cpu(check, apply)}")
        print(
            f"again      {again.rows_created} created, {again.rows_updated} updated: "
            f"check {check2.wall:.1f} s {cpu(check2)}, apply {apply2.wall:.1f} s {cpu(apply2)}"
        )
        print(f"COPY       {copy_s:7.1f} s  {n / copy_s:10,.0f} rows/s  (text staging table)")
        print(f"COPY 2     {tables_s:7.1f} s  {n / tables_s:10,.0f} rows/s  (the two real tables)")
        # The dry run stages the good rows for the import, so the import's work is the two
        # steps together: that is the figure the target is measured on.
        print(f"ratio      both / COPY   {copy_s / total:.3f}   (target >= 0.3)")
        print(f"ratio      apply / COPY  {copy_s / apply_s:.3f}   (the import step alone)")
        print(f"ratio      both / COPY 2 {tables_s / total:.2f}")
        print(f"ratio      apply / COPY 2 {tables_s / apply_s:.2f}")
        print(
            f"memory     peak RSS {peak:.0f} MB (before the import {baseline:.0f} MB; "
            "target < 500 MB)"
        )
        print(f"load       {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min)")
    finally:
        from contextlib import suppress

        with suppress(Exception):
            from django.db import connections

            connections.close_all()
        support.drop_database(database_url)
        if not args.keep:
            path.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
