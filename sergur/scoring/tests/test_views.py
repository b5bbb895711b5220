from __future__ import annotations

import logging
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from sergur.rules import COMPONENT_KEYS, decode, load_year, problems_of, score
from sergur.rules.messages import DECISIONS, component_names, number
from sergur.scoring.forms import (
    BOTH_GIVEN,
    FILE_EMPTY,
    FILE_NOT_TEXT,
    FILE_TOO_LARGE,
    NEITHER_GIVEN,
    TEXT_TOO_LARGE,
    YEAR_UNUSABLE,
)
from sergur.scoring.tests.conftest import example_bytes, json_upload

HOME = reverse("scoring:home")
SCORE = reverse("scoring:score")


def page(response) -> str:
    return str(response.content.decode())


def in_id(message, **params) -> str:
    with translation.override("id"):
        return escape(str(message) % params if params else str(message))


def post_file(client: Client, upload: SimpleUploadedFile, **extra):
    return client.post(SCORE, {"portfolio_file": upload, "year": "2007"}, **extra)


def switch_to_english(client: Client) -> None:
    response = client.post(reverse("set_language"), {"language": "en", "next": SCORE})
    assert response.status_code == 302


# -- the pages, in both languages -------------------------------------------------------------
def test_home_page_explains_sergur_in_indonesian_by_default(client):
    response = client.get(HOME)

    assert response.status_code == 200
    text = page(response)
    assert '<html lang="id">' in text
    assert "Sertifikasi Guru dalam Jabatan" in text
    assert f'href="{SCORE}"' in text
    assert "Nilai portofolio" in text
    assert "examples/" in text
    assert "Langsung ke isi utama" in text


def test_score_page_shows_the_empty_form_in_indonesian_by_default(client):
    response = client.get(SCORE)

    assert response.status_code == 200
    text = page(response)
    assert '<html lang="id">' in text
    assert "Halaman ini tidak menyimpan apa pun." in text
    assert 'name="portfolio_file"' in text
    assert 'name="portfolio_text"' in text
    assert '<option value="2007" selected>2007</option>' in text
    assert 'hx-post="/score/"' in text
    assert 'hx-target="#result"' in text
    assert 'hx-encoding="multipart/form-data"' in text
    assert 'enctype="multipart/form-data"' in text
    assert 'aria-current="page"' in text


def test_pages_are_in_english_after_choosing_english(client):
    switch_to_english(client)

    home = page(client.get(HOME))
    score_page = page(client.get(SCORE))

    assert '<html lang="en">' in home
    assert "Score a portfolio" in home
    assert "This page stores nothing." in score_page
    assert "Halaman ini tidak menyimpan apa pun." not in score_page


def test_language_switcher_posts_to_set_language_with_csrf_and_next(client):
    text = page(client.get(SCORE))

    form = re.search(r'<form class="language-switcher".*?</form>', text, re.S)
    assert form is not None
    assert f'action="{reverse("set_language")}"' in form.group()
    assert 'method="post"' in form.group()
    assert 'name="csrfmiddlewaretoken"' in form.group()
    assert f'name="next" value="{SCORE}"' in form.group()
    assert '<label for="language-select">' in form.group()


def test_pages_load_only_vendored_files_and_no_inline_script_or_style(client):
    for url in (HOME, SCORE):
        response = client.get(url)
        text = page(response)

        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert "/static/vendor/pico/pico.min.css" in text
        assert "/static/vendor/htmx/htmx.min.js" in text
        assert re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", text) == []
        assert " style=" not in text
        assert "<style" not in text
        assert "//" not in "".join(re.findall(r'(?:src|href)="(//[^"]*|https?:[^"]*)"', text))


def test_home_page_refuses_post(client):
    assert client.post(HOME).status_code == 405


def test_score_page_refuses_other_methods(client):
    assert client.put(SCORE).status_code == 405


