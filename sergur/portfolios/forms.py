"""Forms of the portfolio: one per instrument table (built from the sections package), evidence
uploads, the closed-envelope instruments and the declaration."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sergur.portfolios.sections import Field, Section, cross_check
from sergur.rules.instruments import Instrument


def _form_field(spec: Field) -> forms.Field:
    common: dict[str, Any] = {
        "label": spec.label,
        "required": spec.required,
        "help_text": spec.help_text,
    }
    if spec.kind in ("int", "year"):
        return forms.IntegerField(min_value=spec.min_value, max_value=spec.max_value, **common)
    if spec.kind == "date":
        # Dates are ISO (YYYY-MM-DD) from a date picker, never parsed by locale.
        return forms.DateField(
            input_formats=["%Y-%m-%d"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **common,
        )
    if spec.kind == "choice":
        choices = [("", "—"), *spec.choices]
        return forms.ChoiceField(choices=choices, **common)
    if spec.kind == "textarea":
        return forms.CharField(
            max_length=spec.max_length, widget=forms.Textarea(attrs={"rows": 2}), **common
        )
    return forms.CharField(max_length=spec.max_length, **common)


class EntryForm(forms.Form):
    """Base of the per-table forms; `section` is set on each generated class."""

    section: Section

    def clean(self) -> dict[str, Any]:
        """Rules between the columns of one row (sections.cross_check)."""
        cleaned = super().clean() or {}
        values = {
            key: (value.isoformat() if hasattr(value, "isoformat") else value)
            for key, value in cleaned.items()
        }
        for name, message in cross_check(self.section, values).items():
            if name not in self.errors:
                self.add_error(name, str(message))
        return cleaned


_FORM_CLASSES: dict[str, type[EntryForm]] = {}


def entry_form_class(section: Section) -> type[EntryForm]:
    """The form class of one table (made once, then reused)."""
    if section.key not in _FORM_CLASSES:
        attrs: dict[str, Any] = {spec.name: _form_field(spec) for spec in section.fields}
        attrs["section"] = section
        name = "".join(part.title() for part in section.key.split("_")) + "EntryForm"
        _FORM_CLASSES[section.key] = type(name, (EntryForm,), attrs)
    return _FORM_CLASSES[section.key]


def clean_values(section: Section, raw: dict[str, Any]) -> tuple[dict[str, Any] | None, Any]:
    """Typed values of a stored row, or None with the form's errors when it is incomplete."""
    form = entry_form_class(section)(data=raw)
    if not form.is_valid():
        return None, form.errors
    return section.typed(raw), None


class EvidenceForm(forms.Form):
    """One evidence file for an entry, and whether it is the original or a legalised copy."""

    file = forms.FileField(label=_("File (PDF, JPEG or PNG)"))
    is_original = forms.BooleanField(
        label=_("This is the original document (not a legalised copy)"), required=False
    )


def item_choices() -> list[tuple[str, str]]:
    """The 1–5 scale of every scored item."""
    return [("", "—"), *((str(n), str(n)) for n in range(1, 6))]


class EnvelopeForm(forms.Form):
    """The closed-envelope instruments in one form: the observation and component 5, or for
    a counsellor component 5 only (items may be left empty while drafting; both authors
    confirm once every item has a score)."""

    def __init__(
        self, *args: Any, practice: Instrument | None, superior: Instrument, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.practice = practice
        self.superior = superior
        # A counsellor's envelope has no practice form (`practice` None): the assessor
        # scores their 4b (`rules.instruments.envelope_instruments`).
        pairs = [("s", superior)] if practice is None else [("o", practice), ("s", superior)]
        for prefix, instrument in pairs:
            for index, item in enumerate(instrument.items):
                self.fields[f"{prefix}{index}"] = forms.TypedChoiceField(
                    label=f"{item.number}. {item.id}",
                    choices=item_choices(),
                    coerce=int,
                    empty_value=None,
                    required=False,
                    widget=forms.RadioSelect,
                )

    def items(self, prefix: str) -> list[int | None]:
        """The cleaned item scores of one instrument, in order (None where empty)."""
        instrument = self.practice if prefix == "o" else self.superior
        if instrument is None:
            return []
        return [self.cleaned_data.get(f"{prefix}{i}") for i in range(instrument.size)]


class SubmitForm(forms.Form):
    """The declaration of authenticity (Buku II, pernyataan) that precedes submission."""

    declaration = forms.BooleanField(
        label=_(
            "I declare that the statements and documents in this portfolio are truly my own "
            "work, and I accept the sanctions and legal consequences under the laws in force "
            "should they later prove untrue."
        ),
        required=True,
        error_messages={"required": _("Tick the declaration to submit.")},
    )


class ReceiptCodeForm(forms.Form):
    """A receipt code to check, as pasted from the PDF (its line breaks do not matter)."""

    code = forms.CharField(
        label=_("Receipt code"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false", "autocomplete": "off"}),
        help_text=_("The code printed under “Kode tanda terima” on the receipt."),
    )

    def clean_code(self) -> str:
        """The code without the spaces and line breaks that copying from a PDF adds."""
        return "".join(str(self.cleaned_data["code"]).split())
