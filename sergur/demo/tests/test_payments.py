"""The demo's allowance payments: the certified teachers' first semester on an SKTP of the
district and its first quarter paid once (sergur/demo/payments.py)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from sergur.allowance.models import SemesterEligibility
from sergur.certificates.models import Certificate
from sergur.payments.models import Job, PaymentEntry, PaymentRun, SalaryTable, Sktp

pytestmark = pytest.mark.django_db


def test_the_demo_issues_an_sktp_and_pays_its_first_quarter_once():
    call_command("demo_setup", teachers=40, stdout=StringIO())
    sktp = Sktp.objects.get()
    year = int(sktp.semester[:4])
    assert sktp.state == Job.DONE
    assert year == Certificate.objects.latest("issued_on").issued_on.year + 1
    eligible = SemesterEligibility.objects.filter(semester=sktp.semester, eligible=True)
    assert sktp.listed + sktp.not_listed == eligible.count()
    assert sktp.not_listed == 0  # the demo's full (synthetic) table covers every rank
    assert SalaryTable.objects.get().rows.count() == 17 * 17
    run = PaymentRun.objects.get()
    assert (run.state, run.year, run.quarter) == (Job.DONE, year, 1)
    assert run.entries_count == PaymentEntry.objects.count() == 3 * sktp.listed
    call_command("demo_setup", teachers=40, stdout=StringIO())
    assert (Sktp.objects.count(), PaymentRun.objects.count()) == (1, 1)
