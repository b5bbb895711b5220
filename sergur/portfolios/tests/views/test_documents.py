"""The document views: who may take the receipt and the book (every role × own and other
school), the receipt only after a submission, the public check of a receipt code (genuine,
tampered, no personal data, the QR link), and a book whose queries do not grow."""

from __future__ import annotations

import io

import pytest
import segno
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from PIL import Image
from pypdf import PdfReader

from sergur.accounts.models import User
from sergur.portfolios.models import Submission
from sergur.portfolios.services import envelope_confirm, envelope_save
from sergur.portfolios.tests.test_documents import (
    NAME,
    add_entry,
    add_trainings,
    fill_vital,
    pdf_text,
    squeezed,
    submit,
    tampered,
)
from sergur.portfolios.tests.test_envelope_services import OBSERVATION_SCORES, SUPERIOR_SCORES

VERIFY = reverse("portfolios:receipt_verify")
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}
# Who may take a case's documents away: the teacher, and the district and quality-office staff.
# Those who see the case for another reason get 403, everyone else 404.
EXPECTED = {
    "sri": 200,
    "budi": 404,
    "pak_kepala": 403,
    "bu_kepala": 404,
    "pengawas": 403,
    "dinas": 200,
    "dinas_other": 404,
    "lpmp": 200,
    "asesor": 404,
    "operator": 200,
}


def receipt_url(case) -> str:
    return reverse("portfolios:receipt", args=[case.pk])


def book_url(case) -> str:
    return reverse("portfolios:book", args=[case.pk])


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture(autouse=True)
def signing_key(settings, tmp_path):
    settings.SERGUR_SIGNING_KEY_FILE = str(tmp_path / "key.pem")


@pytest.fixture
def submitted(cast):
    teacher = cast.sri_case.teacher
    teacher.name = NAME
    teacher.save()
    fill_vital(cast.sri_case, cast.sri)
    return submit(cast.sri_case, cast.sri)


