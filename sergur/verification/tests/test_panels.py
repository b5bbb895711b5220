"""The verification panel of the case page: the teacher reads exactly which documents were
returned and why and that they must fix and resubmit; staff see the stages; others see
nothing; a fixed number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from sergur.cases.panels import case_panels
from sergur.cases.selectors import case_get_for_user
from sergur.conftest import Cast
from sergur.verification.models import Stage
from sergur.verification.panels import PANEL_TEMPLATE, verification_panel
from sergur.verification.tests.support import complete, judge, submit, to_stage

pytestmark = pytest.mark.django_db


def test_the_panel_is_registered_for_the_case_page(cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    assert PANEL_TEMPLATE in [p.template for p in case_panels(user=cast.sri, case=case)]


def test_no_panel_before_submission_or_for_those_outside_the_chain(cast: Cast) -> None:
    assert verification_panel(cast.sri, cast.sri_case) is None
    case = submit(cast.sri_case, cast)
    for outsider in (cast.pak_kepala, cast.pengawas, cast.asesor):
        assert verification_panel(outsider, case) is None


def test_the_teacher_reads_which_documents_were_returned_and_why(cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    judge(case, cast.dinas, except_codes={"1.b": "Fotokopi ijazah tidak dilegalisir"})
    complete(case, cast.dinas)
    panel = verification_panel(cast.sri, case)
    assert panel is not None
    html = render_to_string(panel.template, panel.context)
    assert "1.b" in html
    assert "Fotokopi ijazah tidak dilegalisir" in html
    with translation.override("en"):
        english = render_to_string(panel.template, panel.context)
    assert "Academic qualification" in english
    assert "submit the portfolio again" in english
    assert str(cast.dinas) not in html  # the teacher sees the office, not the officer
    assert reverse("verification:case", args=[case.pk]) not in html
    staff = verification_panel(cast.dinas, case)
    assert staff is not None
    assert "submit the portfolio again" not in render_to_string(staff.template, staff.context)


def test_staff_see_the_completed_stages_and_a_link_when_it_is_their_turn(cast: Cast) -> None:
    case = to_stage(submit(cast.sri_case, cast), cast, Stage.QUALITY)
    panel = verification_panel(cast.lpmp, case)
    assert panel is not None
    html = render_to_string(panel.template, panel.context)
    assert reverse("verification:case", args=[case.pk]) in html
    assert str(cast.dinas) in html
    own = verification_panel(cast.sri, case)
    assert own is not None
    assert reverse("verification:case", args=[case.pk]) not in render_to_string(
        own.template, own.context
    )


def test_the_panel_takes_a_fixed_number_of_queries(cast: Cast) -> None:
    case = submit(cast.sri_case, cast)
    as_read = case_get_for_user(user=cast.sri, pk=case.pk)  # as the case page reads it
    with CaptureQueriesContext(connection) as before:
        verification_panel(cast.sri, as_read)
    to_stage(case, cast, Stage.RAYON)
    as_read = case_get_for_user(user=cast.sri, pk=case.pk)
    with CaptureQueriesContext(connection) as after:
        verification_panel(cast.sri, as_read)
    assert len(before) == len(after) == 2
