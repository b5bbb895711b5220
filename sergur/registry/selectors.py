"""Reads of the registry that other apps share."""

from __future__ import annotations

from collections.abc import Iterable

from sergur.registry.models import TeachingAssignment


def teacher_district_ids(*, teacher_ids: Iterable[int]) -> dict[int, int]:
    """The district of each teacher's main school (a teacher without one is left out), in one
    query: the district whose officers see the teacher's records."""
    ids = list(set(teacher_ids))
    found: dict[int, int] = {}
    for start in range(0, len(ids), 5000):
        found.update(
            TeachingAssignment.objects.filter(
                teacher_id__in=ids[start : start + 5000], is_main=True
            )
            .values_list("teacher_id", "school__subdistrict__district_id")
            .iterator(chunk_size=5000)
        )
    return found
