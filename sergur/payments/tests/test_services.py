"""The SKTP job and the payment runs: the eligible teachers listed with their amount, a run
that pays each month once, corrections as new entries, prorated periods (docs/allowance.md,
"SKTP and payments")."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sergur.conftest import Cast
from sergur.payments.models import Job, PaymentEntry, PayProfile, PayProfileVersion, Sktp
from sergur.payments.selectors import payment_params, salary_tables
from sergur.payments.services import run_start, sktp_start
from sergur.payments.tests.support import (
    NOW,
    Q1,
    SEMESTER,
    district_of,
    eligible,
    finance,
    issued,
    paid,
    profile,
)
from sergur.rules.allowance import amount as amount_rules


@pytest.fixture
def world(cast: Cast):
    sri, budi = cast.sri_case.teacher, cast.budi_case.teacher
    district = district_of(sri)
    officer = finance(district)
    return sri, budi, district, officer


def test_the_sktp_lists_the_eligible_teachers_with_their_amount(world):
    sri, budi, district, officer = world
    eligible(sri)
    eligible(budi, ok=False)
    profile(sri, officer)
    sktp = issued(officer, district)
    assert sktp.state == Job.DONE and sktp.number.endswith("/2019-1")
    (line,) = sktp.entries.all()
    assert (line.line, line.teacher, line.base, line.gross, line.tax) == (
        1,
        sri,
        Decimal(3012000),
        Decimal(3012000),
        Decimal(150600),
    )
    assert line.regulation == "PP 15/2019" and line.funding == "dau"


def test_an_eligible_teacher_without_an_amount_is_counted_not_listed(world):
    sri, budi, district, officer = world
    eligible(sri)
    eligible(budi)
    profile(budi, officer, golongan="III/b", mkg=24)  # in the gap of the shipped excerpt
    sktp = issued(officer, district)
    assert (sktp.listed, sktp.not_listed) == (0, 2)
    assert sktp.state == Job.DONE and sktp.error == ""


@pytest.mark.parametrize("job_lang", ["id", "en"])
def test_the_not_listed_note_reads_in_the_readers_language_whatever_the_jobs(world, job_lang):
    sri, budi, district, officer = world
    eligible(sri)
    eligible(budi)
    profile(budi, officer, golongan="III/b", mkg=24)  # in the gap of the shipped excerpt
    with translation.override(job_lang):  # the language the worker happened to run in
        issued(officer, district)
    sktp = Sktp.objects.get(district=district)
    assert sktp.error == ""  # nothing worded is stored
    with translation.override("en"):
        assert sktp.note == (
            "2 eligible teachers are not listed for want of an amount (no pay profile, or no "
            "salary-table row)."
        )
    with translation.override("id"):
        assert sktp.note == (
            "2 guru yang memenuhi syarat tidak tercantum karena jumlahnya tidak dapat dihitung "
            "(tanpa profil pembayaran, atau tanpa baris tabel gaji)."
        )
    sktp.not_listed = 1
    with translation.override("en"):
        assert sktp.note.startswith("1 eligible teacher is not listed")


def test_a_fully_listed_or_unfinished_sktp_has_no_note(world):
    sri, _budi, district, officer = world
    eligible(sri)
    profile(sri, officer)
    sktp = issued(officer, district)
    assert (sktp.listed, sktp.not_listed, sktp.note) == (1, 0, "")
    sktp.state, sktp.not_listed = Job.RUNNING, 3
    assert sktp.note == ""


def test_issuing_again_adds_only_the_newly_eligible_with_the_next_line(world):
    sri, budi, district, officer = world
    eligible(sri)
    profile(sri, officer)
    profile(budi, officer, employment=PayProfile.Kind.CPNS, golongan="III/a", mkg=0)
    first = issued(officer, district)
    eligible(budi)
    again = issued(officer, district)
    assert again.pk == first.pk
    assert [(e.line, e.teacher_id) for e in again.entries.order_by("line")] == [
        (1, sri.pk),
        (2, budi.pk),
    ]
    assert again.entries.get(line=2).gross == Decimal(2063520)  # 80 % of 2,579,400


def test_a_bad_semester_or_a_running_job_is_refused(world):
    _, _, district, officer = world
    with pytest.raises(ValidationError, match="is not a semester"):
        sktp_start(actor=officer, district=district, semester="2019-3", now=NOW)
    sktp_start(actor=officer, district=district, semester=SEMESTER, now=NOW)
    with pytest.raises(ValidationError) as refused:
        sktp_start(actor=officer, district=district, semester=SEMESTER, now=NOW)
    assert refused.value.code == "running"


def test_a_run_needs_the_semesters_sktp(world):
    _, _, district, officer = world
    with pytest.raises(ValidationError) as refused:
        run_start(actor=officer, district=district, quarter=Q1, now=NOW)
    assert refused.value.code == "no_sktp" and refused.value.params == {"semester": "2019-1"}


def test_a_run_pays_three_months_and_a_second_run_nothing(world):
    sri, _, district, officer = world
    eligible(sri)
    profile(sri, officer)
    issued(officer, district)
    first = paid(officer, district)
    assert (first.state, first.entries_count, first.gross) == (Job.DONE, 3, Decimal(9036000))
    second = paid(officer, district)
    assert (second.state, second.entries_count, second.gross) == (Job.DONE, 0, Decimal(0))
    assert PaymentEntry.objects.filter(teacher=sri).count() == 3


def test_a_transfer_in_mid_quarter_is_paid_from_the_next_month(world):
    sri, _, district, officer = world
    eligible(sri)
    profile(sri, officer, paid_from=dt.date(2019, 2, 15))
    issued(officer, district)
    run = paid(officer, district)
    assert [e.month.month for e in run.entries.all()] == [3]


def test_a_wrong_payment_is_corrected_by_a_new_entry(world):
    sri, _, district, officer = world
    eligible(sri)
    profile(sri, officer, paid_from=dt.date(2019, 1, 1))
    issued(officer, district)
    first = paid(officer, district)
    # The district learns that Sri left on 10 February: March was paid wrongly.
    profile(sri, officer, paid_until=dt.date(2019, 2, 10))
    fix = paid(officer, district)
    (correction,) = fix.entries.all()
    march = first.entries.get(month=dt.date(2019, 3, 1))
    assert correction.corrects == march and correction.gross == -march.gross
    assert correction.reason["code"] == "pay.month_correction"
    assert paid(officer, district).entries_count == 0
    march.refresh_from_db()
    assert march.gross == Decimal(3012000)  # never edited


def test_another_districts_sktp_is_its_own(world, cast):
    sri, _, district, officer = world
    other = cast.dinas_other.district
    eligible(sri)
    profile(sri, officer)
    issued(officer, district)
    assert issued(finance(other, "keuangan2"), other).listed == 0
    assert Sktp.objects.count() == 2


def month_amount(golongan: str, mkg: int, month: dt.date) -> tuple[Decimal, Decimal]:
    """The rules core's gross and tax of a PNS at `golongan` and `mkg` in `month` (the
    shipped table), to compare a run with."""
    params = payment_params(month.year)
    table = amount_rules.table_in_force(salary_tables(0, params.salary_table), month)
    found = amount_rules.amount(
        params, table, amount_rules.Teacher(amount_rules.Employment.PNS, golongan, mkg), month
    )
    assert found.gross is not None
    return found.gross, found.tax


def test_a_promotion_mid_quarter_pays_the_old_rank_before_it_and_the_new_after(world):
    sri, _, district, officer = world
    eligible(sri)
    profile(sri, officer)  # III/a, MKG 10 counted on 1 January 2019
    sktp = issued(officer, district)
    # Promoted to III/b from 15 February (the TMT), recorded before the run.
    profile(sri, officer, golongan="III/b", effective_from=dt.date(2019, 2, 15))
    (earlier,) = PayProfileVersion.objects.filter(teacher=sri)
    assert (earlier.golongan, earlier.effective_from, earlier.effective_until) == (
        "III/a",
        None,
        dt.date(2019, 2, 14),
    )
    assert PayProfile.objects.get(teacher=sri).golongan == "III/b"
    assert sktp.entries.get().golongan == "III/a"  # the decree is never rewritten

    run = paid(officer, district)
    old, new = (
        month_amount("III/a", 10, dt.date(2019, 1, 1)),
        month_amount("III/b", 10, dt.date(2019, 3, 1)),
    )
    assert new[0] > old[0]
    # A month counts with the rank in force on its first day: February is still III/a.
    assert [(e.month.month, e.gross, e.tax) for e in run.entries.order_by("month")] == [
        (1, *old),
        (2, *old),
        (3, *new),
    ]
    assert paid(officer, district).entries_count == 0  # nothing twice
    assert PaymentEntry.objects.filter(teacher=sri).count() == 3


def test_a_promotion_recorded_after_the_quarter_was_paid_is_settled_by_a_correction(world):
    sri, _, district, officer = world
    eligible(sri)
    profile(sri, officer)
    issued(officer, district)
    first = paid(officer, district)
    profile(sri, officer, golongan="III/b", effective_from=dt.date(2019, 3, 1))
    fix = paid(officer, district)
    (correction,) = fix.entries.all()
    march = first.entries.get(month=dt.date(2019, 3, 1))
    new = month_amount("III/b", 10, dt.date(2019, 3, 1))
    assert correction.corrects == march and correction.month == dt.date(2019, 3, 1)
    assert (correction.gross, correction.tax) == (new[0] - march.gross, new[1] - march.tax)
    assert paid(officer, district).entries_count == 0
    # A second promotion cannot take effect before the first one.
    with pytest.raises(ValidationError) as refused:
        profile(sri, officer, golongan="III/c", effective_from=dt.date(2019, 2, 1))
    assert "effective_from" in refused.value.message_dict
    assert PayProfileVersion.objects.filter(teacher=sri).count() == 1


def test_a_rank_changed_without_a_date_corrects_the_current_one_and_keeps_no_version(world):
    sri, _, _district, officer = world
    profile(sri, officer)
    profile(sri, officer, golongan="III/b")
    same_day = profile(sri, officer, golongan="III/c", effective_from=None)
    assert same_day.golongan == "III/c" and same_day.effective_from is None
    assert not PayProfileVersion.objects.exists()
