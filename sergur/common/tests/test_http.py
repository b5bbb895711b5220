from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponse

from sergur.common.http import attachment, error_messages, form_error_messages, private


class NameForm(forms.Form):
    name = forms.CharField(label="Name", error_messages={"required": "Give a name."})

    def clean(self):
        raise ValidationError("The whole form is wrong.")


def test_private_forbids_caching_and_sniffing():
    response = private(HttpResponse("x"))

    assert response["X-Content-Type-Options"] == "nosniff"
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}


def test_attachment_names_the_file_and_is_private():
    response = attachment(HttpResponse("x"), filename="export-7.json")

    assert response["Content-Disposition"] == 'attachment; filename="export-7.json"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_error_messages_are_the_refusal_sentences():
    error = ValidationError(["One.", ValidationError("Two %(n)s.", params={"n": 2})])

    assert error_messages(error) == ["One.", "Two 2."]


def test_form_error_messages_put_the_label_before_a_field_error_only_when_asked():
    form = NameForm({})
    form.is_valid()

    assert form_error_messages(form) == ["Give a name.", "The whole form is wrong."]
    assert form_error_messages(form, labelled=True) == [
        "Name: Give a name.",
        "The whole form is wrong.",
    ]
