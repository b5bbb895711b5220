"""The selection pages: who may open them (every role, someone else's district), the run and
the list with bounded queries, the quota page, the SK PDF, the public lookup that shows no
personal data, and the teacher's own page."""

from __future__ import annotations

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape
from pypdf import PdfReader

from sergur.conftest import PASSWORD
from sergur.registry.tests.factories import DistrictFactory
from sergur.selection.models import (
    QuotaAllocation,
    QuotaMove,
    SelectionEntry,
    SelectionRun,
    SkLetter,
)
from sergur.selection.services import quota_allocate, selection_run
from sergur.selection.tests.conftest import build_pool

ROLES = ["sri", "pak_kepala", "pengawas", "dinas", "dinas_other", "lpmp", "asesor", "operator"]


def in_id(message: str) -> str:
    """A message as the Indonesian page shows it (HTML-escaped)."""
    with translation.override("id"):
        return escape(translation.gettext(message))


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def text(response) -> str:
    return str(response.content.decode())


def district_url(pool, name="selection:district"):
    return reverse(name, args=[pool.year.year, pool.district.pk])


@pytest.fixture
def ran(pool, cast):
    selection_run(programme_year=pool.year, district=pool.district, quota=8, actor=cast.dinas)
    return pool


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("sri", 403),
        ("pak_kepala", 403),
        ("pengawas", 403),
        ("dinas", 200),
        ("dinas_other", 404),
        ("lpmp", 403),
        ("asesor", 403),
        ("operator", 200),
    ],
)
@pytest.mark.parametrize("page", ["selection:district", "selection:sk", "selection:sk_letter"])
def test_district_pages_are_for_the_committee_and_operators(
    client, cast, ran, role, expected, page
):
    login(client, getattr(cast, role))
    assert client.get(district_url(ran, page)).status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("sri", 403),
        ("pak_kepala", 403),
        ("pengawas", 403),
        ("dinas", 200),
        ("dinas_other", 200),
        ("lpmp", 403),
        ("asesor", 403),
        ("operator", 200),
    ],
)
def test_the_quota_page_is_for_committees_and_operators(client, cast, role, expected):
    login(client, getattr(cast, role))
    url = reverse("selection:quota", args=[cast.sri_case.programme_year.year])
    assert client.get(url).status_code == expected


def test_anonymous_visitors_are_sent_to_sign_in(client, ran):
    for url in (district_url(ran), district_url(ran, "selection:sk"), reverse("selection:me")):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_another_committee_cannot_run_someone_elses_district(client, cast, pool):
    login(client, cast.dinas_other)
    response = client.post(district_url(pool), {"quota": "5"})
    assert response.status_code == 404
    assert not SelectionRun.objects.exists()


def test_the_committee_runs_the_selection_and_sees_the_list(client, cast, pool):
    login(client, cast.dinas)
    response = client.post(district_url(pool), {"quota": "8"})
    assert response.status_code == 302
    run = SelectionRun.objects.get()
    assert run.created_by == cast.dinas and run.selected == 8
    page = client.get(district_url(pool))
    body = text(page)
    for entry in SelectionEntry.objects.filter(selected=True):
        assert entry.participant_number in body
    assert "Sudah bersertifikat pendidik." in body  # a reason, in Indonesian by default
    client.post(district_url(pool, "selection:district_filter"), {"status": "selected"})
    selected = client.get(district_url(pool))
    assert len(selected.context["rows"]) == 8
    client.post(district_url(pool, "selection:district_filter"), {"name": "Bersertifikat"})
    named = client.get(district_url(pool))
    assert [r.entry.teacher.name for r in named.context["rows"]] == ["Guru Bersertifikat"]


def test_a_name_search_of_the_list_never_appears_in_a_url(client, cast, pool):
    login(client, cast.dinas)
    client.post(district_url(pool), {"quota": "8"})

    posted = client.post(district_url(pool, "selection:district_filter"), {"name": "Bersertifikat"})
    page = client.get(district_url(pool))

    assert posted.status_code == 302 and posted["Location"] == district_url(pool)
    assert [r.entry.teacher.name for r in page.context["rows"]] == ["Guru Bersertifikat"]
    links = re.findall(r'(?:href|action)="([^"]*)"', text(page))
    assert not any("Bersertifikat" in link or "name=" in link for link in links)
    assert 'method="get"' not in text(page)
    cleared = client.post(district_url(pool, "selection:district_filter"), {"clear": "1"})
    assert cleared.status_code == 302
    assert len(client.get(district_url(pool)).context["rows"]) > 1


