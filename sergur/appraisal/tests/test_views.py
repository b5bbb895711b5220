"""The PKG pages: the principal assigns and appraises, the teacher signs or objects, the
principal and the supervisor countersign; everyone else sees nothing (another school, another
district) and bad input is a message, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from sergur.appraisal.models import Appraisal, AppraiserAssignment, SelfEvaluation
from sergur.appraisal.tests.support import scored
from sergur.rules.appraisal import instrument

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def signed_in(client: Client, user) -> Client:
    client.force_login(user)
    return client


def full_form(points: int = 2, low: tuple[str, ...] = ()) -> dict[str, object]:
    data: dict[str, object] = {"teaching_hours": 24, "monitoring_notes": "RPP diperiksa"}
    for c in instrument("pkg-teacher").competencies:
        for n in range(1, c.indicators + 1):
            data[f"p_{c.key}_{n}"] = 0 if c.key in low else points
            data[f"e_{c.key}_{n}"] = "RPP" if n == 1 else ""
    return data


def test_the_whole_cycle_on_the_pages(client, cast):
    year = timezone.localdate().year
    principal = signed_in(client, cast.pak_kepala)
    home = principal.get(reverse("appraisal:home"))
    assert home.status_code == 200
    assert "Assign appraisers" in home.content.decode()
    teacher = cast.sri.teacher
    assigned = principal.post(
        reverse("appraisal:assign"),
        {"teacher": teacher.pk, "appraiser": cast.pak_kepala.pk, "year": year},
    )
    assert assigned.status_code == 302
    assignment = AppraiserAssignment.objects.get(teacher=teacher, year=year)
    assert "Open the appraisal" in principal.get(reverse("appraisal:home")).content.decode()
    opened = principal.post(
        reverse("appraisal:open", args=[assignment.pk]), {"instrument": "pkg-teacher"}
    )
    appraisal = Appraisal.objects.get(teacher=teacher)
    assert opened["Location"] == reverse("appraisal:detail", args=[appraisal.pk])
    observed = principal.post(
        reverse("appraisal:observe", args=[appraisal.pk]),
        {
            "observed_on": f"{year}-08-03",
            "pre_discussion": "Rencana pembelajaran dibahas",
            "notes": "Kelas VIII-A, diskusi kelompok",
            "post_discussion": "Umpan balik",
        },
    )
    assert observed.status_code == 302
    submitted = principal.post(
        reverse("appraisal:scores", args=[appraisal.pk]), {**full_form(low=("07",)), "submit": ""}
    )
    assert submitted.status_code == 302
    appraisal.refresh_from_db()
    # 13 × 4 + 1 = 53 of 56 → 94.64 → Amat Baik.
    assert (appraisal.state, appraisal.total, appraisal.category) == ("submitted", 53, "AB")
    page = principal.get(reverse("appraisal:detail", args=[appraisal.pk])).content.decode()
    assert "53/56 × 100 = 94.64 → 95" in page
    assert "below standard" in page
    assert "Diskusi kelompok".lower() in page.lower()

    own = signed_in(Client(), cast.sri)
    assert (
        "Sign the appraisal"
        in own.get(reverse("appraisal:detail", args=[appraisal.pk])).content.decode()
    )
    assert own.post(reverse("appraisal:sign", args=[appraisal.pk])).status_code == 302
    assert principal.post(reverse("appraisal:countersign", args=[appraisal.pk])).status_code == 302
    supervisor = signed_in(Client(), cast.pengawas)
    assert (
        "Waiting for my countersignature"
        in supervisor.get(reverse("appraisal:home")).content.decode()
    )
    assert supervisor.post(reverse("appraisal:countersign", args=[appraisal.pk])).status_code == 302
    appraisal.refresh_from_db()
    assert appraisal.is_final and appraisal.final_at is not None


def test_the_teacher_objects_and_the_appraiser_revises(client, cast):
    appraisal = scored(cast)
    own = signed_in(client, cast.sri)
    empty = own.post(reverse("appraisal:object", args=[appraisal.pk]), {"objection": ""})
    assert empty.status_code == 302
    appraisal.refresh_from_db()
    assert appraisal.state == "submitted"
    own.post(
        reverse("appraisal:object", args=[appraisal.pk]), {"objection": "Observasi hanya 10 menit"}
    )
    appraisal.refresh_from_db()
    assert (appraisal.state, appraisal.objection) == ("objected", "Observasi hanya 10 menit")
    principal = signed_in(Client(), cast.pak_kepala)
    page = principal.get(reverse("appraisal:detail", args=[appraisal.pk])).content.decode()
    assert "Observasi hanya 10 menit" in page and "Appraisal form" in page


def test_bad_points_are_a_message_and_nothing_is_lost(client, cast):
    appraisal = scored(cast)
    appraisal.state = Appraisal.State.DRAFT
    appraisal.save()
    data = full_form()
    data["p_01_1"] = "7"
    data["teaching_hours"] = "many"
    answer = signed_in(client, cast.pak_kepala).post(
        reverse("appraisal:scores", args=[appraisal.pk]), data
    )
    assert answer.status_code == 400
    text = answer.content.decode()
    assert "Indicator 1" in text and "Teaching hours" in text
    assert appraisal.scores.filter(points=2).count() == 84


@pytest.mark.parametrize("who", ["budi", "bu_kepala", "dinas_other", "asesor", "rayon_admin"])
def test_others_do_not_find_the_appraisal(client, cast, who):
    appraisal = scored(cast)
    signed_in(client, getattr(cast, who))
    assert client.get(reverse("appraisal:detail", args=[appraisal.pk])).status_code == 404
    assert client.post(reverse("appraisal:sign", args=[appraisal.pk])).status_code == 404


def test_a_reader_who_may_not_sign_gets_403(client, cast):
    appraisal = scored(cast)
    signed_in(client, cast.dinas)
    assert client.get(reverse("appraisal:detail", args=[appraisal.pk])).status_code == 200
    assert client.post(reverse("appraisal:sign", args=[appraisal.pk])).status_code == 403
    assert client.post(reverse("appraisal:countersign", args=[appraisal.pk])).status_code == 403


@pytest.mark.parametrize("who", ["asesor", "rayon_admin", "lpmp"])
def test_other_roles_have_no_pkg_page(client, cast, who):
    signed_in(client, getattr(cast, who))
    assert client.get(reverse("appraisal:home")).status_code == 403


def test_another_principal_cannot_assign_my_teacher(client, cast):
    signed_in(client, cast.bu_kepala)
    answer = client.post(
        reverse("appraisal:assign"),
        {"teacher": cast.sri.teacher.pk, "appraiser": cast.bu_kepala.pk, "year": 2030},
    )
    assert answer.status_code == 302
    assert not AppraiserAssignment.objects.exists()


def test_the_self_evaluation_is_saved_and_shown_beside_the_appraisal(client, cast):
    own = signed_in(client, cast.sri)
    url = reverse("appraisal:self", args=[2030])
    assert own.get(url).status_code == 200
    bad = own.post(url, {"v_01": "9"})
    assert bad.status_code == 400
    values = {f"v_{c.key}": 3 for c in instrument("pkg-teacher").competencies}
    assert own.post(url, values).status_code == 302
    assert SelfEvaluation.objects.get().values["01"] == 3
    appraisal = scored(cast)
    page = own.get(reverse("appraisal:detail", args=[appraisal.pk])).content.decode()
    assert "Self-evaluation" in page


def test_a_principal_has_no_self_evaluation(client, cast):
    signed_in(client, cast.pak_kepala)
    assert client.get(reverse("appraisal:self", args=[2030])).status_code == 403


def test_a_teacher_without_an_appraisal_reads_who_appraises_them(client, cast):
    page = signed_in(client, cast.sri).get(reverse("appraisal:home")).content.decode()
    assert "No appraisals yet." in page
    assert "Your principal, or a senior teacher the principal assigns, appraises you" in page
    # The principal's empty list does not speak to a teacher.
    principal = signed_in(Client(), cast.pak_kepala).get(reverse("appraisal:home"))
    assert "appraises you" not in principal.content.decode()
