"""What a row may hold: each column's length limit and no NUL character, refused by the form
and by `entry_save` (rows are kept even when incomplete, so the form alone would not do), on
SQLite and on PostgreSQL alike (the suite runs on both)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from sergur.portfolios.forms import entry_form_class
from sergur.portfolios.models import Entry
from sergur.portfolios.sections import BY_KEY, SECTIONS
from sergur.portfolios.sections.base import KIND_MAX_CHARS
from sergur.portfolios.services import VALUE_NUL, VALUE_TOO_LONG, entry_save
from sergur.portfolios.tests.teacher_support import COMPLETE, add_row

TRAINING = BY_KEY["training"]
NAME = next(spec for spec in TRAINING.fields if spec.name == "name")
HOURS = next(spec for spec in TRAINING.fields if spec.name == "hours")


def save(cast, **changes: str) -> Entry:
    values = {**COMPLETE["training"], **changes}
    return entry_save(case=cast.sri_case, section_key="training", values=values, actor=cast.sri)


def test_every_column_of_every_table_has_a_limit():
    for section in SECTIONS:
        for spec in section.fields:
            assert 0 < spec.max_chars <= 4000, (section.key, spec.name)
    assert HOURS.max_chars == KIND_MAX_CHARS["int"]


def test_a_million_character_training_name_is_refused_naming_the_column(cast):
    with pytest.raises(ValidationError) as exc:
        save(cast, name="x" * 1_000_000)

    assert exc.value.message_dict.keys() == {"name"}
    (error,) = exc.value.error_dict["name"]
    assert error.code == "too_long"
    with translation.override("en"):
        expected = str(VALUE_TOO_LONG) % {
            "label": NAME.label,
            "limit": NAME.max_chars,
            "length": 1_000_000,
        }
        assert exc.value.messages == [expected]
    assert not Entry.objects.filter(case=cast.sri_case).exists()


def test_a_value_at_the_limit_is_kept(cast):
    entry = save(cast, name="x" * NAME.max_chars)

    entry.refresh_from_db()
    assert entry.values["name"] == "x" * NAME.max_chars


def test_a_number_of_thousands_of_digits_is_refused_before_it_is_stored(cast):
    with pytest.raises(ValidationError) as exc:
        save(cast, hours="9" * 5_000)

    assert [e.code for e in exc.value.error_dict["hours"]] == ["too_long"]
    assert not Entry.objects.filter(case=cast.sri_case).exists()


def test_an_update_over_the_limit_leaves_the_row_as_it_was(cast):
    entry = add_row(cast.sri_case, cast.sri, "training")
    values = {**COMPLETE["training"], "organizer": "y" * 100_000}

    with pytest.raises(ValidationError):
        entry_save(
            case=cast.sri_case, section_key="training", values=values, actor=cast.sri, entry=entry
        )

    entry.refresh_from_db()
    assert entry.values["organizer"] == COMPLETE["training"]["organizer"]


@pytest.mark.parametrize("column", ["name", "hours", "year", "level"])
def test_a_nul_character_is_refused_on_every_database(cast, column):
    # PostgreSQL stores no NUL in text (nor in jsonb): without this check the insert fails.
    with pytest.raises(ValidationError) as exc:
        save(cast, **{column: "Diklat\x00KTSP"})

    (error,) = exc.value.error_dict[column]
    assert error.code == "null_character"
    assert not Entry.objects.filter(case=cast.sri_case).exists()
    with translation.override("en"):
        english = exc.value.messages
    with translation.override("id"):
        assert exc.value.messages != english  # said in Indonesian first
        assert str(VALUE_NUL) not in english


def test_the_entry_form_refuses_an_overlong_name_and_a_nul():
    form_class = entry_form_class(TRAINING)

    long_form = form_class(data={**COMPLETE["training"], "name": "x" * 1_000_000})
    nul_form = form_class(data={**COMPLETE["training"], "organizer": "LPMP\x00DIY"})

    assert not long_form.is_valid() and "name" in long_form.errors
    assert not nul_form.is_valid() and "organizer" in nul_form.errors


def test_the_table_page_answers_an_overlong_row_with_the_message(client, cast):
    client.force_login(cast.sri)
    url = reverse("portfolios:section", args=[cast.sri_case.pk, "training"])

    response = client.post(url, {**COMPLETE["training"], "name": "x" * 1_000_000})

    assert response.status_code == 200
    assert "1000000" in response.content.decode()
    assert not Entry.objects.filter(case=cast.sri_case).exists()


def test_the_table_page_answers_a_nul_with_the_message(client, cast):
    client.force_login(cast.sri)
    entry = add_row(cast.sri_case, cast.sri, "training")
    url = reverse("portfolios:entry", args=[cast.sri_case.pk, entry.pk])

    response = client.post(url, {**COMPLETE["training"], "place": "Ban\x00tul"}, follow=True)

    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.values["place"] == "Bantul"
