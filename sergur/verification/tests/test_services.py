"""The verification services: verdicts, completing each stage, the rayon's receipt, the
chain again after a resubmission, and every refusal."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sergur.cases.models import Case, CaseEvent
from sergur.conftest import Cast
from sergur.portfolios.models import Evidence
from sergur.portfolios.services import evidence_add, evidence_remove, portfolio_submit
from sergur.portfolios.tests.teacher_support import pdf_upload
from sergur.verification.forms import UNKNOWN_VERDICT
from sergur.verification.models import REASON_REQUIRED, DocumentVerdict, Stage, StageReview
from sergur.verification.selectors import case_verification
from sergur.verification.services import (
    MISSING_VERDICTS,
    NO_DIPLOMA,
    NOT_RAYON,
    NOT_VERIFIER,
    NOTHING_REMAINING,
    NOTHING_SUGGESTED,
    WRONG_STATE,
    cases_receive_all,
    stage_complete,
    verdict_record,
    verdicts_accept_suggested,
    verdicts_meet_remaining,
)
from sergur.verification.tests.support import complete, judge, submit, to_stage

pytestmark = pytest.mark.django_db


def first_file(case: Case, code: str = "1.b") -> Evidence:
    """The first file of the document with this code."""
    view = case_verification(case=case, stage=Stage.DISTRICT)
    return next(doc.file for doc in view.documents if doc.row.code == code)


def record(case: Case, actor: object, evidence: Evidence, verdict: str, reason: str = "") -> None:
    verdict_record(
        case=case,
        evidence_id=evidence.pk,
        verdict=verdict,
        reason=reason,
        actor=actor,  # type: ignore[arg-type]
        now=timezone.now(),
    )


def test_every_document_mp_passes_the_case_through_the_whole_chain(cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    judge(case, cast.dinas)
    review = complete(case, cast.dinas)
    assert review.outcome == StageReview.Outcome.PASSED
    assert case.state == Case.State.DISTRICT_VERIFIED
    judge(case, cast.lpmp)
    complete(case, cast.lpmp)
    assert case.state == Case.State.QUALITY_VERIFIED
    complete(case, cast.rayon_admin)
    assert case.state == Case.State.RECEIVED
    events = list(case.events.filter(kind__in=["verified", "received"]).order_by("pk"))
    assert [(e.kind, e.to_state) for e in events] == [
        (CaseEvent.Kind.VERIFIED, Case.State.DISTRICT_VERIFIED),
        (CaseEvent.Kind.VERIFIED, Case.State.QUALITY_VERIFIED),
        (CaseEvent.Kind.RECEIVED, Case.State.RECEIVED),
    ]
    # Stored in the interface's language at the time (Indonesian by default).
    assert "semua dokumen memenuhi persyaratan" in events[0].reason
    assert events[0].data["diplomas"] == 1
    stages = list(StageReview.objects.filter(case=case).values_list("stage", flat=True))
    assert stages == [Stage.DISTRICT, Stage.QUALITY, Stage.RAYON]


def test_a_tmp_diploma_returns_the_case_with_the_document_and_reason(cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    judge(case, cast.dinas, except_codes={"1.b": "Fotokopi ijazah tidak dilegalisir"})
    review = complete(case, cast.dinas)
    assert case.state == Case.State.RETURNED
    assert review.outcome == StageReview.Outcome.RETURNED
    assert [(f["code"], f["verdict"], f["reason"]) for f in review.findings] == [
        ("1.b", "TMP", "Fotokopi ijazah tidak dilegalisir")
    ]
    event = case.events.get(kind=CaseEvent.Kind.RETURNED)
    assert "1.b TMP: Fotokopi ijazah tidak dilegalisir" in event.reason
    assert event.data["findings"][0]["code"] == "1.b"
    assert case.is_editable_by_teacher


def test_a_k_at_the_quality_office_returns_the_case(cast: Cast) -> None:
    case = to_stage(submit(cast.sri_case, cast), cast, Stage.QUALITY)
    judge(case, cast.lpmp)
    record(case, cast.lpmp, first_file(case, "2.a"), "K", "Jam pelatihan tidak terbaca")
    review = complete(case, cast.lpmp)
    assert case.state == Case.State.RETURNED
    assert review.stage == Stage.QUALITY
    assert review.findings[0]["verdict"] == "K"


def test_completing_with_documents_without_a_verdict_is_refused_naming_them(cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    record(case, cast.dinas, first_file(case), "MP")
    with pytest.raises(ValidationError) as exc:
        stage_complete(case=case, actor=cast.dinas, now=timezone.now())
    assert exc.value.message == MISSING_VERDICTS
    params = exc.value.params or {}
    total = len(case_verification(case=case, stage=Stage.DISTRICT).documents)
    assert params["count"] == total - 1
    assert "2.a" in params["codes"]
    assert "1.b" not in params["codes"]
    case.refresh_from_db()
    assert case.state == Case.State.SUBMITTED
    assert not StageReview.objects.exists()


@pytest.mark.parametrize("verdict", ["K", "TMP"])
def test_k_and_tmp_need_a_reason(cast: Cast, verdict: str) -> None:
    case = submit(cast.sri_case, cast)
    with pytest.raises(ValidationError) as exc:
        record(case, cast.dinas, first_file(case), verdict, "   ")
    assert exc.value.message == REASON_REQUIRED
    assert not DocumentVerdict.objects.exists()


def test_an_unknown_verdict_is_refused(cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    with pytest.raises(ValidationError) as exc:
        record(case, cast.dinas, first_file(case), "OK")
    assert exc.value.message == UNKNOWN_VERDICT
    assert not DocumentVerdict.objects.exists()


def test_a_file_of_another_portfolio_is_refused(cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    other = submit(cast.budi_case, cast)
    with pytest.raises(ValidationError) as exc:
        record(case, cast.dinas, first_file(other), "MP")
    assert exc.value.code == "document"


def test_a_changed_verdict_adds_a_row_and_the_latest_counts(cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    diploma = first_file(case)
    record(case, cast.dinas, diploma, "K", "Cap tidak jelas")
    record(case, cast.dinas, diploma, "MP")
    assert list(DocumentVerdict.objects.values_list("verdict", flat=True)) == ["K", "MP"]
    view = case_verification(case=case, stage=Stage.DISTRICT)
    current = view.document(diploma.pk).current
    assert current is not None and current.verdict == "MP"
    row = DocumentVerdict.objects.first()
    assert row is not None
    with pytest.raises(ValueError, match="append-only"):
        row.save()


def test_nobody_but_the_stage_office_of_the_area_records_or_completes(cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    diploma = first_file(case)
    for outsider in (cast.sri, cast.pak_kepala, cast.asesor, cast.operator, cast.dinas_other):
        with pytest.raises(ValidationError) as exc:
            record(case, outsider, diploma, "MP")
        assert exc.value.message == NOT_VERIFIER
        with pytest.raises(ValidationError):
            stage_complete(case=case, actor=outsider, now=timezone.now())
    # The quality office and the rayon wait for their own state.
    for later in (cast.lpmp, cast.rayon_admin):
        with pytest.raises(ValidationError) as exc:
            record(case, later, diploma, "MP")
        assert exc.value.message == WRONG_STATE
    assert not DocumentVerdict.objects.exists()


def test_nothing_is_verified_before_submission(cast: Cast) -> None:
    with pytest.raises(ValidationError) as exc:
        stage_complete(case=cast.sri_case, actor=cast.dinas, now=timezone.now())
    assert exc.value.code == "wrong_state"


def test_the_district_returns_a_portfolio_without_a_diploma(cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    Evidence.objects.filter(case=case, entry__section="qualification").delete()
    judge(case, cast.dinas)
    review = complete(case, cast.dinas)
    assert case.state == Case.State.RETURNED
    assert review.findings[0]["reason"] == str(NO_DIPLOMA)


def test_the_rayon_returns_on_a_verdict_of_its_own(cast: Cast) -> None:
    case = to_stage(submit(cast.sri_case, cast), cast, Stage.RAYON)
    record(case, cast.rayon_admin, first_file(case), "TMP", "Ijazah bukan milik peserta")
    review = complete(case, cast.rayon_admin)
    assert case.state == Case.State.RETURNED
    assert review.findings[0]["code"] == "1.b"


def test_the_rayon_receives_all_verified_portfolios_of_its_provinces(cast: Cast) -> None:
    sri = to_stage(submit(cast.sri_case, cast), cast, Stage.RAYON)
    budi = to_stage(submit(cast.budi_case, cast), cast, Stage.RAYON)
    record(budi, cast.rayon_admin, first_file(budi), "K", "Perlu dicek")
    assert cases_receive_all(actor=cast.rayon_other, now=timezone.now()).received == []
    summary = cases_receive_all(actor=cast.rayon_admin, now=timezone.now())
    assert [c.pk for c in summary.received] == [sri.pk]
    assert [c.pk for c in summary.skipped] == [budi.pk]
    sri.refresh_from_db()
    budi.refresh_from_db()
    assert sri.state == Case.State.RECEIVED
    assert budi.state == Case.State.QUALITY_VERIFIED
    with pytest.raises(ValidationError) as exc:
        cases_receive_all(actor=cast.lpmp, now=timezone.now())
    assert exc.value.message == NOT_RAYON


def test_after_a_resubmission_the_chain_starts_again_with_suggestions(cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    judge(case, cast.dinas, except_codes={"2.a": "Sertifikat tidak dilegalisir"})
    complete(case, cast.dinas)
    # The teacher replaces the training certificate and submits again.
    old = first_file(case, "2.a")
    entry = old.entry
    evidence_remove(evidence=old, actor=cast.sri)
    evidence_add(entry=entry, upload=pdf_upload("sertifikat.pdf"), is_original=True, actor=cast.sri)
    portfolio_submit(case=case, actor=cast.sri, declaration=True, now=timezone.now())
    case.refresh_from_db()
    assert case.state == Case.State.SUBMITTED
    view = case_verification(case=case, stage=Stage.DISTRICT)
    assert len(view.missing) == len(view.documents)
    new = view.document(first_file(case, "2.a").pk)
    assert new.suggestion is None
    assert len(view.suggested) == len(view.documents) - 1
    rows = verdicts_accept_suggested(case=case, actor=cast.dinas, now=timezone.now())
    assert len(rows) == len(view.documents) - 1
    assert all(row.suggested and row.verdict == "MP" for row in rows)
    # Carried over, yet the stage waits for an explicit completion and the new file.
    case.refresh_from_db()
    assert case.state == Case.State.SUBMITTED
    with pytest.raises(ValidationError) as exc:
        stage_complete(case=case, actor=cast.dinas, now=timezone.now())
    assert "2.a" in (exc.value.params or {})["codes"]
    with pytest.raises(ValidationError) as exc:
        verdicts_accept_suggested(case=case, actor=cast.dinas, now=timezone.now())
    assert exc.value.message == NOTHING_SUGGESTED
    record(case, cast.dinas, new.file, "MP")
    complete(case, cast.dinas)
    assert case.state == Case.State.DISTRICT_VERIFIED
    # The first round's verdicts and review stay in the history.
    assert StageReview.objects.filter(case=case).count() == 2
    assert DocumentVerdict.objects.filter(case=case, evidence__isnull=True).count() == 1


def test_the_remaining_documents_are_recorded_mp_and_the_findings_kept(cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    record(case, cast.dinas, first_file(case, "1.b"), "TMP", "Tidak dilegalisir")
    before = case_verification(case=case, stage=Stage.DISTRICT)

    rows = verdicts_meet_remaining(case=case, actor=cast.dinas, now=timezone.now())

    assert len(rows) == len(before.documents) - 1
    assert {row.verdict for row in rows} == {"MP"}
    after = case_verification(case=case, stage=Stage.DISTRICT)
    assert not after.missing
    kept = after.document(first_file(case, "1.b").pk).current
    assert kept is not None and kept.verdict == "TMP"
    case.refresh_from_db()
    assert case.state == Case.State.SUBMITTED  # completing the stage stays explicit
    with pytest.raises(ValidationError) as exc:
        verdicts_meet_remaining(case=case, actor=cast.dinas, now=timezone.now())
    assert exc.value.message == NOTHING_REMAINING


@pytest.mark.parametrize("who", ["lpmp", "dinas_other", "sri", "rayon_admin"])
def test_only_the_stage_office_records_the_remaining_documents(cast: Cast, who: str) -> None:
    case = submit(cast.sri_case, cast)

    with pytest.raises(ValidationError):
        verdicts_meet_remaining(case=case, actor=getattr(cast, who), now=timezone.now())
    assert not DocumentVerdict.objects.exists()
