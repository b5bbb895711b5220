"""Forms of imports: the upload and the officer's choice of import mode."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sergur.common.uploads import upload_size_check
from sergur.imports.models import ImportBatch

DEFAULT_MAX_BYTES = 200 * 1024 * 1024


def max_bytes() -> int:
    """The largest import file accepted (setting SERGUR_IMPORT_MAX_BYTES)."""
    return int(getattr(settings, "SERGUR_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


class ImportUploadForm(forms.Form):
    """A CSV or XLSX file in the layout of docs/import.md, and its date format."""

    file = forms.FileField(label=_("File (CSV UTF-8 or XLSX)"))
    date_format = forms.ChoiceField(
        label=_("Date format of the file"),
        choices=ImportBatch.DateFormat.choices,
        initial=ImportBatch.DateFormat.ISO,
        help_text=_("XLSX date cells are read as dates; this applies to dates written as text."),
    )

    def clean_file(self) -> Any:
        """Refuse a file over the cap (the capped handler kept none of its bytes)."""
        upload = self.cleaned_data["file"]
        upload_size_check(upload, limit=max_bytes())
        return upload


class ImportApplyForm(forms.Form):
    """The officer's choice: import everything (only without errors) or only the good rows."""

    mode = forms.ChoiceField(
        label=_("Import"),
        choices=[
            (ImportBatch.Mode.ALL_OR_NOTHING, ImportBatch.Mode.ALL_OR_NOTHING.label),
            (ImportBatch.Mode.GOOD_ROWS, ImportBatch.Mode.GOOD_ROWS.label),
        ],
        widget=forms.RadioSelect,
    )