# -- scoring the examples ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("passing-subject-teacher.json", "L"),
        ("near-miss.json", "MS"),
        ("counselor.json", "L"),
        ("special-area-teacher.json", "MPLPG"),
    ],
)
def test_each_example_shows_the_whole_table_of_the_rules_core(client, example_upload, name, code):
    response = post_file(client, example_upload(name))

    assert response.status_code == 200
    text = page(response)
    result = score(decode(example_bytes(name)), load_year(2007), explain=True)
    assert result.decision.code == code
    assert f'<span class="decision-code">{code}</span> — {DECISIONS[code]["id"]}' in text
    for key in COMPONENT_KEYS:
        assert f'<th scope="row">{component_names(result.role)[key]["id"]}</th>' in text
        assert f'<td class="num">{number(result.components[key], "id")}</td>' in text
    assert f'<td class="num">{number(result.lesson_plans, "id")}</td>' in text
    assert f'<td class="num">{number(result.teaching_observation, "id")}</td>' in text
    assert f"<strong>{number(result.total, 'id')}</strong>" in text
    assert "batas lulus 850" in text
    for reason in result.decision.reasons:
        assert f"<li>{escape(reason.text('id'))}</li>" in text
    if not result.decision.reasons:
        assert "Tidak ada: semua syarat terpenuhi." in text
    assert "<details" in text
    for line in result.trace:
        assert escape(line.rule.text("id")) in text
        assert f"<code>{line.path}</code>" in text


def test_near_miss_shows_groups_cap_reason_and_interpretation(client, example_upload):
    text = page(post_file(client, example_upload("near-miss.json")))

    assert "Kelompok A (unsur 1, 3, 4)" in text
    assert "minimal 300, tanpa unsur kosong" in text
    assert "lebih dari 0; dihitung paling banyak 100 (dihitung 50)" in text
    assert "Kelompok C sebelum dibatasi: 50; yang dihitung dalam jumlah setelah dibatasi: 50." in (
        " ".join(text.split())
    )
    assert "terpenuhi" in text
    assert "<li>Jumlah skor 830,4 kurang 19,6 dari batas lulus 850.</li>" in text
    assert '<dt id="interpretation-D1">D1</dt>' in text
    assert "Batas bawah Melengkapi Substansi (MS)" in text


def test_result_is_in_english_after_choosing_english(client, example_upload):
    switch_to_english(client)

    text = page(post_file(client, example_upload("near-miss.json")))

    assert "MS</span> — Complete the substance" in text
    assert "<li>The total 830.4 is 19.6 short of the pass mark 850.</li>" in text
    assert '<td class="num">133.4</td>' in text
    assert "Group A (components 1, 3, 4)" in text
    assert "counts 50" in text
    assert "The near-miss floor for MS" in text


def test_pasted_text_is_scored_like_an_upload(client):
    text = example_bytes("special-area-teacher.json").decode()

    response = client.post(SCORE, {"portfolio_text": text, "year": "2007"})

    assert response.status_code == 200
    assert '<span class="decision-code">MPLPG</span>' in page(response)
    assert "<li>Jumlah skor 674 kurang 176 dari batas lulus 850.</li>" in page(response)


# -- invalid files ----------------------------------------------------------------------------
def test_invalid_file_lists_every_error_with_its_place(client, example_upload):
    data = example_bytes("invalid.json")

    response = post_file(client, example_upload("invalid.json"))

    assert response.status_code == 200
    text = page(response)
    problems = problems_of(data)
    assert len(problems) == 9
    assert f"Berkas portofolio tidak sah: {len(problems)} kesalahan" in " ".join(text.split())
    assert "<code>lesson_plans[1].items</code>" in text
    assert "<code>trainings[0].hours</code>" in text
    for problem in problems:
        assert escape(problem.text("id")) in text
    assert 'class="decision-code"' not in text


def test_invalid_pasted_text_stays_in_the_textarea(client):
    text = example_bytes("invalid.json").decode()

    response = client.post(SCORE, {"portfolio_text": text, "year": "2007"})

    assert "<code>lesson_plans[1].items</code>" in page(response)
    assert escape(text) in page(response)


