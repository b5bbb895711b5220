"""Helpers of the admin tests of every app: the operator's pages and the query counts."""

from __future__ import annotations

from django.contrib import admin
from django.db import connection, models
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def admin_models(app_label: str) -> list[type[models.Model]]:
    """The models of an app that have an operator screen."""
    return [model for model in admin.site._registry if model._meta.app_label == app_label]


def changelist_url(model: type[models.Model]) -> str:
    """The list page of a model's screen."""
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def change_url(obj: models.Model) -> str:
    """The page of one row."""
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def queries(client: Client, url: str) -> int:
    """How many SQL queries one page takes (it must answer 200)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)
