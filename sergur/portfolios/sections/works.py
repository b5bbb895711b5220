"""Component 7 of the instrument: professional development works (written works, research,
reviews, learning media, technology and art works)."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sergur.portfolios.sections.base import (
    YES_NO,
    Field,
    Section,
    optional,
    year_field,
    yes,
)


def _written_work(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    kind = v["kind"]
    out: dict[str, Any] = {"kind": kind}
    if kind == "book":
        out["publication"] = v["publication"]
        out["relevant"] = yes(v["relevant"])
    elif kind == "article":
        out["venue"] = v["venue"]
        out["relevant"] = yes(v["relevant"])
    return "works", optional(out, v, "title", "year")


def _research(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    return "works", optional({"kind": "research", "role": v["role"]}, v, "title", "year")


def _review(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out: dict[str, Any] = {"kind": "review"}
    if v.get("name"):
        out["title"] = v["name"]
    return "works", optional(out, v, "year")


def _learning_media(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out: dict[str, Any] = {"kind": "learning_media"}
    if v.get("name"):
        out["title"] = v["name"]
    return "works", optional(out, v, "year")


def _artwork(v: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    out: dict[str, Any] = {"kind": "artwork"}
    if v.get("name"):
        out["title"] = v["name"]
    return "works", optional(out, v, "year")


def _check_written_work(values: dict[str, Any]) -> dict[str, Promise]:
    """A book names its publication, an article its venue; both say whether relevant."""
    errors: dict[str, Promise] = {}
    kind = values.get("kind")
    if kind == "book" and not values.get("publication"):
        errors["publication"] = _("A book needs its kind of publication.")
    if kind == "article" and not values.get("venue"):
        errors["venue"] = _("An article needs where it was published.")
    if kind in ("book", "article") and not values.get("relevant"):
        errors["relevant"] = _("Say whether the book or article is relevant.")
    return errors


SECTIONS: tuple[Section, ...] = (
    Section(
        key="written_work",
        component=7,
        number="7.a",
        title=_("Written works"),
        instruction=_("Books, articles, modules and locally printed books you wrote."),
        fields=(
            Field("title", _("Title")),
            Field(
                "kind",
                _("Kind"),
                "choice",
                choices=(
                    ("book", _("Book")),
                    ("article", _("Article (journal, magazine, newspaper)")),
                    ("module", _("Module or locally printed book (one semester or more)")),
                ),
            ),
            Field("publisher", _("Publisher"), required=False),
            year_field(label=_("Year published")),
            Field(
                "publication",
                _("Book: publication"),
                "choice",
                required=False,
                choices=(
                    ("national", _("National (ISBN and BSNP approved)")),
                    ("province", _("Province (ISBN)")),
                    ("district", _("District (no ISBN)")),
                ),
            ),
            Field(
                "venue",
                _("Article: where published"),
                "choice",
                required=False,
                choices=(
                    ("accredited_journal", _("Accredited journal")),
                    ("unaccredited_journal", _("Unaccredited journal")),
                    ("national_media", _("National magazine or newspaper")),
                    ("local_media", _("Local magazine or newspaper")),
                ),
            ),
            Field(
                "relevant",
                _("Book or article: relevant to your subject"),
                "choice",
                required=False,
                choices=YES_NO,
            ),
        ),
        code_prefix="7.a",
        label_style="number",
        to_schema=_written_work,
        note=_("Attach the relevant evidence."),
        check=_check_written_work,
    ),
    Section(
        key="research",
        component=7,
        number="7.b",
        title=_("Research"),
        instruction=_("Classroom action research or other research that improves teaching."),
        fields=(
            Field("title", _("Title")),
            year_field(),
            Field("funding", _("Source of funds"), required=False),
            Field(
                "role",
                _("Status"),
                "choice",
                choices=(
                    ("solo", _("Sole author")),
                    ("lead", _("Team lead")),
                    ("member", _("Team member")),
                ),
            ),
        ),
        code_prefix="7.b",
        label_style="number",
        to_schema=_research,
        note=_("Attach the research report."),
    ),
    Section(
        key="review",
        component=7,
        number="7.c",
        title=_("Book reviewer or national-exam item writer"),
        instruction=_("Each time you reviewed a book or wrote EBTANAS/UN items."),
        fields=(Field("name", _("Activity")), year_field()),
        code_prefix="7.c",
        label_style="number",
        to_schema=_review,
        note=_("Attach the decree or letter of assignment, legalised by your superior."),
    ),
    Section(
        key="learning_media",
        component=7,
        number="7.d",
        title=_("Learning media and teaching aids"),
        instruction=_("Learning media or teaching aids you made."),
        fields=(
            Field("name", _("Kind of medium or aid")),
            year_field(),
            Field("funding", _("Source of funds"), required=False),
            Field(
                "status",
                _("Status"),
                "choice",
                required=False,
                choices=(("lead", _("Lead")), ("member", _("Member"))),
            ),
        ),
        code_prefix="7.d",
        label_style="number",
        to_schema=_learning_media,
        note=_("Attach photographs, a manual or a description, or the principal's letter."),
    ),
    Section(
        key="artwork",
        component=7,
        number="7.e",
        title=_("Technology or art works"),
        instruction=_("Appropriate technology, sculpture, painting, dance, literature and so on."),
        fields=(
            Field("name", _("Name of the work")),
            year_field(),
            Field("description", _("Short description"), "textarea", required=False),
        ),
        code_prefix="7.e",
        label_style="number",
        to_schema=_artwork,
        note=_("Attach photographs, a manual or a description, or the principal's letter."),
    ),
)
