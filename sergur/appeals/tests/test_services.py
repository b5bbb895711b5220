"""Filing an appeal (the window, the owner, one per decision, the file checks), assigning an
independent reviewer, and the reviewer's decision (upheld, or changed by the rules)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import DatabaseError
from django.utils import translation

from sergur.accounts.models import User
from sergur.appeals.models import Appeal
from sergur.appeals.selectors import CASE_ASSESSOR, OTHER_RAYON
from sergur.appeals.services import (
    ALREADY_APPEALED,
    ALREADY_DECIDED,
    APPEAL_FINAL,
    GROUNDS_REQUIRED,
    INSTRUMENT_PART,
    NOT_OWNER,
    NOT_PUBLISHED,
    NOT_RAYON_ADMIN,
    NOT_REVIEWER,
    PART_RANGE,
    REASONS_REQUIRED,
    STORED_MAXIMUM,
    WINDOW_CLOSED,
    appeal_decide,
    appeal_file,
)
from sergur.appeals.tests.support import (
    EXE,
    LATER,
    NOW,
    assessed_and_published,
    assigned,
    filed,
    published,
    upload,
)
from sergur.assessments.models import Assessor, DeclaredRelation, Result
from sergur.assessments.selectors import parts_from_json, review_from_json
from sergur.assessments.tests.decisions_support import decided
from sergur.cases.models import Case, CaseEvent
from sergur.common.uploads import TOO_LARGE, WRONG_TYPE, human_size
from sergur.portfolios.tests.teacher_support import pdf_bytes
from sergur.rules.assessment import SheetReview
from sergur.rules.messages import COMPONENTS


def _codes(exc: pytest.ExceptionInfo[ValidationError]) -> list[str | None]:
    return [error.code for error in exc.value.error_list]


def _message(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(exc.value.messages)


# -- the window ------------------------------------------------------------------------------


def test_the_teacher_appeals_within_the_window(cast):
    result = published(cast.sri_case, "MS")
    assert result.appeal_until is not None

    appeal = filed(cast.sri_case, now=result.appeal_until)

    assert appeal.result == result and appeal.rayon.code == "900"
    assert appeal.status == Appeal.Status.FILED
    event = CaseEvent.objects.get(case=cast.sri_case, kind=CaseEvent.Kind.APPEAL_FILED)
    assert event.actor == cast.sri and event.data["code"] == "MS"
    assert "Komponen" not in f"{event.reason} {event.data}"  # the grounds stay off the log


def test_after_the_window_the_appeal_is_refused(cast):
    result = published(cast.sri_case, "MS")
    assert result.appeal_until == NOW + dt.timedelta(days=14)

    with pytest.raises(ValidationError) as exc:
        filed(cast.sri_case, now=result.appeal_until + dt.timedelta(seconds=1))

    assert _codes(exc) == ["window"]
    assert str(WINDOW_CLOSED).split("%")[0] in _message(exc)
    assert not Appeal.objects.exists()


def test_an_unpublished_decision_cannot_be_appealed(cast):
    decided(cast.sri_case, "MS")

    with pytest.raises(ValidationError) as exc:
        filed(cast.sri_case)

    assert _message(exc) == str(NOT_PUBLISHED)


def test_without_a_decision_there_is_nothing_to_appeal(cast):
    with pytest.raises(ValidationError, match=str(NOT_PUBLISHED)):
        filed(cast.sri_case)


def test_only_the_case_owner_files(cast):
    published(cast.sri_case, "MS")

    for someone in (cast.budi, cast.rayon_admin, cast.pak_kepala, cast.operator):
        with pytest.raises(ValidationError) as exc:
            appeal_file(case=cast.sri_case, actor=someone, grounds="x", now=LATER)
        assert _message(exc) == str(NOT_OWNER)
    assert not Appeal.objects.exists()


def test_grounds_are_required(cast):
    published(cast.sri_case, "MS")

    with pytest.raises(ValidationError, match=str(GROUNDS_REQUIRED)):
        filed(cast.sri_case, grounds="   \n ")


def test_one_appeal_per_decision(cast):
    published(cast.sri_case, "MS")
    filed(cast.sri_case)

    with pytest.raises(ValidationError) as exc:
        filed(cast.sri_case)

    assert _codes(exc) == ["appealed"]
    assert str(ALREADY_APPEALED).split("(")[0] in _message(exc)
    assert Appeal.objects.count() == 1


def test_a_case_that_moved_on_cannot_appeal(cast):
    published(cast.sri_case, "MS")  # reopened: the teacher completes and submits again
    case = Case.objects.get(pk=cast.sri_case.pk)
    case.state = Case.State.SUBMITTED
    case.save(update_fields=["state"])

    with pytest.raises(ValidationError) as exc:
        filed(case)

    assert _codes(exc) == ["moved_on"]


# -- the file --------------------------------------------------------------------------------


def test_a_pdf_is_stored_under_a_random_name(cast):
    published(cast.sri_case, "MS")
    data = pdf_bytes("banding")

    appeal = appeal_file(
        case=cast.sri_case,
        actor=cast.sri,
        grounds="Lihat lampiran.",
        upload=upload("../../surat banding.pdf", data),
        now=LATER,
    )

    assert appeal.evidence_type == "application/pdf"
    assert appeal.evidence_size == len(data)
    assert appeal.evidence_name == "surat_banding.pdf"
    stored = str(appeal.evidence.name)
    assert "banding" not in stored
    assert stored.startswith(f"appeals/{cast.sri_case.pk}/")
    assert appeal.evidence.read() == data


def test_a_renamed_executable_is_refused(cast):
    published(cast.sri_case, "MS")

    with pytest.raises(ValidationError) as exc:
        appeal_file(
            case=cast.sri_case, actor=cast.sri, grounds="x", upload=upload("a.pdf", EXE), now=LATER
        )

    assert _codes(exc) == ["wrong_type"]
    assert str(WRONG_TYPE).split("%")[0] in _message(exc)
    assert not Appeal.objects.exists()


def test_an_oversize_file_is_refused(cast, settings):
    settings.SERGUR_EVIDENCE_MAX_BYTES = 2000
    published(cast.sri_case, "MS")
    data = pdf_bytes("besar") + b"%" + b"0" * 6000

    with pytest.raises(ValidationError) as exc:
        appeal_file(
            case=cast.sri_case, actor=cast.sri, grounds="x", upload=upload("b.pdf", data), now=LATER
        )

    assert _message(exc) == str(TOO_LARGE) % {
        "size": human_size(len(data)),
        "limit": human_size(2000),
    }
    assert not Appeal.objects.exists()


# -- the reviewer ------------------------------------------------------------------------------


def test_an_independent_reviewer_is_assigned(cast):
    assessed_and_published(cast.sri_case, cast)
    appeal = filed(cast.sri_case)

    appeal = assigned(appeal, cast.asesor3, cast.rayon_admin)

    assert appeal.reviewer == cast.asesor3.assessor
    assert appeal.assigned_by == cast.rayon_admin and appeal.assigned_at == LATER
    assert appeal.status == Appeal.Status.IN_REVIEW


@pytest.mark.parametrize("who", ["asesor", "asesor2"])
def test_the_case_assessors_are_refused_with_the_reason(cast, who):
    assessed_and_published(cast.sri_case, cast)
    appeal = filed(cast.sri_case)

    with pytest.raises(ValidationError) as exc:
        assigned(appeal, getattr(cast, who), cast.rayon_admin)

    assert _codes(exc) == ["not_eligible"]
    assert str(CASE_ASSESSOR) in _message(exc)
    assert Appeal.objects.get().reviewer is None


def test_a_replaced_assessor_of_an_earlier_round_is_refused_too(cast):
    assessed_and_published(cast.sri_case, cast)
    cast.sri_case.allocations.filter(slot=1).update(active=False)
    appeal = filed(cast.sri_case)

    with translation.override("en"), pytest.raises(ValidationError, match="independent"):
        assigned(appeal, cast.asesor, cast.rayon_admin)


def test_a_conflicted_assessor_is_refused_with_the_reason(cast):
    published(cast.sri_case, "MS")
    appeal = filed(cast.sri_case)
    DeclaredRelation.objects.create(
        assessor=cast.asesor3.assessor, teacher=cast.sri_case.teacher, relation="saudara"
    )
    school = cast.sri_case.teacher.assignments.get().school
    Assessor.objects.filter(pk=cast.asesor2.assessor.pk).update(home_school=school)

    with pytest.raises(ValidationError) as related:
        assigned(appeal, cast.asesor3, cast.rayon_admin)
    with pytest.raises(ValidationError) as same_school:
        assigned(appeal, cast.asesor2, cast.rayon_admin)

    assert _codes(related) == _codes(same_school) == ["not_eligible"]
    assert str(cast.asesor3) in _message(related)
    assert _message(related) != _message(same_school)  # each says its own reason


def test_only_the_rayon_admin_assigns(cast):
    published(cast.sri_case, "MS")
    appeal = filed(cast.sri_case)

    for someone in (cast.rayon_other, cast.sri, cast.asesor, cast.dinas):
        with pytest.raises(ValidationError, match=str(NOT_RAYON_ADMIN)):
            assigned(appeal, cast.asesor3, someone)


def test_a_reviewer_of_another_rayon_is_refused(cast):
    from sergur.registry.models import Rayon

    published(cast.sri_case, "MS")
    appeal = filed(cast.sri_case)
    Assessor.objects.filter(pk=cast.asesor3.assessor.pk).update(rayon=Rayon.objects.get(code="901"))

    with pytest.raises(ValidationError) as exc:
        assigned(appeal, cast.asesor3, cast.rayon_admin)

    assert _codes(exc) == ["not_eligible"]
    assert str(OTHER_RAYON) in _message(exc)


# -- the decision --------------------------------------------------------------------------------


def _unchanged(result: Result) -> tuple[dict[str, object], SheetReview]:
    return dict(parts_from_json(result.parts)), review_from_json(result.review)


def test_unchanged_parts_and_findings_uphold_the_decision(cast):
    result = published(cast.sri_case, "MS")
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)
    parts, review = _unchanged(result)

    appeal = appeal_decide(
        appeal=appeal,
        actor=cast.asesor3,
        parts=parts,
        review=review,
        reasons="Nilai sudah sesuai bukti.",
        now=LATER + dt.timedelta(days=2),
    )

    assert appeal.outcome == Appeal.Outcome.UPHELD and appeal.new_code == ""
    assert appeal.new_result is None and appeal.corrections == {}
    assert Result.objects.get(case=cast.sri_case, current=True) == result
    assert Case.objects.get(pk=cast.sri_case.pk).state == Case.State.REOPENED
    event = CaseEvent.objects.get(case=cast.sri_case, kind=CaseEvent.Kind.APPEAL_DECIDED)
    assert event.reason == "Nilai sudah sesuai bukti."
    assert event.data == {"outcome": "upheld", "code": "MS", "appealed": "MS"}


def test_corrected_findings_change_the_decision_by_the_rules(cast):
    before = assessed_and_published(cast.sri_case, cast)
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)
    parts, _review = _unchanged(before)
    decided_at = LATER + dt.timedelta(days=1)

    appeal = appeal_decide(
        appeal=appeal,
        actor=cast.asesor3,
        parts=parts,
        review=SheetReview(fraud_found=True),
        reasons="Sertifikat diklat terbukti dipalsukan.",
        now=decided_at,
    )

    new = Result.objects.get(case=cast.sri_case, current=True)
    assert appeal.outcome == Appeal.Outcome.CHANGED
    assert new.source == Result.Source.APPEAL and new.code == "D" == appeal.new_code
    assert appeal.new_result == new and new.round == before.round
    assert new.published_at == decided_at and new.decided_by == cast.asesor3
    assert appeal.corrections["review"]["after"]["fraud_found"] is True
    assert Case.objects.get(pk=cast.sri_case.pk).state == Case.State.DISQUALIFIED
    kinds = list(
        CaseEvent.objects.filter(case=cast.sri_case, at__gte=before.published_at)
        .order_by("pk")
        .values_list("kind", flat=True)
    )
    assert kinds[-3:] == ["decided", "published", "appeal_decided"]


def test_corrected_parts_are_decided_by_the_rules(cast):
    before = assessed_and_published(cast.sri_case, cast)
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)
    parts, review = _unchanged(before)
    parts["training"] = Decimal(parts["training"]) + 15  # type: ignore[arg-type]

    appeal = appeal_decide(
        appeal=appeal,
        actor=cast.asesor3,
        parts=parts,
        review=review,
        reasons="Sertifikat diklat kedua belum dihitung.",
        now=LATER,
    )

    new = appeal.new_result
    assert new is not None and new.total == before.total + 15
    assert appeal.corrections["parts"] == {
        "training": {"before": before.parts["training"], "after": str(parts["training"])}
    }


def test_only_the_assigned_reviewer_decides(cast):
    result = published(cast.sri_case, "MS")
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)
    parts, review = _unchanged(result)

    for someone in (cast.asesor, cast.rayon_admin, cast.sri, cast.operator):
        with pytest.raises(ValidationError, match=str(NOT_REVIEWER)):
            appeal_decide(
                appeal=appeal, actor=someone, parts=parts, review=review, reasons="x", now=LATER
            )
    assert Appeal.objects.get().decided_at is None


def test_reasons_are_required_and_a_decision_is_taken_once(cast):
    result = published(cast.sri_case, "MS")
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)
    parts, review = _unchanged(result)

    with pytest.raises(ValidationError, match=str(REASONS_REQUIRED)):
        appeal_decide(
            appeal=appeal, actor=cast.asesor3, parts=parts, review=review, reasons=" ", now=LATER
        )
    appeal_decide(
        appeal=appeal, actor=cast.asesor3, parts=parts, review=review, reasons="ok", now=LATER
    )
    with pytest.raises(ValidationError, match=str(ALREADY_DECIDED)):
        appeal_decide(
            appeal=appeal, actor=cast.asesor3, parts=parts, review=review, reasons="ok", now=LATER
        )
    with pytest.raises(ValidationError, match=str(ALREADY_DECIDED)):
        assigned(appeal, cast.asesor2, cast.rayon_admin)


def test_the_decision_on_appeal_is_final(cast):
    before = assessed_and_published(cast.sri_case, cast)
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)
    parts, _ = _unchanged(before)
    appeal_decide(
        appeal=appeal,
        actor=cast.asesor3,
        parts=parts,
        review=SheetReview(doubtful_evidence=("2.a",)),
        reasons="Bukti 2.a diragukan.",
        now=LATER,
    )

    with pytest.raises(ValidationError, match=str(APPEAL_FINAL)):
        filed(cast.sri_case, now=LATER + dt.timedelta(hours=1))


def test_a_superseded_decision_can_only_be_upheld(cast):
    result = published(cast.sri_case, "MS")
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)
    decided(cast.sri_case, "L")  # a later result (the completed portfolio) supersedes it
    parts, review = _unchanged(result)

    with pytest.raises(ValidationError) as exc:
        appeal_decide(
            appeal=appeal,
            actor=cast.asesor3,
            parts=parts,
            review=SheetReview(fraud_found=True),
            reasons="x",
            now=LATER,
        )
    upheld = appeal_decide(
        appeal=appeal, actor=cast.asesor3, parts=parts, review=review, reasons="ok", now=LATER
    )

    assert _codes(exc) == ["superseded"]
    assert upheld.outcome == Appeal.Outcome.UPHELD


# -- what a corrected part may hold ----------------------------------------------------------


def _decide(appeal: Appeal, actor: User, parts: dict[str, object], review: SheetReview) -> Appeal:
    return appeal_decide(
        appeal=appeal,
        actor=actor,
        parts=parts,
        review=review,
        reasons="Koreksi skor.",
        now=LATER,
    )


def _range(part: str, maximum: object) -> str:
    return str(PART_RANGE) % {"part": COMPONENTS[part]["id"], "minimum": 0, "maximum": maximum}


@pytest.mark.parametrize(
    ("part", "points", "maximum"),
    [
        ("teaching_experience", "160.0001", "160"),  # the rubric's fixed maximum
        ("training", "-0.5", STORED_MAXIMUM),  # no part below 0
        ("training", "100000", STORED_MAXIMUM),  # no cap, but no more than a total holds
        ("awards", "NaN", STORED_MAXIMUM),
    ],
)
def test_a_part_out_of_its_range_is_refused_with_the_range(cast, part, points, maximum):
    result = published(cast.sri_case, "MS")
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)
    parts, review = _unchanged(result)
    parts[part] = Decimal(points)

    with pytest.raises(ValidationError) as exc:
        _decide(appeal, cast.asesor3, parts, review)

    assert _codes(exc) == ["part_range"]
    assert _message(exc) == _range(part, maximum)
    assert Appeal.objects.get().decided_at is None
    assert Result.objects.get(case=cast.sri_case, current=True) == result


def test_the_range_is_said_in_indonesian(cast):
    result = published(cast.sri_case, "MS")
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)
    parts, review = _unchanged(result)
    parts["teaching_experience"] = 200

    with translation.override("id"), pytest.raises(ValidationError) as exc:
        _decide(appeal, cast.asesor3, parts, review)

    assert _message(exc) == "Skor Pengalaman mengajar harus berupa angka dari 0 sampai 160."


def test_every_bad_part_is_named(cast):
    result = published(cast.sri_case, "MS")
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)
    parts, review = _unchanged(result)
    parts["teaching_experience"] = 161
    parts["training"] = -1
    del parts["awards"]

    with pytest.raises(ValidationError) as exc:
        _decide(appeal, cast.asesor3, parts, review)

    assert _codes(exc) == ["part_range", "part_range", "part"]


@pytest.mark.parametrize("part", ["lesson_plans", "teaching_observation", "superior_assessment"])
def test_an_instrument_part_is_not_corrected_on_appeal(cast, part):
    before = assessed_and_published(cast.sri_case, cast)
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)
    parts, review = _unchanged(before)
    kept = parts[part]
    parts[part] = Decimal(str(kept)) + 1

    with pytest.raises(ValidationError) as exc:
        _decide(appeal, cast.asesor3, parts, review)

    assert _codes(exc) == ["instrument_part"]
    assert _message(exc) == str(INSTRUMENT_PART) % {
        "part": COMPONENTS[part]["id"],
        "points": str(kept),
    }
    assert Result.objects.get(case=cast.sri_case, current=True) == before


def test_parts_at_their_maximum_and_an_uncapped_qualification_are_taken(cast):
    before = assessed_and_published(cast.sri_case, cast)
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)
    parts, review = _unchanged(before)
    parts["teaching_experience"] = Decimal("160")
    parts["qualification"] = Decimal("642.5")  # above the seed's "525", which is no cap

    appeal = _decide(appeal, cast.asesor3, parts, review)

    new = appeal.new_result
    assert new is not None
    assert new.parts["teaching_experience"] == "160" and new.parts["qualification"] == "642.5"


def test_parts_that_add_up_past_what_a_decision_holds_are_refused(cast):
    before = assessed_and_published(cast.sri_case, cast)
    appeal = assigned(filed(cast.sri_case), cast.asesor3, cast.rayon_admin)
    parts, review = _unchanged(before)
    parts["training"] = Decimal("60000")
    parts["academic_achievement"] = Decimal("60000")

    with pytest.raises(ValidationError) as exc:
        _decide(appeal, cast.asesor3, parts, review)

    assert _codes(exc) == ["total"]
    assert str(STORED_MAXIMUM) in _message(exc)
    assert Appeal.objects.get().decided_at is None
    assert Result.objects.get(case=cast.sri_case, current=True) == before


# -- a failed filing leaves no file ------------------------------------------------------------


def _stored_files(case: Case) -> set[str]:
    folder = f"appeals/{case.pk}"
    if not default_storage.exists(folder):
        return set()
    return set(default_storage.listdir(folder)[1])


@pytest.mark.parametrize("failing", ["full_clean", "event"])
def test_a_filing_that_fails_after_storing_the_file_leaves_no_file(cast, monkeypatch, failing):
    published(cast.sri_case, "MS")
    before = _stored_files(cast.sri_case)

    def fail(*args: object, **kwargs: object) -> None:
        raise DatabaseError("forced failure after the file was stored")

    if failing == "full_clean":
        monkeypatch.setattr(Appeal, "full_clean", fail)
    else:
        monkeypatch.setattr("sergur.appeals.services.case_event_record", fail)

    with pytest.raises(DatabaseError, match="forced failure"):
        appeal_file(
            case=cast.sri_case,
            actor=cast.sri,
            grounds="Lihat lampiran.",
            upload=upload("surat.pdf", pdf_bytes("banding")),
            now=LATER,
        )

    assert _stored_files(cast.sri_case) == before
    assert not Appeal.objects.exists()
