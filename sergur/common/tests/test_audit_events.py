"""Each kind of event reaches the audit trail: sign-ins (right, wrong, locked out) and
sign-outs, second-factor changes, downloads of personal data, actions on a case. The
import's per-teacher records are tested beside the import (sergur/imports/tests)."""

from __future__ import annotations

from base64 import b32decode, b32encode

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_otp.oath import TOTP

from sergur.accounts.twofactor import (
    recovery_codes_regenerate,
    totp_device_confirm,
    totp_device_start,
    two_factor_check,
    two_factor_disable,
)
from sergur.cases.models import Case, CaseEvent
from sergur.cases.services import case_transition
from sergur.common.audit import Action, audit_verify
from sergur.common.models import AuditRecord
from sergur.conftest import PASSWORD
from sergur.imports.services import import_batch_create, import_check
from sergur.imports.tests.factories import csv_upload, row
from sergur.portfolios.services import evidence_add
from sergur.portfolios.tests.teacher_support import add_row, fill_submittable, pdf_upload

LOGIN = reverse("login")


def records(action: str) -> list[AuditRecord]:
    return list(AuditRecord.objects.filter(action=action).order_by("seq"))


def sign_in(client, username: str, password: str, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


# -- signing in and out ----------------------------------------------------------------------
def test_a_sign_in_is_recorded_with_the_user_and_address(client, cast):
    sign_in(client, "dinas", PASSWORD, REMOTE_ADDR="198.51.100.7")

    (record,) = records(Action.SIGNIN)
    assert (record.actor_id, record.actor_role) == (cast.dinas.pk, "district_committee")
    assert record.address == "198.51.100.7"
    assert record.district_id == cast.dinas.district_id


def test_a_failed_sign_in_names_the_account_by_id_only(client, cast):
    sign_in(client, "dinas", "wrong", REMOTE_ADDR="203.0.113.9")
    sign_in(client, "nobody-here", "wrong", REMOTE_ADDR="203.0.113.9")

    named, unknown = records(Action.SIGNIN_FAILED)
    assert (named.actor_id, named.actor_role) == (None, "anonymous")
    assert (named.object_kind, named.object_id) == ("user", str(cast.dinas.pk))
    assert named.address == "203.0.113.9"
    assert (unknown.object_kind, unknown.object_id) == ("", "")
    assert "dinas" not in str(named.detail) and "nobody" not in str(unknown.detail)


def test_a_lockout_is_recorded(client, cast, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        sign_in(client, "dinas", "wrong", REMOTE_ADDR="203.0.113.9")

    assert records(Action.SIGNIN_LOCKED)
    assert records(Action.SIGNIN_LOCKED)[0].object_id == str(cast.dinas.pk)


def test_a_sign_out_is_recorded(client, cast):
    client.force_login(cast.sri)
    client.post(reverse("logout"))

    assert [r.actor_id for r in records(Action.SIGNOUT)] == [cast.sri.pk]


# -- the second factor -----------------------------------------------------------------------
def test_enrolling_an_authenticator_is_recorded(cast):
    device = totp_device_start(user=cast.sri)
    code = TOTP(b32decode(_b32(device.bin_key))).token()

    totp_device_confirm(user=cast.sri, code=f"{code:06d}")

    assert [r.object_id for r in records(Action.TWO_FACTOR_ENROLLED)] == [str(cast.sri.pk)]
    assert [r.actor_id for r in records(Action.TWO_FACTOR_CODES)] == [cast.sri.pk]


def _b32(key: bytes) -> str:
    return b32encode(key).decode()


def test_using_a_recovery_code_and_turning_the_factor_off_are_recorded(cast):
    codes = recovery_codes_regenerate(user=cast.sri)

    two_factor_check(user=cast.sri, code=codes[0])
    two_factor_disable(user=cast.sri, code=codes[1])

    assert len(records(Action.TWO_FACTOR_CODES)) == 1
    assert len(records(Action.TWO_FACTOR_RECOVERY_USED)) == 2
    assert [r.actor_id for r in records(Action.TWO_FACTOR_REMOVED)] == [cast.sri.pk]


def test_a_refused_change_records_nothing(cast):
    with pytest.raises(ValidationError) as refused:
        two_factor_disable(user=cast.sri, code="000000")

    assert refused.value.code == "wrong_code"
    assert not records(Action.TWO_FACTOR_REMOVED)


# -- downloads of personal data --------------------------------------------------------------
def _download(client, user, path: str, **query: str):
    client.force_login(user)
    response = client.get(path, query)
    assert response.status_code == 200, path
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def test_an_evidence_download_is_recorded_with_the_case_and_its_district(client, cast):
    entry = add_row(cast.sri_case, cast.sri, "award")
    evidence = evidence_add(entry=entry, upload=pdf_upload(), is_original=True, actor=cast.sri)
    path = reverse("portfolios:evidence", args=[cast.sri_case.pk, evidence.pk])

    _download(client, cast.dinas, path)

    (record,) = records(Action.DOWNLOAD)
    assert record.detail == {"file": "evidence", "evidence": evidence.pk}
    assert (record.object_kind, record.object_id) == ("case", str(cast.sri_case.pk))
    assert (record.actor_id, record.district_id) == (cast.dinas.pk, cast.dinas.district_id)


def test_an_export_and_a_book_are_recorded(client, cast, settings, tmp_path):
    settings.SERGUR_SIGNING_KEY_FILE = str(tmp_path / "key.pem")
    fill_submittable(cast.sri_case, cast.sri)

    _download(client, cast.sri, reverse("portfolios:export", args=[cast.sri_case.pk]))
    _download(client, cast.sri, reverse("portfolios:book", args=[cast.sri_case.pk]))

    assert [r.detail["file"] for r in records(Action.DOWNLOAD)] == ["export", "book"]


def test_a_refused_download_records_nothing(client, cast):
    client.force_login(cast.budi)
    response = client.get(reverse("portfolios:export", args=[cast.sri_case.pk]))

    assert response.status_code == 404
    assert not records(Action.DOWNLOAD)


def test_the_district_results_csv_is_recorded(client, cast):
    _download(client, cast.dinas, reverse("assessments:district_results"), format="csv")

    (record,) = records(Action.DOWNLOAD)
    assert record.detail["file"] == "results_csv"
    assert record.district_id == cast.dinas.district_id


def test_the_import_problems_csv_is_recorded(client, cast):
    batch = import_check(
        batch=import_batch_create(actor=cast.dinas, upload=csv_upload([row(1, NUPTK="x")]))
    )

    _download(client, cast.dinas, reverse("imports:problems_csv", args=[batch.pk]))

    (record,) = records(Action.DOWNLOAD)
    assert (record.object_kind, record.object_id) == ("import", str(batch.pk))
    assert record.detail == {"file": "import_problems_csv"}


# -- actions on a case -----------------------------------------------------------------------
def test_every_case_event_is_recorded_with_its_kind_and_states(cast):
    case_transition(
        case=cast.sri_case,
        to_state=Case.State.SUBMITTED,
        actor=cast.sri,
        kind=CaseEvent.Kind.SUBMITTED,
        reason="Sri Wahyuni asked",
    )

    opened, submitted = records(Action.CASE_EVENT)[-2:]
    event = CaseEvent.objects.filter(case=cast.sri_case).latest("pk")
    assert (opened.actor_role, opened.detail["kind"]) == ("system", "created")
    assert submitted.detail == {
        "event": event.pk,
        "kind": "submitted",
        "from": "draft",
        "to": "submitted",
    }
    assert (submitted.object_kind, submitted.object_id) == ("case", str(cast.sri_case.pk))
    assert submitted.district_id == cast.dinas.district_id
    assert "Sri" not in str(submitted.detail)
    assert audit_verify()[1] == []


def test_the_number_of_events_and_records_match(cast):
    events = CaseEvent.objects.count()

    assert len(records(Action.CASE_EVENT)) == events
