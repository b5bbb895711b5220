"""The closed-envelope page: who may open and post it (every role × own and other school),
the paper-form layout, drafting, confirming, the deadline, and that nobody else ever sees
the item scores."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from sergur.cases.services import case_open
from sergur.portfolios.models import EnvelopeInstrument
from sergur.portfolios.services import (
    ENVELOPE_CLOSED,
    ENVELOPE_NOT_FILLED,
    envelope_confirm,
    envelope_save,
    local_time,
)
from sergur.portfolios.tests.test_envelope_services import OBSERVATION_SCORES, SUPERIOR_SCORES
from sergur.portfolios.views.envelope import (
    AUTHOR_NAMES,
    CONFIRMATION_WITHDRAWN,
    CONFIRMED_COMPLETE,
    CONFIRMED_WAITING,
    DRAFT_SAVED,
    SAVED_NOT_CONFIRMED,
)
from sergur.registry.tests.factories import (
    SubjectFactory,
    TeacherFactory,
    TeachingAssignmentFactory,
    UserFactory,
)
from sergur.rules.instruments import COUNSELOR_PRACTICE, OBSERVATION, SCALE, SUPERIOR


def url(case) -> str:
    return reverse("portfolios:envelope", args=[case.pk])


def text(response) -> str:
    return str(response.content.decode())


def in_id(message, **params) -> str:
    """A message as the Indonesian page shows it (HTML-escaped)."""
    with translation.override("id"):
        text = translation.gettext(str(message))
        return escape(text % params if params else text)


def scores(observation=None, superior=None, action="save") -> dict[str, str]:
    data = {"action": action}
    for prefix, values in (
        ("o", OBSERVATION_SCORES if observation is None else observation),
        ("s", SUPERIOR_SCORES if superior is None else superior),
    ):
        for index, value in enumerate(values):
            if value is not None:
                data[f"{prefix}{index}"] = str(value)
    return data


def envelope_of(case) -> EnvelopeInstrument | None:
    return EnvelopeInstrument.objects.filter(case=case).first()


def saved(case) -> EnvelopeInstrument:
    return EnvelopeInstrument.objects.get(case=case)


# -- who may open the page: every role × own school's case and other school's case ------------
# sri_case: school one (principal pak_kepala, supervisor pengawas);
# budi_case: school two (principal bu_kepala, no supervisor in the cast).
MATRIX = [
    # user,          sri_case, budi_case
    ("sri", 403, 404),
    ("budi", 404, 403),
    ("pak_kepala", 200, 404),
    ("bu_kepala", 404, 200),
    ("pengawas", 200, 404),
    ("dinas", 403, 403),
    ("dinas_other", 404, 404),
    ("lpmp", 403, 403),
    ("asesor", 404, 404),
    ("operator", 403, 403),
]
CASES = [("sri_case", 1), ("budi_case", 2)]


@pytest.mark.parametrize(("who", "own", "other"), MATRIX)
@pytest.mark.parametrize(("case_name", "column"), CASES)
def test_get_is_allowed_only_to_the_principal_and_supervisor_of_the_school(
    client, cast, who, own, other, case_name, column
):
    client.force_login(getattr(cast, who))
    case = getattr(cast, case_name)

    response = client.get(url(case))

    assert response.status_code == (own, other)[column - 1]
    if response.status_code != 200:
        assert 'name="o0"' not in text(response)


@pytest.mark.parametrize(("who", "own", "other"), MATRIX)
@pytest.mark.parametrize(("case_name", "column"), CASES)
def test_post_is_allowed_only_to_the_principal_and_supervisor_of_the_school(
    client, cast, who, own, other, case_name, column
):
    client.force_login(getattr(cast, who))
    case = getattr(cast, case_name)
    expected = (own, other)[column - 1]

    response = client.post(url(case), scores())

    if expected == 200:
        assert response.status_code == 302
        assert response["Location"] == url(case)
        assert saved(case).observation_items == OBSERVATION_SCORES
    else:
        assert response.status_code == expected
        assert envelope_of(case) is None


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_sign_in(client, cast, method):
    data = scores() if method == "post" else None
    response = getattr(client, method)(url(cast.sri_case), data)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url(cast.sri_case)}"
    assert envelope_of(cast.sri_case) is None


def test_an_unknown_case_is_not_found(client, cast):
    client.force_login(cast.pak_kepala)

    assert client.get(reverse("portfolios:envelope", args=[999999])).status_code == 404


def test_other_methods_are_not_allowed(client, cast):
    client.force_login(cast.pak_kepala)

    assert client.put(url(cast.sri_case)).status_code == 405


# -- the page, laid out as the paper form -------------------------------------------------------
def test_the_form_shows_both_instruments_with_numbered_items_and_the_scale(client, cast):
    client.force_login(cast.pak_kepala)

    response = client.get(url(cast.sri_case))

    page = text(response)
    assert response.status_code == 200
    assert escape(OBSERVATION.id) in page
    assert escape(SUPERIOR.id) in page
    for part in OBSERVATION.parts:
        assert escape(part.id) in page
    assert escape(OBSERVATION.items[0].id) in page
    assert escape(SUPERIOR.items[-1].id) in page
    assert escape(SCALE["id"]) in page
    for index in range(OBSERVATION.size):
        for value in range(1, 6):
            assert f'name="o{index}" value="{value}"' in page
    assert 'name="o24"' not in page
    assert f'name="s{SUPERIOR.size - 1}" value="5"' in page
    assert 'name="s10"' not in page
    assert 'name="action" value="save"' in page
    assert 'name="action" value="confirm"' in page
    assert "mempertanggungjawabkannya" in page  # the assessors' declaration
    assert "<script>" not in page and "style=" not in page  # CSP-clean


def test_the_page_explains_that_both_confirm_and_a_change_withdraws(client, cast):
    client.force_login(cast.pengawas)

    page = text(client.get(url(cast.sri_case)))

    assert (
        in_id(
            "Both must confirm the same scores. When both have confirmed, the instruments "
            "are complete and go, sealed, to the assessors."
        )
        in page
    )
    assert (
        in_id(
            "Any change to a score after a confirmation withdraws both confirmations; "
            "both must then confirm again."
        )
        in page
    )


def test_a_counsellors_envelope_asks_only_for_component_5(client, cast):
    subject = SubjectFactory(code="850", name="Bimbingan dan Konseling", is_counseling=True)
    teacher = TeacherFactory(user=UserFactory(username="konselor"), subject=subject)
    TeachingAssignmentFactory(teacher=teacher, school=cast.sri.teacher.assignments.get().school)
    case = case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)
    client.force_login(cast.pak_kepala)

    page = text(client.get(url(case)))

    # The assessor scores a counsellor's 4b (seed 003, Buku II pp. 33-35, "Oleh Penilai
    # (Asesor)"): the principal sees no practice form, only the superior assessment.
    assert escape(COUNSELOR_PRACTICE.id) not in page
    assert "6.a.1)" not in page
    assert escape(OBSERVATION.items[0].id) not in page
    assert 'name="o0"' not in page
    assert escape(SUPERIOR.items[0].id) in page
    assert 'name="s9"' in page
    assert "Oleh Penilai (Asesor)" in page


def test_a_counsellors_envelope_is_confirmed_with_component_5_alone(client, cast):
    subject = SubjectFactory(code="850", name="Bimbingan dan Konseling", is_counseling=True)
    teacher = TeacherFactory(user=UserFactory(username="konselor"), subject=subject)
    TeachingAssignmentFactory(teacher=teacher, school=cast.sri.teacher.assignments.get().school)
    case = case_open(teacher=teacher, programme_year=cast.sri_case.programme_year, actor=None)
    client.force_login(cast.pak_kepala)

    data = {f"s{i}": "4" for i in range(SUPERIOR.size)}
    response = client.post(url(case), {**data, "action": "confirm"})

    assert response.status_code == 302
    envelope = EnvelopeInstrument.objects.get(case=case)
    assert envelope.filled and envelope.principal_confirmed_at is not None
    assert envelope.observation_items == []


def test_the_page_shows_english_item_texts_in_english(client, cast):
    client.force_login(cast.pak_kepala)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    page = text(client.get(url(cast.sri_case)))

    assert escape(OBSERVATION.items[0].en) in page
    assert escape(SCALE["en"]) in page


def test_the_drafted_scores_are_checked_on_the_form(client, cast):
    envelope_save(
        case=cast.sri_case,
        actor=cast.pak_kepala,
        author="principal",
        observation=[4, None, 2],
        superior=[5],
        now=timezone.now(),
    )
    client.force_login(cast.pengawas)

    response = client.get(url(cast.sri_case))

    form = response.context["form"]
    assert form["o0"].value() == 4
    assert form["o1"].value() is None
    assert form["o2"].value() == 2
    assert form["s0"].value() == 5
    page = text(response)
    assert 'name="o0" value="4" aria-describedby="o0-text" id="id_o0_4" checked' in page
    assert "6 dari 120" in page or "6 of 120" in page  # total of the shown scores


# -- drafting and confirming -----------------------------------------------------------------
def test_save_draft_keeps_partial_scores_and_confirms_nothing(client, cast):
    client.force_login(cast.pak_kepala)

    response = client.post(url(cast.sri_case), scores(observation=[3, 4]), follow=True)

    envelope = saved(cast.sri_case)
    assert envelope.observation_items[:3] == [3, 4, None]
    assert envelope.principal == cast.pak_kepala
    assert envelope.principal_confirmed_at is None
    assert in_id(DRAFT_SAVED) in text(response)


def test_confirm_saves_then_confirms_and_waits_for_the_other(client, cast):
    client.force_login(cast.pak_kepala)

    response = client.post(url(cast.sri_case), scores(action="confirm"), follow=True)

    envelope = saved(cast.sri_case)
    assert envelope.observation_items == OBSERVATION_SCORES
    assert envelope.principal_confirmed_at is not None
    assert envelope.supervisor_confirmed_at is None
    page = text(response)
    assert in_id(CONFIRMED_WAITING, other=in_id(AUTHOR_NAMES["supervisor"])) in page
    assert str(cast.pak_kepala) in page


def test_both_confirming_completes_the_envelope(client, cast):
    client.force_login(cast.pak_kepala)
    client.post(url(cast.sri_case), scores(action="confirm"))
    client.force_login(cast.pengawas)

    response = client.post(url(cast.sri_case), scores(action="confirm"), follow=True)

    assert saved(cast.sri_case).complete
    page = text(response)
    assert in_id(CONFIRMED_COMPLETE) in page
    assert "envelope-complete" in page


def test_confirming_with_empty_items_saves_the_draft_and_says_why_not(client, cast):
    client.force_login(cast.pak_kepala)

    response = client.post(url(cast.sri_case), scores(superior=[4, 4], action="confirm"))

    assert response.status_code == 200
    page = text(response)
    assert in_id(ENVELOPE_NOT_FILLED) in page
    assert in_id(SAVED_NOT_CONFIRMED) in page
    envelope = saved(cast.sri_case)
    assert envelope.superior_items[:3] == [4, 4, None]
    assert envelope.principal_confirmed_at is None


def test_a_change_after_confirmation_withdraws_both_and_says_so(client, cast):
    client.force_login(cast.pak_kepala)
    client.post(url(cast.sri_case), scores(action="confirm"))
    client.force_login(cast.pengawas)

    changed = [1, *OBSERVATION_SCORES[1:]]
    response = client.post(
        url(cast.sri_case), scores(observation=changed, action="confirm"), follow=True
    )

    envelope = saved(cast.sri_case)
    assert envelope.observation_items == changed
    assert envelope.principal_confirmed_at is None
    assert envelope.supervisor_confirmed_at is not None
    assert in_id(CONFIRMATION_WITHDRAWN, other=in_id(AUTHOR_NAMES["principal"])) in text(response)


def test_a_score_outside_the_scale_is_refused_and_nothing_saved(client, cast):
    client.force_login(cast.pak_kepala)
    data = scores()
    data["o0"] = "9"

    response = client.post(url(cast.sri_case), data)

    assert response.status_code == 200
    assert response.context["form"].errors["o0"]
    assert envelope_of(cast.sri_case) is None


# -- the deadline ------------------------------------------------------------------------------
@pytest.fixture
def closed_year(cast):
    year = cast.sri_case.programme_year
    year.envelope_deadline = timezone.now() - dt.timedelta(days=1)
    year.save()
    return year


def test_after_the_deadline_the_form_is_read_only_with_the_message(client, cast, closed_year):
    envelope_save(
        case=cast.sri_case,
        actor=cast.pak_kepala,
        author="principal",
        observation=OBSERVATION_SCORES,
        superior=SUPERIOR_SCORES,
        now=closed_year.envelope_deadline - dt.timedelta(days=1),
    )
    client.force_login(cast.pak_kepala)

    response = client.get(url(cast.sri_case))

    page = text(response)
    deadline = local_time(closed_year.envelope_deadline)
    assert in_id(ENVELOPE_CLOSED, deadline=deadline) in page
    assert 'name="action"' not in page
    assert 'value="5" aria-describedby="o0-text" id="id_o0_5" disabled checked' in page


def test_after_the_deadline_a_post_is_refused_and_nothing_changes(client, cast, closed_year):
    client.force_login(cast.pak_kepala)

    response = client.post(url(cast.sri_case), scores(action="confirm"))

    assert response.status_code == 200
    deadline = local_time(closed_year.envelope_deadline)
    assert in_id(ENVELOPE_CLOSED, deadline=deadline) in text(response)
    assert envelope_of(cast.sri_case) is None


# -- the teacher never sees the item scores -----------------------------------------------------
@pytest.fixture
def sealed(cast):
    """Sri's envelope, filled and confirmed by both."""
    at = timezone.now()
    envelope_save(
        case=cast.sri_case,
        actor=cast.pak_kepala,
        author="principal",
        observation=OBSERVATION_SCORES,
        superior=SUPERIOR_SCORES,
        now=at,
    )
    envelope_confirm(case=cast.sri_case, actor=cast.pak_kepala, author="principal", now=at)
    return envelope_confirm(case=cast.sri_case, actor=cast.pengawas, author="supervisor", now=at)


def drafted_patterns() -> list[str]:
    """How the scores would look in a page or a file: JSON lists, or comma-separated."""
    patterns = []
    for values in (OBSERVATION_SCORES, SUPERIOR_SCORES):
        patterns += [json.dumps(values), json.dumps(values, separators=(",", ":"))]
        patterns.append(", ".join(map(str, values)))
    return patterns


def test_the_teacher_gets_403_on_the_envelope_with_no_scores(client, cast, sealed):
    client.force_login(cast.sri)

    response = client.get(url(cast.sri_case))

    assert response.status_code == 403
    page = text(response)
    assert not any(pattern in page for pattern in drafted_patterns())


@pytest.mark.parametrize("name", ["portfolios:case", "portfolios:export"])
def test_the_teachers_case_page_and_export_never_contain_the_item_scores(
    client, cast, sealed, name
):
    client.force_login(cast.sri)

    response = client.get(reverse(name, args=[cast.sri_case.pk]))

    assert response.status_code == 200
    content = b"".join(response) if response.streaming else response.content
    body = content.decode()
    assert not any(pattern in body for pattern in drafted_patterns())
    assert "teaching_observation" not in body
    assert "superior_assessment" not in body
    assert 'name="o0"' not in body
