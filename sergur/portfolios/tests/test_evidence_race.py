"""The same evidence file sent several times at once: one is stored, every other one gets the
friendly "already used", never the database's unique-constraint error (a 500)."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import close_old_connections, connection

from sergur.portfolios.models import Evidence
from sergur.portfolios.services import evidence as evidence_services
from sergur.portfolios.services import evidence_add
from sergur.portfolios.tests.teacher_support import add_row, pdf_bytes, pdf_upload

SENDS = 6


def test_a_copy_that_slipped_past_the_check_gets_already_used(cast, monkeypatch):
    """The race made deterministic: the check before the insert (and full_clean's look at the
    unique constraint) finds nothing, as it does for two requests at the same moment; the
    database's unique constraint then refuses the second insert."""
    data = pdf_bytes("Sertifikat diklat")
    entry = add_row(cast.sri_case, cast.sri, "training")
    evidence_add(entry=entry, upload=pdf_upload("a.pdf", data), is_original=True, actor=cast.sri)
    real = evidence_services._refuse_if_used
    calls: list[str] = []

    def blind_first(*, case_id: int, digest: str) -> None:
        calls.append(digest)
        if len(calls) > 1:
            real(case_id=case_id, digest=digest)

    monkeypatch.setattr(evidence_services, "_refuse_if_used", blind_first)
    monkeypatch.setattr(Evidence, "validate_constraints", lambda self, exclude=None: None)
    folder = f"evidence/{cast.sri_case.pk}"
    stored_before = len(default_storage.listdir(folder)[1])

    with pytest.raises(ValidationError) as exc:
        evidence_add(
            entry=entry, upload=pdf_upload("b.pdf", data), is_original=True, actor=cast.sri
        )

    assert [error.code for error in exc.value.error_list] == ["already_used"]
    assert len(calls) == 2
    assert Evidence.objects.filter(case=cast.sri_case).count() == 1
    # The refused copy's stored file was removed with it.
    assert len(default_storage.listdir(folder)[1]) == stored_before


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers (one at a time), so the race needs PostgreSQL",
)
@pytest.mark.django_db(transaction=True)
def test_six_simultaneous_uploads_store_one_and_answer_already_used_five_times(cast):
    data = pdf_bytes("Ijazah S1")
    entry = add_row(cast.sri_case, cast.sri, "qualification")
    start = threading.Barrier(SENDS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def send(number: int) -> None:
        try:
            start.wait()
            evidence_add(
                entry=entry,
                upload=pdf_upload(f"ijazah-{number}.pdf", data),
                is_original=True,
                actor=cast.sri,
            )
            outcome = "stored"
        except ValidationError as exc:
            errors = exc.error_list if hasattr(exc, "error_list") else exc.messages
            outcome = ",".join(str(getattr(error, "code", error)) for error in errors)
        except Exception as exc:  # noqa: BLE001 - any other error is the failure looked for
            outcome = type(exc).__name__
        finally:
            close_old_connections()
            connection.close()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=send, args=(n,)) for n in range(SENDS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["already_used"] * (SENDS - 1) + ["stored"]
    assert Evidence.objects.filter(case=cast.sri_case).count() == 1
