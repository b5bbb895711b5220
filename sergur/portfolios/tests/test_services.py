"""The portfolio's writes: rows, evidence files and the submission. Every refusal is a
ValidationError with a code and a message a teacher can act on; nothing else changes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_open
from sergur.common.signing import canonical, verify
from sergur.common.uploads import human_size
from sergur.portfolios.models import Entry, Evidence, Submission
from sergur.portfolios.services import (
    DECLARATION_TEXT,
    entry_delete,
    entry_save,
    envelope_confirm,
    envelope_save,
    evidence_add,
    evidence_remove,
    portfolio_submit,
    submission_payload,
)
from sergur.portfolios.tests.teacher_support import (
    COMPLETE,
    add_row,
    attach,
    fill_submittable,
    pdf_bytes,
    pdf_upload,
    png_bytes,
)
from sergur.registry.tests.factories import (
    SubjectFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)

OBSERVATION: list[int | None] = [
    5,
    4,
    3,
    2,
    1,
    2,
    3,
    4,
    5,
    4,
    3,
    2,
    1,
    2,
    3,
    4,
    5,
    4,
    3,
    2,
    1,
    2,
    3,
    4,
]
SUPERIOR: list[int | None] = [4, 5, 3, 5, 4, 2, 5, 3, 4, 1]


@pytest.fixture(autouse=True)
def signing_key(settings, tmp_path):
    settings.SERGUR_SIGNING_KEY_FILE = str(tmp_path / "signing-key.pem")


def codes(exc: pytest.ExceptionInfo[ValidationError]) -> list[str | None]:
    return [error.code for error in exc.value.error_list]


def text(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(exc.value.messages)


def lock(case: Case, actor) -> None:
    fill_submittable(case, actor)
    portfolio_submit(case=case, actor=actor, declaration=True, now=timezone.now())


def fill_envelope(case, cast) -> None:
    at = timezone.now()
    envelope_save(
        case=case,
        actor=cast.pak_kepala,
        author="principal",
        observation=OBSERVATION,
        superior=SUPERIOR,
        now=at,
    )
    envelope_confirm(case=case, actor=cast.pak_kepala, author="principal", now=at)
    envelope_confirm(case=case, actor=cast.pengawas, author="supervisor", now=at)


# -- entry_save ------------------------------------------------------------------------------
def test_entry_save_stores_a_complete_row_at_the_next_position(cast):
    first = add_row(cast.sri_case, cast.sri, "training")
    second = add_row(cast.sri_case, cast.sri, "training", name="Diklat PTK")

    assert (first.position, second.position) == (0, 1)
    assert first.complete and second.complete
    assert second.values["name"] == "Diklat PTK"
    assert second.values["hours"] == "40"  # kept as typed


def test_entry_save_keeps_an_incomplete_row_marked_so(cast):
    entry = entry_save(
        case=cast.sri_case,
        section_key="training",
        values={"name": "Diklat KTSP", "hours": "forty"},
        actor=cast.sri,
    )

    entry.refresh_from_db()
    assert entry.complete is False
    assert entry.values["name"] == "Diklat KTSP"
    assert entry.values["hours"] == "forty"  # nothing typed is lost
    assert entry.values["organizer"] == ""


def test_entry_save_keeps_only_the_table_columns(cast):
    entry = add_row(cast.sri_case, cast.sri, "award", evil="<script>", csrfmiddlewaretoken="x")

    assert set(entry.values) == {"name", "giver", "level", "year"}


def test_entry_save_updates_a_row_in_place(cast):
    entry = add_row(cast.sri_case, cast.sri, "training", hours="")
    assert not entry.complete

    updated = entry_save(
        case=cast.sri_case,
        section_key="training",
        values={**COMPLETE["training"], "hours": "24"},
        actor=cast.sri,
        entry=entry,
    )

    assert updated.pk == entry.pk
    assert updated.complete
    assert Entry.objects.filter(case=cast.sri_case).count() == 1


def test_entry_save_refuses_an_unknown_table(cast):
    with pytest.raises(ValidationError) as exc:
        entry_save(case=cast.sri_case, section_key="salary", values={}, actor=cast.sri)

    assert codes(exc) == ["unknown_table"]
    assert not Entry.objects.exists()


def test_entry_save_refuses_a_row_of_another_table_or_case(cast):
    training = add_row(cast.sri_case, cast.sri, "training")
    budis = add_row(cast.budi_case, cast.budi, "award")

    with pytest.raises(ValidationError) as wrong_table:
        entry_save(
            case=cast.sri_case,
            section_key="award",
            values=COMPLETE["award"],
            actor=cast.sri,
            entry=training,
        )
    with pytest.raises(ValidationError) as wrong_case:
        entry_save(
            case=cast.sri_case,
            section_key="award",
            values=COMPLETE["award"],
            actor=cast.sri,
            entry=budis,
        )

    assert codes(wrong_table) == codes(wrong_case) == ["unknown_table"]
    training.refresh_from_db()
    assert training.values["name"] == COMPLETE["training"]["name"]


def test_entry_save_refuses_a_sixth_lesson_plan(cast):
    for n in range(5):
        add_row(cast.sri_case, cast.sri, "lesson_plan", topic=f"Topik {n}")

    with pytest.raises(ValidationError) as exc:
        add_row(cast.sri_case, cast.sri, "lesson_plan")

    assert codes(exc) == ["table_full"]
    assert "5" in text(exc)
    assert Entry.objects.filter(section="lesson_plan").count() == 5


def test_a_counsellor_may_list_four_guidance_programmes(cast):
    counselling = SubjectFactory(code="060", name="Bimbingan dan Konseling", is_counseling=True)
    user = UserFactory(username="konselor")
    teacher = TeacherFactory(user=user, subject=counselling)
    TeachingAssignmentFactory(teacher=teacher)
    case = case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)
    for n in range(4):
        add_row(case, user, "lesson_plan", topic=f"Bidang {n}")

    with pytest.raises(ValidationError) as exc:
        add_row(case, user, "lesson_plan")

    assert codes(exc) == ["table_full"]


def test_entry_save_refuses_a_locked_portfolio(cast):
    lock(cast.sri_case, cast.sri)
    before = Entry.objects.count()

    with pytest.raises(ValidationError) as exc:
        add_row(cast.sri_case, cast.sri, "award")

    assert codes(exc) == ["locked"]
    assert Entry.objects.count() == before


# -- entry_delete ----------------------------------------------------------------------------
def test_entry_delete_removes_the_row_and_its_files_and_renumbers(cast):
    rows = [add_row(cast.sri_case, cast.sri, "award", name=f"Award {n}") for n in range(3)]
    attach(rows[0], cast.sri)
    attach(rows[0], cast.sri)

    entry_delete(entry=rows[0], actor=cast.sri)

    left = list(Entry.objects.filter(case=cast.sri_case).order_by("position"))
    assert [(e.values["name"], e.position) for e in left] == [("Award 1", 0), ("Award 2", 1)]
    assert not Evidence.objects.exists()
    event = CaseEvent.objects.filter(kind=CaseEvent.Kind.EVIDENCE_REMOVED).get()
    assert event.actor == cast.sri
    assert event.data == {"files": 2, "table": "award"}


def test_entry_delete_refuses_a_locked_portfolio(cast):
    lock(cast.sri_case, cast.sri)
    entry = Entry.objects.filter(case=cast.sri_case).first()
    assert entry is not None

    with pytest.raises(ValidationError) as exc:
        entry_delete(entry=entry, actor=cast.sri)

    assert codes(exc) == ["locked"]
    assert Entry.objects.filter(pk=entry.pk).exists()


# -- evidence_add ----------------------------------------------------------------------------
def test_evidence_add_stores_a_pdf_with_its_hash_type_and_flag(cast):
    entry = add_row(cast.sri_case, cast.sri, "qualification")
    data = pdf_bytes("Ijazah S1")

    evidence = evidence_add(
        entry=entry, upload=pdf_upload("Ijazah S1.pdf", data), is_original=True, actor=cast.sri
    )

    assert evidence.content_type == "application/pdf"
    assert evidence.sha256 == hashlib.sha256(data).hexdigest()
    assert evidence.size == len(data)
    assert evidence.is_original is True
    assert evidence.original_name == "Ijazah_S1.pdf"
    assert evidence.uploaded_by == cast.sri
    assert "Ijazah" not in str(evidence.file.name)  # stored under a random name
    with evidence.file.open("rb") as stored:
        assert stored.read() == data
    event = CaseEvent.objects.filter(kind=CaseEvent.Kind.EVIDENCE_ADDED).get()
    assert event.data == {"code": "1.b", "type": "application/pdf"}


def test_evidence_add_takes_png_and_jpeg_by_their_content(cast):
    from io import BytesIO

    from PIL import Image

    entry = add_row(cast.sri_case, cast.sri, "award")
    jpeg = BytesIO()
    Image.new("RGB", (6, 6), (10, 20, 30)).save(jpeg, format="JPEG")

    png = evidence_add(
        entry=entry,
        upload=SimpleUploadedFile("piagam.pdf", png_bytes(), "application/pdf"),
        is_original=False,
        actor=cast.sri,
    )
    jpg = evidence_add(
        entry=entry,
        upload=SimpleUploadedFile("foto", jpeg.getvalue(), "text/plain"),
        is_original=False,
        actor=cast.sri,
    )

    assert (png.content_type, jpg.content_type) == ("image/png", "image/jpeg")


def refused(entry, upload) -> pytest.ExceptionInfo[ValidationError]:
    with pytest.raises(ValidationError) as exc:
        evidence_add(entry=entry, upload=upload, is_original=False, actor=entry.case.teacher.user)
    assert not Evidence.objects.filter(entry=entry).exists()
    return exc


def test_evidence_add_refuses_a_renamed_executable(cast):
    entry = add_row(cast.sri_case, cast.sri, "award")
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200

    exc = refused(entry, SimpleUploadedFile("x.pdf", exe, "application/pdf"))

    assert codes(exc) == ["wrong_type"]
    assert "application/x-msdownload" in text(exc)


def test_evidence_add_refuses_text_under_a_pdf_name(cast):
    entry = add_row(cast.sri_case, cast.sri, "award")

    exc = refused(entry, SimpleUploadedFile("x.pdf", b"hello, this is text", "application/pdf"))

    assert codes(exc) == ["wrong_type"]


def test_evidence_add_refuses_an_empty_file(cast):
    entry = add_row(cast.sri_case, cast.sri, "award")

    exc = refused(entry, SimpleUploadedFile("x.pdf", b"", "application/pdf"))

    assert codes(exc) == ["empty"]


@override_settings(SERGUR_EVIDENCE_MAX_BYTES=1000)
def test_evidence_add_refuses_an_oversize_file_with_both_sizes(cast):
    entry = add_row(cast.sri_case, cast.sri, "award")
    data = pdf_bytes("x" * 10) + b"%" + b"0" * 4000

    exc = refused(entry, pdf_upload("big.pdf", data))

    assert codes(exc) == ["too_large"]
    assert human_size(1000) in text(exc)
    assert human_size(len(data)) in text(exc)


def test_evidence_add_refuses_a_broken_pdf(cast):
    entry = add_row(cast.sri_case, cast.sri, "award")

    exc = refused(entry, pdf_upload("rusak.pdf", b"%PDF-1.4 garbage"))

    assert codes(exc) == ["broken_pdf"]


def test_evidence_add_refuses_a_broken_png(cast):
    entry = add_row(cast.sri_case, cast.sri, "award")
    broken = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"garbage" * 20

    exc = refused(entry, SimpleUploadedFile("foto.png", broken, "image/png"))

    assert codes(exc) == ["broken_image"]


def test_evidence_add_refuses_a_decompression_bomb(cast):
    """A few hundred bytes whose header claims 40,000 × 40,000 pixels: refused as a broken
    image, never decoded (Pillow raises DecompressionBombError past twice its pixel limit)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 40_000, 40_000, 8, 0, 0, 0, 0)
    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b""))
    bomb += chunk(b"IEND", b"")
    entry = add_row(cast.sri_case, cast.sri, "award")

    exc = refused(entry, SimpleUploadedFile("bom.png", bomb, "image/png"))

    assert codes(exc) == ["broken_image"]