def test_text_that_is_not_json_says_where(client):
    response = client.post(SCORE, {"portfolio_text": '{"schema": ', "year": "2007"})

    text = page(response)
    assert "(seluruh berkas)" in text
    assert "Bukan JSON yang sah" in text
    assert "baris 1" in text


# -- uploads that are refused before scoring ---------------------------------------------------
def test_oversize_file_is_refused_with_its_size_and_the_limit(client, settings, example_upload):
    settings.SERGUR_PORTFOLIO_MAX_BYTES = 1000
    size = len(example_bytes("near-miss.json"))

    response = post_file(client, example_upload("near-miss.json"))

    assert response.status_code == 200
    with translation.override("id"):
        expected = in_id(FILE_TOO_LARGE, size=filesizeformat(size), limit=filesizeformat(1000))
    assert expected in page(response)
    assert 'class="decision-code"' not in page(response)


def test_oversize_pasted_text_is_refused(client, settings):
    settings.SERGUR_PORTFOLIO_MAX_BYTES = 1000
    text = example_bytes("near-miss.json").decode()

    response = client.post(SCORE, {"portfolio_text": text, "year": "2007"})

    with translation.override("id"):
        expected = in_id(
            TEXT_TOO_LARGE,
            size=filesizeformat(len(text.encode())),
            limit=filesizeformat(1000),
        )
    assert expected in page(response)
    assert escape(text) in page(response)


def test_png_renamed_json_is_refused_by_its_content(client):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)

    response = post_file(client, json_upload("x.json", png))

    assert in_id(FILE_NOT_TEXT, position=1) in page(response)
    assert 'href="#id_portfolio_file"' in page(response)


def test_file_that_is_not_utf8_is_refused_with_the_byte_position(client):
    latin1 = '{"teacher": "Dédé"}'.encode("latin-1")

    response = post_file(client, json_upload("latin1.json", latin1))

    assert in_id(FILE_NOT_TEXT, position=15) in page(response)


def test_empty_file_is_refused(client):
    response = post_file(client, json_upload("empty.json", b""))

    assert in_id(FILE_EMPTY) in page(response)
    assert in_id(NEITHER_GIVEN) not in page(response)


def test_whitespace_only_file_is_reported_as_empty_by_the_rules(client):
    response = post_file(client, json_upload("blank.json", b"  \n"))

    assert "Berkas kosong." in page(response)


def test_a_number_of_4400_digits_gets_a_message_not_a_traceback(settings):
    # Python refuses to read an integer of more than 4,300 digits; with DEBUG on, an exception
    # reaching Django would show an anonymous visitor the whole traceback.
    settings.DEBUG = True
    text = example_bytes("passing-subject-teacher.json").decode()
    huge = text.replace('"hours": 170', '"hours": ' + "9" * 4_400, 1)
    assert huge != text
    client = Client(raise_request_exception=False)

    response = client.post(SCORE, {"portfolio_text": huge, "year": "2007"})

    assert response.status_code == 200
    body = page(response)
    assert "Traceback" not in body
    assert "lebih dari 4.300 digit" in body


def test_both_file_and_text_are_refused(client, example_upload):
    response = client.post(
        SCORE,
        {
            "portfolio_file": example_upload("near-miss.json"),
            "portfolio_text": example_bytes("near-miss.json").decode(),
            "year": "2007",
        },
    )

    assert in_id(BOTH_GIVEN) in page(response)
    assert 'class="decision-code"' not in page(response)


def test_neither_file_nor_text_is_refused(client):
    response = client.post(SCORE, {"portfolio_text": "  \n", "year": "2007"})

    assert in_id(NEITHER_GIVEN) in page(response)


def test_unknown_year_is_refused(client, example_upload):
    response = client.post(
        SCORE, {"portfolio_file": example_upload("near-miss.json"), "year": "1999"}
    )

    assert 'href="#id_year"' in page(response)
    assert 'class="decision-code"' not in page(response)


