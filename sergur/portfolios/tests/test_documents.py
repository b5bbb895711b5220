"""The documents: the receipt and the book hold what they must (the hash, the receipt code, the
evidence codes, a name outside Latin-1), the book follows Buku II and never prints an envelope
item score, and a receipt code is checked against its signature and the stored submission."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from fpdf import FPDF
from pypdf import PdfReader

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.cases.services import case_open
from sergur.portfolios.documents import (
    book_pdf,
    book_read,
    receipt_check,
    receipt_pdf,
    receipt_read,
    submitted_counts,
)
from sergur.portfolios.models import Entry, Submission
from sergur.portfolios.selectors import portfolio_read
from sergur.portfolios.services import (
    entry_save,
    envelope_confirm,
    envelope_save,
    evidence_add,
    portfolio_submit,
)
from sergur.portfolios.tests.test_envelope_services import OBSERVATION_SCORES, SUPERIOR_SCORES
from sergur.registry.tests.factories import (
    SubjectFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)

NAME = "Sri Ñoño Erdős, S.Pd."
VERIFY = "https://sergur.example/receipts/verify/?code="


# -- helpers shared with views/test_documents.py ---------------------------------------------
def tiny_pdf(label: str) -> bytes:
    """A one-page PDF; each label gives different bytes, so each file is new evidence."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=label)
    return bytes(pdf.output())


def add_entry(
    case: Case,
    user: User,
    section_key: str,
    values: dict[str, str],
    *,
    files: int = 1,
    original: bool = False,
) -> Entry:
    entry = entry_save(case=case, section_key=section_key, values=values, actor=user)
    for n in range(files):
        label = f"{section_key}-{entry.pk}-{n}"
        upload = SimpleUploadedFile(f"{label}.pdf", tiny_pdf(label), "application/pdf")
        evidence_add(entry=entry, upload=upload, is_original=original, actor=user)
    return entry


def fill_vital(case: Case, user: User, *, plans: int = 5) -> None:
    """The parts without which a portfolio cannot be submitted, each with its evidence."""
    add_entry(
        case,
        user,
        "qualification",
        {
            "level": "S1",
            "institution": "Universitas Negeri Yogyakarta",
            "faculty": "FMIPA",
            "program": "Pendidikan Matematika",
            "year": "1999",
            "education_degree": "yes",
            "relevance": "subject",
        },
        original=True,
    )
    add_entry(
        case,
        user,
        "teaching_period",
        {"school": "SMP Negeri 1 Bantul", "subject": "Matematika", "start": "1995-07-15"},
    )
    for n in range(plans):
        add_entry(
            case,
            user,
            "lesson_plan",
            {"subject": "Matematika", "topic": f"Bab {n + 1}", "semester": "1", "year": "2006"},
        )


def add_trainings(case: Case, user: User, count: int, *, files: int = 1) -> None:
    for n in range(count):
        add_entry(
            case,
            user,
            "training",
            {
                "name": f"Diklat {n + 1}: " + "pembelajaran kontekstual dan penilaian " * 3,
                "place": "LPMP Yogyakarta",
                "hours": "40",
                "organizer": "LPMP DIY",
                "year": "2005",
                "level": "province",
                "relevant": "yes",
            },
            files=files,
        )


def submit(case: Case, user: User) -> Submission:
    submission, _created = portfolio_submit(
        case=case, actor=user, declaration=True, now=timezone.now()
    )
    return submission