def test_evidence_add_stores_a_hostile_file_name_sanitised(cast):
    entry = add_row(cast.sri_case, cast.sri, "award")

    evidence = evidence_add(
        entry=entry,
        upload=pdf_upload("../../etc/passwd\r\n.pdf"),
        is_original=False,
        actor=cast.sri,
    )

    assert evidence.original_name == "passwd.pdf"
    assert "/" not in evidence.original_name
    assert "\r" not in evidence.original_name and "\n" not in evidence.original_name
    stored = str(evidence.file.name)
    assert stored.startswith(f"evidence/{cast.sri_case.pk}/")
    assert ".." not in stored


def test_the_same_file_twice_is_refused_naming_the_first_place(cast):
    first = add_row(cast.sri_case, cast.sri, "award")
    second = add_row(cast.sri_case, cast.sri, "forum")
    data = pdf_bytes("Piagam Guru Teladan")
    evidence_add(entry=first, upload=pdf_upload("a.pdf", data), is_original=False, actor=cast.sri)

    exc = refused(second, pdf_upload("renamed copy.pdf", data))

    assert codes(exc) == ["already_used"]
    assert "10.a.1)" in text(exc)
    assert Evidence.objects.filter(case=cast.sri_case).count() == 1


def test_the_same_file_may_support_another_teachers_portfolio(cast):
    data = pdf_bytes("Surat edaran dinas")
    mine = add_row(cast.sri_case, cast.sri, "award")
    theirs = add_row(cast.budi_case, cast.budi, "award")

    evidence_add(entry=mine, upload=pdf_upload("a.pdf", data), is_original=False, actor=cast.sri)
    evidence_add(entry=theirs, upload=pdf_upload("a.pdf", data), is_original=False, actor=cast.budi)

    assert Evidence.objects.count() == 2


