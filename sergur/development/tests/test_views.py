"""The PKB pages: the teacher records an activity and sees their progress; the principal
verifies it and opens the remedial plan of an appraisal below standard; another school's
principal, another district and another teacher do not find it; bad input answers with its
message and saves nothing (docs/pkb.md)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sergur.accounts.models import User
from sergur.appraisal.tests.support import finalised, scored
from sergur.conftest import Cast
from sergur.development.models import Activity, Plan, Standing
from sergur.development.tests.support import standing, training
from sergur.kkg.tests.support import cluster, held_package
from sergur.portfolios.tests.teacher_support import pdf_upload


@pytest.fixture(autouse=True)
def _english(settings: Any) -> Any:
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def as_user(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def test_the_teacher_records_a_kkg_package_and_the_principal_accepts_it(
    client: Client, cast: Cast
) -> None:
    standing(cast)
    package = held_package(cast, cluster(cast))
    page = as_user(client, cast.sri).get(reverse("development:mine"))
    assert "Promotion III/a → III/b" in page.content.decode()
    assert "Self-development (PD)" in page.content.decode()
    done = client.post(
        reverse("development:activity_add"),
        {
            "kind": "kkg_package",
            "title": "KKG paket 1",
            "done_on": "2026-02-20",
            "kkg_package": package.pk,
        },
    )
    assert done.status_code == 302
    activity = Activity.objects.get()
    page = as_user(client, cast.pak_kepala).get(reverse("development:worklist"))
    assert "KKG paket 1" in page.content.decode()
    client.post(reverse("development:verify", args=[activity.pk]), {"decision": "accept"})
    activity.refresh_from_db()
    assert activity.state == Activity.State.VERIFIED
    page = as_user(client, cast.sri).get(reverse("development:mine"))
    text = page.content.decode()
    assert '<td id="pkb-counted">47.15</td>' in text


def test_a_bad_activity_says_what_and_saves_nothing(client: Client, cast: Cast) -> None:
    standing(cast)
    done = as_user(client, cast.sri).post(
        reverse("development:activity_add"),
        {
            "kind": "training",
            "title": "Diklat",
            "done_on": "2026-02-20",
            "hours": 40,
            "file": pdf_upload("x.pdf", b"not a pdf"),
        },
    )
    assert done.status_code == 400
    assert "Only PDF, JPEG or PNG files are accepted" in done.content.decode()
    done = client.post(reverse("development:activity_add"), {"kind": "training"})
    assert done.status_code == 400
    assert "This field is required." in done.content.decode()
    assert not Activity.objects.exists()


def test_the_principal_opens_the_remedial_plan_of_a_signed_appraisal(
    client: Client, cast: Cast
) -> None:
    appraisal = finalised(cast, scored(cast, low=("03",)))
    page = as_user(client, cast.pak_kepala).get(
        reverse("development:teacher", args=[cast.sri.teacher.pk])
    )
    assert "open the remedial plan" in page.content.decode()
    client.post(
        reverse("development:remedial_add", args=[cast.sri.teacher.pk]),
        {"appraisal": appraisal.pk, "goal": "Pelatihan kurikulum", "deadline": "2031-06-30"},
    )
    plan = Plan.objects.get()
    assert plan.kind == Plan.Kind.REMEDIAL
    page = as_user(client, cast.sri).get(reverse("development:mine"))
    assert "Remedial" in page.content.decode()
    # The competency below standard in the page's language, not English on an Indonesian page.
    [competency] = plan.competencies
    client.cookies["django_language"] = "id"
    with translation.override("id"):
        page = client.get(reverse("development:mine"))
    text = page.content.decode()
    assert competency["id"] in text
    assert competency["en"] == competency["id"] or competency["en"] not in text


def test_others_do_not_find_the_teacher_and_readers_may_not_act(client: Client, cast: Cast) -> None:
    activity = training(cast)
    teacher = cast.sri.teacher.pk
    for user in (cast.bu_kepala, cast.dinas_other, cast.budi):
        client.force_login(user)
        assert client.get(reverse("development:teacher", args=[teacher])).status_code == 404
        done = client.post(
            reverse("development:verify", args=[activity.pk]), {"decision": "accept"}
        )
        assert done.status_code == 404
    for user in (cast.sri, cast.dinas):
        client.force_login(user)
        done = client.post(
            reverse("development:verify", args=[activity.pk]), {"decision": "accept"}
        )
        assert done.status_code == 403
    assert Activity.objects.get().state == Activity.State.SUBMITTED
    assert (
        as_user(client, cast.sri)
        .get(reverse("development:evidence", args=[activity.pk]))
        .status_code
        == 200
    )


def test_the_district_records_the_standing_and_a_bad_one_is_refused(
    client: Client, cast: Cast
) -> None:
    url = reverse("development:standing", args=[cast.sri.teacher.pk])
    as_user(client, cast.dinas).post(
        url, {"rank": "III/b", "since": "2025-04-01", "carried_pk": "12", "supporting": "1"}
    )
    assert Standing.objects.get().rank == "III/b"
    done = client.post(url, {"rank": "II/a", "since": "x"}, follow=True)
    assert "Select a valid choice" in done.content.decode()
    assert Standing.objects.get().rank == "III/b"
    done = as_user(client, cast.pak_kepala).post(url, {"rank": "III/c"})
    assert done.status_code == 403


def test_the_principal_opens_a_career_plan(client: Client, cast: Cast) -> None:
    url = reverse("development:plan_add", args=[cast.sri.teacher.pk])
    as_user(client, cast.pengawas).post(
        url, {"year": 2026, "goal": "Menulis artikel", "deadline": "2099-01-01"}
    )
    assert Plan.objects.get().kind == Plan.Kind.CAREER
    done = client.post(url, {"year": 2026, "goal": "x", "deadline": "2000-01-01"}, follow=True)
    assert "The deadline must be after the plan is opened." in done.content.decode()


def test_the_suggested_training_hours_are_words_in_both_languages(
    client: Client, cast: Cast
) -> None:
    standing(cast)
    page = as_user(client, cast.sri).get(reverse("development:mine")).content.decode()
    assert " h," not in page
    assert "Functional training (by hours): 1 time, at least " in page
    client.cookies["django_language"] = "id"
    with translation.override("id"):
        text = client.get(reverse("development:mine")).content.decode()
    assert " h," not in text and "paling sedikit " in text


def test_the_worklist_leads_the_verifiers_to_the_remedial_plans_to_open(
    client: Client, cast: Cast, django_assert_max_num_queries: Any
) -> None:
    appraisal = scored(cast, low=("03",))
    finalised(cast, appraisal)
    teacher_page = reverse("development:teacher", args=[cast.sri.teacher.pk])
    for user in (cast.pak_kepala, cast.pengawas):
        client.force_login(user)
        with django_assert_max_num_queries(12):
            text = client.get(reverse("development:worklist")).content.decode()
        assert "Remedial plans to open" in text
        assert f'href="{teacher_page}"' in text
    # Another school's principal sees nothing of Sri's; a teacher has no worklist.
    text = as_user(client, cast.bu_kepala).get(reverse("development:worklist")).content.decode()
    assert teacher_page not in text
    assert "No appraisal waits for a remedial plan." in text
    assert as_user(client, cast.sri).get(reverse("development:worklist")).status_code == 403

    client.force_login(cast.pak_kepala)
    client.post(
        reverse("development:remedial_add", args=[cast.sri.teacher.pk]),
        {"appraisal": appraisal.pk, "goal": "Pelatihan kurikulum", "deadline": "2031-06-30"},
    )
    assert Plan.objects.filter(appraisal=appraisal).exists()
    text = client.get(reverse("development:worklist")).content.decode()
    assert teacher_page not in text  # its plan is open: nothing waits any more


def test_an_appraisal_without_a_competency_below_standard_waits_for_no_plan(
    client: Client, cast: Cast
) -> None:
    finalised(cast, scored(cast))
    text = as_user(client, cast.pak_kepala).get(reverse("development:worklist")).content.decode()
    assert "No appraisal waits for a remedial plan." in text
