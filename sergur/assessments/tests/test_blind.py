"""Blind means blind (docs/assessment.md "What an assessor sees of the teacher"): every page
an assessor may open, for every object of the access world in every state the table names,
holds no teacher's name, NIP, NUPTK or birth date. The evidence files themselves are the one
exception the decision names, so only HTML is read."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from sergur.cases.models import Case
from sergur.common.tests.access_table import TABLE
from sergur.common.tests.access_world import Target, build_world
from sergur.common.tests.test_access_matrix import _quiet, _url
from sergur.conftest import Cast
from sergur.registry.models import Teacher

ASSESSORS = ("assessor:allocated", "assessor:other")


def _identifying(teacher: Teacher) -> list[str]:
    """What names a teacher on a page: the name, NUPTK, NIP, the birth date."""
    values = [teacher.name, teacher.nuptk, teacher.nip, teacher.birth_date.isoformat()]
    return [value for value in values if value]


def test_no_page_an_assessor_opens_names_a_teacher(cast: Cast) -> None:
    world = build_world(cast)
    secrets = [value for teacher in Teacher.objects.all() for value in _identifying(teacher)]
    assert secrets
    clients: dict[int, Client] = {}
    leaks: list[str] = []
    pages = 0
    with _quiet():
        for name, page in sorted(TABLE.items()):
            targets: list[Target | None] = [world.targets[t] for t in page.targets] or [None]
            for target in targets:
                for identity in ASSESSORS:
                    if page.expected(identity, target) != 200:
                        continue
                    user = world.user(identity, target)
                    assert user is not None
                    if user.pk not in clients:
                        clients[user.pk] = Client()
                        clients[user.pk].force_login(user)
                    response = clients[user.pk].get(_url(name, target))
                    if "text/html" not in response.get("Content-Type", ""):
                        continue
                    pages += 1
                    body = response.content.decode()
                    found = [value for value in secrets if value in body]
                    if found:
                        where = target.name if target else "-"
                        leaks.append(f"{name} [{where}] as {identity}: {found}")
    assert pages > 5, pages
    assert not leaks, f"{len(leaks)} pages name a teacher:\n" + "\n".join(leaks)


def test_an_assessor_searches_by_participant_number_never_by_name(
    client: Client, cast: Cast
) -> None:
    world = build_world(cast)
    pk = world.targets["case:in_assessment"].kwargs["pk"]
    Case.objects.filter(pk=pk).update(participant_number="07340213100001")
    case = Case.objects.select_related("teacher").get(pk=pk)
    user = world.user("assessor:allocated", world.targets["case:in_assessment"])
    assert user is not None
    client.force_login(user)

    def search(text: str) -> str:
        client.post(reverse("common:worklist_filter"), {"list": "cases", "q": text})
        return client.get(reverse("cases:list")).content.decode()

    page = client.get(reverse("cases:list")).content.decode()
    by_name = search(case.teacher.name[:8])
    by_number = search(case.participant_number[-6:])

    assert "Participant number or name" not in page and "Nomor peserta atau nama" not in page
    assert case.participant_number not in by_name  # a name finds nothing
    assert case.participant_number in by_number
