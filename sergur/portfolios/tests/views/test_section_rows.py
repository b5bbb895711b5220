"""The section page's rows built once per process (issue 14 item 11): the row's URLs and its
empty upload form are the same strings `reverse` and an unbound EvidenceForm give."""

from __future__ import annotations

from typing import Any

from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from sergur.portfolios.forms import EvidenceForm
from sergur.portfolios.selectors import portfolio_read
from sergur.portfolios.tests.teacher_support import add_row, attach
from sergur.portfolios.views.teacher.rows import empty_upload, row_view

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