def pdf_pages(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def pdf_text(content: bytes) -> str:
    return "\n".join(pdf_pages(content))


def squeezed(text: str) -> str:
    """Text without whitespace: a wrapped code or hash reads as one string again."""
    return "".join(text.split())


def tampered(code: str) -> str:
    """The code with one character of its payload changed."""
    index = 5
    return code[:index] + ("A" if code[index] != "A" else "B") + code[index + 1 :]


@pytest.fixture
def signing_key(settings, tmp_path):
    settings.SERGUR_SIGNING_KEY_FILE = str(tmp_path / "key.pem")


@pytest.fixture
def named(cast):
    """Sri's case, with a name that Latin-1 cannot write."""
    teacher = cast.sri_case.teacher
    teacher.name = NAME
    teacher.save()
    return cast.sri_case


@pytest.fixture
def submitted(cast, named, signing_key):
    fill_vital(named, cast.sri)
    add_trainings(named, cast.sri, 2, files=0)
    return submit(named, cast.sri)


# -- the receipt -----------------------------------------------------------------------------
def test_receipt_holds_the_hash_the_code_and_the_teacher(cast, submitted):
    data = receipt_read(case=cast.sri_case)
    assert data is not None
    content = receipt_pdf(data, verify_url=VERIFY + submitted.signature)

    text = pdf_text(content)
    assert content.startswith(b"%PDF")
    assert "Tanda Terima Penyerahan Portofolio" in text
    assert NAME in text
    assert "SMP Negeri 1 Bantul" in text
    assert submitted.content_hash in text
    assert submitted.signature in squeezed(text)
    assert "belum ada" in text  # no participant number yet
    assert "Asia/Jakarta" in text and "WIB" in text
    assert "Dengan ini saya menyatakan" in text


def test_receipt_counts_entries_and_files_per_component(cast, submitted):
    data = receipt_read(case=cast.sri_case)
    assert data is not None
    counts = {c.number: (c.entries, c.files) for c in data.counts}

    assert counts[1] == (1, 1)
    assert counts[2] == (2, 0)  # two trainings without evidence
    assert counts[3] == (1, 1)
    assert counts[4] == (5, 5)
    assert counts[8] == (0, 0)


def test_submitted_counts_read_the_stored_content_only():
    content = {
        "portfolio": {
            "qualifications": [{"level": "S1", "evidence": ["1.b"]}],
            "trainings": [{"hours": 40}, {"hours": 20, "evidence": ["2.b"]}],
            "awards": [{"level": "national", "evidence": ["10.a.1)"]}],
        },
        "evidence": [
            {"code": "1.b"},
            {"code": "2.b"},
            {"code": "2.b"},
            {"code": "3.a"},
            {"code": "4.a.1)"},
            {"code": "10.a.1)"},
        ],
    }

    counts = {c.number: (c.entries, c.files) for c in submitted_counts(content)}

    assert counts == {
        1: (1, 1),
        2: (2, 2),
        3: (1, 1),
        4: (1, 1),
        5: (0, 0),
        6: (0, 0),
        7: (0, 0),
        8: (0, 0),
        9: (0, 0),
        10: (1, 1),
    }


def test_receipt_read_is_none_before_the_first_submission(cast):
    assert receipt_read(case=cast.sri_case) is None


# -- checking a receipt code -----------------------------------------------------------------
def test_a_real_code_is_genuine_and_its_submission_intact(cast, submitted):
    check = receipt_check(submitted.signature)

    assert check.genuine and check.found and check.intact
    assert check.case_id == cast.sri_case.pk
    assert check.submitted_at == submitted.submitted_at
    assert check.content_hash == submitted.content_hash


def test_a_tampered_code_is_not_genuine(submitted):
    check = receipt_check(tampered(submitted.signature))

    assert not check.genuine
    assert check.case_id is None and check.content_hash == ""


@pytest.mark.parametrize("code", ["", "nonsense", "a.b", "a.b.c", "!!!.???"])
def test_garbage_is_not_genuine(signing_key, db, code):
    assert not receipt_check(code).genuine


def test_a_changed_stored_submission_is_reported(submitted):
    content = dict(submitted.content)
    content["evidence"] = content["evidence"][:-1]
    Submission.objects.filter(pk=submitted.pk).update(content=content)

    check = receipt_check(submitted.signature)

    assert check.genuine and check.found
    assert not check.intact


def test_a_missing_stored_submission_is_reported(submitted):
    code = submitted.signature
    Submission.objects.filter(pk=submitted.pk).delete()

    check = receipt_check(code)

    assert check.genuine and not check.found and not check.intact


# -- the book --------------------------------------------------------------------------------
def test_book_follows_the_binding_order_with_codes_and_name(cast, submitted):
    content = book_pdf(book_read(case=cast.sri_case, now=timezone.now()))

    pages = pdf_pages(content)
    text = "\n".join(pages)
    assert "DOKUMEN PORTOFOLIO" in pages[0] and "Disusun Oleh:" in pages[0]
    assert NAME in pages[0] and "Kabupaten Bantul" in pages[0] and "2007" in pages[0]
    assert "DAFTAR ISI" in pages[1]
    assert "IDENTITAS PESERTA" in pages[2]
    order = [
        "IDENTITAS PESERTA",
        "1. KUALIFIKASI AKADEMIK",
        "10. PENGHARGAAN YANG RELEVAN",
        "PERNYATAAN",
        "BUKTI FISIK (DOKUMEN PORTOFOLIO)",
    ]
    body = "\n".join(pages[2:])
    positions = [body.index(part) for part in order]
    assert positions == sorted(positions)
    evidence = [f.sha256 for f in cast.sri_case.evidence.all()]
    for code in ("1.b", "3.a", "4.a.1)", "4.a.5)"):
        assert code in text
    for digest in evidence:
        assert digest[:16] in text
    assert "SKOR(diisipenilai)" in squeezed(text)
    assert "Kumulatif lama mengajar: 12 tahun" in text
    assert submitted.content_hash in squeezed(text)
    assert NAME in text


def test_book_contents_give_the_right_pages(cast, submitted):
    pages = pdf_pages(book_pdf(book_read(case=cast.sri_case, now=timezone.now())))

    contents = pages[1]
    for title, heading in (
        ("1. Halaman Identitas dan Pengesahan", "IDENTITAS PESERTA"),
        ("3. Pernyataan", "PERNYATAAN"),
        ("BUKTI FISIK (DOKUMEN PORTOFOLIO)", "BUKTI FISIK (DOKUMEN PORTOFOLIO)"),
    ):
        listed = re.search(re.escape(title) + r"[ .]*(\d+)", contents)
        assert listed is not None, title
        page = int(listed.group(1))
        assert heading in pages[page - 1], (title, page)


def test_book_identity_page_reads_the_registry(cast, submitted):
    teacher = cast.sri_case.teacher
    text = pdf_pages(book_pdf(book_read(case=cast.sri_case, now=timezone.now())))[2]

    assert teacher.nip in text
    assert "III/c" in text
    assert "P (perempuan)" in text
    assert "Bantul, 1 Januari 1965" in text
    assert "S1 Pendidikan Matematika" in text
    assert "Tidak Memiliki" in text
    assert "Matematika" in text
    assert "24 Jam" in text
    assert "Kepala Sekolah," in text and "Pengawas Pendidikan," in text
    assert "Penyusun," in text


def test_book_never_reads_the_envelope_item_scores(cast, submitted):
    case = cast.sri_case
    for author, actor in (("principal", cast.pak_kepala), ("supervisor", cast.pengawas)):
        envelope_save(
            case=case,
            actor=actor,
            author=author,
            observation=OBSERVATION_SCORES,
            superior=SUPERIOR_SCORES,
            now=timezone.now(),
        )
    for author, actor in (("principal", cast.pak_kepala), ("supervisor", cast.pengawas)):
        envelope_confirm(case=case, actor=actor, author=author, now=timezone.now())
    data = book_read(case=case, now=timezone.now())

    class Sealed:
        """Only whether the envelope is complete may be read."""

        complete = True
        filled = True

        def __getattr__(self, name):
            raise AssertionError(f"the book read the envelope's {name}")

    sealed = book_read(case=case, now=timezone.now())
    sealed.portfolio.envelope = Sealed()  # type: ignore[assignment]
    text = pdf_text(book_pdf(sealed))
    real = squeezed(pdf_text(book_pdf(data)))

    assert "amplop tertutup" in text
    assert "sudah diisi dan dikonfirmasi" in text
    assert "".join(map(str, OBSERVATION_SCORES)) not in real
    assert "".join(map(str, SUPERIOR_SCORES)) not in real


def test_book_tables_break_across_pages_with_their_headings(cast, named):
    fill_vital(named, cast.sri)
    add_trainings(named, cast.sri, 45)

    pages = pdf_pages(book_pdf(book_read(case=named, now=timezone.now())))

    with_trainings = [page for page in pages if "Diklat 1" in page or "Diklat 4" in page]
    assert len(with_trainings) >= 2
    assert all("NAMA / JENIS DIKLAT" in page for page in with_trainings)
    assert "Diklat 45:" in "\n".join(pages)


def test_book_of_a_draft_leaves_the_date_open(cast, named):
    fill_vital(named, cast.sri, plans=2)

    text = pdf_text(book_pdf(book_read(case=named, now=timezone.now())))

    assert "Bantul, ………………… 2007" in text
    assert "Diserahkan secara elektronik" not in text
    assert "belum diisi dan dikonfirmasi" in text


def test_book_of_a_counsellor_uses_the_counsellor_tables(cast, signing_key):
    subject = SubjectFactory.create(code="999", name="Bimbingan dan Konseling", is_counseling=True)
    user = UserFactory.create(username="konselor")
    teacher = TeacherFactory.create(user=user, subject=subject, name="Bu Konselor Şahin")
    TeachingAssignmentFactory.create(teacher=teacher)
    case = case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)

    text = pdf_text(book_pdf(book_read(case=case, now=timezone.now())))

    assert "Bu Konselor Şahin" in text
    assert "JENIS PROGRAM" in text and "BIDANG PELAYANAN" in text
    assert "LAMAMEMBERIKANPELAYANANBIMBINGANDANKONSELING" in squeezed(text)
    # 4.b: the records the assessors score, acknowledged by the BK coordinator and the
    # principal (Buku II), not a closed envelope.
    assert "4.b Pelaksanaan Pelayanan Bimbingan dan Konseling" in text
    assert "diketahui oleh koordinator bimbingan dan konseling dan atasan" in " ".join(text.split())
    assert "DIKETAHUIKOORD.BK" in squeezed(text)
    assert "4.b Pelaksanaan Pembelajaran" not in text


def test_book_prints_component_one_as_five_fixed_rows(cast, named):
    fill_vital(named, cast.sri, plans=0)
    portfolio = portfolio_read(case=named)

    text = pdf_text(book_pdf(book_read(case=named, now=timezone.now())))

    assert len(portfolio.section_rows("qualification")) == 1
    for label in ("a.D4", "b.S1", "c.Post.Grad.Diploma", "d.S2", "e.S3"):
        assert label in squeezed(text)


def test_book_identity_page_prints_the_nss_as_item_9h_not_the_npsn(cast, submitted):
    # Seed 003, the identity page of every instrument: "h. Nomor Statistik Sekolah".
    school = cast.sri_case.teacher.assignments.get().school
    school.nss = "201040201001"
    school.save(update_fields=["nss"])
    text = pdf_pages(book_pdf(book_read(case=cast.sri_case, now=timezone.now())))[2]

    assert "Nomor Statistik Sekolah" in text and "201040201001" in text
    assert "(NPSN)" not in text and school.npsn not in text
