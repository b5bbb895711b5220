"""Quality assurance of certified teachers (seed 001's model, docs/quality-assurance.md): the
overview of a place (school, supervised schools, district, province, all) per year on core
and additional duties with its charts and tables, and the monitors' worklist (principal and
supervisor). Who sees which place is decided by `quality_place_for_user` (403 for another
role, 404 for a school or district outside the user's place)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django_stubs_ext import StrOrPromise

from sergur.common.charts import BarChart, LineChart, bar_chart, line_chart
from sergur.common.http import AuthenticatedHttpRequest
from sergur.common.i18n import rules_lang
from sergur.quality.forms import PlaceForm
from sergur.quality.selectors import (
    ADDITIONAL,
    CORE,
    MONITORS,
    KkgEffect,
    Place,
    YearFigures,
    kkg_effect,
    monitor_not_done,
    monitor_not_done_count,
    monitor_plans_overdue,
    place_districts,
    place_schools,
    quality_below_list,
    quality_development,
    quality_place_for_user,
    quality_summary,
    quality_years,
)
from sergur.rules.messages import msg
from sergur.rules.programme import ProgrammeYearError

CATEGORIES = ("AB", "B", "C", "S", "K")
LIMIT = 200
COMPONENT_TITLES: dict[str, StrOrPromise] = {
    CORE: _("Core duties (PKG)"),
    ADDITIONAL: _("Additional duties"),
}
BAD_CHOICE = _("That choice is not valid; showing the latest year of your whole area instead.")


@dataclass(frozen=True)
class Component:
    """One component of seed 001's model on the page: its years and its chart."""

    key: str
    title: StrOrPromise
    figures: list[YearFigures]
    chart: LineChart


def _choices(request: AuthenticatedHttpRequest) -> tuple[PlaceForm, dict[str, int | None], bool]:
    form = PlaceForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, dict(form.cleaned_data), False
    empty: dict[str, int | None] = {"year": None, "district": None, "school": None}
    return PlaceForm(), empty, form.is_bound


def _component(place: Place, key: str) -> Component:
    years = quality_years(place, key)
    figures = quality_summary(place, key, years)
    chart = line_chart(
        f"quality-{key}",
        _("Mean PKG score (0-100) by year"),
        _("The mean score of the certified teachers' final appraisals each year."),
        [(str(f.year), f.mean) for f in figures],
    )
    return Component(key, COMPONENT_TITLES[key], figures, chart)


def _kkg(place: Place, year: int | None) -> dict[str, object]:
    """Seed 004's question for the year: the comparison, its words and its chart."""
    if year is None:
        return {}
    try:
        effect: KkgEffect = kkg_effect(place, year)
    except ProgrammeYearError:
        return {}
    participants, others = _("Took part in a working group"), _("Did not take part")
    items = [(str(participants), effect.participants.change, False)]
    items.append((str(others), effect.others.change, False))
    for row in effect.clusters:
        items.append((f"{row.name}: {participants}", row.participants.change, False))
        items.append((f"{row.name}: {others}", row.others.change, False))
    chart: BarChart = bar_chart(
        "quality-kkg",
        _("Change of the mean PKG score from the year before"),
        _(
            "For certified teachers appraised in both years: those who took part in a working "
            "group in the year and those who did not, overall and by working group."
        ),
        items,
    )
    lang = rules_lang()
    return {
        "kkg": effect,
        "kkg_chart": chart,
        "kkg_words": [msg(reason).text(lang) for reason in effect.comparison.reasons],
    }


def _categories(figures: list[YearFigures]) -> list[tuple[int, list[int]]]:
    return [(f.year, [f.categories.get(c, 0) for c in CATEGORIES]) for f in figures]


@require_safe
@login_required
def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A place's certified teachers per year: appraised, mean score, categories, below
    standard, and whether the next PKG improved; the teachers below standard in the year."""
    form, chosen, wrong = _choices(request)
    place = quality_place_for_user(
        user=request.user, district=chosen["district"], school=chosen["school"]
    )
    components = [_component(place, CORE), _component(place, ADDITIONAL)]
    core_years = [f.year for f in components[0].figures]
    year = chosen["year"] or (core_years[-1] if core_years else None)
    below = quality_below_list(place, year, limit=LIMIT) if year else []
    context = {
        "form": form,
        "wrong": wrong,
        "place": place,
        "districts": place_districts(place),
        "schools": place_schools(place),
        "components": components,
        "category_codes": CATEGORIES,
        "core_categories": _categories(components[0].figures),
        "development": quality_development(place),
        "year": year,
        "below": below,
        "limit": LIMIT,
        "bad_choice": BAD_CHOICE,
        **_kkg(place, year),
    }
    return render(request, "quality/overview.html", context)


@require_safe
@login_required
def worklist(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The monitor's worklist (seed 001: the principal and the supervisor monitor): their
    schools' certified teachers below standard and those whose PKG of the year is not final."""
    if request.user.role not in MONITORS:
        raise PermissionDenied
    form, chosen, wrong = _choices(request)
    place = quality_place_for_user(user=request.user, school=chosen["school"])
    years = quality_years(place, CORE)
    year = chosen["year"] or (years[-1] if years else timezone.localdate().year)
    context = {
        "form": form,
        "wrong": wrong,
        "place": place,
        "schools": place_schools(place),
        "year": year,
        "below": quality_below_list(place, year, limit=LIMIT),
        "not_done": monitor_not_done(place, year, limit=LIMIT),
        "not_done_count": monitor_not_done_count(place, year),
        "overdue": monitor_plans_overdue(place, limit=LIMIT),
        "limit": LIMIT,
        "bad_choice": BAD_CHOICE,
    }
    return render(request, "quality/worklist.html", context)
