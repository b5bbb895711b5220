"""The portfolio pages' remembered parts (sergur/common/fragments.py, issue 14 item 11): a
write shows on the next page, another reader never gets the teacher's part, and a remembered
page is the page rendered afresh, with forms that still post."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client
from django.urls import reverse

from sergur.common.fragments import fragments_clear
from sergur.portfolios.services import entry_save
from sergur.portfolios.tests.teacher_support import COMPLETE, add_row, attach

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def pages(case_pk: int) -> tuple[str, str]:
    return (
        reverse("portfolios:case", args=[case_pk]),
        reverse("portfolios:section", args=[case_pk, "training"]),
    )


def text(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def without_tokens(html: str) -> str:
    return TOKEN.sub('name="csrfmiddlewaretoken" value="…"', html)


def test_a_remembered_page_is_the_page_rendered_afresh(client: Client, cast: Any) -> None:
    entry = add_row(cast.sri_case, cast.sri, "training", name="Diklat Kurikulum")
    attach(entry, cast.sri)
    client.force_login(cast.sri)

    for path in pages(cast.sri_case.pk):
        fragments_clear()
        fresh = text(client, path)
        remembered = text(client, path)
        assert without_tokens(remembered) == without_tokens(fresh), path


def test_a_write_shows_on_the_next_page(client: Client, cast: Any) -> None:
    entry = add_row(cast.sri_case, cast.sri, "training", name="Diklat Kurikulum")
    client.force_login(cast.sri)
    case_page, section_page = pages(cast.sri_case.pk)
    before = text(client, section_page)
    text(client, case_page)

    values = {**COMPLETE["training"], "name": "Diklat Penilaian"}
    entry_save(
        case=cast.sri_case, section_key="training", values=values, actor=cast.sri, entry=entry
    )
    renamed = text(client, section_page)
    attach(entry, cast.sri)
    with_file = text(client, section_page)
    add_row(cast.sri_case, cast.sri, "training", name="Diklat Asesmen")
    case_after = text(client, case_page)

    assert "Diklat Kurikulum" in before and "Diklat Kurikulum" not in renamed
    assert "Diklat Penilaian" in renamed
    assert "ijazah.pdf" not in renamed and "ijazah.pdf" in with_file
    assert "2 rows" in case_after or "2 baris" in case_after


def test_another_reader_never_gets_the_teachers_part(client: Client, cast: Any) -> None:
    add_row(cast.sri_case, cast.sri, "training", name="Diklat Kurikulum")
    client.force_login(cast.sri)
    teachers = [text(client, path) for path in pages(cast.sri_case.pk)]

    principal = Client()
    principal.force_login(cast.pak_kepala)
    read = [text(principal, path) for path in pages(cast.sri_case.pk)]
    stranger = Client()
    stranger.force_login(cast.budi)

    assert "hx-post" in teachers[1] and "hx-post" not in read[1]  # no forms for the principal
    assert "Diklat Kurikulum" in read[1]
    teacher_tokens = set(TOKEN.findall("".join(teachers)))
    assert teacher_tokens and not teacher_tokens & set(TOKEN.findall("".join(read)))
    for path in pages(cast.sri_case.pk):
        assert stranger.get(path).status_code == 404


def test_a_remembered_pages_forms_post_with_its_own_token(cast: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.sri)
    _case_page, section_page = pages(cast.sri_case.pk)
    text(client, section_page)
    remembered = text(client, section_page)
    token = TOKEN.findall(remembered)[-1]

    values = {**COMPLETE["training"], "name": "Diklat Lewat Form"}
    response = client.post(section_page, {**values, "csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert "Diklat Lewat Form" in text(client, section_page)
