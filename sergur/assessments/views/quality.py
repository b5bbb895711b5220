"""Assessment quality for the rayon admin (issue 4, part 7): per assessor, agreement with the
co-assessor (weighted kappa on decisions, ICC(1,1) on totals), severity and its drift month
by month; per component, agreement and severity. The flag thresholds are the programme
year's (its `[assessment]` section). Charts are SVG drawn on the server and put in the page
(no script, no style attribute: the strict CSP holds); every chart has a table with the same
numbers beside it as its text alternative (docs/quality.md)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django_stubs_ext import StrOrPromise

from sergur.assessments.forms.quality import QualityYearForm
from sergur.assessments.models import Assessor
from sergur.assessments.selectors.allocation import assessor_get_for_user, rayon_get_for_user
from sergur.assessments.selectors.quality import (
    QualityData,
    quality_default_year,
    quality_report,
)
from sergur.common.charts import bar_chart, line_chart
from sergur.common.http import AuthenticatedHttpRequest
from sergur.common.i18n import rules_lang
from sergur.registry.models import ProgrammeYear
from sergur.rules.assessment.agreement import (
    FLAG_LENIENT,
    FLAG_LOW_AGREEMENT,
    FLAG_SEVERE,
    NO_PAIRS,
    NO_VARIATION,
    TOO_FEW_PAIRS,
    AssessorQuality,
    Estimate,
)
from sergur.rules.messages import msg
from sergur.rules.programme import ProgrammeYearError

TEMPLATES = "assessments/quality"
PLACES = Decimal("0.01")

REASONS: dict[str, StrOrPromise] = {
    NO_PAIRS: _("no pairs"),
    TOO_FEW_PAIRS: _("too few pairs"),
    NO_VARIATION: _("no variation"),
}
FLAGS: dict[str, StrOrPromise] = {
    FLAG_SEVERE: _("severe: gives fewer points than the co-assessors"),
    FLAG_LENIENT: _("lenient: gives more points than the co-assessors"),
    FLAG_LOW_AGREEMENT: _("low agreement on decisions"),
}
NO_YEAR = _("No programme year has been set up yet.")
NO_PARAMETERS = _(
    "The assessment parameters of programme year %(year)s cannot be read, so its figures cannot "
    "be shown: %(error)s"
)
BAD_YEAR = _("That programme year does not exist; showing the latest year instead.")


def exact(value: Fraction) -> Decimal:
    """An exact figure rounded half-up to two decimals, for display only."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        PLACES, rounding=ROUND_HALF_UP
    )


@dataclass(frozen=True)
class Figure:
    """A statistic as the page shows it: the rounded value, or why there is none."""

    value: Decimal | None
    reason: StrOrPromise

    @classmethod
    def of(cls, estimate: Estimate) -> Figure:
        """Round a defined statistic, or name the reason it is undefined."""
        if estimate.value is None:
            return cls(None, REASONS.get(estimate.reason or "", ""))
        return cls(exact(estimate.value), "")


# -- pages -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssessorRow:
    """One assessor's line of the table."""

    assessor: Assessor
    id: int
    name: str
    pairs: int
    kappa_linear: Figure
    kappa_quadratic: Figure
    excluded: int
    icc: Figure
    severity: Figure
    mean_absolute: Figure
    flags: list[StrOrPromise]
    url: str


def _name(assessor: Assessor) -> str:
    return f"{assessor.user.get_full_name() or assessor.user.username} ({assessor.number})"


def _row(entry: AssessorQuality, data: QualityData, year: ProgrammeYear) -> AssessorRow:
    assessor = data.assessors[entry.assessor]  # allocations protect their assessor
    url = reverse("assessments:quality_assessor", args=[entry.assessor])
    return AssessorRow(
        assessor=assessor,
        id=entry.assessor,
        name=_name(assessor),
        pairs=entry.pairs,
        kappa_linear=Figure.of(entry.kappa_linear),
        kappa_quadratic=Figure.of(entry.kappa_quadratic),
        excluded=entry.excluded,
        icc=Figure.of(entry.icc),
        severity=Figure.of(entry.severity),
        mean_absolute=Figure.of(entry.mean_absolute),
        flags=[FLAGS[flag] for flag in entry.flags],
        url=f"{url}?year={year.year}",
    )


def _part_name(part: str) -> str:
    return msg(f"component.{part}").text(rules_lang())


@dataclass(frozen=True)
class PartRow:
    """One component over all pairs of the rayon."""

    name: str
    icc: Figure
    mean_absolute: Figure


@dataclass(frozen=True)
class PeriodRow:
    """One month over all pairs of the rayon."""

    period: str
    pairs: int
    mean_absolute: Figure
    kappa: Figure


def _year(request: HttpRequest) -> tuple[QualityYearForm, ProgrammeYear | None, bool]:
    """The chosen programme year (the current, else the latest, when none or a wrong one is
    asked for)."""
    form = QualityYearForm(request.GET or None)
    if form.is_bound and form.is_valid() and form.cleaned_data["year"] is not None:
        return form, form.cleaned_data["year"], False
    default = quality_default_year()
    wrong = form.is_bound and not form.is_valid()
    return QualityYearForm(initial={"year": default.year if default else None}), default, wrong


def _report(
    context: dict[str, object], year: ProgrammeYear | None, rayon: int
) -> tuple[ProgrammeYear, QualityData] | None:
    """The year and its figures for the rayon; None, with the reason in `context`, when no year
    is set up or its assessment parameters cannot be read."""
    if year is None:
        context["no_year"] = NO_YEAR
        return None
    try:
        return year, quality_report(rayon=rayon, programme_year=year)
    except ProgrammeYearError as error:
        context.update(
            {"year": year, "no_year": NO_PARAMETERS % {"year": year.year, "error": error}}
        )
        return None


