"""One section of the teacher's copy (export.py holds the list)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import QuerySet
from django_stubs_ext import StrOrPromise

from sergur.registry.models import Teacher


@dataclass(frozen=True)
class Section:
    """One kind of record in the copy: which rows of which model, and the fields left out."""

    key: str
    title: StrOrPromise
    model: type[models.Model]
    rows: Callable[[Teacher], QuerySet[Any]]
    omit: Mapping[str, StrOrPromise] = field(default_factory=dict)
    seal: Callable[[Any], bool] | None = None
    """Rows whose `reason` and `data` stay sealed (emptied, with the reason why)."""
