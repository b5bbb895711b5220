"""The teacher's copy cannot go stale: every model that refers to a teacher or a case (or to
a record that does) is a section of the copy or left out with a reason, and every field of a
section is in the copy or left out with a reason."""

from __future__ import annotations

from django.apps import apps
from django.db import models

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.privacy.selectors import EXCLUDED, OWNED_BY_ACCOUNT, SECTIONS
from sergur.registry.models import Teacher


def about_the_teacher() -> set[type[models.Model]]:
    """Teacher, Case and every model with a foreign key to one of them, or to such a model."""
    found: set[type[models.Model]] = {Teacher, Case}
    grew = True
    while grew:
        grew = False
        for model in apps.get_models():
            if model in found:
                continue
            targets = {f.related_model for f in model._meta.concrete_fields if f.is_relation}
            if targets & found:
                found.add(model)
                grew = True
    return found


def test_every_model_about_a_teacher_is_exported_or_left_out_with_a_reason():
    covered = {section.model for section in SECTIONS}

    missing = about_the_teacher() - covered - set(EXCLUDED)

    assert not missing, (
        "add these models to SECTIONS (sergur/privacy/selectors/export.py) or to EXCLUDED"
        f" with the reason: {sorted(m._meta.label for m in missing)}"
    )


def test_the_walk_finds_the_models_linked_through_other_records():
    found = {model._meta.label for model in about_the_teacher()}

    assert {"assessments.Sheet", "assessments.Correction", "transfers.TransferStep"} <= found
    assert {"portfolios.Evidence", "appeals.Appeal", "verification.DocumentVerdict"} <= found


def test_nothing_is_both_exported_and_left_out():
    assert not {section.model for section in SECTIONS} & set(EXCLUDED)
    assert all(str(reason).strip() for reason in EXCLUDED.values())


def test_a_field_left_out_of_a_section_exists_and_has_a_reason():
    for section in SECTIONS:
        names = {f.name for f in section.model._meta.concrete_fields}
        for name, reason in section.omit.items():
            assert name in names, f"{section.key}.{name} is not a field"
            assert str(reason).strip()


def test_every_model_that_belongs_to_an_account_is_placed_in_the_copy():
    owned = {
        model
        for model in apps.get_models()
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is User and f.name == "user"
    }

    missing = owned - set(OWNED_BY_ACCOUNT)

    assert not missing, (
        "say where the teacher's copy has these account records (OWNED_BY_ACCOUNT in"
        f" sergur/privacy/selectors/export.py): {sorted(m._meta.label for m in missing)}"
    )
    assert all(str(reason).strip() for reason in OWNED_BY_ACCOUNT.values())
