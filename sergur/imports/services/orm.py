"""The import's writes through the ORM, chunk by chunk (SQLite; PostgreSQL writes from the
staging table, `bulk.upsert`): the rules both follow."""

from __future__ import annotations

from collections import defaultdict

from sergur.imports import bulk
from sergur.registry.models import Teacher, TeachingAssignment
from sergur.rules.selection.layout import ParsedRow

CHUNK = 2000  # objects a bulk statement


def upsert(
    rows: list[ParsedRow],
    lookups: bulk.Lookups,
    written: tuple[str, ...] = bulk.TEACHER_FIELDS,
    *,
    other_schools: bool = False,
    ids: bulk.Written | None = None,
) -> tuple[int, int]:
    """Create or update the teachers of one chunk and their main school; (created, updated),
    and their ids into `ids` when given.
    A row equal to what the registry holds changes nothing (idempotence); a known teacher's
    fields outside `written` (their column is not in the file, `bulk.fields_of`) are kept, and
    their other schools are the row's only when the file has SEKOLAH_LAIN (`other_schools`)."""
    subjects, schools = lookups.subjects, lookups.school_ids
    existing = {t.nuptk: t for t in Teacher.objects.filter(nuptk__in=[r.nuptk for r in rows])}
    fresh = [row for row in rows if row.nuptk not in existing]
    made = _create(fresh, subjects, schools)
    changed: list[Teacher] = []
    for row in rows:
        teacher = existing.get(row.nuptk)
        if teacher is None:
            continue
        differs = False
        values = bulk.teacher_values(row, subjects)
        for field in written:
            value = values[field]
            if getattr(teacher, field) != value:
                setattr(teacher, field, value)
                differs = True
        if differs:
            changed.append(teacher)
    if changed:
        Teacher.objects.bulk_update(changed, written, batch_size=CHUNK)
    assignments: dict[int, list[TeachingAssignment]] = defaultdict(list)
    for assignment in TeachingAssignment.objects.filter(
        teacher_id__in=[t.pk for t in existing.values()]
    ):
        assignments[assignment.teacher_id].append(assignment)
    to_create: list[TeachingAssignment] = []
    touched = {t.pk for t in changed}
    for row in rows:
        teacher = existing.get(row.nuptk)
        if teacher is not None and _main_school(
            teacher, schools[row.npsn], row.weekly_hours, assignments, to_create
        ):
            touched.add(teacher.pk)
    TeachingAssignment.objects.bulk_create(to_create, batch_size=CHUNK)
    if other_schools:
        touched |= _other_schools(rows, schools) & {t.pk for t in existing.values()}
    if ids is not None:
        ids.created.extend(made)
        ids.updated.extend(sorted(touched))
    return len(fresh), len(touched)


def _other_schools(rows: list[ParsedRow], schools: dict[str, int]) -> set[int]:
    """Make each row's teacher's second schools (not the main one) exactly the row's
    SEKOLAH_LAIN, hours included (seed 003's FAQ: "mengajar di sekolah lain"); the teachers
    whose second schools changed. The list replaces them all: a former main school stays
    only when the list names it (docs/import.md, "Idempotence")."""
    ids = dict(Teacher.objects.filter(nuptk__in=[r.nuptk for r in rows]).values_list("nuptk", "pk"))
    held: dict[int, dict[int, TeachingAssignment]] = defaultdict(dict)
    for assignment in TeachingAssignment.objects.filter(
        teacher_id__in=list(ids.values()), is_main=False
    ):
        held[assignment.teacher_id][assignment.school_id] = assignment
    gone: list[int] = []
    changed: list[TeachingAssignment] = []
    new: list[TeachingAssignment] = []
    touched: set[int] = set()
    for row in rows:
        teacher_id = ids[row.nuptk]
        have = held[teacher_id]
        wanted = {schools[npsn]: hours for npsn, hours in row.other_school_hours}
        gone += [a.pk for school, a in have.items() if school not in wanted]
        for school_id, hours in wanted.items():
            present = have.get(school_id)
            if present is None:
                new.append(
                    TeachingAssignment(
                        teacher_id=teacher_id,
                        school_id=school_id,
                        weekly_hours=hours,
                        is_main=False,
                    )
                )
            elif present.weekly_hours != hours:
                present.weekly_hours = hours
                changed.append(present)
            else:
                continue
            touched.add(teacher_id)
        if set(have) - set(wanted):
            touched.add(teacher_id)
    TeachingAssignment.objects.filter(pk__in=gone).delete()
    TeachingAssignment.objects.bulk_update(changed, ["weekly_hours"], batch_size=CHUNK)
    TeachingAssignment.objects.bulk_create(new, batch_size=CHUNK)
    return touched


def _create(rows: list[ParsedRow], subjects: dict[str, int], schools: dict[str, int]) -> list[int]:
    """Create new teachers with their main school; their ids."""
    made = Teacher.objects.bulk_create(
        [Teacher(nuptk=row.nuptk, **bulk.teacher_values(row, subjects)) for row in rows],
        batch_size=CHUNK,
    )
    TeachingAssignment.objects.bulk_create(
        [
            TeachingAssignment(
                teacher=teacher, school_id=schools[row.npsn], weekly_hours=row.weekly_hours
            )
            for teacher, row in zip(made, rows, strict=True)
        ],
        batch_size=CHUNK,
    )
    return [teacher.pk for teacher in made]


def _main_school(
    teacher: Teacher,
    school_id: int,
    hours: int,
    assignments: dict[int, list[TeachingAssignment]],
    to_create: list[TeachingAssignment],
) -> bool:
    """Make `school_id` the teacher's main school with `hours`; whether anything changed."""
    held = assignments.get(teacher.pk, [])
    at_school = next((a for a in held if a.school_id == school_id), None)
    main = next((a for a in held if a.is_main), None)
    if at_school is not None and at_school.is_main:
        if at_school.weekly_hours == hours:
            return False
        at_school.weekly_hours = hours
        at_school.save(update_fields=["weekly_hours"])
        return True
    if at_school is not None:
        if main is not None:  # the old main school stays as a second school
            main.is_main = False
            main.save(update_fields=["is_main"])
        at_school.is_main, at_school.weekly_hours = True, hours
        at_school.save(update_fields=["is_main", "weekly_hours"])
        return True
    if main is not None:
        main.school_id, main.weekly_hours = school_id, hours
        main.save(update_fields=["school", "weekly_hours"])
        return True
    to_create.append(
        TeachingAssignment(teacher=teacher, school_id=school_id, weekly_hours=hours, is_main=True)
    )
    return True
