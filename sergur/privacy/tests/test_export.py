"""The teacher's own copy: a ZIP with data.json, summary.html and the files; only the teacher
themself gets it, nobody else by this route."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.urls import reverse

from sergur.assessments.models import Result
from sergur.assessments.tests.decisions_support import decided
from sergur.privacy.selectors import SECTIONS
from sergur.privacy.tests.support import closed_case

DOWNLOAD = reverse("privacy:download")
MINE = reverse("privacy:mine")


@pytest.fixture(autouse=True)
def signing_key(settings, tmp_path):
    settings.SERGUR_SIGNING_KEYS = ""
    settings.SERGUR_SIGNING_KEY_FILE = str(tmp_path / "key.pem")


@pytest.fixture
def closed(cast):
    return closed_case(cast.sri_case, cast)


def download(client, user, **headers):
    client.force_login(user)
    response = client.get(DOWNLOAD, **headers)
    assert response.status_code == 200
    return response, zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def data_of(archive):
    return json.loads(archive.read("data.json"))


def test_the_teacher_downloads_everything_held_about_them(client, cast, closed):
    response, archive = download(client, cast.sri)

    data = data_of(archive)
    sections = data["sections"]
    teacher = cast.sri_case.teacher
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="sergur-data-')
    assert "no-store" in response["Cache-Control"]
    assert data["schema"] == "sergur.personal-data/1"
    assert sections["teacher"][0]["nuptk"] == teacher.nuptk
    assert sections["teacher"][0]["birth_date"] == teacher.birth_date.isoformat()
    assert sections["teaching_assignments"][0]["school"]["label"] == "SMP Negeri 1 Bantul"
    assert sections["cases"][0]["state_display"]
    assert {event["kind"] for event in sections["case_events"]} >= {"submitted", "published"}
    assert len(sections["portfolio_entries"]) == len(sections["evidence"]) == 9
    assert sections["submissions"][0]["content"]["evidence"]
    assert sections["results"][0]["code"] == closed[0].code
    assert sections["appeals"][0]["grounds"] == "Komponen 2 dinilai terlalu rendah."
    assert sections["account"][0]["username"] == "sri"
    assert sections["account"][0]["two_factor"] is False


def test_every_field_of_every_exported_row_is_in_the_copy(client, cast, closed):
    _response, archive = download(client, cast.sri)

    sections = data_of(archive)["sections"]
    for section in SECTIONS:
        fields = {f.name for f in section.model._meta.concrete_fields} - set(section.omit)
        for row in sections[section.key]:
            assert fields <= set(row), f"{section.key}: {sorted(fields - set(row))}"


def test_the_files_are_in_the_zip_with_their_bytes(client, cast, closed):
    _response, archive = download(client, cast.sri)

    data = data_of(archive)
    evidence = cast.sri_case.evidence.first()
    path = next(row["file"] for row in data["sections"]["evidence"] if row["id"] == evidence.pk)
    appeal_path = data["sections"]["appeals"][0]["evidence"]
    assert path.endswith(".pdf") and path in data["files"]
    with evidence.file.open("rb") as stored:
        assert archive.read(path) == stored.read()
    assert archive.read(appeal_path).startswith(b"%PDF")
    assert set(data["files"]) <= set(archive.namelist())


def test_the_summary_is_readable_html_in_the_users_language(client, cast, closed):
    _response, archive = download(client, cast.sri)

    summary = archive.read("summary.html").decode()
    assert cast.sri_case.teacher.name in summary
    assert cast.sri_case.teacher.nuptk in summary
    assert "<h2>" in summary and 'lang="id"' in summary
    assert "SMP Negeri 1 Bantul" in summary
    assert "{'" not in summary  # objects are shown as JSON, not as Python's repr


def named(*users):
    """Give staff users distinct names, to look for them in a copy."""
    for user in users:
        user.first_name, user.last_name = "Petugas", f"Bernama {user.username}"
        user.save()
    return [user.get_full_name() for user in users]


def test_no_secret_no_closed_envelope_and_no_assessor_is_in_the_copy(client, cast, closed):
    names = named(cast.asesor, cast.asesor2)

    _response, archive = download(client, cast.sri)

    text = archive.read("data.json").decode() + archive.read("summary.html").decode()
    data = json.loads(archive.read("data.json"))
    assert "password" not in data["sections"]["account"][0]
    assert cast.sri.password not in text
    assert "observation_items" not in data["sections"]["envelope"][0]
    for name in names:
        assert name not in text
    assert cast.asesor.assessor.number not in text and cast.asesor2.assessor.number not in text
    assert "reviewer" not in data["sections"]["appeals"][0]
    left_out = {item["what"] for item in data["left_out"]}
    assert {"envelope.observation_items", "account.password", "appeals.reviewer"} <= left_out


def test_other_people_appear_by_role_and_the_teacher_as_you(client, cast, closed):
    (name,) = named(cast.rayon_admin)

    _response, archive = download(client, cast.sri, HTTP_ACCEPT_LANGUAGE="en")

    data = data_of(archive)
    evidence = data["sections"]["evidence"][0]
    published = next(e for e in data["sections"]["case_events"] if e["kind"] == "published")
    assert evidence["uploaded_by"] == "you"
    assert published["actor"] == "Rayon admin"
    assert name not in json.dumps(data)


def test_an_unpublished_decision_is_not_yet_in_the_copy(client, cast):
    result = decided(cast.sri_case, "MS")

    _response, archive = download(client, cast.sri)

    assert Result.objects.filter(pk=result.pk, published_at__isnull=True).exists()
    assert data_of(archive)["sections"]["results"] == []


def test_another_teacher_gets_only_their_own_copy(client, cast, closed):
    _response, archive = download(client, cast.budi)

    text = archive.read("data.json").decode()
    data = json.loads(text)
    assert data["sections"]["teacher"][0]["nuptk"] == cast.budi_case.teacher.nuptk
    assert cast.sri_case.teacher.nuptk not in text
    assert cast.sri_case.teacher.name not in text
    assert data["files"] == []


@pytest.mark.parametrize(
    "who", ["dinas", "lpmp", "rayon_admin", "asesor", "pak_kepala", "operator"]
)
def test_staff_get_no_copy_by_this_route(client, cast, closed, who):
    client.force_login(getattr(cast, who))

    assert client.get(DOWNLOAD).status_code == 404
    assert client.get(MINE).status_code == 404


def test_a_teacher_account_without_a_teacher_record_gets_404(client, cast):
    teacher = cast.sri_case.teacher
    teacher.user = None
    teacher.save()
    client.force_login(cast.sri)

    assert client.get(DOWNLOAD).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, cast):
    response = client.get(DOWNLOAD)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_page_explains_the_copy_and_the_retention_and_the_menu_links_it(client, cast):
    client.force_login(cast.sri)

    page = client.get(MINE, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert f'href="{DOWNLOAD}"' in page
    assert f'href="{MINE}"' in page
    assert "5 years after the case closed" in page
    assert "Without a time limit" in page


def test_staff_menus_do_not_link_the_copy(client, cast):
    client.force_login(cast.dinas)

    assert MINE not in client.get(reverse("cases:list")).content.decode()


def test_the_rayons_sealed_steps_keep_their_codes_and_reasons(client, cast, closed):
    _response, archive = download(client, cast.sri)

    events = data_of(archive)["sections"]["case_events"]
    decided = [event for event in events if event["kind"] == "decided"]
    assert decided and all(e["reason"] == "" and e["data"] == {} for e in decided)
    assert all(e["sealed"] for e in decided)
    assert all("sealed" not in e for e in events if e["kind"] == "submitted")
