"""The finance office's pay profiles: the district's certified teachers, the missing profiles
first, one profile read and changed, many loaded from a file after a dry run; audited, never
rewriting a recorded payment, and closed to every other role and district
(docs/allowance.md, "The pay profile")."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook  # type: ignore[import-untyped]

from sergur.accounts.models import User
from sergur.assessments.tests.decisions_support import extra_case
from sergur.cases.models import Case
from sergur.certificates.models import Certificate, Nrg
from sergur.common.models import AuditRecord
from sergur.payments.models import PaymentEntry, PayProfile, PayProfileVersion, SktpEntry
from sergur.payments.services import pay_profiles_load
from sergur.payments.tests.support import (
    NOW,
    Q1,
    district_of,
    eligible,
    finance,
    issued,
    paid,
    profile,
)
from sergur.registry.models import Teacher
from sergur.registry.tests.factories import (
    SchoolFactory,
    SubdistrictFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
)
from sergur.rules.allowance.payment import Quarter

pytestmark = pytest.mark.django_db

HEADER = (
    "nuptk,employment,golongan,mkg,mkg_counted_on,paid_from,paid_until,bank_name,bank_account\n"
)


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


def certify(case: Case, cast: Any, serial: int) -> Teacher:
    """An active educator certificate (and NRG) for the case's teacher, recorded directly:
    the list reads only that one exists."""
    teacher = case.teacher
    nrg = Nrg.objects.create(
        teacher=teacher,
        number=f"NRG{serial:08d}",
        year=2008,
        serial=serial,
        issued_at=NOW,
        issued_by=cast.rayon_admin,
    )
    Certificate.objects.create(
        number=f"CERT-{serial}",
        rayon=cast.rayon_admin.rayon,
        year=2008,
        serial=serial,
        case=case,
        teacher=teacher,
        nrg=nrg,
        holder_name=teacher.name,
        birth_date=teacher.birth_date,
        nuptk=teacher.nuptk,
        subject_code="180",
        subject_name="Matematika",
        institution="Universitas Contoh",
        issued_on=dt.date(2008, 4, 1),
        issued_at=NOW,
        issued_by=cast.rayon_admin,
        signatory="Rektor",
        legal_basis="Permendiknas 18/2007",
        code="x",
        status=Certificate.Status.ACTIVE,
        status_index=serial,
    )
    return teacher


@pytest.fixture
def setup(cast: Any) -> dict[str, Any]:
    sri = certify(cast.sri_case, cast, 1)
    budi = certify(cast.budi_case, cast, 2)
    district = district_of(sri)
    return {"district": district, "officer": finance(district), "sri": sri, "budi": budi}


def test_the_list_puts_the_missing_profiles_first_and_links_by_row_id(setup: Any) -> None:
    sri, budi = setup["sri"], setup["budi"]
    profile(sri, setup["officer"])
    page = signed_in(setup["officer"]).get(reverse("payments:profiles")).content.decode()
    assert page.index(budi.name) < page.index(sri.name)
    assert "Missing: blocks payment" in page and "Recorded" in page
    assert reverse("payments:profile", args=[budi.pk]) in page
    assert f"/{budi.nuptk}" not in page and f"/{budi.nip}/" not in page


def test_a_non_pns_teacher_without_inpassing_is_not_blocked(setup: Any) -> None:
    Teacher.objects.filter(pk=setup["budi"].pk).update(
        employment=Teacher.Employment.NON_PNS, has_inpassing=False
    )
    page = signed_in(setup["officer"]).get(reverse("payments:profiles")).content.decode()
    assert "Not needed (flat amount)" in page
    assert "Missing: blocks payment" in page  # Sri, a PNS without a profile


def test_the_search_is_posted_and_never_in_the_url(setup: Any) -> None:
    client = signed_in(setup["officer"])
    response = client.post(reverse("payments:profiles"), {"query": setup["sri"].nuptk})
    assert response.status_code == 302 and response["Location"] == reverse("payments:profiles")
    page = client.get(response["Location"]).content.decode()
    assert setup["sri"].name in page and setup["budi"].name not in page
    cleared = client.post(reverse("payments:profiles"), {"clear": "1"})
    assert setup["budi"].name in client.get(cleared["Location"]).content.decode()


def test_the_list_answers_in_the_same_number_of_queries_for_more_teachers(
    cast: Any, setup: Any
) -> None:
    client = signed_in(setup["officer"])
    profile(setup["sri"], setup["officer"])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("payments:profiles")).status_code == 200
        return len(captured)

    few = queries()
    for serial in range(3, 7):
        teacher = certify(extra_case(cast), cast, serial)
        profile(teacher, setup["officer"])
    assert queries() == few


def test_the_officer_reads_and_changes_a_profile_audited(setup: Any) -> None:
    client = signed_in(setup["officer"])
    url = reverse("payments:profile", args=[setup["budi"].pk])
    form = client.get(url).content.decode()
    assert "has no pay profile yet" in form and setup["budi"].nuptk in form
    values = {
        "employment": "pns",
        "golongan": "III/b",
        "mkg": "4",
        "mkg_counted_on": "2019-01-01",
        "paid_from": "2019-01-01",
        "bank_name": "BPD DIY",
        "bank_account": "99887766",
    }
    saved = client.post(url, values)
    assert saved.status_code == 302
    stored = PayProfile.objects.get(teacher=setup["budi"])
    assert (stored.golongan, stored.mkg, stored.updated_by) == ("III/b", 4, setup["officer"])
    record = AuditRecord.objects.get(action="payments.profile_changed")
    assert record.object_id == str(setup["budi"].pk) and "99887766" not in str(record.detail)
    client.post(url, values)
    assert AuditRecord.objects.filter(action="payments.profile_changed").count() == 1
    client.post(url, {**values, "mkg": "6"})
    latest = AuditRecord.objects.filter(action="payments.profile_changed").order_by("-seq")[0]
    assert latest.detail["fields"] == "mkg"


def test_a_bad_profile_is_refused_with_the_reason_and_nothing_saved(setup: Any) -> None:
    client = signed_in(setup["officer"])
    url = reverse("payments:profile", args=[setup["budi"].pk])
    response = client.post(
        url,
        {
            "employment": "cpns",
            "golongan": "",
            "mkg": "2",
            "mkg_counted_on": "2019-01-01",
            "paid_from": "2019-03-01",
            "paid_until": "2019-02-01",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "The rank is needed unless the teacher is non-PNS without inpassing." in page
    assert "The end of the paid period is before its start." in page
    assert not PayProfile.objects.exists()


def test_the_sktp_sends_the_officer_to_the_missing_profiles_and_lists_them_when_issued_again(
    setup: Any,
) -> None:
    sri, officer, district = setup["sri"], setup["officer"], setup["district"]
    eligible(sri)
    with translation.override("en"):  # the job writes its note in the language it runs in
        sktp = issued(officer, district)
    client = signed_in(officer)
    page = client.get(reverse("payments:sktp", args=[sktp.pk])).content.decode()
    assert "not listed for want of an amount" in page
    assert reverse("payments:profiles") in page
    profile(sri, officer)
    again = issued(officer, district)
    assert again.pk == sktp.pk and again.entries.get().teacher == sri


def test_a_change_never_rewrites_a_recorded_payment_and_applies_to_the_next_run(
    setup: Any,
) -> None:
    sri, officer, district = setup["sri"], setup["officer"], setup["district"]
    eligible(sri)
    profile(sri, officer)
    issued(officer, district)
    paid(officer, district)
    before = list(PaymentEntry.objects.values_list("pk", "month", "gross", "tax"))
    lines = list(SktpEntry.objects.values_list("pk", "golongan", "gross"))
    signed_in(officer).post(
        reverse("payments:profile", args=[sri.pk]),
        {
            "employment": "pns",
            "golongan": "III/b",
            "mkg": "10",
            "mkg_counted_on": "2019-01-01",
            "paid_from": "2019-01-01",
            "paid_until": "2019-02-28",
            "bank_name": "BPD DIY",
            "bank_account": "0011223344",
        },
    )
    assert list(PaymentEntry.objects.values_list("pk", "month", "gross", "tax")) == before
    assert list(SktpEntry.objects.values_list("pk", "golongan", "gross")) == lines
    again = paid(officer, district, Quarter(Q1.year, Q1.number))
    # Without a date of force the rank is a correction of the current one: January and
    # February are topped up to III/b, March (after the period) is clawed back.
    corrections = {e.month.month: e for e in again.entries.all()}
    assert set(corrections) == {1, 2, 3}
    assert all(e.corrects_id is not None for e in corrections.values())
    assert corrections[1].gross > 0 and corrections[2].gross == corrections[1].gross
    assert corrections[3].gross == -dict((m, g) for _p, m, g, _t in before)[dt.date(2019, 3, 1)]
    assert paid(officer, district, Quarter(Q1.year, Q1.number)).entries_count == 0


@pytest.mark.parametrize("who", ["sri", "dinas", "operator", "pak_kepala"])
def test_other_roles_are_refused(cast: Any, setup: Any, who: str) -> None:
    client = signed_in(getattr(cast, who))
    assert client.get(reverse("payments:profiles")).status_code == 403
    assert client.get(reverse("payments:profile", args=[setup["sri"].pk])).status_code == 403
    assert client.post(reverse("payments:profiles_load"), {}).status_code == 403


def test_another_districts_officer_does_not_reach_the_teacher(cast: Any, setup: Any) -> None:
    client = signed_in(finance(cast.dinas_other.district, "keuangan2"))
    url = reverse("payments:profile", args=[setup["sri"].pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"employment": "non_pns"}).status_code == 404
    assert setup["sri"].name not in client.get(reverse("payments:profiles")).content.decode()
    assert not PayProfile.objects.exists()


def upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("profil.csv", text.encode(), content_type="text/csv")


def test_a_file_is_checked_line_by_line_then_loaded(cast: Any, setup: Any) -> None:
    sri, budi = setup["sri"], setup["budi"]
    elsewhere = TeacherFactory()
    TeachingAssignmentFactory(
        teacher=elsewhere,
        school=SchoolFactory(subdistrict=SubdistrictFactory(district=cast.dinas_other.district)),
    )
    client = signed_in(setup["officer"])
    bad = (
        HEADER
        + f"{sri.nuptk},pns,III/z,10,2019-01-01,2019-01-01,,BPD DIY,0011\n"
        + f"{budi.nuptk},honorer,III/a,10,01-01-2019,2019-01-01,,,\n"
        + f"{elsewhere.nuptk},pns,III/a,10,2019-01-01,2019-01-01,,,\n"
        + f"{sri.nuptk},pns,III/a,10,2019-01-01,2019-01-01,,,\n"
    )
    response = client.post(
        reverse("payments:profiles_load"), {"file": upload(bad), "dry_run": "on"}
    )
    page = response.content.decode()
    assert response.status_code == 400 and "5 problems: nothing was loaded" in page
    for expected in (
        "&#x27;III/z&#x27; is not a rank",
        "&#x27;honorer&#x27; is not an employment",
        "&#x27;01-01-2019&#x27; is not a date",
        "No teacher with this NUPTK has their main school in your district.",
        "This NUPTK is already on line 2.",
    ):
        assert expected in page, expected
    assert "<td>3</td><td>employment</td>" in page and "<td>4</td><td>nuptk</td>" in page
    good = (
        HEADER
        + f"{sri.nuptk},pns,III/a,10,2019-01-01,2019-01-01,,BPD DIY,0011\n"
        + f"{budi.nuptk},non_pns_inpassing,II/c,3,2019-01-01,2019-01-01,,,\n"
    )
    checked = client.post(
        reverse("payments:profiles_load"), {"file": upload(good), "dry_run": "on"}
    )
    assert "It would create 2, change 0 and leave 0 as they are." in checked.content.decode()
    assert not PayProfile.objects.exists()
    loaded = client.post(reverse("payments:profiles_load"), {"file": upload(good)})
    assert loaded.status_code == 302
    assert PayProfile.objects.get(teacher=budi).golongan == "II/c"
    assert AuditRecord.objects.filter(action="payments.profile_changed").count() == 2


def test_a_load_changes_only_what_differs(setup: Any) -> None:
    sri, budi, officer = setup["sri"], setup["budi"], setup["officer"]
    profile(sri, officer)
    profile(budi, officer)
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(
        [sri.nuptk, "pns", "III/a", 10, "2019-01-01", "2019-01-01", "", "BPD DIY", "0011223344"]
    )
    sheet.append(
        [budi.nuptk, "pns", "III/b", 2, "2019-01-01", "2019-01-01", "", "BPD DIY", "0011223344"]
    )
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    before = AuditRecord.objects.count()
    result = pay_profiles_load(
        actor=officer, district=setup["district"], upload=data, dry_run=False, now=NOW
    )
    assert (result.created, result.changed, result.unchanged, result.saved) == (0, 1, 1, True)
    assert PayProfile.objects.get(teacher=budi).golongan == "III/b"
    record = AuditRecord.objects.order_by("-seq")[0]
    assert AuditRecord.objects.count() == before + 1
    assert record.detail["fields"] == "golongan,mkg" and record.object_id == str(budi.pk)


def test_a_file_that_is_no_table_is_refused_with_the_line(setup: Any) -> None:
    client = signed_in(setup["officer"])
    binary = SimpleUploadedFile("x.csv", b"\xff\xfe\x00garbage", content_type="text/csv")
    response = client.post(reverse("payments:profiles_load"), {"file": binary})
    assert response.status_code == 400 and "nothing was loaded" in response.content.decode()
    headerless = client.post(reverse("payments:profiles_load"), {"file": upload("a,b\n1,2\n")})
    assert "The header row lacks the column nuptk" in headerless.content.decode()
    empty = client.post(reverse("payments:profiles_load"), {"file": upload(HEADER)})
    assert "The file has no rows." in empty.content.decode()
    assert not PayProfile.objects.exists()


def test_a_file_records_a_promotion_from_its_date_and_keeps_the_earlier_rank(setup: Any) -> None:
    sri, budi, officer = setup["sri"], setup["budi"], setup["officer"]
    profile(sri, officer, effective_from=dt.date(2019, 1, 1))
    profile(budi, officer, effective_from=dt.date(2019, 1, 1))
    header = HEADER.strip() + ",effective_from\n"
    too_early = (
        header
        + f"{sri.nuptk},pns,III/b,10,2019-01-01,2019-01-01,,BPD DIY,0011223344,2019-03-01\n"
        + f"{budi.nuptk},pns,III/b,10,2019-01-01,2019-01-01,,BPD DIY,0011223344,2018-12-01\n"
    )
    refused = pay_profiles_load(
        actor=officer, district=setup["district"], upload=upload(too_early), dry_run=False, now=NOW
    )
    assert not refused.saved
    assert [(e.line, e.column, e.reason.text("en")) for e in refused.errors] == [
        (
            3,
            "effective_from",
            "A change of rank cannot take effect on 2018-12-01, before the current one (in "
            "force from 2019-01-01).",
        )
    ]
    assert not PayProfileVersion.objects.exists()
    assert PayProfile.objects.get(teacher=sri).golongan == "III/a"

    good = header + (
        f"{sri.nuptk},pns,III/b,10,2019-01-01,2019-01-01,,BPD DIY,0011223344,2019-03-01\n"
        f"{budi.nuptk},pns,III/a,10,2019-01-01,2019-01-01,,BPD DIY,0011223344,2019-04-01\n"
    )
    loaded = pay_profiles_load(
        actor=officer, district=setup["district"], upload=upload(good), dry_run=False, now=NOW
    )
    assert (loaded.created, loaded.changed, loaded.unchanged, loaded.saved) == (0, 1, 1, True)
    (earlier,) = PayProfileVersion.objects.all()
    assert (earlier.teacher, earlier.golongan, earlier.effective_from) == (
        sri,
        "III/a",
        dt.date(2019, 1, 1),
    )
    assert earlier.effective_until == dt.date(2019, 2, 28)
    current = PayProfile.objects.get(teacher=sri)
    assert (current.golongan, current.effective_from) == ("III/b", dt.date(2019, 3, 1))
    # A date alone, with the rank unchanged, is no promotion: Budi's profile stays as it was.
    assert PayProfile.objects.get(teacher=budi).effective_from == dt.date(2019, 1, 1)


def test_the_profile_page_lists_the_earlier_ranks_in_force_before_a_promotion(
    setup: Any,
) -> None:
    sri, officer = setup["sri"], setup["officer"]
    profile(sri, officer, effective_from=dt.date(2019, 1, 1))
    client = signed_in(officer)
    url = reverse("payments:profile", args=[sri.pk])
    assert "Earlier ranks" not in client.get(url).content.decode()
    current = PayProfile.objects.get(teacher=sri)
    values = {
        "employment": current.employment,
        "golongan": "III/b",
        "mkg": "0",
        "mkg_counted_on": "2019-03-01",
        "effective_from": "2019-03-01",
        "paid_from": current.paid_from.isoformat(),
        "bank_name": current.bank_name,
        "bank_account": current.bank_account,
    }
    assert client.post(url, values).status_code == 302
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url).content.decode()
    assert "Rank III/b in force from" in page and "Earlier ranks" in page
    row = page[page.index("Earlier ranks") :]
    assert '<th scope="row">1 Jan 2019 to 28 Feb 2019</th>' in row
    assert "<td>III/a</td><td>10 (counted on 1 Jan 2019)</td>" in row
    few = len(queries)
    # A second promotion adds a row, not a query.
    promoted = {**values, "golongan": "III/c", "effective_from": "2019-07-01"}
    assert client.post(url, promoted).status_code == 302
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url).content.decode()
    assert len(queries) == few
    assert page.count('<th scope="row">') == 2
