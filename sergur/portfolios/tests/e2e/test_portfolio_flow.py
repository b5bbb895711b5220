"""End to end in headless Chromium: a teacher fills a portfolio, uploads evidence, submits and
downloads the receipt; the principal and the supervisor fill their closed-envelope instruments.

Set SERGUR_SCREENSHOTS=docs/screenshots to keep screenshots of the key pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fpdf import FPDF

from sergur.cases.models import Case
from sergur.common.tests.browser import shot as browser_shot
from sergur.common.tests.browser import sign_in as browser_sign_in
from sergur.common.tests.browser import submit
from sergur.conftest import PASSWORD, Cast
from sergur.portfolios.models import EnvelopeInstrument, Submission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pdf(text: str) -> bytes:
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=14)
    document.cell(text=text)
    return bytes(document.output())


def shot(page: Any, name: str) -> None:
    browser_shot(page, f"{name}")


def sign_in(browser: Any, base: str, username: str) -> Any:
    return browser_sign_in(browser, base, username, PASSWORD)


def add_row(page: Any, base: str, case: Case, section: str, values: dict[str, str]) -> None:
    page.goto(f"{base}/cases/{case.pk}/portfolio/{section}/")
    before = page.locator("form.upload-form").count()
    for name, value in values.items():
        field = page.locator(f"#new-{name}")
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    submit(page, page.locator("#add-fields button[type=submit]"))
    page.goto(f"{base}/cases/{case.pk}/portfolio/{section}/")
    assert page.locator("form.upload-form").count() == before + 1


def upload_last(page: Any, name: str, content: bytes) -> None:
    form = page.locator("form.upload-form").last
    form.locator("input[type=file]").set_input_files(
        {"name": name, "mimeType": "application/pdf", "buffer": content}
    )
    submit(page, form.locator("button[type=submit]"))
    page.reload()
    assert page.get_by_text(name).count() >= 1


def edit_last(page: Any, name: str, value: str) -> None:
    """Open the last row with its Edit control (htmx fetches its form), change one column,
    wait for the save as typed, then close it with Done: the row reads the new value."""
    row = page.locator("tbody.entry").last
    with page.expect_response(lambda response: "/edit/" in response.url):
        row.locator("a.edit-row").click()
    row = page.locator("tbody.entry").last
    field = row.locator(f"[data-column={name}]")
    with page.expect_response(lambda response: response.request.method == "POST"):
        field.fill(value)
        field.dispatch_event("change")
    row.locator(".saved-at").wait_for()
    shot(page, "02b-row-being-edited")
    with page.expect_response(lambda response: "close=1" in response.url):
        row.locator("a.done-row").click()
    row = page.locator("tbody.entry").last
    # The response is in before htmx has swapped the closed row in; counting at once could
    # still see the open one (seen with two test workers on a loaded machine).
    row.locator("a.edit-row").wait_for()
    assert row.locator("a.edit-row").count() == 1
    assert row.locator(f"[data-column={name}]").count() == 0
    assert value in row.inner_text()


def test_a_teacher_submits_and_the_principal_and_supervisor_fill_the_envelope(
    browser: Any, live_server: Any, cast: Cast, settings: Any, tmp_path: Path
) -> None:
    settings.SERGUR_SIGNING_KEY_FILE = str(tmp_path / "key.pem")
    base = live_server.url
    case = cast.sri_case

    teacher = sign_in(browser, base, "sri")
    assert f"/cases/{case.pk}/" in teacher.url  # a teacher lands on their own case
    shot(teacher, "01-case-page-empty")

    add_row(
        teacher,
        base,
        case,
        "qualification",
        {
            "level": "S1",
            "institution": "Universitas Negeri Yogyakarta",
            "program": "Pendidikan Matematika",
            "year": "1990",
            "education_degree": "yes",
            "relevance": "subject",
        },
    )
    upload_last(teacher, "ijazah-s1.pdf", pdf("Ijazah S1"))
    shot(teacher, "02-qualification-table")

    add_row(teacher, base, case, "teaching_period", {"school": "SMP N 1", "start": "1990-07-01"})
    upload_last(teacher, "sk-guru.pdf", pdf("SK pengangkatan"))
    add_row(
        teacher,
        base,
        case,
        "training",
        {
            "name": "Diklat Guru Inti",
            "hours": "170",
            "organizer": "PPPG Matematika",
            "year": "2003",
            "level": "national",
            "relevant": "yes",
        },
    )
    upload_last(teacher, "sertifikat-diklat.pdf", pdf("Sertifikat diklat"))
    edit_last(teacher, "organizer", "PPPG Matematika Yogyakarta")
    for number in range(1, 6):
        add_row(
            teacher,
            base,
            case,
            "lesson_plan",
            {"subject": "Matematika", "topic": f"Topik {number}", "semester": "1", "year": "2006"},
        )
        upload_last(teacher, f"rpp-{number}.pdf", pdf(f"RPP {number}"))
    add_row(
        teacher,
        base,
        case,
        "forum",
        {"name": "Seminar MGMP", "year": "2006", "role": "participant", "level": "district"},
    )
    upload_last(teacher, "seminar.pdf", pdf("Sertifikat seminar"))

    teacher.goto(f"{base}/cases/{case.pk}/")
    shot(teacher, "03-case-page-filled")

    teacher.goto(f"{base}/cases/{case.pk}/submit/")
    shot(teacher, "04-submit")
    teacher.check("#id_declaration")
    submit(teacher, teacher.locator("main form button[type=submit]"))
    case.refresh_from_db()
    assert case.state == Case.State.SUBMITTED
    submission = Submission.objects.get(case=case)

    # The case page links the receipt; fetch it with the teacher's own session.
    link = teacher.locator(f"a[href='/cases/{case.pk}/receipt.pdf']").first
    assert link.is_visible()
    response = teacher.context.request.get(base + link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    shot(teacher, "05-case-page-submitted")

    # The receipt code verifies on the public page.
    teacher.goto(f"{base}/receipts/verify/?code={submission.signature}")
    assert submission.content_hash in teacher.content()
    shot(teacher, "06-receipt-verified")

    for username, expected_done in (("kepala1", False), ("pengawas", True)):
        page = sign_in(browser, base, username)
        page.goto(f"{base}/cases/{case.pk}/envelope/")
        for index in range(24):
            page.check(f"#id_o{index}_4")
        for index in range(10):
            page.check(f"#id_s{index}_5")
        if username == "kepala1":
            shot(page, "07-envelope-form")
        submit(page, page.locator("button[name=action][value=confirm]"))
        envelope = EnvelopeInstrument.objects.get(case=case)
        assert envelope.complete is expected_done
        page.close()

    # The teacher never opens the envelope: its item scores stay closed to them.
    response = teacher.goto(f"{base}/cases/{case.pk}/envelope/")
    assert response is not None and response.status == 403
    teacher.goto(f"{base}/cases/{case.pk}/")
    shot(teacher, "09-case-page-envelope-done")
    page = sign_in(browser, base, "kepala1")
    page.goto(f"{base}/cases/")
    shot(page, "08-principal-list")
    page.close()
    teacher.close()