def test_an_invalid_list_filter_is_refused_with_its_message(client, cast, pool):
    login(client, cast.dinas)
    client.post(district_url(pool), {"quota": "8"})

    client.post(district_url(pool, "selection:district_filter"), {"status": "nonsense"})
    page = client.get(district_url(pool))

    shown = [str(message) for message in page.context["messages"]]
    assert [text for text in shown if "nonsense" in text][0].startswith("Status: ")


def test_another_districts_list_filter_is_not_found(client, cast, pool):
    login(client, cast.dinas_other)

    response = client.post(district_url(pool, "selection:district_filter"), {"name": "Guru"})

    assert response.status_code == 404


def test_a_bad_quota_is_reported_on_the_form(client, cast, pool):
    login(client, cast.dinas)
    response = client.post(district_url(pool), {"quota": "-3"})
    assert response.status_code == 200
    assert response.context["run_form"].errors["quota"]
    assert not SelectionRun.objects.exists()


def _list_queries(client, cast, count: int, prefix: str) -> int:
    pool = build_pool(cast, pns=count - 6, non_pns=6, prefix=prefix)
    selection_run(programme_year=pool.year, district=pool.district, quota=4, actor=None)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(district_url(pool))
    assert response.status_code == 200
    return len(queries)


def test_the_list_makes_the_same_number_of_queries_for_10_and_40_teachers(client, cast):
    login(client, cast.dinas)
    small = _list_queries(client, cast, 10, "Kecil")
    large = _list_queries(client, cast, 30, "Besar")  # 40 and more now: the run is replaced
    assert SelectionEntry.objects.count() > 40
    assert small == large


