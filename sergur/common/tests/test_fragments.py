"""`{% fragment %}` (sergur/common/fragments.py): a part rendered once per key, language and
place, with each answer's own CSRF token."""

from __future__ import annotations

from django.template import Context, Template
from django.utils import translation

from sergur.common.fragments import csrf_stand_in

PART = Template("{% load fragments %}{% fragment key %}[{{ value }}]{% endfragment %}")
FORM = Template("{% load fragments %}{% fragment key %}{% csrf_token %}{% endfragment %}")


def shown(template: Template, **context: object) -> str:
    return template.render(Context(context))


def test_a_part_is_rendered_once_per_key() -> None:
    first = shown(PART, key="k1", value="one")
    again = shown(PART, key="k1", value="two")
    other = shown(PART, key="k2", value="two")

    assert (first, again, other) == ("[one]", "[one]", "[two]")


def test_an_empty_key_renders_the_part_every_time() -> None:
    assert shown(PART, key="", value="one") == "[one]"
    assert shown(PART, key="", value="two") == "[two]"


def test_each_language_and_each_place_has_its_own_part() -> None:
    elsewhere = Template("{% load fragments %}{% fragment key %}<{{ value }}>{% endfragment %}")
    with translation.override("id"):
        assert shown(PART, key="k", value="id") == "[id]"
    with translation.override("en"):
        assert shown(PART, key="k", value="en") == "[en]"
        assert shown(elsewhere, key="k", value="en") == "<en>"


def test_a_remembered_form_carries_each_answers_own_csrf_token() -> None:
    first = shown(FORM, key="form", csrf_token="tokenOfTheFirstReader")  # nosec B106: a test token
    second = shown(FORM, key="form", csrf_token="tokenOfTheSecondReader")  # nosec B106: a test token

    assert 'value="tokenOfTheFirstReader"' in first
    assert 'value="tokenOfTheSecondReader"' in second
    assert "tokenOfTheFirstReader" not in second
    assert csrf_stand_in() not in first + second
