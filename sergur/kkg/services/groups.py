"""The group, its coordinator and members, and the resource-person register (docs/kkg.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.common.audit import Action, audit_record
from sergur.kkg.models import Group, Membership, ResourcePerson
from sergur.registry.models import District, School, Subject, Teacher

NOT_DISTRICT_SCHOOL = _("Every school of the group must be in the group's district.")
NOT_A_MEMBER = _("The coordinator is elected from the group's members: add them first.")
NO_SCHOOL = _("The teacher teaches at none of the group's schools.")
ALREADY_MEMBER = _("The teacher is already a member of this group.")
MGMP_SUBJECT = _("An MGMP is the group of one subject: choose the subject.")


def _audit(actor: User, group: Group, what: str, **detail: int | str) -> None:
    audit_record(
        action=Action.KKG_CHANGED,
        user=actor,
        object_kind="kkg_group",
        object_id=group.pk,
        district_id=group.district_id,
        detail={"what": what, **detail},
    )


@transaction.atomic
def group_create(
    *,
    actor: User,
    district: District,
    kind: str,
    name: str,
    core_school: School,
    member_schools: Iterable[School] = (),
    subject: Subject | None = None,
) -> Group:
    """Register a working group of the district: a KKG of a cluster (core and member
    schools) or an MGMP of a subject (seed 004; docs/kkg.md)."""
    schools = list(member_schools)
    district_ids = {
        core_school.subdistrict.district_id,
        *(s.subdistrict.district_id for s in schools),
    }
    if district_ids != {district.pk}:
        raise ValidationError(NOT_DISTRICT_SCHOOL, code="district")
    if kind == Group.Kind.MGMP and subject is None:
        raise ValidationError(MGMP_SUBJECT, code="subject")
    group = Group(kind=kind, name=name.strip(), district=district, core_school=core_school)
    group.subject = subject if kind == Group.Kind.MGMP else None
    group.full_clean()
    group.save()
    group.member_schools.set([s for s in schools if s.pk != core_school.pk])
    _audit(actor, group, "created")
    return group


def _group_schools(group: Group) -> set[int]:
    return {group.core_school_id, *group.member_schools.values_list("pk", flat=True)}


@transaction.atomic
def group_member_add(*, actor: User, group: Group, teacher: Teacher, on: dt.date) -> Membership:
    """Add a teacher of one of the group's schools as a member."""
    school_id = (
        teacher.assignments.filter(school__in=_group_schools(group))
        .order_by("-is_main", "pk")
        .values_list("school_id", flat=True)
        .first()
    )
    if school_id is None:
        raise ValidationError(NO_SCHOOL, code="school")
    if Membership.objects.filter(group=group, teacher=teacher).exists():
        raise ValidationError(ALREADY_MEMBER, code="member")
    member = Membership(group=group, teacher=teacher, school_id=school_id, joined_on=on)
    member.full_clean()
    member.save()
    _audit(actor, group, "member_added", membership=member.pk)
    return member


@transaction.atomic
def group_coordinator_elect(*, actor: User, group: Group, teacher: Teacher, on: dt.date) -> Group:
    """Record the coordinator the members elected (seed 004: the group elects its own)."""
    group = Group.objects.select_for_update().get(pk=group.pk)
    if not Membership.objects.filter(group=group, teacher=teacher).exists():
        raise ValidationError(NOT_A_MEMBER, code="not_member")
    group.coordinator = teacher
    group.coordinator_elected_on = on
    group.full_clean()
    group.save(update_fields=["coordinator", "coordinator_elected_on"])
    _audit(actor, group, "coordinator_elected", teacher=teacher.pk)
    return group


@transaction.atomic
def resource_person_add(
    *, actor: User, district: District, name: str, expertise: str, institution: str = ""
) -> ResourcePerson:
    """Add a resource person to the district's register, shared by all its groups."""
    person = ResourcePerson(
        district=district,
        name=name.strip(),
        expertise=expertise.strip(),
        institution=institution.strip(),
        added_by=actor,
    )
    person.full_clean()
    person.save()
    audit_record(
        action=Action.KKG_CHANGED,
        user=actor,
        object_kind="kkg_resource_person",
        object_id=person.pk,
        district_id=district.pk,
        detail={"what": "resource_added"},
    )
    return person
