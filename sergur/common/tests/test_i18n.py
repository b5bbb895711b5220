from __future__ import annotations

import os
import re
import shutil
import subprocess  # nosec B404 # runs Django's makemessages over a copy of the sources
import sys
from pathlib import Path

import pytest
from django.utils import translation

from sergur.common.i18n import rules_lang


@pytest.mark.parametrize(
    ("active", "lang"), [("id", "id"), ("en", "en"), ("en-gb", "en"), ("de", "id")]
)
def test_rules_lang_is_english_for_any_english_and_indonesian_otherwise(active, lang):
    with translation.override(active):
        assert rules_lang() == lang


def test_rules_lang_is_indonesian_when_no_language_is_active():
    with translation.override(None):
        assert rules_lang() == "id"


def test_the_blank_choice_of_a_select_is_indonesian():
    # Django 6.1's label of a select's empty choice has no Indonesian in Django's catalogue:
    # the PKG's appraiser form read "- Select an option -" on an Indonesian page.
    from django.db.models.fields import BLANK_CHOICE_LABEL

    with translation.override("id"):
        assert str(BLANK_CHOICE_LABEL) == "- Pilih salah satu -"


ROOT = Path(__file__).resolve().parents[3]
# Where xgettext reads a \u escape of a Python string as text: the catalogue holds the
# character itself, which is what the code has at run time.
ESCAPED = re.compile(r"\\u[0-9a-f]{4}")


def entries(po: str) -> list[tuple[str, str, bool]]:
    """Each entry of a .po text as (msgid, first msgstr, fuzzy), the header left out."""
    out = []
    for block in po.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields: dict[str, str] = {}
        key = ""
        for line in lines:
            if line.startswith(("msgid ", "msgid_plural ", "msgstr ", "msgstr[0] ")):
                key, _, rest = line.partition(" ")
                fields[key] = rest[1:-1]
            elif line.startswith('"') and key:
                fields[key] += line[1:-1]
        msgid = fields.get("msgid", "")
        if msgid:
            out.append((msgid, fields.get("msgstr", fields.get("msgstr[0]", "")), fuzzy))
    return out


def test_every_message_of_the_interface_has_indonesian(tmp_path: Path) -> None:
    # makemessages over a copy of the sources (it writes the catalogue beside them): a
    # message the catalogue lacks comes out untranslated or guessed (fuzzy), and both show
    # English on an Indonesian page ("Receive verified portfolios" on the rayon's page).
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.skip("GNU gettext is not installed")
    copy = tmp_path / "src"
    for part in ("sergur", "templates", "config", "locale"):
        shutil.copytree(ROOT / part, copy / part, ignore=shutil.ignore_patterns("tests"))
    shutil.copy(ROOT / "manage.py", copy / "manage.py")
    subprocess.run(  # nosec B603 # a fixed command over a copy of the sources
        [
            sys.executable,
            str(copy / "manage.py"),
            "makemessages",
            "--locale=id",
            "--no-location",
            "--no-obsolete",
            "--verbosity=0",
        ],
        cwd=copy,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    po = (copy / "locale" / "id" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    missing = sorted(
        msgid
        for msgid, msgstr, fuzzy in entries(po)
        if (fuzzy or not msgstr) and not ESCAPED.search(msgid)
    )
    assert missing == []
