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
from django.urls import get_script_prefix, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from sergur.portfolios.forms import EntryForm, EvidenceForm, entry_form_class
from sergur.portfolios.models import Evidence
from sergur.portfolios.sections import Field, Section, code_meaning
from sergur.portfolios.selectors import Portfolio, Row, teaching_service


@dataclass(frozen=True)
class Cell:
    """One column of one row: the form field (None when read-only) and the value as shown."""

    spec: Field
    field: BoundField | None
    display: str
    errors_id: str


# Stand-ins for the ids in a URL reversed once per process (see `_url`); no real id is this big.
_CASE_ID = 987_654_321_001
_OBJECT_ID = 987_654_321_002
_URLS: dict[tuple[str, str], str] = {}


def _url(name: str, case_id: int, object_id: int) -> str:
    """`reverse(name, args=[case_id, object_id])` for a row's or a file's URL, the same
    string, from one reversal per process: the section page holds several per row, and
    reversing them took a sixth of its time (issue 14 item 11)."""
    key = (name, get_script_prefix())
    pattern = _URLS.get(key)
    if pattern is None:
        pattern = _URLS[key] = reverse(name, args=[_CASE_ID, _OBJECT_ID])
    return pattern.replace(str(_CASE_ID), str(case_id)).replace(str(_OBJECT_ID), str(object_id))


@dataclass(frozen=True)
class FileLink:
    """One file of a row with its download and delete URLs."""

    file: Evidence
    url: str
    delete_url: str


class UploadField:
    """One field of a row's empty upload form: its HTML, id and label, as the bound field of
    an unbound EvidenceForm gives them."""

    def __init__(self, html: str, auto_id: str, label: Any) -> None:
        self.html = mark_safe(html)  # nosec B308 B703 # rendered by the form's own widget
        self.auto_id = auto_id
        self.label = label

    def __str__(self) -> str:
        return self.html

    def __html__(self) -> str:
        return self.html


@dataclass(frozen=True)
class UploadFields:
    """A row's empty upload form: the same HTML as an unbound EvidenceForm with the row's ids,
    from one rendering per process and language (two widgets rendered per row were a sixth of
    the section page's time, issue 14 item 11). A refused upload shows the bound form."""

    file: UploadField
    is_original: UploadField


_PLACEHOLDER = "__row__"
_UPLOAD_HTML: dict[str, tuple[str, str]] = {}


def empty_upload(row: Row) -> UploadFields:
    """The empty upload form of one row (its ids unique on the page)."""
    language = get_language() or ""
    html = _UPLOAD_HTML.get(language)
    if html is None:
        form = EvidenceForm(auto_id=f"ev{_PLACEHOLDER}-%s")
        html = _UPLOAD_HTML[language] = (str(form["file"]), str(form["is_original"]))
    pk = str(row.entry.pk)
    file_html, original_html = (part.replace(_PLACEHOLDER, pk) for part in html)
    label = EvidenceForm.base_fields["is_original"].label
    return UploadFields(
        file=UploadField(file_html, f"ev{pk}-file", EvidenceForm.base_fields["file"].label),
        is_original=UploadField(original_html, f"ev{pk}-is_original", label),
    )


@dataclass(frozen=True)
class RowView:
    """One row as the section page shows it, with its form and its evidence upload."""

    row: Row
    form_id: str
    cells: list[Cell]
    upload: EvidenceForm | UploadFields | None
    upload_errors: list[str] = field(default_factory=list)
    editing: bool = False

    @property
    def pk(self) -> int:
        """The entry's id (anchors, element ids)."""
        return int(self.row.entry.pk)

    @property
    def case_id(self) -> int:
        """The case's id (the row's URLs)."""
        return int(self.row.entry.case_id)

    @property
    def edit_url(self) -> str:
        """Where the row's form is fetched (portfolios:entry_edit)."""
        return _url("portfolios:entry_edit", self.case_id, self.pk)

    @property
    def save_url(self) -> str:
        """Where the row's form posts (portfolios:entry)."""
        return _url("portfolios:entry", self.case_id, self.pk)

    @property
    def add_file_url(self) -> str:
        """Where a file is uploaded to the row (portfolios:evidence_add)."""
        return _url("portfolios:evidence_add", self.case_id, self.pk)

    @property
    def delete_url(self) -> str:
        """Where the row's deletion is confirmed (portfolios:entry_delete)."""
        return _url("portfolios:entry_delete", self.case_id, self.pk)

    @property
    def files(self) -> list[FileLink]:
        """The row's files with their URLs."""
        return [
            FileLink(
                file=file,
                url=_url("portfolios:evidence", self.case_id, file.pk),
                delete_url=_url("portfolios:evidence_delete", self.case_id, file.pk),
            )
            for file in self.row.evidence
        ]

    @property
    def printed_label(self) -> str:
        """The row's label as Buku II prints it."""
        return printed_label(self.row)

    @property
    def code_meaning(self) -> str:
        """What the row's evidence code stands for in the instrument, with the row's label."""
        return code_meaning(self.row.section, self.row.label, self.row.code)

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
    shown_upload: EvidenceForm | UploadFields | None = upload
    if editable and upload is None:
        shown_upload = empty_upload(row)
    return RowView(
        row=row,
        form_id=f"row-{row.entry.pk}-form",
        cells=cells,
        upload=shown_upload if editable else None,
        upload_errors=upload_errors or [],
        editing=form is not None,
    )


def evidence_form(row: Row, data: Any = None, files: Any = None) -> EvidenceForm:
    """The upload form of one row (its ids unique on the page)."""
    return EvidenceForm(data, files, auto_id=f"ev{row.entry.pk}-%s")


class AddField(UploadField):
    """One field of the empty add form as the template reads a bound field: its widget's HTML,
    id, label, help text and form field (`field.required`)."""

    def __init__(self, html: str, auto_id: str, label: Any, help_text: Any, field: Any) -> None:
        super().__init__(html, auto_id, label)
        self.help_text = help_text
        self.field = field


_ADD_FIELDS: dict[tuple[str, str], list[AddField]] = {}


def empty_add_form(section: Section) -> list[AddField]:
    """The fields of the empty form that adds a row: the same HTML as `add_form(section)`,
    from one rendering per process, table and language (the widgets' templates were a large
    part of the section page's time, issue 14 item 11)."""
    key = (section.key, get_language() or "")
    fields = _ADD_FIELDS.get(key)
    if fields is None:
        form = add_form(section)
        fields = _ADD_FIELDS[key] = [
            AddField(str(bound), bound.auto_id, bound.label, bound.help_text, bound.field)
            for bound in form
        ]
    return fields


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
