"""The rows of an instrument table as the section page shows them: each row read-only with its
evidence and its upload form, and the one row being edited with its form bound to what was
stored (so its errors stand next to its fields); the empty form that adds a row; the counts
above the table. No queries, no rules.

Only the row being edited carries a form: building and rendering a bound form for every row
made the page grow with the table (20 ms at 3 rows, 203 ms at 98, issue 14 item 11), so the
other rows show their values and an Edit control that fetches the form on demand."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.forms import BoundField

from sergur.portfolios.forms import EntryForm, EvidenceForm, entry_form_class
from sergur.portfolios.models import Evidence
from sergur.portfolios.sections import Field, Section
from sergur.portfolios.selectors import Portfolio, Row, teaching_service


@dataclass(frozen=True)
class Cell:
    """One column of one row: the form field (None when read-only) and the value as shown."""

    spec: Field
    field: BoundField | None
    display: str
    errors_id: str


@dataclass(frozen=True)
class RowView:
    """One row as the section page shows it, with its form and its evidence upload."""

    row: Row
    form_id: str
    cells: list[Cell]
    upload: EvidenceForm | None
    upload_errors: list[str] = field(default_factory=list)
    editing: bool = False

    @property
    def pk(self) -> int:
        """The entry's id (anchors, element ids)."""
        return int(self.row.entry.pk)

    @property
    def printed_label(self) -> str:
        """The row's label as Buku II prints it."""
        return printed_label(self.row)

    @property
    def evidence(self) -> list[Evidence]:
        """The row's files."""
        return self.row.evidence

    @property
    def problems(self) -> int:
        """How many columns still need attention."""
        return sum(1 for cell in self.cells if cell.field is not None and cell.field.errors)


def printed_label(row: Row) -> str:
    """The label as Buku II prints it: "a." in lettered tables, "1)" and "a)" as they are."""
    return f"{row.label}." if row.section.label_style == "letter" else row.label


def display_value(spec: Field, raw: Any) -> str:
    """A stored value as the teacher reads it: the label of a choice, else the text."""
    text = "" if raw is None else str(raw)
    for value, label in spec.choices:
        if value == text:
            return str(label)
    return text


def row_form(section: Section, row: Row, data: Any = None) -> EntryForm:
    """The row's form, bound to what was stored (or to what was typed, when it could not be
    stored), so its errors show next to the fields."""
    form_id = f"row-{row.entry.pk}-form"
    form = entry_form_class(section)(
        data=row.entry.values if data is None else data,
        auto_id=f"e{row.entry.pk}-%s",
        use_required_attribute=False,
    )
    for name, form_field in form.fields.items():
        # The inputs stand in the table's cells; `form=` ties them to the row's form.
        form_field.widget.attrs["form"] = form_id
        form_field.widget.attrs["data-column"] = name
    return form


def row_view(
    section: Section,
    row: Row,
    *,
    editable: bool,
    upload: EvidenceForm | None = None,
    upload_errors: list[str] | None = None,
    editing: bool = False,
    typed: Any = None,
) -> RowView:
    """One row: with its form when it is being edited, else read-only; its upload form when
    the teacher may edit."""
    values = row.entry.values
    form = row_form(section, row, typed) if editable and editing else None
    cells = [
        Cell(
            spec=spec,
            field=form[spec.name] if form is not None else None,
            display=display_value(spec, values.get(spec.name)),
            errors_id=f"e{row.entry.pk}-{spec.name}-errors",
        )
        for spec in section.fields
    ]
    if editable and upload is None:
        upload = evidence_form(row)
    return RowView(
        row=row,
        form_id=f"row-{row.entry.pk}-form",
        cells=cells,
        upload=upload if editable else None,
        upload_errors=upload_errors or [],
        editing=form is not None,
    )


def evidence_form(row: Row, data: Any = None, files: Any = None) -> EvidenceForm:
    """The upload form of one row (its ids unique on the page)."""
    return EvidenceForm(data, files, auto_id=f"ev{row.entry.pk}-%s")


def add_form(section: Section, initial: dict[str, Any] | None = None) -> EntryForm:
    """The form that adds a row to the table (unbound: a new row's errors show once it is
    stored, next to its own fields)."""
    return entry_form_class(section)(
        initial=initial, auto_id="new-%s", use_required_attribute=False
    )


@dataclass(frozen=True)
class TableSummary:
    """The counts above a table: rows, complete rows, files, and the room left."""

    rows: int
    complete: int
    files: int
    without_evidence: int
    max_rows: int | None

    @property
    def full(self) -> bool:
        """The table holds as many rows as the instrument allows."""
        return self.max_rows is not None and self.rows >= self.max_rows


def table_summary(portfolio: Portfolio, section: Section) -> TableSummary:
    """Counts of one table."""
    rows = portfolio.section_rows(section.key)
    return TableSummary(
        rows=len(rows),
        complete=sum(1 for row in rows if row.complete),
        files=sum(len(row.evidence) for row in rows),
        without_evidence=sum(1 for row in rows if not row.evidence),
        max_rows=section.max_for(portfolio.role),
    )


def next_label(section: Section, portfolio: Portfolio) -> str:
    """The printed label the next added row will get."""
    return section.label(len(portfolio.section_rows(section.key)))


def service_years(portfolio: Portfolio) -> int | None:
    """Completed years of teaching from the complete periods (None before any period)."""
    if not any(row.complete for row in portfolio.section_rows("teaching_period")):
        return None
    return teaching_service(portfolio).years
