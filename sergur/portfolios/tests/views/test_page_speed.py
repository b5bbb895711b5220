"""The portfolio pages' cheaper build (issue 14 item 11): the section page's row URLs and empty
upload form are the same strings `reverse` and an unbound EvidenceForm give, and a draft's
pages take a small fixed number of queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from sergur.cases.models import Case
from sergur.portfolios.forms import EvidenceForm
from sergur.portfolios.sections import BY_KEY
from sergur.portfolios.selectors import portfolio_read
from sergur.portfolios.tests.teacher_support import add_row, attach
from sergur.portfolios.views.teacher.rows import add_form, empty_add_form, empty_upload, row_view

FIELDS = Template(
    "{{ u.file }}|{{ u.file.auto_id }}|{{ u.is_original }}|{{ u.is_original.auto_id }}|"
    "{{ u.is_original.label }}"
)


def test_a_rows_urls_are_those_reverse_gives(cast: Any) -> None:
    entry = add_row(cast.sri_case, cast.sri, "training")
    file = attach(entry, cast.sri)
    portfolio = portfolio_read(case=cast.sri_case)
    row = portfolio.row(entry.pk)
    view = row_view(row.section, row, editable=True)
    args = [cast.sri_case.pk, entry.pk]

    assert view.edit_url == reverse("portfolios:entry_edit", args=args)
    assert view.save_url == reverse("portfolios:entry", args=args)
    assert view.add_file_url == reverse("portfolios:evidence_add", args=args)
    assert view.delete_url == reverse("portfolios:entry_delete", args=args)
    [link] = view.files
    assert link.file == file
    assert link.url == reverse("portfolios:evidence", args=[cast.sri_case.pk, file.pk])
    assert link.delete_url == reverse(
        "portfolios:evidence_delete", args=[cast.sri_case.pk, file.pk]
    )


def test_the_empty_upload_renders_as_the_unbound_form(cast: Any) -> None:
    entry = add_row(cast.sri_case, cast.sri, "training")
    row = portfolio_read(case=cast.sri_case).row(entry.pk)

    for language in ("id", "en"):
        with translation.override(language):
            form = EvidenceForm(auto_id=f"ev{entry.pk}-%s")
            expected = FIELDS.render(Context({"u": form}))
            shown = FIELDS.render(Context({"u": empty_upload(row)}))
            assert shown == expected


# -- bounded queries -------------------------------------------------------------------------
DECISION_TABLES = ("assessments_result", "plpg_participant", "certificates_certificate")


def _queries(client: Client, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("rows", [3, 40])
def test_a_drafts_pages_take_a_fixed_small_number_of_queries(
    client: Client, cast: Any, rows: int
) -> None:
    """Session, user, second factor, case, entries, files, envelope; the case page adds its
    log and the teacher's NRG, and asks for no result, PLPG place or certificate, which a
    case before any decision cannot have (rules.workflow.before_any_decision)."""
    for n in range(rows):
        entry = add_row(cast.sri_case, cast.sri, "training", name=f"Diklat {n}")
        if n < 3:
            attach(entry, cast.sri)
    client.force_login(cast.sri)
    pk = cast.sri_case.pk

    case_page = _queries(client, reverse("portfolios:case", args=[pk]))
    section_page = _queries(client, reverse("portfolios:section", args=[pk, "training"]))

    assert len(case_page) <= 9
    assert len(section_page) <= 6
    assert not [sql for sql in case_page if any(table in sql for table in DECISION_TABLES)]


def test_a_decided_case_page_still_asks_for_its_result(client: Client, cast: Any) -> None:
    Case.objects.filter(pk=cast.sri_case.pk).update(state=Case.State.PUBLISHED)
    client.force_login(cast.sri)

    case_page = _queries(client, reverse("portfolios:case", args=[cast.sri_case.pk]))

    for table in DECISION_TABLES:
        assert any(table in sql for sql in case_page), table


ADD_FIELDS = Template(
    "{% for field in form %}{{ field.auto_id }}|{{ field.label }}|{{ field.field.required }}|"
    "{{ field.help_text }}|{{ field }}{% endfor %}"
)


@pytest.mark.parametrize("key", ["training", "teaching_period", "award"])
def test_the_empty_add_form_renders_as_the_unbound_form(key: str) -> None:
    section = BY_KEY[key]

    for language in ("id", "en"):
        with translation.override(language):
            expected = ADD_FIELDS.render(Context({"form": add_form(section)}))
            shown = ADD_FIELDS.render(Context({"form": empty_add_form(section)}))
            assert shown == expected
