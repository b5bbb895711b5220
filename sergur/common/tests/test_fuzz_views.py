"""The pages that take input, fed generated hostile posts through the whole stack (middleware,
view, form, service, template): every answer is a page or a refusal, never a 500. The score
page (anonymous, the widest open door) gets the most; with the form fuzz tests
(test_fuzz_forms.py) more than 10,000 generated inputs each run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from sergur.appeals.tests.support import published
from sergur.assessments.tests.support import allocate, at_rayon, submit_complete
from sergur.common.tests.fuzz import TEXT, answered, form_data, fuzz, uploads
from sergur.conftest import Cast
from sergur.portfolios.models import Entry
from sergur.portfolios.sections import BY_KEY
from sergur.portfolios.tests.teacher_support import COMPLETE, add_row
from sergur.verification.tests.support import submit

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
EXAMPLE = json.loads((EXAMPLES / "passing-subject-teacher.json").read_text(encoding="utf-8"))

# JSON values of any shape, and the example portfolio with one value replaced by one of them.
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def portfolio_texts(draw: st.DrawFn) -> str:
    """A portfolio file's text: the example with a value changed, any JSON, or any text."""
    kind = draw(st.sampled_from(["changed", "json", "text", "huge number"]))
    if kind == "json":
        return json.dumps(draw(JSON))
    if kind == "text":
        return draw(TEXT)
    document = json.loads(json.dumps(EXAMPLE))
    section = draw(st.sampled_from(sorted(document)))
    value = document[section]
    if isinstance(value, list) and value and isinstance(value[0], dict):
        key = draw(st.sampled_from(sorted(value[0])))
        value[0][key] = draw(JSON)
    elif isinstance(value, dict) and value:
        key = draw(st.sampled_from(sorted(value)))
        value[key] = draw(JSON)
    else:
        document[section] = draw(JSON)
    text = json.dumps(document)
    if kind == "huge number":
        text = text.replace("170", "9" * draw(st.integers(4_000, 5_000)), 1)
    return text


@fuzz(1_200)
@given(
    text=portfolio_texts(),
    year=st.one_of(st.just("2007"), TEXT),
    upload=st.none() | uploads(),
)
def test_the_score_page_answers_any_post(text: str, year: str, upload: Any) -> None:
    data: dict[str, Any] = {"portfolio_text": text, "year": year}
    if upload is not None:
        data["portfolio_file"] = upload
    answered(Client().post(reverse("scoring:score"), data))


@pytest.mark.django_db
@fuzz(200)
@given(data=form_data(["username", "password"]))
def test_the_sign_in_page_answers_any_post(data: dict[str, Any]) -> None:
    answered(Client().post(reverse("login"), data))


@pytest.mark.django_db
@fuzz(200)
@given(data=form_data(["nuptk"]))
def test_the_public_lookup_answers_any_post(data: dict[str, Any]) -> None:
    answered(Client().post(reverse("selection:lookup"), data))


@pytest.mark.django_db
@fuzz(200)
@given(data=form_data(["code"]))
def test_the_receipt_check_answers_any_post(data: dict[str, Any]) -> None:
    answered(Client().post(reverse("portfolios:receipt_verify"), data))


@pytest.fixture
def rows(cast: Cast) -> dict[str, Entry]:
    keys = ["training", "qualification", "award", "organization"]
    return {key: add_row(cast.sri_case, cast.sri, key) for key in keys}


@fuzz(150)
@given(
    section=st.sampled_from(["training", "qualification", "award", "organization"]), data=st.data()
)
def test_a_table_row_saved_with_any_values_is_answered(
    client: Client, cast: Cast, rows: dict[str, Entry], section: str, data: st.DataObject
) -> None:
    client.force_login(cast.sri)
    fields = [spec.name for spec in BY_KEY[section].fields]
    values = data.draw(form_data(fields))
    url = reverse("portfolios:entry", args=[cast.sri_case.pk, rows[section].pk])
    answered(client.post(url, values))


@pytest.fixture
def award(cast: Cast) -> Entry:
    return add_row(cast.sri_case, cast.sri, "award", **COMPLETE["award"])


@fuzz(150)
@given(data=form_data(["is_original"]), upload=uploads())
def test_evidence_uploaded_with_any_content_is_answered(
    client: Client, cast: Cast, award: Entry, data: dict[str, Any], upload: Any
) -> None:
    client.force_login(cast.sri)
    url = reverse("portfolios:evidence_add", args=[cast.sri_case.pk, award.pk])
    answered(client.post(url, {**data, "file": upload}))


@fuzz(80)
@given(data=form_data([*(f"o{i}" for i in range(24)), *(f"s{i}" for i in range(10)), "action"]))
def test_the_envelope_answers_any_post(client: Client, cast: Cast, data: dict[str, Any]) -> None:
    client.force_login(cast.pak_kepala)
    answered(client.post(reverse("portfolios:envelope", args=[cast.sri_case.pk]), data))


@pytest.fixture
def submitted(cast: Cast) -> Cast:
    submit(cast.sri_case, cast)
    return cast


@fuzz(100)
@given(data=form_data(["evidence", "verdict", "reason"]))
def test_a_verdict_with_any_values_is_answered(
    client: Client, submitted: Cast, data: dict[str, Any]
) -> None:
    client.force_login(submitted.dinas)
    url = reverse("verification:verdict", args=[submitted.sri_case.pk])
    answered(client.post(url, data))


@pytest.fixture
def allocated(cast: Cast) -> Any:
    case = at_rayon(submit_complete(cast.sri_case, cast))
    return allocate(case, cast.asesor, cast.asesor2)[0]


@fuzz(80)
@given(data=st.data())
def test_the_assessor_sheet_answers_any_post(
    client: Client, cast: Cast, allocated: Any, data: st.DataObject
) -> None:
    client.force_login(cast.asesor)
    url = reverse("assessments:sheet", args=[allocated.allocation_id])
    names = ["defects", "doubtful", "fraud_found", "fraud_note", "notes", "action"]
    names += [f"plan_{plan}_{item}" for plan in (1, 5, 6) for item in (1, 8, 9)]
    names += ["points:qualifications[0]", "reason:qualifications[0]"]
    answered(client.post(url, data.draw(form_data(names))))


@pytest.fixture
def decided(cast: Cast) -> Cast:
    published(cast.sri_case, "MS", now=timezone.now())
    return cast


@fuzz(150)
@given(data=form_data(["grounds"]), upload=st.none() | uploads())
def test_an_appeal_with_any_grounds_and_file_is_answered(
    client: Client, decided: Cast, data: dict[str, Any], upload: Any
) -> None:
    cast = decided
    client.force_login(cast.sri)
    post = {**data, **({"evidence": upload} if upload is not None else {})}
    answered(client.post(reverse("appeals:file", args=[cast.sri_case.pk]), post))
