"""Bar and line charts as plain SVG geometry, drawn by templates (for example
`assessments/quality/_bar_chart.html`): no script and no style attribute, so the strict Content
Security Policy holds. Every chart must come with a table of the same numbers as its text
alternative."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django_stubs_ext import StrOrPromise

PLACES = Decimal("0.01")
WIDTH = 640
LABEL = 190  # room for the labels left of the plot
ROW = 24  # height of one bar row
TOP = 28  # room for the axis labels above the bars
PLOT = WIDTH - LABEL - 70  # plot width (70: room for the value right of a bar)


@dataclass(frozen=True)
class Bar:
    """One bar of a horizontal bar chart, its geometry computed here."""

    label: str
    text: str
    x: float
    width: float
    y: int
    text_x: float
    flagged: bool


@dataclass(frozen=True)
class Mark:
    """A vertical reference line (zero, a threshold) with its label."""

    x: float
    label: str


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart of signed values: bars, reference lines, size."""

    id: str
    title: StrOrPromise
    description: StrOrPromise
    bars: list[Bar]
    marks: list[Mark]
    height: int
    width: int = WIDTH
    plot_left: int = LABEL
    plot_right: int = LABEL + PLOT


def bar_chart(
    chart_id: str,
    title: StrOrPromise,
    description: StrOrPromise,
    items: Sequence[tuple[str, Decimal | None, bool]],
    marks: Sequence[tuple[Decimal, str]] = (),
) -> BarChart:
    """Bars for (label, value, flagged) items on a scale symmetric around zero that also
    holds every reference mark; an undefined value gets a label and no bar."""
    values = [abs(v) for _, v, _ in items if v is not None] + [abs(m) for m, _ in marks]
    reach = float(max(values, default=Decimal(1))) or 1.0
    zero = LABEL + PLOT / 2

    def at(value: Decimal) -> float:
        return round(zero + float(value) / reach * (PLOT / 2), 1)

    bars = []
    for index, (label, value, flagged) in enumerate(items):
        y = TOP + index * ROW
        if value is None:
            bars.append(Bar(label, "—", zero, 0, y, zero + 4, flagged))
            continue
        end = at(value)
        left, right = min(zero, end), max(zero, end)
        bars.append(
            Bar(label, number_format(value), left, round(right - left, 1), y, right + 4, flagged)
        )
    lines = [Mark(zero, "0")] + [Mark(at(value), label) for value, label in marks]
    return BarChart(chart_id, title, description, bars, lines, TOP + len(items) * ROW + 8)


@dataclass(frozen=True)
class Point:
    """One period of a line chart."""

    x: float
    y: float
    label: str
    text: str


@dataclass(frozen=True)
class LineChart:
    """A line over periods: the points, the polyline, the zero line and the size."""

    id: str
    title: StrOrPromise
    description: StrOrPromise
    points: list[Point]
    polyline: str
    zero_y: float
    top_label: str
    bottom_label: str
    top_y: float
    bottom_y: float
    width: int = WIDTH
    height: int = 240
    left: int = 70
    right: int = WIDTH - 40


def line_chart(
    chart_id: str,
    title: StrOrPromise,
    description: StrOrPromise,
    items: Sequence[tuple[str, Decimal | None]],
) -> LineChart:
    """A line through the defined values of consecutive periods, on a scale from the lowest
    to the highest value that always includes zero."""
    top, bottom, left, right = 30.0, 200.0, 70.0, float(WIDTH - 40)
    defined = [(label, value) for label, value in items if value is not None]
    low = min([Decimal(0), *(v for _, v in defined)])
    high = max([Decimal(0), *(v for _, v in defined)])
    if low == high:
        high = Decimal(1)
    span = float(high - low)

    def at(value: Decimal) -> float:
        return round(bottom - float(value - low) / span * (bottom - top), 1)

    step = (right - left) / max(len(defined) - 1, 1)
    points = [
        Point(x=round(left + index * step, 1), y=at(value), label=label, text=number_format(value))
        for index, (label, value) in enumerate(defined)
    ]
    return LineChart(
        id=chart_id,
        title=title,
        description=description,
        points=points,
        polyline=" ".join(f"{p.x},{p.y}" for p in points),
        zero_y=at(Decimal(0)),
        top_label=number_format(high.quantize(PLACES)),
        bottom_label=number_format(low.quantize(PLACES)),
        top_y=top,
        bottom_y=bottom,
    )