def test_evidence_add_refuses_a_locked_portfolio(cast):
    lock(cast.sri_case, cast.sri)
    entry = Entry.objects.filter(case=cast.sri_case, section="forum").get()
    before = Evidence.objects.count()

    with pytest.raises(ValidationError) as exc:
        attach(entry, cast.sri)

    assert codes(exc) == ["locked"]
    assert Evidence.objects.count() == before


# -- evidence_remove -------------------------------------------------------------------------
def test_evidence_remove_deletes_the_file_and_logs_its_code(cast):
    entry = add_row(cast.sri_case, cast.sri, "training")
    evidence = attach(entry, cast.sri)
    name = str(evidence.file.name)
    storage = evidence.file.storage

    evidence_remove(evidence=evidence, actor=cast.sri)

    assert not Evidence.objects.exists()
    assert not storage.exists(name)
    event = CaseEvent.objects.filter(kind=CaseEvent.Kind.EVIDENCE_REMOVED).get()
    assert event.data == {"code": "2.a"}


def test_evidence_remove_refuses_a_locked_portfolio(cast):
    lock(cast.sri_case, cast.sri)
    evidence = Evidence.objects.filter(case=cast.sri_case).first()
    assert evidence is not None

    with pytest.raises(ValidationError) as exc:
        evidence_remove(evidence=evidence, actor=cast.sri)

    assert codes(exc) == ["locked"]
    assert Evidence.objects.filter(pk=evidence.pk).exists()


