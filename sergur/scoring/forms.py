"""The scoring form: one portfolio file, uploaded or pasted, and the programme year."""

from __future__ import annotations

import logging
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from sergur.common.uploads import UploadTooLarge, human_size, read_capped
from sergur.rules import ProgrammeYearError, available_years, load_year

logger = logging.getLogger(__name__)

DEFAULT_YEAR = 2007

BOTH_GIVEN = _("Choose one: upload a portfolio file or paste its text, not both.")
NEITHER_GIVEN = _("Upload a portfolio file or paste its text.")
FILE_EMPTY = _("The uploaded file is empty (0 bytes). Choose the portfolio file again.")
FILE_TOO_LARGE = _(
    "The uploaded file is %(size)s; a portfolio file may be at most %(limit)s. It was not read."
)
TEXT_TOO_LARGE = _("The pasted text is %(size)s; a portfolio file may be at most %(limit)s.")
FILE_NOT_TEXT = _(
    "The uploaded file is not a portfolio file: a portfolio file is JSON text in UTF-8, "
    "but byte %(position)s of this file is not UTF-8 text. Upload the .json file itself, "
    "not an image, a PDF or a document made from it, and save it as UTF-8."
)
YEAR_UNUSABLE = _("Programme year %(year)s cannot be used at the moment; choose another year.")


class PortfolioScoreForm(forms.Form):
    """A portfolio file (`sergur.portfolio/1`), uploaded or pasted, and the programme year.

    After validation `cleaned_data["portfolio_data"]` holds the file's bytes: an upload is read
    in chunks up to SERGUR_PORTFOLIO_MAX_BYTES and must be UTF-8 text, whatever its name says.
    """

    portfolio_file = forms.FileField(
        label=_("Upload the file"),
        required=False,
        error_messages={"empty": FILE_EMPTY},
        widget=forms.FileInput(attrs={"accept": ".json,application/json"}),
    )
    portfolio_text = forms.CharField(
        label=_("Or paste its text"),
        required=False,
        strip=False,
        widget=forms.Textarea(
            attrs={
                "rows": 10,
                "spellcheck": "false",
                "autocapitalize": "off",
                "autocomplete": "off",
                "class": "code",
            }
        ),
    )
    year = forms.TypedChoiceField(
        label=_("Programme year"),
        coerce=int,
        initial=DEFAULT_YEAR,
        help_text=_("The year whose rubric and thresholds apply."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")  # labels without a colon, as Pico CSS expects
        super().__init__(*args, **kwargs)
        years = available_years(settings.SERGUR_YEARS_DIRS)
        year_field = cast(forms.TypedChoiceField, self.fields["year"])
        year_field.choices = [(year, str(year)) for year in years]

    def clean_portfolio_file(self) -> bytes | None:
        """The upload's bytes: within the size cap and UTF-8 text (checked by content)."""
        upload: UploadedFile[Any] | None = self.cleaned_data.get("portfolio_file")
        if not upload:
            return None
        limit = settings.SERGUR_PORTFOLIO_MAX_BYTES
        try:
            data = read_capped(upload, max_bytes=limit)
        except UploadTooLarge as exc:
            raise ValidationError(
                FILE_TOO_LARGE,
                code="too_large",
                params={"size": human_size(exc.size), "limit": human_size(limit)},
            ) from None
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError(
                FILE_NOT_TEXT, code="not_text", params={"position": exc.start + 1}
            ) from None
        return data

    def clean_portfolio_text(self) -> str:
        """The pasted text, within the size cap; blank counts as nothing pasted."""
        text: str = self.cleaned_data.get("portfolio_text") or ""
        size = len(text.encode("utf-8"))
        limit = settings.SERGUR_PORTFOLIO_MAX_BYTES
        if size > limit:
            raise ValidationError(
                TEXT_TOO_LARGE,
                code="too_large",
                params={"size": human_size(size), "limit": human_size(limit)},
            )
        return text

    def clean_year(self) -> int:
        """A configured programme year whose file can be read."""
        year: int = self.cleaned_data["year"]
        try:
            load_year(year, settings.SERGUR_YEARS_DIRS)
        except ProgrammeYearError as exc:
            # A server configuration problem: the message names a file, never a teacher.
            logger.error("programme year %s cannot be loaded: %s", year, exc)
            raise ValidationError(
                YEAR_UNUSABLE, code="year_unusable", params={"year": year}
            ) from None
        return year

    def clean(self) -> dict[str, Any]:
        """Exactly one of the file and the text; its bytes become `portfolio_data`."""
        cleaned = super().clean() or {}
        if "portfolio_file" in self.errors or "portfolio_text" in self.errors:
            return cleaned
        data: bytes | None = cleaned.get("portfolio_file")
        text: str = cleaned.get("portfolio_text") or ""
        has_text = bool(text.strip())
        if data is not None and has_text:
            raise ValidationError(BOTH_GIVEN, code="both")
        if data is None and not has_text:
            raise ValidationError(NEITHER_GIVEN, code="neither")
        cleaned["portfolio_data"] = data if data is not None else text.encode("utf-8")
        return cleaned
