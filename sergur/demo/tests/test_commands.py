from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sergur.accounts.models import User

pytestmark = pytest.mark.django_db


def test_demo_setup_prints_logins_and_can_run_twice():
    out = StringIO()
    call_command("demo_setup", teachers=2, stdout=out)
    call_command("demo_setup", teachers=2, stdout=StringIO())

    text = out.getvalue()
    assert "operator" in text
    assert "sergur-demo" in text
    operator = User.objects.get(username="operator")
    assert operator.is_superuser and operator.check_password("sergur-demo")
    assert User.objects.filter(username="operator").count() == 1


def test_demo_setup_refuses_a_silly_teacher_count():
    with pytest.raises(CommandError):
        call_command("demo_setup", teachers=0, stdout=StringIO())
