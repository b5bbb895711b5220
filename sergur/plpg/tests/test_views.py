"""The PLPG pages: each role sees only its own (the instructor their classes, the teacher
their record, the district its teachers), acts only where it may, and bad input is a message,
never a 500."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from sergur.cases.models import Case
from sergur.plpg.models import PlpgClass, Score
from sergur.plpg.tests.support import attend_all, peer_teach, publish_mplpg, world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def signed_in(client: Client, user) -> Client:
    client.force_login(user)
    return client


def test_the_rayon_admin_forms_classes_from_the_page(client, cast):
    publish_mplpg(cast.sri_case, "071234560001")
    page = signed_in(client, cast.rayon_admin).get(reverse("plpg:rayon"))
    assert page.status_code == 200
    assert "1 participant with a published MPLPG decision is waiting" in page.content.decode()
    done = client.post(reverse("plpg:propose"))
    assert done.status_code == 302
    assert PlpgClass.objects.count() == 1


@pytest.mark.parametrize("who", ["sri", "dinas", "asesor"])
def test_other_roles_have_no_rayon_page(client, cast, who):
    signed_in(client, getattr(cast, who))
    assert client.get(reverse("plpg:rayon")).status_code == 403
    assert client.post(reverse("plpg:propose")).status_code == 403


def test_the_register_takes_an_instructor_account(client, cast):
    from sergur.registry.models import Subject
    from sergur.registry.tests.factories import SubjectFactory, UserFactory

    SubjectFactory()
    UserFactory(username="baru", role="instructor")
    signed_in(client, cast.rayon_admin)
    data = {
        "username": "baru",
        "number": "I-9",
        "degree": "S2",
        "status": "lecturer",
        "institution": "UNY",
        "active": "on",
        "subjects": [Subject.objects.get().pk],
    }
    assert client.post(reverse("plpg:instructor_add"), data).status_code == 302
    again = client.post(reverse("plpg:instructor_add"), {**data, "number": "I-10"})
    assert again.status_code == 400
    assert "No instructor account has this username" in again.content.decode()


def test_the_instructor_sees_only_their_class(client, cast):
    w = world(cast)
    url = reverse("plpg:class", args=[w.plpg_class.pk])
    page = signed_in(client, w.teacher.user).get(url)
    assert page.status_code == 200
    assert "Gedung PLPG" in page.content.decode()
    assert w.plpg_class.__str__() in client.get(reverse("plpg:classes")).content.decode()
    for outsider in (w.other.user, cast.sri, cast.dinas, cast.rayon_other):
        signed_in(client, outsider)
        assert client.get(url).status_code == 404


def test_the_instructor_takes_attendance_but_does_not_set_the_class(client, cast):
    w = world(cast)
    signed_in(client, w.teacher.user)
    session = w.sessions[0]
    url = reverse("plpg:attendance", args=[w.plpg_class.pk, session.pk])
    assert client.post(url, {"present": [str(w.sri.pk), "x"]}).status_code == 302
    assert session.attendance.filter(present=True).count() == 1
    update = reverse("plpg:class_update", args=[w.plpg_class.pk])
    assert client.post(update, {"venue": "x"}).status_code == 403
    signed_in(client, w.other.user)
    assert client.post(url, {"present": []}).status_code == 404


def test_the_rayon_admin_sets_the_class_and_bad_input_is_a_message(client, cast):
    w = world(cast)
    signed_in(client, cast.rayon_admin)
    update = reverse("plpg:class_update", args=[w.plpg_class.pk])
    done = client.post(update, {"venue": "Aula", "starts_on": "not a date"}, follow=True)
    assert "First day" in done.content.decode()
    done = client.post(
        update,
        {
            "instructor": w.other.pk,
            "venue": "Aula",
            "starts_on": "2030-07-01",
            "ends_on": "2030-06-01",
        },
        follow=True,
    )
    assert "The last day is before the first day." in done.content.decode()
    session = reverse("plpg:session_add", args=[w.plpg_class.pk])
    done = client.post(
        session, {"day": "2008-07-02", "starts_at": "13:00", "topic": "x", "jp": 2}, follow=True
    )
    assert "more than the training" in done.content.decode()
    assert client.post(session, {"jp": "x"}, follow=True).status_code == 200


def test_the_teacher_sees_their_own_record_and_invitation_only(client, cast):
    w = world(cast)
    signed_in(client, cast.sri)
    assert client.get(reverse("plpg:participants")).url == reverse(
        "plpg:participant", args=[w.sri.pk]
    )
    page = client.get(reverse("plpg:participant", args=[w.sri.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Gedung PLPG" in text and "Sesi 1" in text and "pedagogic" in text
    pdf = client.get(reverse("plpg:invitation", args=[w.sri.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    letter = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Gedung PLPG, Kampus Karangmalang" in letter
    assert cast.sri_case.teacher.name in letter and "Sesi 10" in letter
    assert client.get(reverse("plpg:participant", args=[w.budi.pk])).status_code == 404
    assert client.get(reverse("plpg:invitation", args=[w.budi.pk])).status_code == 404
    score = reverse("plpg:score", args=[w.sri.pk])
    assert client.post(score, {"part": "SUT", "score": "100"}).status_code == 403
    assert not Score.objects.exists()


def test_a_teacher_not_in_the_plpg_reads_who_comes_here_without_filters(client, cast):
    page = signed_in(client, cast.sri).get(reverse("plpg:participants"))
    text = page.content.decode()
    assert page.status_code == 200
    assert "after the portfolio decision MPLPG" in text
    # No filters over a list that is empty for everyone they could filter.
    assert "worklist-filters" not in text


def test_the_case_page_links_to_the_plpg(client, cast):
    w = world(cast)
    page = signed_in(client, cast.sri).get(reverse("portfolios:case", args=[cast.sri_case.pk]))
    assert reverse("plpg:participant", args=[w.sri.pk]) in page.content.decode()


def test_the_instructor_scores_and_bad_scores_are_messages(client, cast):
    w = world(cast)
    attend_all(w)
    signed_in(client, w.teacher.user)
    peer = reverse("plpg:peer_teaching", args=[w.sri.pk])
    for number in (1, 2, 3):
        data = {
            "number": number,
            "plan_discussed": "on",
            "plan_score": "80",
            "teaching_score": "80",
        }
        assert client.post(peer, data).status_code == 302
    bad = client.post(peer, {"number": 4, "plan_score": "101", "teaching_score": "x"}, follow=True)
    assert "Lesson plan score" in bad.content.decode()
    score = reverse("plpg:score", args=[w.sri.pk])
    for part in ("HW", "SP", "SS"):
        client.post(score, {"part": part, "score": "80"})
    done = client.post(score, {"part": "SUT", "score": "60"}, follow=True)
    assert "Retake SUT (retake 1 of 2)." in done.content.decode()
    refused = client.post(score, {"part": "SUP", "score": "90"}, follow=True)
    assert "Only the failed parts are retaken" in refused.content.decode()
    assert (
        "Score" in client.post(score, {"part": "SUT", "score": "abc"}, follow=True).content.decode()
    )
    client.post(score, {"part": "SUT", "score": "80"})
    cast.sri_case.refresh_from_db()
    assert cast.sri_case.state == Case.State.PLPG_PASSED
    signed_in(client, w.other.user)
    assert client.post(score, {"part": "SUT", "score": "80"}).status_code == 404


def test_the_import_page_lists_bad_rows_with_their_lines(client, cast):
    w = world(cast)
    signed_in(client, w.teacher.user)
    url = reverse("plpg:import", args=[w.plpg_class.pk])
    upload = SimpleUploadedFile("n.csv", b"participant,SUT\n071234560001,200\n", "text/csv")
    page = client.post(url, {"file": upload})
    assert page.status_code == 400
    assert "“200” is not a score from 0 to 100." in page.content.decode()
    assert client.post(url, {}).status_code == 400
    good = SimpleUploadedFile("n.csv", b"participant,SUT\n071234560001,70\n", "text/csv")
    assert client.post(url, {"file": good}).status_code == 200
    assert Score.objects.get().score == 70
    signed_in(client, cast.sri)
    assert client.post(url, {"file": good}).status_code == 404


def test_the_district_sees_its_teachers_and_records_remedial_work(client, cast):
    w = world(cast)
    attend_all(w)
    peer_teach(w, w.sri)
    from decimal import Decimal

    from sergur.plpg.services import plpg_score_enter

    for part, score in (("HW", 80), ("SP", 80), ("SS", 80), ("SUT", 50)):
        plpg_score_enter(participant=w.sri, part=part, score=Decimal(score), actor=w.teacher.user)
    signed_in(client, cast.dinas)
    listing = client.get(reverse("plpg:participants")).content.decode()
    assert cast.sri_case.teacher.name in listing
    url = reverse("plpg:remedial", args=[w.sri.pk])
    data = {
        "kind": "mgmp",
        "description": "MGMP",
        "starts_on": "2030-08-01",
        "ends_on": "2030-08-02",
    }
    assert client.post(url, data).status_code == 302
    assert w.sri.remedial.count() == 1
    bad = client.post(url, {**data, "ends_on": "2030-07-01"}, follow=True)
    assert "ends before it starts" in bad.content.decode()
    signed_in(client, cast.dinas_other)
    assert client.post(url, data).status_code == 404
    assert (
        cast.sri_case.teacher.name not in client.get(reverse("plpg:participants")).content.decode()
    )
    signed_in(client, w.teacher.user)
    assert client.post(url, data).status_code == 403


@pytest.mark.parametrize("who", ["asesor", "lpmp"])
def test_roles_without_plpg_pages_get_403(client, cast, who):
    signed_in(client, getattr(cast, who))
    assert client.get(reverse("plpg:participants")).status_code == 403
    assert client.get(reverse("plpg:classes")).status_code == 403


@pytest.mark.parametrize("extra", [0, 3])
def test_the_class_and_list_pages_take_a_fixed_number_of_queries(
    client, cast, django_assert_max_num_queries, extra
):
    from sergur.assessments.tests.decisions_support import extra_case
    from sergur.plpg.models import Participant

    w = world(cast)
    for n in range(extra):  # more participants in the same class: no more queries
        Participant.objects.create(
            case=publish_mplpg(extra_case(cast), f"07123456010{n}"), plpg_class=w.plpg_class
        )
    attend_all(w)
    signed_in(client, cast.rayon_admin)
    client.get(reverse("plpg:rayon"))  # the session and the user are loaded once
    with django_assert_max_num_queries(8):
        assert client.get(reverse("plpg:class", args=[w.plpg_class.pk])).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(reverse("plpg:rayon")).status_code == 200
    signed_in(client, cast.dinas)
    with django_assert_max_num_queries(7):
        assert client.get(reverse("plpg:participants")).status_code == 200
    with django_assert_max_num_queries(12):  # 11, and the score history since the corrections
        assert client.get(reverse("plpg:participant", args=[w.sri.pk])).status_code == 200


def test_the_rayon_admin_edits_the_merge_table(client, cast):
    from sergur.plpg.models import SubjectMerge
    from sergur.registry.tests.factories import SubjectFactory

    math = SubjectFactory()
    physics = SubjectFactory(code="181", name="Fisika")
    signed_in(client, cast.rayon_admin)
    url = reverse("plpg:merge_set")
    assert client.post(url, {"subject": physics.pk, "into": math.pk}).status_code == 302
    assert SubjectMerge.objects.get().into == math
    page = client.post(url, {"subject": physics.pk, "into": physics.pk}, follow=True)
    assert "A subject is not merged into itself." in page.content.decode()
    assert client.post(url, {"subject": "x"}).status_code == 400
    assert client.post(url, {"subject": physics.pk, "into": ""}).status_code == 302
    assert not SubjectMerge.objects.exists()
    signed_in(client, cast.dinas)
    assert client.post(url, {"subject": physics.pk, "into": math.pk}).status_code == 403


def test_the_rayon_records_a_relationship_and_the_class_refuses_that_instructor(client, cast):
    from sergur.plpg.models import InstructorRelation

    w = world(cast)
    signed_in(client, cast.rayon_admin)
    url = reverse("plpg:relation_declare")
    data = {"instructor": w.other.pk, "participant": w.sri.pk, "relation": "saudara kandung"}
    assert client.post(url, data).status_code == 302
    assert InstructorRelation.objects.get().teacher == cast.sri_case.teacher
    again = client.post(url, data)
    assert again.status_code == 400
    assert "already declared" in again.content.decode()
    assert client.post(url, {"instructor": w.other.pk}).status_code == 400
    update = reverse("plpg:class_update", args=[w.plpg_class.pk])
    page = client.post(update, {"instructor": w.other.pk, "venue": "Aula"}, follow=True)
    assert "declared a relationship" in page.content.decode()
    signed_in(client, w.teacher.user)
    assert client.post(url, data).status_code == 403
