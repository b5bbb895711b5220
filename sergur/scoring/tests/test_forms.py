from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from sergur.rules import available_years
from sergur.scoring.forms import (
    BOTH_GIVEN,
    DEFAULT_YEAR,
    FILE_NOT_TEXT,
    NEITHER_GIVEN,
    PortfolioScoreForm,
)
from sergur.scoring.tests.conftest import example_bytes, json_upload


def bound(*, text: str = "", upload: SimpleUploadedFile | None = None, year: str = "2007"):
    files = {"portfolio_file": upload} if upload is not None else {}
    return PortfolioScoreForm({"portfolio_text": text, "year": year}, files)


def test_year_choices_are_the_configured_years_with_2007_first_offered():
    year = PortfolioScoreForm().fields["year"]

    assert isinstance(year, forms.TypedChoiceField)
    assert [value for value, _ in year.widget.choices] == available_years()
    assert year.initial == DEFAULT_YEAR == 2007


def test_an_upload_becomes_its_bytes():
    data = example_bytes("near-miss.json")
    form = bound(upload=json_upload("near-miss.json", data))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["portfolio_data"] == data
    assert form.cleaned_data["year"] == 2007


def test_pasted_text_becomes_its_utf8_bytes():
    form = bound(text='{"teacher": "Dédé"}')

    assert form.is_valid(), form.errors
    assert form.cleaned_data["portfolio_data"] == '{"teacher": "Dédé"}'.encode()


def test_both_inputs_are_a_form_error():
    form = bound(text="{}", upload=json_upload("a.json", b"{}"))

    assert not form.is_valid()
    assert form.non_field_errors() == [str(BOTH_GIVEN)]


def test_neither_input_is_a_form_error():
    form = bound(text=" \n\t")

    assert not form.is_valid()
    assert form.non_field_errors() == [str(NEITHER_GIVEN)]


def test_upload_over_the_cap_is_refused_before_it_is_read(settings):
    settings.SERGUR_PORTFOLIO_MAX_BYTES = 10

    class Unreadable(SimpleUploadedFile):
        def chunks(self, chunk_size=None):
            raise AssertionError("an upload over the cap must not be read")

    form = bound(upload=Unreadable("big.json", b"{" + b" " * 20 + b"}"))

    with translation.override("en"):
        assert not form.is_valid()
        assert form.errors["portfolio_file"][0].startswith("The uploaded file is 22\xa0bytes")


def test_binary_upload_names_the_first_byte_that_is_not_text():
    with translation.override("en"):
        form = bound(upload=json_upload("x.json", b'{"a": 1}\xff'))

        assert not form.is_valid()
        assert form.errors["portfolio_file"] == [str(FILE_NOT_TEXT) % {"position": 9}]
