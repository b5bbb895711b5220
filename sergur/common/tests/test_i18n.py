from __future__ import annotations

import pytest
from django.utils import translation

from sergur.common.i18n import rules_lang


@pytest.mark.parametrize(
    ("active", "lang"), [("id", "id"), ("en", "en"), ("en-gb", "en"), ("de", "id")]
)
def test_rules_lang_is_english_for_any_english_and_indonesian_otherwise(active, lang):
    with translation.override(active):
        assert rules_lang() == lang


def test_rules_lang_is_indonesian_when_no_language_is_active():
    with translation.override(None):
        assert rules_lang() == "id"


def test_the_blank_choice_of_a_select_is_indonesian():
    # Django 6.1's label of a select's empty choice has no Indonesian in Django's catalogue:
    # the PKG's appraiser form read "- Select an option -" on an Indonesian page.
    from django.db.models.fields import BLANK_CHOICE_LABEL

    with translation.override("id"):
        assert str(BLANK_CHOICE_LABEL) == "- Pilih salah satu -"