def test_the_sk_pdf_lists_the_participants(client, cast, ran):
    login(client, cast.dinas)
    response = client.get(district_url(ran, "selection:sk"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    content = " ".join(page.extract_text() for page in reader.pages)
    assert "SURAT KEPUTUSAN" in content
    assert "KABUPATEN BANTUL" in content
    for entry in SelectionEntry.objects.filter(selected=True).select_related("teacher"):
        number = entry.participant_number
        spaced = " ".join(
            (number[:2], number[2:4], number[4:6], number[6:9], number[9], number[10:])
        )
        assert spaced in content
        assert entry.teacher.name in content


def test_the_sk_is_not_found_before_the_first_run(client, cast, pool):
    login(client, cast.dinas)
    assert client.get(district_url(pool, "selection:sk")).status_code == 404


def test_the_quota_page_shows_the_allocation_and_the_moves(client, cast):
    year = cast.sri_case.programme_year
    DistrictFactory(code="04", name="Kulon Progo")
    quota_allocate(
        programme_year=year,
        national_target=12,
        counts={("34", "02", "SMP"): 10, ("34", "03", "SMP"): 10, ("34", "04", "SMP"): 4},
        actor=None,
    )
    QuotaAllocation.objects.filter(district__code="02").update(eligible=1)
    login(client, cast.operator)
    url = reverse("selection:quota", args=[year.year])
    response = client.post(
        url, {"action": "redistribute", "province": QuotaAllocation.objects.all()[0].province_id}
    )
    assert response.status_code == 302
    moves = QuotaMove.objects.all()
    assert moves and all(move.from_district.code == "02" for move in moves)
    assert sum(move.places for move in moves) == 4  # 5 places, 1 eligible teacher
    login(client, cast.dinas)
    page = client.get(url)
    assert [row.district.code for row in page.context["page"].object_list] == ["02"]
    assert len(page.context["moves"]) == len(moves)
    assert "dipindahkan" in text(page)  # the reason, in Indonesian
    assert page.context["form"] is None  # a committee does not allocate
    assert client.post(url, {"national_target": "5"}).status_code == 403


def test_the_operator_allocates_by_the_eligible_teachers_the_runs_found(client, cast, ran):
    login(client, cast.operator)
    url = reverse("selection:quota", args=[ran.year.year])
    response = client.post(url, {"action": "allocate", "national_target": "10"})
    assert response.status_code == 302
    row = QuotaAllocation.objects.get()
    assert (row.eligible, row.quota) == (26, 10)


def lookup(client, nuptk):
    return client.post(reverse("selection:lookup"), {"nuptk": nuptk})


def test_the_public_lookup_shows_name_school_and_status_only(client, cast, ran):
    selected = SelectionEntry.objects.filter(selected=True).select_related("teacher")[0]
    teacher = selected.teacher
    body = text(lookup(client, teacher.nuptk))
    assert teacher.name in body
    assert ran.school.name in body
    assert selected.participant_number in body
    assert teacher.nip not in body
    assert teacher.nuptk not in body  # not echoed back either
    for shown in (teacher.birth_date.isoformat(), teacher.birth_date.strftime("%d-%m-%Y"), "1960"):
        assert shown not in body
    refused = ran.ineligible[0]
    body = text(lookup(client, refused.nuptk))
    assert in_id("Not eligible") in body
    assert "Sudah bersertifikat pendidik" not in body  # no reasons
    assert refused.nip not in body


def test_the_lookup_says_not_found_for_unknown_or_wrong_numbers(client, ran):
    for nuptk in ("9999999999999999", "12ab", ""):
        body = text(lookup(client, nuptk))
        assert in_id("Not found.") in body
        assert "Guru" not in body


def test_the_lookup_never_reads_a_nuptk_from_the_url(client, ran):
    teacher = ran.pns[0]
    response = client.get(reverse("selection:lookup"), {"nuptk": teacher.nuptk})
    assert teacher.name not in text(response)


def test_the_lookup_is_throttled(client, ran):
    for _ in range(30):
        assert lookup(client, "9999999999999999").status_code == 200
    assert lookup(client, "9999999999999999").status_code == 429


def test_a_teacher_sees_their_own_factors_rank_and_why(client, cast, ran):
    teacher = ran.pns[0]
    teacher.user.set_password(PASSWORD)
    teacher.user.save()
    login(client, teacher.user)
    response = client.get(reverse("selection:me"))
    assert response.status_code == 200
    [result] = response.context["results"]
    entry = result.entry
    assert entry.teacher == teacher
    assert [f.label for f in result.factors][:3] == [
        "Masa kerja",
        "Usia (tanggal lahir)",
        "Pangkat/golongan",
    ]
    body = text(response)
    assert f"{entry.position}" in body
    # The birth date in the site's format, as every other date ("5 Juli 1970", not "05-07-1970").
    with translation.override("id"):
        assert result.factors[1].value == date_format(teacher.birth_date, "DATE_FORMAT")
    assert teacher.birth_date.strftime("%d-%m-%Y") not in body
    if entry.selected:
        assert entry.participant_number in result.why
    else:
        assert "kuota" in result.why


def test_an_ineligible_teacher_reads_why_in_plain_words(client, cast, ran):
    teacher = ran.ineligible[0]
    teacher.user.set_password(PASSWORD)
    teacher.user.save()
    login(client, teacher.user)
    [result] = client.get(reverse("selection:me")).context["results"]
    assert result.why.startswith("Tidak memenuhi syarat")
    assert result.reasons == ["Sudah bersertifikat pendidik."]


def test_the_own_page_is_in_english_on_request(client, cast, ran):
    teacher = ran.ineligible[0]
    teacher.user.set_password(PASSWORD)
    teacher.user.save()
    login(client, teacher.user)
    client.cookies["django_language"] = "en"
    [result] = client.get(reverse("selection:me")).context["results"]
    assert result.reasons == ["Already certified."]


@pytest.mark.parametrize("role", ["pak_kepala", "dinas", "lpmp", "operator"])
def test_the_own_page_is_for_teachers_only(client, cast, role):
    login(client, getattr(cast, role))
    assert client.get(reverse("selection:me")).status_code == 403


def test_a_teacher_before_any_run_sees_a_notice(client, cast):
    login(client, cast.sri)
    response = client.get(reverse("selection:me"))
    assert response.status_code == 200 and response.context["results"] == []


@pytest.mark.parametrize(
    ("role", "target"),
    [("sri", "selection:me"), ("dinas", "selection:district"), ("operator", "selection:quota")],
)
def test_the_selection_menu_leads_each_role_to_its_page(client, cast, role, target):
    login(client, getattr(cast, role))
    response = client.get(reverse("selection:home"))
    assert response.status_code == 302
    year = cast.sri_case.programme_year.year
    if target == "selection:me":
        assert response["Location"] == reverse(target)
    elif target == "selection:quota":
        assert response["Location"] == reverse(target, args=[year])
    else:
        assert response["Location"] == reverse(target, args=[year, cast.dinas.district_id])


def test_the_selection_menu_refuses_other_roles(client, cast):
    login(client, cast.lpmp)
    assert client.get(reverse("selection:home")).status_code == 403


def test_allocating_before_any_run_says_why_on_the_form(client, cast):
    login(client, cast.operator)
    url = reverse("selection:quota", args=[cast.sri_case.programme_year.year])
    response = client.post(url, {"action": "allocate", "national_target": "10"})
    assert response.status_code == 200
    assert in_id(
        "No district has run its selection this year: there are no eligible teachers to share "
        "the quota by."
    ) in str(response.context["form"].non_field_errors())
    assert not QuotaAllocation.objects.exists()


def test_the_run_form_offers_the_allocated_quota(client, cast, pool):
    quota_allocate(
        programme_year=pool.year, national_target=7, counts={("34", "02", "SMP"): 9}, actor=None
    )
    login(client, cast.dinas)
    assert client.get(district_url(pool)).context["run_form"].initial == {"quota": 7}


def test_a_target_above_the_eligible_teachers_is_refused_beside_the_field(client, cast, ran):
    login(client, cast.operator)
    url = reverse("selection:quota", args=[ran.year.year])

    response = client.post(
        url, {"action": "allocate", "national_target": "27"}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 200
    assert response.context["form"].errors["national_target"] == [
        "The target 27 exceeds the eligible teachers (26); at most 26 places can be shared out."
    ]
    assert not QuotaAllocation.objects.exists()


LETTER = {
    "number": "421.2/0123/2007",
    "signed_on": "2007-08-20",
    "signatory_name": "Drs. H. Sukirman, M.Pd.",
    "signatory_nip": "195812121983031005",
}


def sk_text(client, pool) -> str:
    response = client.get(district_url(pool, "selection:sk"))
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    return " ".join(page.extract_text() for page in reader.pages)


def test_an_sk_without_number_and_signatory_is_a_draft(client, cast, ran):
    login(client, cast.dinas)

    content = sk_text(client, ran)

    assert "KONSEP" in content
    assert "NIP 19" not in content
    assert in_id("Record the SK number and signatory") in text(client.get(district_url(ran)))


def test_the_sk_carries_its_number_signing_day_signatory_and_nip(client, cast, ran):
    login(client, cast.dinas)

    response = client.post(district_url(ran, "selection:sk_letter"), LETTER)

    assert response.status_code == 302 and response["Location"] == district_url(ran)
    content = sk_text(client, ran)
    assert "KONSEP" not in content
    assert "Nomor: 421.2/0123/2007" in content
    assert "Drs. H. Sukirman, M.Pd." in content
    assert "NIP 195812121983031005" in content
    assert "20 Agustus 2007" in content
    letter = SkLetter.objects.get()
    assert letter.recorded_by == cast.dinas


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("signatory_nip", "19581212198303100"),  # 17 digits
        ("signatory_nip", "1958121219830310AB"),
        ("number", "421/<b>/2007"),
        ("number", ""),
        ("signatory_name", ""),
        ("signed_on", "20/08/2007x"),
    ],
)
def test_a_bad_sk_field_is_refused_beside_it(client, cast, ran, field, value):
    login(client, cast.dinas)

    response = client.post(district_url(ran, "selection:sk_letter"), {**LETTER, field: value})

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not SkLetter.objects.exists()


def test_the_next_year_starts_from_the_last_signatory(client, cast, ran):
    login(client, cast.dinas)
    client.post(district_url(ran, "selection:sk_letter"), LETTER)
    from sergur.registry.tests.factories import ProgrammeYearFactory

    later = ProgrammeYearFactory(year=ran.year.year + 1, is_current=False)

    response = client.get(reverse("selection:sk_letter", args=[later.year, ran.district.pk]))

    form = response.context["form"]
    assert form.initial["signatory_nip"] == LETTER["signatory_nip"]
    assert not form.initial.get("number")


def test_another_committee_cannot_record_our_sk(client, cast, ran):
    login(client, cast.dinas_other)

    response = client.post(district_url(ran, "selection:sk_letter"), LETTER)

    assert response.status_code == 404
    assert not SkLetter.objects.exists()
