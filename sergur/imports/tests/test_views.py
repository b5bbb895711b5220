"""Import pages: who may use them, upload, report, problems CSV, status and apply."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from sergur.accounts.models import User
from sergur.common.uploads import TOO_LARGE, human_size
from sergur.conftest import PASSWORD, Cast
from sergur.imports.models import ImportBatch
from sergur.imports.services import import_batch_create, import_check
from sergur.imports.tests.factories import csv_upload, row
from sergur.registry.models import School, Teacher

pytestmark = pytest.mark.django_db


def in_id(message: str) -> str:
    """A message as the Indonesian page shows it (HTML-escaped)."""
    with translation.override("id"):
        return escape(translation.gettext(message))


def client_for(user: User) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def batch_of(user: User, rows: list[dict[str, str]]) -> ImportBatch:
    return import_check(batch=import_batch_create(actor=user, upload=csv_upload(rows)))


@pytest.mark.parametrize("who", ["sri", "pak_kepala", "pengawas", "lpmp", "asesor"])
def test_other_roles_get_403(cast: Cast, who: str) -> None:
    client = client_for(getattr(cast, who))
    assert client.get(reverse("imports:list")).status_code == 403
    upload = {"file": csv_upload([row(1)]), "date_format": "YYYY-MM-DD"}
    assert client.post(reverse("imports:upload"), upload).status_code == 403
    batch = batch_of(cast.dinas, [row(1)])
    assert client.get(reverse("imports:detail", args=[batch.pk])).status_code == 403


def test_anonymous_users_are_sent_to_sign_in(cast: Cast) -> None:
    assert Client().get(reverse("imports:list")).status_code == 302


@pytest.mark.parametrize("who", ["dinas", "operator"])
def test_committee_and_operator_upload_check_and_import(
    cast: Cast, school: School, who: str
) -> None:
    client = client_for(getattr(cast, who))
    assert client.get(reverse("imports:list")).status_code == 200
    upload = csv_upload([row(1), row(2, TANGGAL_LAHIR="31/12/1965")])
    response = client.post(reverse("imports:upload"), {"file": upload, "date_format": "YYYY-MM-DD"})
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:detail", args=[batch.pk])
    page = client.get(response["Location"]).content.decode()
    assert "TANGGAL_LAHIR" in page and "31/12/1965" in page
    assert "good_rows" in page and "all_or_nothing" not in page
    status = client.get(reverse("imports:status", args=[batch.pk]))
    assert status.status_code == 200 and b"<progress" in status.content
    applied = client.post(reverse("imports:apply", args=[batch.pk]), {"mode": "all_or_nothing"})
    assert applied.status_code == 302
    assert not Teacher.objects.filter(nuptk=row(1)["NUPTK"]).exists()
    client.post(reverse("imports:apply", args=[batch.pk]), {"mode": "good_rows"})
    assert Teacher.objects.filter(nuptk=row(1)["NUPTK"]).exists()
    assert client.post(reverse("imports:apply", args=[batch.pk]), {}).status_code == 302


def test_someone_elses_batch_is_404(cast: Cast, school: School) -> None:
    batch = batch_of(cast.dinas, [row(1)])
    client = client_for(cast.dinas_other)
    for name in ("imports:detail", "imports:status", "imports:problems_csv"):
        assert client.get(reverse(name, args=[batch.pk])).status_code == 404
    assert (
        client.post(reverse("imports:apply", args=[batch.pk]), {"mode": "good_rows"}).status_code
        == 404
    )
    assert (
        client_for(cast.operator).get(reverse("imports:detail", args=[batch.pk])).status_code == 200
    )


def test_the_problems_csv_neutralises_formula_cells(cast: Cast, school: School) -> None:
    batch = batch_of(cast.dinas, [row(1, KODE_BIDANG_STUDI="=1+1", TANGGAL_LAHIR="@x")])
    response = client_for(cast.dinas).get(reverse("imports:problems_csv", args=[batch.pk]))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[attr-defined]
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["baris", "kolom", "kode", "tingkat", "pesan"]
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)
    assert {r[1] for r in rows[1:]} == {"TANGGAL_LAHIR", "KODE_BIDANG_STUDI"}
    assert {r[3] for r in rows[1:]} <= {"kesalahan", "peringatan"}


@pytest.mark.parametrize(("accept", "header"), [("en", "line"), ("id", "baris")])
def test_the_problems_csv_is_in_the_readers_language(
    cast: Cast, school: School, accept: str, header: str
) -> None:
    batch = batch_of(cast.dinas, [row(1, TANGGAL_LAHIR="31-02-1970")])
    response = client_for(cast.dinas).get(
        reverse("imports:problems_csv", args=[batch.pk]), HTTP_ACCEPT_LANGUAGE=accept
    )
    # The rows are written after the view returned, with another language active.
    with translation.override("id" if accept == "en" else "en"):
        text = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[attr-defined]
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == header
    expected = [
        p.text("en" if accept == "en" else "id") for p in batch.problems.order_by("line", "pk")
    ]
    assert [r[4] for r in rows[1:]] == expected and expected


def test_a_refused_upload_is_explained_on_the_form(cast: Cast, settings: object) -> None:
    client = client_for(cast.dinas)
    bad = client.post(
        reverse("imports:upload"),
        {"file": csv_upload([row(1)], name="guru.pdf"), "date_format": "YYYY-MM-DD"},
    )
    assert bad.status_code == 400
    assert in_id("Upload a .csv or .xlsx file.") in bad.content.decode()
    settings.SERGUR_IMPORT_MAX_BYTES = 10  # type: ignore[attr-defined]
    upload = csv_upload([row(1)])
    big = client.post(reverse("imports:upload"), {"file": upload, "date_format": "YYYY-MM-DD"})
    assert big.status_code == 400
    with translation.override("id"):
        sizes = {"size": human_size(upload.size or 0), "limit": human_size(10)}
        expected = escape(translation.gettext(str(TOO_LARGE)) % sizes)
    assert expected in big.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_running_batch_polls_and_offers_a_refresh_link(cast: Cast, school: School) -> None:
    batch = batch_of(cast.dinas, [row(1)])
    ImportBatch.objects.filter(pk=batch.pk).update(status="checking", progress=40)
    page = client_for(cast.dinas).get(reverse("imports:status", args=[batch.pk])).content
    assert b'hx-trigger="every 1s"' in page and in_id("Refresh") in page.decode()


def test_the_report_pages_through_many_problems(cast: Cast, school: School) -> None:
    batch = batch_of(cast.dinas, [row(n, NIP="") for n in range(1, 260)])
    page = client_for(cast.dinas).get(reverse("imports:detail", args=[batch.pk]) + "?page=2")
    assert page.status_code == 200 and b"?page=1" in page.content


def test_the_admin_screens_are_read_only(cast: Cast, school: School) -> None:
    batch = batch_of(cast.dinas, [row(1, NIP="")])
    client = client_for(cast.operator)
    assert client.get(reverse("admin:imports_importbatch_changelist")).status_code == 200
    assert client.get(reverse("admin:imports_importproblem_changelist")).status_code == 200
    assert client.get(reverse("admin:imports_importbatch_add")).status_code == 403
    change = client.post(reverse("admin:imports_importbatch_delete", args=[batch.pk]))
    assert change.status_code == 403


def test_a_stalled_import_stops_the_polling_and_says_so(cast: Cast, school: School) -> None:
    import datetime as dt

    from django.utils import timezone

    batch = batch_of(cast.dinas, [row(1)])
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.APPLYING, beat_at=timezone.now()
    )
    alive = client_for(cast.dinas).get(reverse("imports:status", args=[batch.pk])).content
    assert b"hx-get" in alive and b"berhenti sebelum selesai" not in alive

    long_ago = timezone.now() - dt.timedelta(minutes=16)  # the process was killed then
    ImportBatch.objects.filter(pk=batch.pk).update(beat_at=long_ago)
    stalled = client_for(cast.dinas).get(reverse("imports:status", args=[batch.pk])).content

    assert b"hx-get" not in stalled
    assert b"berhenti sebelum selesai" in stalled
