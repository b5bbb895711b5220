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
