from __future__ import annotations

import pytest
from django.utils import timezone

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.demo.files import pdf_document, upload
from sergur.portfolios.models import Entry, EnvelopeInstrument, Evidence, Submission
from sergur.portfolios.services import (
    entry_save,
    envelope_confirm,
    envelope_save,
    evidence_add,
    portfolio_submit,
)
from sergur.registry.tests.admin_support import admin_models, change_url, changelist_url, queries

MODELS = admin_models("portfolios")
# Scores no page would show by chance: every observation item 2, every superior item 1.
OBSERVATION = [2] * 24
SUPERIOR = [1] * 10

ROWS = [
    (
        "qualification",
        {
            "level": "S1",
            "institution": "Universitas Negeri Yogyakarta",
            "program": "Pendidikan Matematika",
            "year": "1990",
            "education_degree": "yes",
            "relevance": "subject",
        },
    ),
    ("teaching_period", {"school": "SMP Negeri 1 Bantul", "start": "1991-03-01"}),
    *(
        (
            "lesson_plan",
            {"subject": "Matematika", "topic": f"Topik {n}", "semester": "1", "year": "2006"},
        )
        for n in range(5)
    ),
]


def fill_and_submit(case: Case, teacher: User) -> None:
    for number, (section, values) in enumerate(ROWS):
        entry = entry_save(case=case, section_key=section, values=values, actor=teacher)
        content = pdf_document(title=f"Dokumen {number}", lines=[section], footer="salinan")
        evidence_add(
            entry=entry,
            upload=upload(name=f"dokumen_{number}.pdf", content=content),
            is_original=False,
            actor=teacher,
        )
    portfolio_submit(case=case, actor=teacher, declaration=True, now=timezone.now())


@pytest.fixture
def portfolio(cast):
    case = cast.sri_case
    fill_and_submit(case, cast.sri)
    now = timezone.now()
    envelope_save(
        case=case,
        actor=cast.pak_kepala,
        author="principal",
        observation=list(OBSERVATION),
        superior=list(SUPERIOR),
        now=now,
    )
    envelope_confirm(case=case, actor=cast.pak_kepala, author="principal", now=now)
    envelope_confirm(case=case, actor=cast.pengawas, author="supervisor", now=now)
    return case


def test_every_portfolio_model_has_a_screen():
    assert set(MODELS) == {Entry, Evidence, EnvelopeInstrument, Submission}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_operator_opens_every_list_and_row(client, cast, portfolio, model):
    client.force_login(cast.operator)

    assert client.get(changelist_url(model)).status_code == 200
    for obj in model.objects.all()[:3]:
        assert client.get(change_url(obj)).status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("who", ["sri", "pak_kepala", "pengawas", "asesor", None])
def test_anyone_but_staff_is_sent_to_the_admin_login(client, cast, portfolio, model, who):
    if who is not None:
        client.force_login(getattr(cast, who))

    for url in (changelist_url(model), change_url(model.objects.first())):
        response = client.get(url)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/admin/login/" in response["Location"]


def test_the_envelope_screens_never_show_item_scores(client, cast, portfolio):
    client.force_login(cast.operator)
    envelope = EnvelopeInstrument.objects.get(case=portfolio)
    assert envelope.observation_items == OBSERVATION  # the scores are there to leak

    for url in (changelist_url(EnvelopeInstrument), change_url(envelope)):
        html = client.get(url).content.decode()
        assert "observation_items" not in html
        assert "superior_items" not in html
        assert "[2, 2, 2" not in html and "[1, 1, 1" not in html
        assert "2, 2, 2, 2" not in html and "1, 1, 1, 1" not in html
    adminform = client.get(change_url(envelope)).context["adminform"]
    shown = set(adminform.form.fields) | set(adminform.readonly_fields)
    assert "case" in shown
    assert not shown & {"observation_items", "superior_items"}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_portfolio_screens_are_read_only(client, cast, portfolio, model):
    client.force_login(cast.operator)
    obj = model.objects.first()

    assert client.get(changelist_url(model) + "add/").status_code == 403
    assert client.post(change_url(obj), {}).status_code == 403


@pytest.mark.parametrize("model", [Entry, Evidence], ids=lambda m: m.__name__)
def test_a_longer_list_takes_no_more_queries(client, cast, portfolio, model):
    client.force_login(cast.operator)
    before = queries(client, changelist_url(model))
    fill_and_submit(cast.budi_case, cast.budi)

    assert queries(client, changelist_url(model)) == before