# -- portfolio_submit ------------------------------------------------------------------------
def test_portfolio_submit_locks_and_signs_a_receipt(cast):
    fill_submittable(cast.sri_case, cast.sri)
    now = timezone.now()

    submission, created = portfolio_submit(
        case=cast.sri_case, actor=cast.sri, declaration=True, now=now
    )

    assert created
    case = Case.objects.get(pk=cast.sri_case.pk)
    assert case.state == Case.State.SUBMITTED
    assert cast.sri_case.state == Case.State.SUBMITTED
    assert submission.submitted_at == now
    assert submission.declaration == DECLARATION_TEXT
    assert submission.content_hash == hashlib.sha256(canonical(submission.content)).hexdigest()
    assert verify(submission.signature) == submission_payload(submission)
    assert len(submission.content["evidence"]) == 9
    event = CaseEvent.objects.filter(kind=CaseEvent.Kind.SUBMITTED).get()
    assert (event.from_state, event.to_state) == ("draft", "submitted")
    assert event.data == {"sha256": submission.content_hash}


def test_a_second_submit_returns_the_first_submission(cast):
    fill_submittable(cast.sri_case, cast.sri)
    first, _ = portfolio_submit(
        case=cast.sri_case, actor=cast.sri, declaration=True, now=timezone.now()
    )

    again, created = portfolio_submit(
        case=cast.sri_case,
        actor=cast.sri,
        declaration=False,
        now=timezone.now() + dt.timedelta(minutes=1),
    )

    assert not created
    assert again.pk == first.pk
    assert Submission.objects.count() == 1
    assert CaseEvent.objects.filter(kind=CaseEvent.Kind.SUBMITTED).count() == 1


