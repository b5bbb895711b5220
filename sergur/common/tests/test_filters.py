"""List filters kept in the session, per list, never in a URL."""

from __future__ import annotations

import pytest
from django.contrib.sessions.backends.cache import SessionStore
from django.test import RequestFactory

from sergur.common.filters import SESSION_KEY, list_filters_recall, list_filters_remember


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
