"""The demo's allowance payments: the certified teachers' first semester on an SKTP of the
district and its first quarter paid once (sergur/demo/payments.py)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from sergur.certificates.models import Certificate
from sergur.payments.models import Job, PaymentEntry, PaymentRun, Sktp

pytestmark = pytest.mark.django_db


def test_the_demo_issues_an_sktp_and_pays_its_first_quarter_once():
    call_command("demo_setup", teachers=40, stdout=StringIO())
    certified = Certificate.objects.count()
    sktp = Sktp.objects.get()
    year = int(sktp.semester[:4])
    assert certified and sktp.state == Job.DONE
    assert year == Certificate.objects.latest("issued_on").issued_on.year + 1
    assert sktp.listed + sktp.not_listed <= certified and sktp.listed > 0
    run = PaymentRun.objects.get()
    assert (run.state, run.year, run.quarter) == (Job.DONE, year, 1)
    assert run.entries_count == PaymentEntry.objects.count() > 0
    call_command("demo_setup", teachers=40, stdout=StringIO())
    assert (Sktp.objects.count(), PaymentRun.objects.count()) == (1, 1)