def test_submit_after_the_deadline_is_refused(cast):
    fill_submittable(cast.sri_case, cast.sri)
    deadline = cast.sri_case.programme_year.portfolio_deadline

    with (
        time_machine.travel(deadline + dt.timedelta(seconds=1), tick=False),
        pytest.raises(ValidationError) as exc,
    ):
        portfolio_submit(case=cast.sri_case, actor=cast.sri, declaration=True, now=timezone.now())

    assert codes(exc) == ["deadline"]
    # The deadline as the teacher reads it: in the server's time zone, not UTC.
    assert f"{timezone.localtime(deadline):%Y-%m-%d %H:%M}" in text(exc)
    assert Case.objects.get(pk=cast.sri_case.pk).state == Case.State.DRAFT
    assert not Submission.objects.exists()


def test_submit_without_the_declaration_is_refused(cast):
    fill_submittable(cast.sri_case, cast.sri)

    with pytest.raises(ValidationError) as exc:
        portfolio_submit(case=cast.sri_case, actor=cast.sri, declaration=False, now=timezone.now())

    assert codes(exc) == ["declaration"]
    assert not Submission.objects.exists()


def test_submit_with_a_blocking_gap_names_it(cast):
    fill_submittable(cast.sri_case, cast.sri, plans=3)

    with pytest.raises(ValidationError) as exc:
        portfolio_submit(case=cast.sri_case, actor=cast.sri, declaration=True, now=timezone.now())

    assert codes(exc) == ["incomplete"]
    assert "3" in text(exc) and "5" in text(exc)
    assert Case.objects.get(pk=cast.sri_case.pk).state == Case.State.DRAFT


def test_only_the_owner_submits(cast):
    fill_submittable(cast.sri_case, cast.sri)

    for someone in (cast.budi, cast.pak_kepala, cast.dinas, cast.operator):
        with pytest.raises(ValidationError) as exc:
            portfolio_submit(
                case=cast.sri_case, actor=someone, declaration=True, now=timezone.now()
            )
        assert codes(exc) == ["not_owner"]
    assert not Submission.objects.exists()


def test_the_submitted_content_never_holds_the_envelope_items(cast):
    fill_submittable(cast.sri_case, cast.sri)
    fill_envelope(cast.sri_case, cast)

    submission, _ = portfolio_submit(
        case=cast.sri_case, actor=cast.sri, declaration=True, now=timezone.now()
    )

    document = submission.content["portfolio"]
    assert "teaching_observation" not in document
    assert "superior_assessment" not in document
    assert json.dumps(OBSERVATION) not in json.dumps(submission.content)
