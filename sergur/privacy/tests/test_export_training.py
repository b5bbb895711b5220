"""The PLPG and the certificate in the teacher's own copy: their class and scores, their
certificate with its status history and their NRG; never another teacher's."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sergur.accounts.models import User
from sergur.certificates.services import certificate_status_change
from sergur.certificates.tests.support import NOW, issued
from sergur.conftest import Cast
from sergur.plpg.models import InstructorRelation
from sergur.plpg.services import plpg_score_enter
from sergur.plpg.tests.support import attend_all, world
from sergur.privacy.selectors import SECTIONS
from sergur.privacy.selectors.training import TRAINING_EXCLUDED

pytestmark = pytest.mark.django_db

DOWNLOAD = reverse("privacy:download")


@pytest.fixture(autouse=True)
def signing_key(settings: Any, tmp_path: Any) -> None:
    settings.SERGUR_SIGNING_KEYS = ""
    settings.SERGUR_SIGNING_KEY_FILE = str(tmp_path / "key.pem")


def copy_of(client: Client, user: User) -> dict[str, Any]:
    """The data.json of the user's own copy."""
    client.force_login(user)
    response = client.get(DOWNLOAD)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    data: dict[str, Any] = json.loads(zipfile.ZipFile(io.BytesIO(body)).read("data.json"))
    return data


def sections_of(client: Client, user: User) -> dict[str, list[dict[str, Any]]]:
    sections: dict[str, list[dict[str, Any]]] = copy_of(client, user)["sections"]
    return sections


def assert_every_field(sections: dict[str, list[dict[str, Any]]]) -> None:
    for section in SECTIONS:
        fields = {f.name for f in section.model._meta.concrete_fields} - set(section.omit)
        for row in sections[section.key]:
            assert fields <= set(row), f"{section.key}: {sorted(fields - set(row))}"


def test_the_certificate_its_status_history_and_the_nrg_are_in_the_copy(
    client: Client, cast: Cast
) -> None:
    certificate = issued(cast.sri_case, cast)
    certificate_status_change(
        actor=cast.rayon_admin,
        certificate=certificate,
        status="suspended",
        reason="Ijazah diperiksa ulang.",
        now=NOW,
    )

    sections = sections_of(client, cast.sri)

    (row,) = sections["certificates"]
    assert row["number"] == certificate.number
    assert row["status"] == "suspended"
    assert row["nuptk"] == cast.sri_case.teacher.nuptk
    (nrg,) = sections["nrg"]
    assert nrg["number"] == certificate.nrg.number
    assert row["nrg"] == {"id": certificate.nrg_id, "label": certificate.nrg.number}
    (change,) = sections["certificate_status"]
    assert change["reason"] == "Ijazah diperiksa ulang."
    assert change["actor"] == str(User.Role.RAYON_ADMIN.label)
    assert_every_field(sections)


def test_another_teacher_gets_no_certificate_of_someone_else(client: Client, cast: Cast) -> None:
    issued(cast.sri_case, cast)

    sections = sections_of(client, cast.budi)

    assert sections["certificates"] == sections["nrg"] == sections["certificate_status"] == []


def test_the_plpg_class_attendance_and_scores_are_in_the_copy(client: Client, cast: Cast) -> None:
    w = world(cast)
    attend_all(w)
    plpg_score_enter(participant=w.sri, part="SUT", score=Decimal("81.5"), actor=w.teacher.user)

    sections = sections_of(client, cast.sri)

    (place,) = sections["plpg"]
    assert place["plpg_class"]["id"] == w.plpg_class.pk
    assert len(sections["plpg_attendance"]) == len(w.sessions)
    assert {row["participant"]["id"] for row in sections["plpg_attendance"]} == {w.sri.pk}
    (score,) = sections["plpg_scores"]
    assert score["score"] == "81.50"
    assert score["entered_by"] == str(User.Role.INSTRUCTOR.label)
    assert "instruktur" not in json.dumps(sections["plpg_scores"])
    assert_every_field(sections)


def test_the_instructors_declared_relations_are_left_out_with_the_reason(
    client: Client, cast: Cast
) -> None:
    left_out = copy_of(client, cast.sri)["left_out"]

    reason = TRAINING_EXCLUDED[InstructorRelation]
    with translation.override("id"):  # the copy is in the site's language
        assert str(reason) in {item["why"] for item in left_out}
