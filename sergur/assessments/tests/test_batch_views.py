"""The re-scoring page: who may open it and start a job (superuser; a rayon admin for their
rayon), the confirmation, the polled progress fragment (another rayon's job is 404), and a
history whose queries do not grow with the jobs."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sergur.assessments.models import BatchJob
from sergur.assessments.tests.batch_support import VARIANTS, decided_cases
from sergur.conftest import PASSWORD

PAGE = reverse("assessments:batch")
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}
ALLOWED = {"operator", "rayon_admin", "rayon_other"}
FORBIDDEN = ["sri", "pak_kepala", "pengawas", "dinas", "lpmp", "asesor"]


def _login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _job(cast, rayon):
    return BatchJob.objects.create(
        kind=BatchJob.Kind.RESCORE,
        programme_year=cast.sri_case.programme_year,
        rayon=rayon,
        started_by=cast.operator,
        total=10,
        done=4,
    )


@pytest.mark.parametrize("who", [*sorted(ALLOWED), *FORBIDDEN])
def test_who_opens_the_page(client, cast, who):
    response = _login(client, getattr(cast, who)).get(PAGE, **ENGLISH)

    assert response.status_code == (200 if who in ALLOWED else 403)
    if who in ALLOWED:
        assert b"Current parameters" in response.content


def test_anonymous_is_sent_to_login(client):
    response = client.get(PAGE)
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("who", FORBIDDEN)
def test_other_roles_cannot_start_a_job(client, cast, who):
    response = _login(client, getattr(cast, who)).post(
        PAGE, {"programme_year": "2007", "confirm": "on"}
    )

    assert response.status_code == 403
    assert not BatchJob.objects.exists()


def test_a_rayon_admin_rescores_their_rayon(client, cast, django_capture_on_commit_callbacks):
    decided_cases(cast, VARIANTS[:1])
    _login(client, cast.rayon_admin)

    unconfirmed = client.post(
        PAGE, {"programme_year": "2007", "rayon": cast.rayon_admin.rayon_id}, **ENGLISH
    )
    assert unconfirmed.status_code == 200 and not BatchJob.objects.exists()
    assert b"This field is required" in unconfirmed.content

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            PAGE,
            {"programme_year": "2007", "rayon": cast.rayon_admin.rayon_id, "confirm": "on"},
            follow=True,
            **ENGLISH,
        )

    job = BatchJob.objects.get()
    assert response.status_code == 200
    assert job.rayon_id == cast.rayon_admin.rayon_id and job.started_by == cast.rayon_admin
    assert job.state == BatchJob.State.DONE and job.total == job.done == 1  # ran inline
    assert b"The re-scoring job was started." in response.content


def test_a_rayon_admin_cannot_rescore_another_rayon_or_all(client, cast):
    _login(client, cast.rayon_admin)
    for rayon in (cast.rayon_other.rayon_id, ""):
        response = client.post(PAGE, {"programme_year": "2007", "rayon": rayon, "confirm": "on"})
        assert response.status_code == 200  # the form refuses the choice
    assert not BatchJob.objects.exists()


def test_a_superuser_rescores_every_rayon(client, cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _login(client, cast.operator).post(PAGE, {"programme_year": "2007", "confirm": "on"})

    job = BatchJob.objects.get()
    assert job.rayon is None and job.state == BatchJob.State.DONE


def test_a_second_job_waits_for_the_first(client, cast):
    first = _job(cast, None)
    first.state = BatchJob.State.RUNNING
    first.save()
    response = _login(client, cast.operator).post(
        PAGE, {"programme_year": "2007", "confirm": "on"}, **ENGLISH
    )

    assert response.status_code == 200
    assert b"already queued or running" in response.content
    assert BatchJob.objects.count() == 1


@pytest.mark.parametrize(
    ("who", "own", "other"),
    [
        ("operator", 200, 200),
        ("rayon_admin", 200, 404),
        ("rayon_other", 404, 200),
        ("sri", 403, 403),
        ("asesor", 403, 403),
    ],
)
def test_who_watches_a_job(client, cast, who, own, other):
    mine = _job(cast, cast.rayon_admin.rayon)
    theirs = _job(cast, cast.rayon_other.rayon)
    _login(client, getattr(cast, who))

    for job, expected in ((mine, own), (theirs, other)):
        response = client.get(reverse("assessments:batch_progress", args=[job.pk]))
        assert response.status_code == expected
        if expected == 200:
            assert b'value="40"' in response.content  # 4 of 10
            assert b"hx-get" in response.content  # still queued: polled
            assert "no-store" in response["Cache-Control"]


def test_a_finished_job_is_not_polled(client, cast):
    job = _job(cast, cast.rayon_admin.rayon)
    job.state = BatchJob.State.DONE
    job.done = 10
    job.save()
    response = _login(client, cast.rayon_admin).get(
        reverse("assessments:batch_progress", args=[job.pk])
    )

    assert b"hx-get" not in response.content and b'value="100"' in response.content


def test_history_queries_do_not_grow(client, cast):
    _login(client, cast.operator)
    first = _job(cast, None)
    first.state = BatchJob.State.DONE
    first.save()
    with CaptureQueriesContext(connection) as few:
        client.get(PAGE)
    for _ in range(10):
        job = _job(cast, cast.rayon_admin.rayon)
        job.state = BatchJob.State.DONE
        job.save()
    with CaptureQueriesContext(connection) as many:
        response = client.get(PAGE)

    assert response.content.count(b"<progress") == 11
    assert len(many.captured_queries) == len(few.captured_queries)
