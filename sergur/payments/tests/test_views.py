"""The payments pages: the finance office issues the SKTP and runs a quarter through the web,
exports the lists, loads a salary table with a dry run; nobody else reaches a district's money,
and a teacher sees only their own (docs/allowance.md, "SKTP and payments")."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]

from sergur.accounts.models import User
from sergur.common.models import AuditRecord
from sergur.payments.models import Export, PaymentEntry, SalaryTable
from sergur.payments.tests.support import district_of, eligible, finance, issued, paid, profile
from sergur.rules.allowance.amount import GOLONGAN

pytestmark = pytest.mark.django_db


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def setup(cast: Any) -> dict[str, Any]:
    sri = cast.sri_case.teacher
    district = district_of(sri)
    officer = finance(district)
    eligible(sri)
    profile(sri, officer)
    return {"district": district, "officer": officer, "sri": sri}


def test_the_officer_issues_the_sktp_and_runs_the_quarter_once(
    setup: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = signed_in(setup["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("payments:sktp_issue"), {"semester": "2019-1"})
    page = client.get(response["Location"]).content.decode()
    assert setup["sri"].name in page and "SKTP/" in page
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(reverse("payments:run_start"), {"quarter": "2019-Q1"})
    assert "Rp 3,012,000" in client.get(first["Location"]).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(reverse("payments:run_start"), {"quarter": "2019-Q1"})
    second = client.get(again["Location"])
    assert "Nothing new was owed" in second.content.decode()
    assert PaymentEntry.objects.count() == 3


def test_bad_input_is_answered_with_the_reason(setup: Any) -> None:
    client = signed_in(setup["officer"])
    bad = client.post(reverse("payments:sktp_issue"), {"semester": "2019-7"})
    assert bad.status_code == 400 and "is not a semester" in bad.content.decode()
    quarter = client.post(reverse("payments:run_start"), {"quarter": "Q1"})
    assert quarter.status_code == 400 and "YYYY-Qn" in quarter.content.decode()
    early = client.post(reverse("payments:run_start"), {"quarter": "2019-Q1"})
    assert (
        early.status_code == 400 and "Issue the SKTP of semester 2019-1" in early.content.decode()
    )


def test_the_exports_list_the_teacher_and_are_logged(setup: Any) -> None:
    sktp = issued(setup["officer"], setup["district"])
    run = paid(setup["officer"], setup["district"])
    client = signed_in(setup["officer"])
    pdf = client.get(reverse("payments:sktp_export", args=[sktp.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    xlsx = client.get(reverse("payments:sktp_export", args=[sktp.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[2]][1:3] == [setup["sri"].nuptk, setup["sri"].name]
    finance_csv = client.get(reverse("payments:run_export", args=[run.pk, "finance", "csv"]))
    assert isinstance(finance_csv, StreamingHttpResponse)
    streamed = b"".join(bytes(chunk) for chunk in finance_csv.streaming_content)
    rows = list(csv.reader(io.StringIO(streamed.decode())))
    assert len(rows) == 4 and rows[1][4] == "2019-01" and rows[1][7] == "2861400"
    bank = client.get(reverse("payments:run_export", args=[run.pk, "bank", "xlsx"]))
    bank_sheet = load_workbook(io.BytesIO(bank.content)).active
    assert [c.value for c in bank_sheet[2]][2:] == ["BPD DIY", "0011223344", 3 * 2861400]
    assert "no-store" in bank["Cache-Control"]
    assert Export.objects.count() == 4
    assert AuditRecord.objects.filter(action="download", object_kind="payment_run").count() == 2
    unknown = client.get(reverse("payments:run_export", args=[run.pk, "finance", "pdf"]))
    assert unknown.status_code == 404


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("en", "1 eligible teacher is not listed for want of an amount"),
        ("id", "1 guru yang memenuhi syarat tidak tercantum karena jumlahnya tidak dapat"),
    ],
)
def test_the_sktp_page_says_who_is_not_listed_in_the_readers_language(
    cast: Any, setup: Any, lang: str, note: str
) -> None:
    eligible(cast.budi_case.teacher)  # eligible, but without a pay profile
    sktp = issued(setup["officer"], setup["district"])
    client = signed_in(setup["officer"])
    client.cookies["django_language"] = lang
    page = client.get(reverse("payments:sktp", args=[sktp.pk])).content.decode()
    assert note in page
    assert reverse("payments:profiles") in page


@pytest.mark.parametrize("who", ["sri", "dinas", "operator", "pak_kepala"])
def test_other_roles_are_refused(cast: Any, setup: Any, who: str) -> None:
    sktp = issued(setup["officer"], setup["district"])
    run = paid(setup["officer"], setup["district"])
    client = signed_in(getattr(cast, who))
    for url in (
        reverse("payments:home"),
        reverse("payments:sktp", args=[sktp.pk]),
        reverse("payments:sktp_export", args=[sktp.pk, "xlsx"]),
        reverse("payments:run_export", args=[run.pk, "bank", "csv"]),
    ):
        assert client.get(url).status_code == 403, url


def test_another_districts_finance_office_does_not_see_the_sktp_or_run(
    cast: Any, setup: Any
) -> None:
    sktp = issued(setup["officer"], setup["district"])
    run = paid(setup["officer"], setup["district"])
    client = signed_in(finance(cast.dinas_other.district, "keuangan2"))
    for url in (
        reverse("payments:sktp", args=[sktp.pk]),
        reverse("payments:sktp_export", args=[sktp.pk, "pdf"]),
        reverse("payments:run", args=[run.pk]),
        reverse("payments:run_export", args=[run.pk, "finance", "csv"]),
    ):
        assert client.get(url).status_code == 404, url
    assert sktp.number not in client.get(reverse("payments:home")).content.decode()


def test_a_teacher_sees_their_own_payments_only(cast: Any, setup: Any) -> None:
    issued(setup["officer"], setup["district"])
    paid(setup["officer"], setup["district"])
    own = signed_in(cast.sri).get(reverse("payments:mine")).content.decode()
    assert own.count("Rp 3,012,000") >= 3 and "SKTP/" in own
    other = signed_in(cast.budi).get(reverse("payments:mine")).content.decode()
    assert "Rp 3,012,000" not in other and "No allowance has been paid you yet" in other


def test_a_teacher_without_a_decree_is_led_to_the_allowance_page(cast: Any) -> None:
    own = signed_in(cast.budi).get(reverse("payments:mine")).content.decode()
    assert "No decree lists you yet" in own
    # The page it names is a link, not a dead end.
    assert f'<a href="{reverse("allowance:mine")}">the allowance page</a>' in own


def table_csv(rows: list[tuple[str, int, str]]) -> SimpleUploadedFile:
    text = "golongan,mkg,amount\n" + "".join(f"{g},{m},{a}\n" for g, m, a in rows)
    return SimpleUploadedFile("gaji.csv", text.encode(), content_type="text/csv")


def full_rows() -> list[tuple[str, int, str]]:
    return [
        (g, m, str(1_500_000 + 100_000 * i + 1_000 * m))
        for i, g in enumerate(GOLONGAN)
        for m in range(0, 33, 2)
    ]


def test_a_salary_table_is_checked_then_loaded(setup: Any) -> None:
    client = signed_in(setup["officer"])
    form = {"regulation": "PP 15/2019", "effective_from": "2019-01-01", "dry_run": "on"}
    rows = full_rows()
    rows[3] = ("III/z", 6, "abc")
    response = client.post(reverse("payments:tables"), {**form, "file": table_csv(rows)})
    page = response.content.decode()
    assert "problems: nothing was loaded" in page and "III/z" in page and "abc" in page
    checked = client.post(reverse("payments:tables"), {**form, "file": table_csv(full_rows())})
    assert "The file has no problems" in checked.content.decode()
    assert not SalaryTable.objects.exists()
    del form["dry_run"]
    loaded = client.post(reverse("payments:tables"), {**form, "file": table_csv(full_rows())})
    assert loaded.status_code == 302
    assert SalaryTable.objects.get().rows.count() == 17 * 17


def test_a_file_that_is_no_table_is_refused_with_the_line(setup: Any) -> None:
    client = signed_in(setup["officer"])
    form = {"regulation": "PP 15/2019", "effective_from": "2019-01-01"}
    binary = SimpleUploadedFile("gaji.csv", b"\xff\xfe\x00garbage", content_type="text/csv")
    response = client.post(reverse("payments:tables"), {**form, "file": binary})
    assert response.status_code == 200 and "nothing was loaded" in response.content.decode()
    headerless = SimpleUploadedFile("gaji.csv", b"a,b\n1,2\n", content_type="text/csv")
    page = client.post(reverse("payments:tables"), {**form, "file": headerless}).content.decode()
    assert "The header row lacks the column golongan" in page
    assert not SalaryTable.objects.exists()


def test_a_loaded_table_fills_the_gaps_of_the_shipped_excerpt(cast: Any, setup: Any) -> None:
    client = signed_in(setup["officer"])
    client.post(
        reverse("payments:tables"),
        {
            "regulation": "PP 15/2019 full",
            "effective_from": "2019-01-01",
            "file": table_csv(full_rows()),
        },
    )
    budi = cast.budi_case.teacher
    eligible(budi)
    profile(budi, setup["officer"], golongan="III/b", mkg=24)
    sktp = issued(setup["officer"], setup["district"])
    line = sktp.entries.get(teacher=budi)
    assert line.regulation == "PP 15/2019 full" and line.base == 1_500_000 + 900_000 + 24_000


def test_the_run_form_defaults_to_the_current_quarter(setup: Any) -> None:
    with time_machine.travel(dt.datetime(2027, 5, 20, 9, tzinfo=dt.UTC), tick=False):
        client = signed_in(setup["officer"])
        page = client.get(reverse("payments:home")).content.decode()

    assert 'name="quarter" value="2027-Q2"' in page
    assert "For example 2027-Q2, the current quarter" in page and "2019-Q1" not in page
