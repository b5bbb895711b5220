"""The operator's read-only admin screens of selection."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sergur.conftest import PASSWORD
from sergur.selection.services import selection_run


@pytest.mark.parametrize(
    "model", ["selectionrun", "selectionentry", "quotaallocation", "quotamove", "skletter"]
)
def test_the_operator_looks_up_but_cannot_add(client, cast, pool, model):
    selection_run(programme_year=pool.year, district=pool.district, quota=3, actor=None)
    assert client.login(username=cast.operator.username, password=PASSWORD)
    assert client.get(reverse(f"admin:selection_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:selection_{model}_add")).status_code == 403
