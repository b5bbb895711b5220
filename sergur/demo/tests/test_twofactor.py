"""The demo's staff logins work with the published two-factor secret."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from sergur.accounts.models import User

pytestmark = [pytest.mark.django_db, pytest.mark.two_factor]


def test_every_staff_login_has_the_demo_authenticator_and_teachers_none():
    out = StringIO()
    call_command("demo_setup", teachers=2, stdout=out)
    call_command("demo_setup", teachers=2, stdout=StringIO())

    staff = User.objects.exclude(role=User.Role.TEACHER)
    devices = TOTPDevice.objects.filter(confirmed=True)
    assert devices.count() == staff.count()
    assert {d.user_id for d in devices} == set(staff.values_list("pk", flat=True))
    assert len({d.key for d in devices}) == 1
    assert "SERGURDEMOSERGURDEMOSERGURDEMO22" in out.getvalue()
    assert "demo_code" in out.getvalue()


def test_the_printed_code_signs_a_demo_officer_in(client):
    call_command("demo_setup", teachers=2, stdout=StringIO())
    out = StringIO()
    call_command("demo_code", stdout=out)
    code = out.getvalue().split()[0]

    client.post("/accounts/login/", {"username": "dinas", "password": "sergur-demo"})  # nosec B105 # the published demo password
    refused = client.get("/cases/")
    verified = client.post("/accounts/2fa/verify/", {"code": code, "next": "/cases/"})

    assert refused["Location"].startswith("/accounts/2fa/verify/")
    assert verified["Location"] == "/cases/"
    assert client.get("/cases/").status_code == 200
