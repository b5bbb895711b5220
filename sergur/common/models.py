"""Plumbing shared by the apps' models: the append-only base."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models


class AppendOnlyModel(models.Model):
    """A record written once and never rewritten or deleted one by one (a log entry, a
    verdict, a correction). Each model names itself in `append_only_message`."""

    append_only_message: ClassVar[str] = "records are append-only"

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Appended once; an existing row is never rewritten."""
        if self.pk is not None:
            raise ValueError(self.append_only_message)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        """Never deleted one by one."""
        raise ValueError(self.append_only_message)