def test_year_whose_file_is_broken_is_refused_and_logged(
    client, settings, tmp_path, example_upload, caplog
):
    (tmp_path / "2099.toml").write_text("year = 2099\n", encoding="utf-8")
    settings.SERGUR_YEARS_DIRS = (tmp_path,)

    with caplog.at_level(logging.ERROR, logger="sergur"):
        response = client.post(
            SCORE, {"portfolio_file": example_upload("near-miss.json"), "year": "2099"}
        )

    assert in_id(YEAR_UNUSABLE, year=2099) in page(response)
    assert "programme year 2099 cannot be loaded" in caplog.text
    assert "Agus" not in caplog.text


# -- htmx, CSRF, logs, queries, caching -------------------------------------------------------
def test_htmx_request_gets_only_the_result_fragment(client, example_upload):
    response = post_file(client, example_upload("near-miss.json"), headers={"HX-Request": "true"})

    text = page(response)
    assert response.status_code == 200
    assert "<html" not in text
    assert "<form" not in text
    assert '<h2 id="result-heading"' in text
    assert '<span class="decision-code">MS</span>' in text
    assert "HX-Request" in response["Vary"]


def test_htmx_request_with_form_errors_gets_the_error_summary(client):
    response = client.post(SCORE, {"year": "2007"}, headers={"HX-Request": "true"})

    assert "<html" not in page(response)
    assert in_id(NEITHER_GIVEN) in page(response)


def test_without_htmx_the_whole_page_comes_back_with_the_result(client, example_upload):
    text = page(post_file(client, example_upload("near-miss.json")))

    assert '<html lang="id">' in text
    assert '<form class="score-form"' in text
    assert '<div id="result"' in text
    assert 'action="/score/#result"' in text


def test_page_carries_translated_texts_for_failed_htmx_requests(client):
    text = page(client.get(SCORE))

    assert 'data-error-response="Berkas tidak dapat dinilai' in text
    assert 'data-error-network="Berkas tidak dapat dikirim' in text
    assert "/static/js/sergur.js" in text


def test_post_without_csrf_token_is_forbidden(example_upload):
    client = Client(enforce_csrf_checks=True)

    response = post_file(client, example_upload("near-miss.json"))

    assert response.status_code == 403


def test_post_with_csrf_token_is_scored(example_upload):
    client = Client(enforce_csrf_checks=True)
    client.get(SCORE)
    token = client.cookies["csrftoken"].value

    response = client.post(
        SCORE,
        {
            "portfolio_file": example_upload("near-miss.json"),
            "year": "2007",
            "csrfmiddlewaretoken": token,
        },
    )

    assert response.status_code == 200
    assert '<span class="decision-code">MS</span>' in page(response)


def test_uploaded_content_and_personal_data_stay_out_of_the_logs(client, example_upload, caplog):
    data = example_bytes("passing-subject-teacher.json")

    with caplog.at_level(logging.DEBUG):
        post_file(client, example_upload("passing-subject-teacher.json"))
        client.post(SCORE, {"portfolio_text": data.decode(), "year": "2007"})
        post_file(client, example_upload("invalid.json"))
        Client(enforce_csrf_checks=True).post(SCORE, {"portfolio_text": data.decode()})

    for secret in ("3456789012345678", "Sri Wahyuni", "07050318010012", "Contoh Berkas Salah"):
        assert secret not in caplog.text


def test_result_page_is_not_cached(client, example_upload):
    response = post_file(client, example_upload("near-miss.json"))

    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_pages_make_no_database_queries(client, example_upload, django_assert_num_queries):
    with django_assert_num_queries(0):
        client.get(HOME)
    with django_assert_num_queries(0):
        client.get(SCORE)
    with django_assert_num_queries(0):
        post_file(client, example_upload("passing-subject-teacher.json"))
    with django_assert_num_queries(0):
        post_file(client, example_upload("invalid.json"))
