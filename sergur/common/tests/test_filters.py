"""List filters kept in the session, per list, never in a URL."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.test import RequestFactory

from sergur.common.filters import (
    SESSION_KEY,
    list_filters_post,
    list_filters_recall,
    list_filters_remember,
)


@pytest.fixture
def request_with_session():
    request = RequestFactory().post("/cases/filter/")
    request.session = SessionStore()
    return request


def test_filters_are_remembered_per_list_without_empty_values(request_with_session):
    list_filters_remember(request_with_session, key="a", filters={"name": "Sri", "state": ""})
    list_filters_remember(request_with_session, key="b", filters={"state": "draft"})

    assert list_filters_recall(request_with_session, key="a") == {"name": "Sri"}
    assert list_filters_recall(request_with_session, key="b") == {"state": "draft"}
    assert list_filters_recall(request_with_session, key="c") == {}


def test_remembering_nothing_forgets_the_lists_filters(request_with_session):
    list_filters_remember(request_with_session, key="a", filters={"name": "Sri"})

    list_filters_remember(request_with_session, key="a", filters={"name": ""})

    assert list_filters_recall(request_with_session, key="a") == {}
    assert request_with_session.session[SESSION_KEY] == {}


def test_a_session_value_of_another_shape_counts_as_none(request_with_session):
    request_with_session.session[SESSION_KEY] = "garbage"

    assert list_filters_recall(request_with_session, key="a") == {}
    list_filters_remember(request_with_session, key="a", filters={"name": "Sri"})
    assert list_filters_recall(request_with_session, key="a") == {"name": "Sri"}


class _FilterForm(forms.Form):
    name = forms.CharField(label="Teacher's name", max_length=10, required=False)
    status = forms.ChoiceField(
        label="Status", choices=[("", "Any"), ("selected", "Selected")], required=False
    )


def _posted(data):
    request = RequestFactory().post("/list/filter/", data)
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined] # what MessageMiddleware sets
    return request


def _flashed(request):
    return [str(message) for message in get_messages(request)]


def test_valid_posted_filters_are_remembered_and_the_reader_goes_back():
    request = _posted({"name": "  Sri ", "status": ""})

    response = list_filters_post(request, key="a", form=_FilterForm(request.POST), back="/list/")

    assert response.status_code == 302
    assert response["Location"] == "/list/"
    assert list_filters_recall(request, key="a") == {"name": "Sri"}
    assert _flashed(request) == []


def test_clear_forgets_the_lists_filters_even_when_the_post_is_invalid():
    request = _posted({"name": "x" * 11, "clear": "1"})
    list_filters_remember(request, key="a", filters={"name": "Sri"})
    list_filters_remember(request, key="b", filters={"status": "selected"})

    response = list_filters_post(request, key="a", form=_FilterForm(request.POST), back="/list/")

    assert response["Location"] == "/list/"
    assert list_filters_recall(request, key="a") == {}
    assert list_filters_recall(request, key="b") == {"status": "selected"}
    assert _flashed(request) == []


def test_an_invalid_filter_is_refused_by_name_and_the_old_filters_stay():
    request = _posted({"name": "Sri", "status": "nonsense"})
    list_filters_remember(request, key="a", filters={"name": "Budi"})

    response = list_filters_post(request, key="a", form=_FilterForm(request.POST), back="/list/")

    assert response["Location"] == "/list/"
    assert list_filters_recall(request, key="a") == {"name": "Budi"}
    [message] = _flashed(request)
    assert message.startswith("Status: ")
    assert "nonsense" in message
