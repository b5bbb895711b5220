"""The demo district agrees with itself (issue 14, item 2): the teachers holding participant
numbers are the ones its selection run selected, with the same numbers, on the teacher's own
page and in the public lookup; and the example teacher file imports into it."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.imports.services import import_batch_create, import_check
from sergur.registry.models import Teacher
from sergur.selection.models import SelectionEntry, SelectionRun
from sergur.selection.selectors import public_status

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "selection" / "teachers.csv"


@pytest.fixture
def demo() -> None:
    call_command("demo_setup", teachers=20, stdout=StringIO())


def test_every_demo_teacher_is_eligible_and_selected_with_their_cases_number(demo: None) -> None:
    run = SelectionRun.objects.get()
    entries = {e.teacher_id: e for e in SelectionEntry.objects.filter(run=run)}
    cases = list(Case.objects.filter(programme_year=run.programme_year))

    assert run.candidates == run.eligible == run.selected == len(cases) == 20
    for case in cases:
        entry = entries[case.teacher_id]
        assert entry.eligible and entry.selected, entry.reasons
        assert entry.participant_number == case.participant_number != ""


def test_the_teachers_own_page_and_the_public_lookup_say_selected(demo: None) -> None:
    # The first 2007 participant (the demo's teachers certified earlier have no case).
    teacher = (
        Teacher.objects.filter(pk__in=Case.objects.values("teacher"))
        .select_related("user")
        .order_by("nuptk")
        .first()
    )
    assert teacher is not None and teacher.user is not None
    year = SelectionRun.objects.get().programme_year

    status = public_status(nuptk=teacher.nuptk, programme_year=year)
    assert status is not None and status.status == "selected"

    client = Client()
    client.force_login(teacher.user)
    page = client.get(reverse("selection:me")).content.decode()
    case = Case.objects.get(teacher=teacher)
    assert case.participant_number in page.replace(" ", "")
    assert "tidak memenuhi syarat" not in page.lower()


def test_a_second_load_keeps_the_run_and_the_numbers(demo: None) -> None:
    before = dict(Case.objects.values_list("pk", "participant_number"))
    run = SelectionRun.objects.get()
    call_command("demo_setup", teachers=20, stdout=StringIO())
    assert SelectionRun.objects.get().pk == run.pk
    assert dict(Case.objects.values_list("pk", "participant_number")) == before


def test_the_example_teacher_file_imports_into_the_demo_district(demo: None) -> None:
    officer = User.objects.get(username="dinas")
    upload = SimpleUploadedFile("teachers.csv", EXAMPLE.read_bytes(), content_type="text/csv")
    batch = import_check(batch=import_batch_create(actor=officer, upload=upload))

    problems = [f"line {p.line} {p.column}: {p.message}" for p in batch.problems.all()]
    assert problems == []
    assert (batch.rows_total, batch.rows_valid) == (20, 20)
