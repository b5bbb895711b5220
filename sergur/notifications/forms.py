"""The e-mail choices form: one box per kind of message."""

from __future__ import annotations

from typing import Any

from django import forms

from sergur.notifications.models import Kind


class PreferencesForm(forms.Form):
    """Whether each kind of message also comes by e-mail (the inbox always has it)."""

    def __init__(self, *args: Any, initial_email: dict[str, bool], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.BooleanField(
                label=kind.label, required=False, initial=initial_email.get(kind.value, True)
            )

    def email_choices(self) -> dict[str, bool]:
        """The choices, by kind."""
        return {kind.value: bool(self.cleaned_data.get(kind.value)) for kind in Kind}
