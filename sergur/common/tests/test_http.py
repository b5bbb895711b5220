from __future__ import annotations

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.test import RequestFactory
from django.utils import translation

from sergur.common.http import (
    attachment,
    error_messages,
    form_error_messages,
    posted_form,
    private,
)


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


class CountForm(forms.Form):
    count = forms.IntegerField(label="Count", min_value=1)


def _posted(values, action):
    request = RequestFactory().post("/", values)
    request._messages = CookieStorage(request)  # type: ignore[attr-defined] # MessageMiddleware's
    back = HttpResponseRedirect("/page/")
    response = posted_form(request, CountForm(values), action, done="Saved.", then=back)
    assert response is back
    return [(m.level_tag, str(m)) for m in get_messages(request)]


def test_a_posted_form_runs_its_action_with_the_cleaned_values_and_says_so():
    seen: list[dict[str, object]] = []
    assert _posted({"count": "3"}, seen.append) == [("success", "Saved.")]
    assert seen == [{"count": 3}]


def test_a_bad_form_or_a_refusal_is_flashed_and_nothing_else_happens():
    seen: list[dict[str, object]] = []
    with translation.override("en"):
        flashed = _posted({"count": "0"}, seen.append)
    assert flashed == [("error", "Count: Ensure this value is greater than or equal to 1.")]
    assert seen == []

    def refuse(data):
        raise ValidationError(["Not now.", "Not here."])

    assert _posted({"count": "2"}, refuse) == [("error", "Not now."), ("error", "Not here.")]
