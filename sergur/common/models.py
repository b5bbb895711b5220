"""Plumbing shared by the apps' models: the append-only base and the audit trail."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _


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


class AuditRecord(AppendOnlyModel):
    """One entry of the audit trail: who (a user id and role, or nobody signed in) did what
    to which object, when and from which address, chained to the entry before it by hash
    (docs/audit.md). Ids are plain numbers, not foreign keys: deleting a user or a district
    must neither be blocked by nor rewrite the trail."""

    append_only_message = "audit records are append-only"

    seq = models.BigIntegerField(_("number"), unique=True)
    at = models.DateTimeField(_("when"), db_index=True)
    actor_id = models.BigIntegerField(_("user id"), null=True, blank=True, db_index=True)
    actor_role = models.CharField(_("role"), max_length=32, blank=True)
    address = models.CharField(_("client address"), max_length=45, blank=True)
    action = models.CharField(_("action"), max_length=40, db_index=True)
    object_kind = models.CharField(_("object kind"), max_length=40, blank=True)
    object_id = models.CharField(_("object id"), max_length=40, blank=True)
    district_id = models.BigIntegerField(_("district id"), null=True, blank=True)
    detail = models.JSONField(_("details"), default=dict, blank=True)
    prev_hash = models.CharField(_("hash of the record before"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64)

    class Meta:
        ordering = ["-seq"]
        indexes = [models.Index(fields=["district_id", "-seq"], name="audit_district_seq")]
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}"


class AuditHead(models.Model):
    """The end of the audit chain: the number and hash of the last record. Its one row is
    locked by every writer, so two writers never chain onto the same record."""

    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("audit chain head")

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash[:12]}"