@login_required
@require_safe
def quality(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The rayon's agreement figures for a programme year: the assessors' table and charts,
    the components, and the months."""
    rayon = rayon_get_for_user(user=request.user)
    form, year, wrong = _year(request)
    context: dict[str, object] = {"rayon": request.user.rayon, "form": form, "wrong_year": wrong}
    found = _report(context, year, rayon)
    if found is not None:
        context.update(_rayon_figures(*found))
    return render(request, f"{TEMPLATES}/rayon.html", context)


def _rayon_figures(year: ProgrammeYear, data: QualityData) -> dict[str, object]:
    """The rayon page's tables: per assessor, per component, per month and overall."""
    report = data.report
    rows = [_row(entry, data, year) for entry in report.assessors]
    half = Decimal(data.rules.tolerance) / 2
    kappa_min = Decimal(data.rules.kappa_min).quantize(PLACES, rounding=ROUND_HALF_UP)
    parts = [
        PartRow(_part_name(p.part), Figure.of(p.icc), Figure.of(p.mean_absolute))
        for p in report.parts
    ]
    periods = [
        PeriodRow(
            p.period, p.mean_absolute.n, Figure.of(p.mean_absolute), Figure.of(p.kappa_linear)
        )
        for p in report.periods
    ]
    return {
        "year": year,
        "data": data,
        "report": report,
        "rows": rows,
        "parts": parts,
        "periods": periods,
        "overall": {
            "kappa_linear": Figure.of(report.kappa_linear),
            "kappa_quadratic": Figure.of(report.kappa_quadratic),
            "icc": Figure.of(report.icc),
            "mean_absolute": Figure.of(report.mean_absolute),
        },
        "half_tolerance": half,
        "kappa_min": kappa_min,
        "min_pairs": data.rules.min_pairs,
        **_rayon_charts(rows, parts, periods, half, kappa_min),
    }


def _rayon_charts(
    rows: list[AssessorRow],
    parts: list[PartRow],
    periods: list[PeriodRow],
    half: Decimal,
    kappa_min: Decimal,
) -> dict[str, object]:
    """The rayon page's charts, each beside a table with the same numbers."""
    return {
        "charts": [
            bar_chart(
                "chart-severity",
                _("Severity per assessor"),
                _(
                    "Mean difference of the assessor's total from the co-assessor's, in "
                    "points; below zero the assessor gives fewer points. The lines mark "
                    "half the tolerance either side. The table above has the same numbers."
                ),
                [(r.name, r.severity.value, bool(r.flags)) for r in rows],
                [(-half, f"-{number_format(half)}"), (half, f"+{number_format(half)}")],
            ),
            bar_chart(
                "chart-kappa",
                _("Agreement on decisions per assessor"),
                _(
                    "Linear-weighted kappa of the assessor's decision codes against the "
                    "co-assessor's (1: always the same; 0: no better than chance); the line "
                    "marks the flag threshold. The table above has the same numbers."
                ),
                [(r.name, r.kappa_linear.value, bool(r.flags)) for r in rows],
                [(kappa_min, number_format(kappa_min))],
            ),
            bar_chart(
                "chart-parts",
                _("Disagreement per component"),
                _(
                    "Mean absolute difference between the two assessors' points, per "
                    "component. The component table has the same numbers."
                ),
                [(p.name, p.mean_absolute.value, False) for p in parts],
            ),
        ],
        "drift": line_chart(
            "chart-drift",
            _("Distance between the two assessors per month"),
            _(
                "Mean absolute difference of the two totals of the pairs completed each "
                "month. The month table has the same numbers."
            ),
            [(p.period, p.mean_absolute.value) for p in periods],
        ),
    }


@login_required
@require_safe
def quality_assessor(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One assessor: severity per component and its drift month by month."""
    assessor = assessor_get_for_user(user=request.user, pk=pk)
    rayon = assessor.rayon_id
    form, year, wrong = _year(request)
    context: dict[str, object] = {
        "rayon": request.user.rayon,
        "form": form,
        "wrong_year": wrong,
        "assessor": assessor,
        "name": _name(assessor),
    }
    found = _report(context, year, rayon)
    if found is None:
        return render(request, f"{TEMPLATES}/assessor.html", context)
    year, data = found
    entry = next((a for a in data.report.assessors if a.assessor == assessor.pk), None)
    context.update({"year": year, "tolerance": data.rules.tolerance})
    if entry is not None:
        row = _row(entry, data, year)
        parts = [(_part_name(part), Figure.of(value)) for part, value in entry.parts.items()]
        drift = [(period, Figure.of(value), value.n) for period, value in entry.drift]
        half = Decimal(data.rules.tolerance) / 2
        context.update(
            {
                "row": row,
                "parts": parts,
                "drift": drift,
                "parts_chart": bar_chart(
                    "chart-assessor-parts",
                    _("Severity per component"),
                    _(
                        "Mean difference of this assessor's points from the co-assessor's, per "
                        "component; below zero the assessor gives fewer points. The table has "
                        "the same numbers."
                    ),
                    [(name, figure.value, False) for name, figure in parts],
                ),
                "drift_chart": line_chart(
                    "chart-assessor-drift",
                    _("Severity per month"),
                    _(
                        "Mean difference of this assessor's total from the co-assessor's, by the "
                        "month the assessor submitted the sheet. The table has the same numbers."
                    ),
                    [(period, figure.value) for period, figure, _n in drift],
                ),
                "half_tolerance": half,
            }
        )
    return render(request, f"{TEMPLATES}/assessor.html", context)