def as_user(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


# -- access ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("who", "status"), EXPECTED.items())
def test_receipt_access_by_role(client, cast, submitted, who, status):
    response = as_user(client, getattr(cast, who)).get(receipt_url(cast.sri_case))

    assert response.status_code == status


@pytest.mark.parametrize(("who", "status"), EXPECTED.items())
def test_book_access_by_role(client, cast, submitted, who, status):
    response = as_user(client, getattr(cast, who)).get(book_url(cast.sri_case))

    assert response.status_code == status


@pytest.mark.parametrize("url", [receipt_url, book_url])
def test_anonymous_is_sent_to_log_in(client, cast, submitted, url):
    response = client.get(url(cast.sri_case))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_receipt_is_not_found_before_the_submission(client, cast):
    assert as_user(client, cast.sri).get(receipt_url(cast.sri_case)).status_code == 404
    assert as_user(client, cast.dinas).get(receipt_url(cast.sri_case)).status_code == 404


def test_documents_refuse_post(client, cast, submitted):
    client.force_login(cast.sri)

    assert client.post(receipt_url(cast.sri_case)).status_code == 405
    assert client.post(book_url(cast.sri_case)).status_code == 405


# -- the receipt -----------------------------------------------------------------------------
def test_owner_gets_the_receipt_pdf(client, cast, submitted):
    response = as_user(client, cast.sri).get(receipt_url(cast.sri_case))

    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert f"tanda-terima-{cast.sri_case.pk}.pdf" in response["Content-Disposition"]
    text = pdf_text(body(response))
    assert submitted.content_hash in text
    assert submitted.signature in squeezed(text)
    assert NAME in text


def test_the_receipt_qr_code_links_to_a_genuine_check(client, cast, submitted):
    content = body(as_user(client, cast.sri).get(receipt_url(cast.sri_case)))
    link = f"http://testserver{VERIFY}?code={submitted.signature}"

    image = PdfReader(io.BytesIO(content)).pages[0].images[0].image
    assert image is not None
    embedded = image.convert("L")
    out = io.BytesIO()
    segno.make(link, error="m").save(out, kind="png", scale=4, border=2)
    expected = Image.open(out).convert("L")
    assert embedded.size == expected.size
    assert embedded.tobytes() == expected.tobytes()

    client.logout()
    page = client.get(link, **ENGLISH)
    assert page.status_code == 200
    assert "receipt-genuine" in page.content.decode()


# -- checking a code -------------------------------------------------------------------------
def test_verify_shows_an_empty_form_first(client, db):
    page = client.get(VERIFY, **ENGLISH).content.decode()

    assert 'name="code"' in page
    assert "receipt-genuine" not in page and "receipt-not-genuine" not in page


def test_verify_accepts_the_real_code(client, cast, submitted):
    page = client.post(VERIFY, {"code": submitted.signature}, **ENGLISH).content.decode()

    assert "receipt-genuine" in page
    assert "Genuine" in page
    assert submitted.content_hash in page
    assert f"<dd>{cast.sri_case.pk}</dd>" in page
    assert "The stored submission still has this content hash." in page


def test_verify_accepts_a_code_with_the_line_breaks_of_the_pdf(client, submitted):
    code = submitted.signature
    wrapped = "\n".join(code[i : i + 60] for i in range(0, len(code), 60))

    page = client.post(VERIFY, {"code": f"  {wrapped} \n"}, **ENGLISH).content.decode()

    assert "receipt-genuine" in page


def test_verify_refuses_a_tampered_code(client, submitted):
    page = client.post(VERIFY, {"code": tampered(submitted.signature)}, **ENGLISH)

    text = page.content.decode()
    assert "receipt-not-genuine" in text
    assert "Not genuine" in text
    assert submitted.content_hash not in text


def test_verify_refuses_a_forged_signature(client, submitted):
    kid, payload, signature = submitted.signature.split(".")
    flipped = signature[:10] + ("A" if signature[10] != "A" else "B") + signature[11:]

    page = client.get(VERIFY, {"code": f"{kid}.{payload}.{flipped}"}, **ENGLISH).content.decode()

    assert "receipt-not-genuine" in page


def test_verify_reports_a_changed_stored_submission(client, submitted):
    Submission.objects.filter(pk=submitted.pk).update(content={"changed": True})

    page = client.get(VERIFY, {"code": submitted.signature}, **ENGLISH).content.decode()

    assert "receipt-genuine" in page
    assert "no longer has this content hash" in page


def test_verify_shows_no_personal_data(client, cast, submitted):
    teacher = cast.sri_case.teacher

    page = client.get(VERIFY, {"code": submitted.signature}, **ENGLISH).content.decode()

    assert "receipt-genuine" in page
    birth = teacher.birth_date
    for private in (teacher.name, "Erdős", teacher.nuptk, teacher.nip, birth.isoformat(), "Bantul"):
        assert private not in page
        assert escape(private) not in page


# -- the book --------------------------------------------------------------------------------
def test_district_committee_gets_the_book(client, cast, submitted):
    response = as_user(client, cast.dinas).get(book_url(cast.sri_case))

    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(body(response))
    assert "DOKUMEN PORTOFOLIO" in text
    assert NAME in text
    for code in ("1.b", "3.a", "4.a.1)", "4.a.5)"):
        assert code in text


def test_book_never_shows_the_envelope_item_scores(client, cast, submitted):
    case = cast.sri_case
    for author, actor in (("principal", cast.pak_kepala), ("supervisor", cast.pengawas)):
        envelope_save(
            case=case,
            actor=actor,
            author=author,
            observation=OBSERVATION_SCORES,
            superior=SUPERIOR_SCORES,
            now=submitted.submitted_at,
        )
        envelope_confirm(case=case, actor=actor, author=author, now=submitted.submitted_at)

    text = pdf_text(body(as_user(client, cast.sri).get(book_url(case))))

    assert "amplop tertutup" in text
    assert "sudah diisi dan dikonfirmasi" in text
    assert "".join(map(str, OBSERVATION_SCORES)) not in squeezed(text)
    assert "".join(map(str, SUPERIOR_SCORES)) not in squeezed(text)


def test_book_queries_do_not_grow_with_the_entries(client, cast):
    case = cast.sri_case
    fill_vital(case, cast.sri, plans=1)
    client.force_login(cast.sri)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(book_url(case)).status_code == 200
        return len(captured)

    few = queries()
    add_trainings(case, cast.sri, 12, files=2)
    for n in range(6):
        add_entry(
            case,
            cast.sri,
            "award",
            {"name": f"Guru Teladan {n}", "giver": "Bupati", "level": "district", "year": "1997"},
        )

    assert queries() == few


# -- the rayon (docs/portfolio.md "Who may see and do what") ----------------------------------
def test_the_rayon_takes_the_documents_it_assesses_once_the_case_is_in_its_hands(client, cast):
    """The rayon assesses the portfolio, so its admin takes every document of a case it holds
    (export, receipt, book, evidence); before that, and for another rayon, the case is not
    found."""
    from sergur.cases.models import Case, CaseEvent
    from sergur.cases.tests.support import state_set
    from sergur.portfolios.tests.teacher_support import fill_submittable

    case = cast.sri_case
    evidence = fill_submittable(case, cast.sri)[0].evidence.get()
    submit(case, cast.sri)
    urls = [
        reverse("portfolios:export", args=[case.pk]),
        receipt_url(case),
        book_url(case),
        reverse("portfolios:evidence", args=[case.pk, evidence.pk]),
    ]
    assert [as_user(client, cast.rayon_admin).get(u).status_code for u in urls] == [404] * 4

    state_set(case=case, to_state=Case.State.RECEIVED, kind=CaseEvent.Kind.RECEIVED)

    assert [as_user(client, cast.rayon_admin).get(u).status_code for u in urls] == [200] * 4
    assert [as_user(client, cast.rayon_other).get(u).status_code for u in urls] == [404] * 4
