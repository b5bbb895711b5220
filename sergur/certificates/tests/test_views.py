from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sergur.accounts.models import User
from sergur.certificates.models import Certificate, IssueJob
from sergur.certificates.services import certificate_status_change
from sergur.certificates.tests.support import NOW, issued, ministry, passed
from sergur.certificates.views.public import CHECKS_PER_WINDOW
from sergur.rules.certificates import bit_at, bitstring_decode

pytestmark = pytest.mark.django_db


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", ["detail", "pdf", "credential"])
def test_the_teacher_gets_their_own_certificate(cast: Any, name: str) -> None:
    certificate = issued(cast.sri_case, cast)
    response = signed_in(cast.sri).get(reverse(f"certificates:{name}", args=[certificate.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("who", ["budi", "rayon_other", "dinas", "asesor"])
@pytest.mark.parametrize("name", ["detail", "pdf", "credential"])
def test_nobody_else_gets_it(cast: Any, who: str, name: str) -> None:
    certificate = issued(cast.sri_case, cast)
    url = reverse(f"certificates:{name}", args=[certificate.pk])
    assert signed_in(getattr(cast, who)).get(url).status_code == 404


def test_the_credential_download_is_a_signed_open_badge(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    response = signed_in(cast.sri).get(reverse("certificates:credential", args=[certificate.pk]))
    document = json.loads(response.content)
    assert "OpenBadgeCredential" in document["type"]
    assert document["credentialSubject"]["licenseNumber"] == certificate.nrg.number
    assert "no-store" in response["Cache-Control"]


def test_the_rayon_issues_from_its_list(cast: Any) -> None:
    passed(cast.sri_case)
    client = signed_in(cast.rayon_admin)
    listing = client.get(reverse("certificates:list"))
    assert cast.sri_case.teacher.name in listing.content.decode()
    response = client.post(reverse("certificates:issue", args=[cast.sri_case.pk]))
    certificate = Certificate.objects.get()
    assert response["Location"] == reverse("certificates:detail", args=[certificate.pk])


@pytest.mark.parametrize("who", ["sri", "dinas", "rayon_other"])
def test_others_may_not_issue(cast: Any, who: str) -> None:
    passed(cast.sri_case)
    response = signed_in(getattr(cast, who)).post(
        reverse("certificates:issue", args=[cast.sri_case.pk])
    )
    assert response.status_code in {403, 404}
    assert not Certificate.objects.exists()


def test_a_refused_issue_says_why_and_does_not_fail(cast: Any) -> None:
    client = signed_in(cast.rayon_admin)
    cast.sri_case.state = "received"
    cast.sri_case.save()
    response = client.post(reverse("certificates:issue", args=[cast.sri_case.pk]), follow=True)
    assert response.status_code == 200
    assert not Certificate.objects.exists()


def test_the_list_is_refused_to_roles_without_certificates(cast: Any) -> None:
    assert signed_in(cast.dinas).get(reverse("certificates:list")).status_code == 403


def test_the_rayon_revokes_and_the_public_page_says_revoked(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    client = signed_in(cast.rayon_admin)
    response = client.post(
        reverse("certificates:status", args=[certificate.pk]),
        {"status": "revoked", "reason": "Ijazah palsu"},
    )
    assert response.status_code == 302
    page = Client().post(reverse("certificates:verify"), {"query": certificate.number})
    text = page.content.decode()
    assert "certificate-check-revoked" in text
    assert "Ijazah palsu" in text
    assert cast.sri_case.teacher.birth_date.isoformat() not in text
    assert certificate.nuptk not in text


def test_another_rayon_may_not_revoke(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    response = signed_in(cast.rayon_other).post(
        reverse("certificates:status", args=[certificate.pk]),
        {"status": "revoked", "reason": "x"},
    )
    assert response.status_code == 404
    certificate.refresh_from_db()
    assert certificate.status == "active"


def test_the_teacher_sees_no_status_form_and_may_not_post_one(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    client = signed_in(cast.sri)
    assert (
        "change-status"
        not in client.get(reverse("certificates:detail", args=[certificate.pk])).content.decode()
    )
    response = client.post(
        reverse("certificates:status", args=[certificate.pk]), {"status": "revoked", "reason": "x"}
    )
    assert response.status_code == 403


def test_a_bad_status_form_is_a_message_not_a_500(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    response = signed_in(cast.rayon_admin).post(
        reverse("certificates:status", args=[certificate.pk]),
        {"status": "lost", "reason": ""},
        follow=True,
    )
    assert response.status_code == 200
    certificate.refresh_from_db()
    assert certificate.status == "active"


def test_the_qr_link_verifies_without_sign_in(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    page = Client().get(reverse("certificates:verify"), {"code": certificate.code})
    text = page.content.decode()
    assert "certificate-check-valid" in text
    assert certificate.holder_name in text
    assert certificate.nrg.number not in text


def test_a_code_with_one_changed_character_is_invalid_not_a_500(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    code = certificate.code
    place = len(code) // 2
    changed = code[:place] + ("A" if code[place] != "A" else "B") + code[place + 1 :]
    page = Client().post(reverse("certificates:verify"), {"query": changed})
    assert page.status_code == 200
    assert "certificate-check-invalid" in page.content.decode()


def test_the_json_endpoint_answers_from_the_same_status(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    url = reverse("certificates:verify_json")
    assert Client().get(url, {"number": certificate.number}).json()["result"] == "valid"
    certificate_status_change(
        actor=ministry(), certificate=certificate, status="suspended", reason="Diperiksa", now=NOW
    )
    answer = Client().get(url, {"code": certificate.code}).json()
    assert (answer["result"], answer["reason"]) == ("suspended", "Diperiksa")
    assert answer["certificate"]["nuptk"].endswith(certificate.nuptk[-4:])
    assert certificate.nuptk not in json.dumps(answer)
    assert Client().get(url, {"number": "115-2007-999999"}).json()["result"] == "not_found"
    assert Client().get(url).status_code == 400


def test_the_public_check_is_throttled(cast: Any) -> None:
    client = Client()
    url = reverse("certificates:verify_json")
    for _ in range(CHECKS_PER_WINDOW):
        client.get(url, {"number": "115-2007-000001"})
    assert client.get(url, {"number": "115-2007-000001"}).status_code == 429
    page = client.post(reverse("certificates:verify"), {"query": "115-2007-000001"})
    assert page.status_code == 429


def test_the_status_lists_carry_the_bits(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    certificate_status_change(
        actor=cast.rayon_admin, certificate=certificate, status="revoked", reason="x", now=NOW
    )
    revocation = Client().get(reverse("certificates:status_list", args=[1, "revocation"])).json()
    suspension = Client().get(reverse("certificates:status_list", args=[1, "suspension"])).json()
    index = certificate.status_index
    assert bit_at(bitstring_decode(revocation["credentialSubject"]["encodedList"]), index)
    assert not bit_at(bitstring_decode(suspension["credentialSubject"]["encodedList"]), index)
    assert Client().get(reverse("certificates:status_list", args=[1, "other"])).status_code == 404


def test_the_ministry_issues_nrgs_and_nobody_else(cast: Any) -> None:
    passed(cast.sri_case)
    client = signed_in(ministry())
    assert client.get(reverse("certificates:nrg")).status_code == 200
    client.post(reverse("certificates:nrg"))
    assert cast.sri_case.teacher.nrg.number
    # Nothing left: the page says so instead of "0 certified teachers have no NRG yet".
    client.cookies["django_language"] = "en"
    done = client.get(reverse("certificates:nrg")).content.decode()
    assert "Every certified teacher has an NRG" in done
    assert "Issue their NRGs" not in done and "0 certified teachers" not in done
    assert signed_in(cast.rayon_admin).get(reverse("certificates:nrg")).status_code == 403


def test_the_bulk_job_issues_a_year_with_its_progress(
    cast: Any, django_capture_on_commit_callbacks: Any
) -> None:
    passed(cast.sri_case)
    passed(cast.budi_case)
    client = signed_in(cast.rayon_admin)
    year = cast.sri_case.programme_year
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("certificates:jobs"), {"programme_year": year.pk})
    assert response.status_code == 302
    assert Certificate.objects.count() == 2
    page = client.get(reverse("certificates:jobs")).content.decode()
    assert 'value="100"' in page
    job = IssueJob.objects.get()
    assert job.state == "done" and job.issued == 2
    progress = client.get(reverse("certificates:job_progress", args=[job.pk]))
    assert progress.status_code == 200
    assert (
        signed_in(cast.rayon_other)
        .get(reverse("certificates:job_progress", args=[job.pk]))
        .status_code
        == 404
    )
    assert signed_in(cast.sri).get(reverse("certificates:jobs")).status_code == 403


def test_the_case_page_shows_the_certificate_and_nrg(cast: Any) -> None:
    certificate = issued(cast.sri_case, cast)
    page = signed_in(cast.sri).get(reverse("portfolios:case", args=[cast.sri_case.pk]))
    text = page.content.decode()
    assert certificate.number in text
    assert certificate.nrg.number in text


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("status", list(Certificate.Status))
def test_the_check_names_a_status_with_the_word_of_the_list(
    cast: Any, language: str, status: Certificate.Status
) -> None:
    certificate = issued(cast.sri_case, cast)
    Certificate.objects.filter(pk=certificate.pk).update(status=status)
    client = Client()
    client.cookies["django_language"] = language
    text = client.get(reverse("certificates:verify"), {"code": certificate.code}).content.decode()

    heading = re.search(r'<h2 id="result-heading"[^>]*>([^<]*)</h2>', text)
    with translation.override(language):
        word = str(status.label)
    assert heading is not None and heading[1].startswith(f"{word}:")
