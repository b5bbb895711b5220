"""Reads of import batches: who may see which batch, its problems, the lookup tables."""

from __future__ import annotations

from collections.abc import Collection

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from sergur.accounts.models import User
from sergur.imports.models import ImportBatch, ImportProblem
from sergur.registry.models import School, Subject, TeachingAssignment
from sergur.rules.selection.layout import SchoolRef


def import_allowed(user: User | AnonymousUser) -> bool:
    """Only the district committee (their own district) and the operator import master data
    (Buku 1: the kab/kota operator keeps the NUPTK data, docs/sources/domain.md §4.3)."""
    if not isinstance(user, User) or not user.is_authenticated:
        return False
    if user.role == User.Role.OPERATOR or user.is_superuser:
        return True
    return user.role == User.Role.DISTRICT_COMMITTEE and user.district_id is not None


def _scope(user: User) -> Q:
    if user.role == User.Role.OPERATOR or user.is_superuser:
        return Q()
    return Q(district_id=user.district_id)


def import_batch_list(*, user: User | AnonymousUser) -> QuerySet[ImportBatch]:
    """The batches the user may see, newest first; others get PermissionDenied (§4.3)."""
    if not import_allowed(user):
        raise PermissionDenied
    assert isinstance(user, User)  # nosec B101 # signed in (line above), for mypy
    return ImportBatch.objects.filter(_scope(user)).select_related("created_by", "district")


def import_batch_get_for_user(*, user: User | AnonymousUser, pk: int) -> ImportBatch:
    """The batch if the user may see it: 403 other roles, 404 another district's (§4.3)."""
    batch = import_batch_list(user=user).filter(pk=pk).first()
    if batch is None:
        raise Http404
    return batch


def import_problem_list(*, batch: ImportBatch) -> QuerySet[ImportProblem]:
    """Every problem of a batch in line order (docs/sources/domain.md §8: reported, never fixed)."""
    return batch.problems.order_by("line", "pk")


def school_refs(*, district_id: int | None) -> tuple[dict[str, SchoolRef], dict[str, int]]:
    """Every school by NPSN (region, level, in the officer's district?) and its id (§4.4)."""
    refs: dict[str, SchoolRef] = {}
    ids: dict[str, int] = {}
    rows = School.objects.values_list(
        "pk",
        "npsn",
        "level",
        "subdistrict__district_id",
        "subdistrict__district__code",
        "subdistrict__district__province__code",
    )
    for pk, npsn, level, district, district_code, province_code in rows.iterator(chunk_size=5000):
        allowed = district_id is None or district == district_id
        refs[npsn] = SchoolRef(f"{province_code}{district_code}", level, allowed)
        ids[npsn] = pk
    return refs, ids


def subject_ids() -> dict[str, int]:
    """Every subject id by its three-digit code (the BBB digits of §4.5)."""
    return dict(Subject.objects.values_list("code", "pk"))


def teachers_of_other_districts(*, nuptks: Collection[str], district_id: int) -> dict[str, str]:
    """Of `nuptks`, those of registered teachers whose main school lies in another district
    than `district_id`, each with that district's name ("Kabupaten Sleman"): an import leaves
    them alone, their district hands them over by a transfer (docs/import.md)."""
    found: dict[str, str] = {}
    wanted = list(nuptks)
    for start in range(0, len(wanted), OUTSIDE_CHUNK):
        rows = (
            TeachingAssignment.objects.filter(
                is_main=True, teacher__nuptk__in=wanted[start : start + OUTSIDE_CHUNK]
            )
            .exclude(school__subdistrict__district_id=district_id)
            .values_list(
                "teacher__nuptk",
                "school__subdistrict__district__kind",
                "school__subdistrict__district__name",
            )
        )
        found.update({nuptk: f"{kind.capitalize()} {name}" for nuptk, kind, name in rows})
    return found


OUTSIDE_CHUNK = 2000  # NUPTKs a query (well under every database's parameter limit)
