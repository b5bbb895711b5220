"""The operator's read-only screens of verification: they open, they never write, and their
lists take the same number of queries however many rows."""

from __future__ import annotations

import pytest
from django.db import models
from django.test import Client

from sergur.conftest import Cast
from sergur.registry.tests.admin_support import admin_models, change_url, changelist_url, queries
from sergur.verification.models import DocumentVerdict, StageReview
from sergur.verification.tests.support import complete, judge, submit

pytestmark = pytest.mark.django_db

MODELS = admin_models("verification")


def test_every_verification_model_has_a_screen() -> None:
    assert set(MODELS) == {DocumentVerdict, StageReview}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_operator_reads_and_cannot_change(
    client: Client, cast: Cast, model: type[models.Model]
) -> None:
    case = submit(cast.sri_case, cast)
    judge(case, cast.dinas)
    complete(case, cast.dinas)
    client.force_login(cast.operator)
    assert client.get(changelist_url(model)).status_code == 200
    obj = model._default_manager.first()
    assert obj is not None
    page = client.get(change_url(obj))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.post(change_url(obj), {}).status_code == 403


@pytest.mark.parametrize("who", ["sri", "dinas", "lpmp", None])
def test_anyone_but_staff_is_sent_to_the_admin_login(
    client: Client, cast: Cast, who: str | None
) -> None:
    if who is not None:
        client.force_login(getattr(cast, who))
    response = client.get(changelist_url(DocumentVerdict))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_verdict_list_queries_do_not_grow_with_the_rows(client: Client, cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    client.force_login(cast.operator)
    judge(case, cast.dinas)
    few = queries(client, changelist_url(DocumentVerdict))
    judge(case, cast.dinas, "K")
    assert queries(client, changelist_url(DocumentVerdict)) == few
