"""The assessment-quality pages: the numbers of a small known dataset through the page (checked
by hand, docs/quality.md), who may open them, that the query count does not grow with the
number of pairs, and that the charts keep to the strict CSP."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sergur.accounts.models import User
from sergur.assessments.models import Allocation, Assessor, Sheet
from sergur.assessments.selectors.quality import quality_pairs
from sergur.assessments.views.quality import FLAGS, REASONS, Figure
from sergur.cases.models import Case
from sergur.common.charts import bar_chart, line_chart
from sergur.conftest import PASSWORD, Cast
from sergur.registry.models import ProgrammeYear, Rayon
from sergur.registry.tests.factories import ProgrammeYearFactory, TeacherFactory, UserFactory
from sergur.rules.assessment.agreement import (
    FLAG_LENIENT,
    FLAG_LOW_AGREEMENT,
    FLAG_SEVERE,
    NO_PAIRS,
    TOO_FEW_PAIRS,
)
from sergur.rules.programme import SHIPPED_DIR

JAKARTA = dt.timezone(dt.timedelta(hours=7))
JANUARY = dt.datetime(2026, 1, 15, 10, tzinfo=JAKARTA)
FEBRUARY = dt.datetime(2026, 2, 15, 10, tzinfo=JAKARTA)

# (first total, second total, first code, second code, month)
KNOWN = [
    (850, 830, "L", "MS", JANUARY),
    (800, 790, "MS", "MS", JANUARY),
    (900, 870, "L", "L", JANUARY),
    (700, 700, "MPLPG", "MPLPG", FEBRUARY),
    (760, 730, "MPLPG", "MS", FEBRUARY),
    (880, 860, "L", "MS", FEBRUARY),
]


def new_case(year: ProgrammeYear) -> Case:
    """A case of a new teacher, decided (its state does not matter to the statistics)."""
    return Case.objects.create(
        teacher=TeacherFactory(), programme_year=year, state=Case.State.DECIDED
    )


def sheet(
    case: Case,
    user: User,
    slot: int,
    total: int,
    code: str,
    at: dt.datetime | None,
    *,
    qualification: str = "0",
    round: int = 1,
    active: bool = True,
) -> Sheet:
    """An allocation with a sheet as stored on submission (at=None: not submitted)."""
    allocation = Allocation.objects.create(
        case=case, assessor=user.assessor, round=round, slot=slot, active=active
    )
    return Sheet.objects.create(
        allocation=allocation,
        total=Decimal(total),
        code=code,
        parts={"qualification": qualification},
        submitted_at=at,
    )


def pair(case: Case, first: User, second: User, row: tuple[Any, ...], **extra: Any) -> None:
    a_total, b_total, a_code, b_code, at = row
    sheet(case, first, 1, a_total, a_code, at, qualification="60", **extra)
    sheet(case, second, 2, b_total, b_code, at, qualification="50", **extra)


@pytest.fixture
def known(cast: Cast) -> ProgrammeYear:
    """Six pairs asesor (first) × asesor2 (second), one pair asesor × asesor3 with a K, and
    sheets that must not count: one not submitted, a deactivated allocation, a third
    assessor, another rayon's assessors, another programme year."""
    year = cast.sri_case.programme_year
    for row in KNOWN:
        pair(new_case(year), cast.asesor, cast.asesor2, row)
    pair(new_case(year), cast.asesor, cast.asesor3, (820, 820, "K", "MS", FEBRUARY))
    # Not counted: second sheet not submitted.
    half = new_case(year)
    sheet(half, cast.asesor, 1, 999, "L", JANUARY)
    sheet(half, cast.asesor2, 2, 100, "MPLPG", None)
    # Not counted: a replaced (inactive) second assessor; the third assessor's sheet.
    replaced = new_case(year)
    sheet(replaced, cast.asesor, 1, 999, "L", JANUARY)
    sheet(replaced, cast.asesor2, 2, 100, "MPLPG", JANUARY, active=False)
    sheet(replaced, cast.asesor3, 3, 100, "MPLPG", JANUARY)
    # Not counted: another programme year.
    later = ProgrammeYearFactory(year=2008, is_current=False)
    pair(new_case(later), cast.asesor, cast.asesor2, (999, 100, "L", "MPLPG", JANUARY))
    # Not counted: another rayon's assessors.
    other = Rayon.objects.get(code="901")
    outsiders = []
    for name in ("luar1", "luar2"):
        user = UserFactory(username=name, role=User.Role.ASSESSOR, rayon=other)
        Assessor.objects.create(
            user=user, rayon=other, number=f"A-{name}", degree="S2", institution="Lain"
        )
        outsiders.append(user)
    pair(new_case(year), outsiders[0], outsiders[1], (999, 100, "L", "MPLPG", JANUARY))
    return year


def url(cast: Cast) -> str:
    return reverse("assessments:quality")


def assessor_url(user: User) -> str:
    return reverse("assessments:quality_assessor", args=[user.assessor.pk])


def login(client: Client, user: User) -> Client:
    assert client.login(username=user.username, password=PASSWORD)
    return client


def rows_by_user(response: Any) -> dict[str, Any]:
    return {row.assessor.user.username: row for row in response.context["rows"]}


def test_page_shows_the_hand_checked_figures(client: Client, cast: Cast, known: Any) -> None:
    response = login(client, cast.rayon_admin).get(url(cast), {"year": 2007})
    assert response.status_code == 200
    report = response.context["report"]
    assert report.pairs == 7
    assert report.excluded == 1
    rows = rows_by_user(response)
    assert set(rows) == {"asesor", "asesor2", "asesor3"}
    first, second, third = rows["asesor"], rows["asesor2"], rows["asesor3"]
    assert first.pairs == 7
    assert first.kappa_linear == Figure(Decimal("0.40"), "")
    assert first.kappa_quadratic.value == Decimal("0.49")
    assert first.excluded == 1
    assert first.icc.value == Decimal("0.96")  # ICC(1,1) = 407/425
    assert first.severity.value == Decimal("15.71")  # 110 / 7
    assert first.mean_absolute.value == Decimal("15.71")
    assert first.flags == [FLAGS[FLAG_LENIENT]]  # above +15 = tolerance 30 / 2
    assert second.pairs == 6
    assert second.kappa_linear.value == Decimal("0.40")  # 0.40 exactly: not below, no flag
    assert second.icc.value == Decimal("0.96")
    assert second.severity.value == Decimal("-18.33")
    assert second.flags == [FLAGS[FLAG_SEVERE]]
    assert third.pairs == 1
    assert third.kappa_linear == Figure(None, REASONS[NO_PAIRS])
    assert third.icc == Figure(None, REASONS[TOO_FEW_PAIRS])
    assert third.severity.value == Decimal("0.00")
    assert third.flags == []
    periods = response.context["periods"]
    assert [(p.period, p.pairs, p.mean_absolute.value) for p in periods] == [
        ("2026-01", 3, Decimal("20.00")),
        ("2026-02", 4, Decimal("12.50")),
    ]
    assert response.context["overall"]["icc"].value == Decimal("0.96")
    qualification = response.context["parts"][0]
    assert qualification.mean_absolute.value == Decimal("10.00")
    # Every pair 60 vs 50: no variation between portfolios, all of it within them (ICC(1,1)
    # counts the gap between the slots as disagreement).
    assert qualification.icc.value == Decimal("-1.00")
    # The sheets hold no training part: the pairs are left out of it, not counted as 0 vs 0.
    training = response.context["parts"][1]
    assert training.icc == Figure(None, REASONS[NO_PAIRS])
    assert training.mean_absolute == Figure(None, REASONS[NO_PAIRS])
    html = response.content.decode()
    assert "15,71" in html  # Indonesian decimals
    assert 'aria-labelledby="chart-severity-title chart-severity-desc"' in html
    assert html.count("<svg") == 4


def test_assessor_page_shows_severity_per_component_and_month(
    client: Client, cast: Cast, known: Any
) -> None:
    response = login(client, cast.rayon_admin).get(assessor_url(cast.asesor), {"year": 2007})
    assert response.status_code == 200
    parts = dict(response.context["parts"])
    assert parts["Kualifikasi akademik"].value == Decimal("10.00")
    assert parts["Pendidikan dan pelatihan"] == Figure(None, REASONS[NO_PAIRS])
    drift = [(period, figure.value, n) for period, figure, n in response.context["drift"]]
    assert drift == [("2026-01", Decimal("20.00"), 3), ("2026-02", Decimal("12.50"), 4)]
    assert response.content.decode().count("<svg") == 2


def test_charts_keep_to_the_strict_csp(client: Client, cast: Cast, known: Any) -> None:
    response = login(client, cast.rayon_admin).get(url(cast), {"year": 2007})
    html = response.content.decode()
    assert " style=" not in html
    assert "<style" not in html
    assert "<script>" not in html
    assert "Content-Security-Policy" in response.headers


def test_another_year_and_a_wrong_year(
    client: Client, cast: Cast, known: Any, tmp_path: Path
) -> None:
    client = login(client, cast.rayon_admin)
    # 2008 has no year file: the page says so instead of failing.
    missing = client.get(url(cast), {"year": 2008})
    assert missing.status_code == 200
    assert "2008" in str(missing.context["no_year"])
    assessor = assessor_url(cast.asesor)
    assert "2008" in str(client.get(assessor, {"year": 2008}).context["no_year"])
    shipped = (SHIPPED_DIR / "2007.toml").read_text(encoding="utf-8")
    (tmp_path / "2008.toml").write_text(
        shipped.replace("year = 2007", "year = 2008"), encoding="utf-8"
    )
    with override_settings(SERGUR_YEARS_DIRS=(tmp_path,)):
        later = client.get(url(cast), {"year": 2008})
    assert later.context["report"].pairs == 1
    wrong = client.get(url(cast), {"year": 1999})
    assert wrong.status_code == 200
    assert wrong.context["wrong_year"] is True
    assert wrong.context["year"].year == 2007  # the current year


def test_the_flag_thresholds_come_from_the_year_file(
    client: Client, cast: Cast, known: Any, tmp_path: Path
) -> None:
    shipped = (SHIPPED_DIR / "2007.toml").read_text(encoding="utf-8")
    assert 'kappa_min = "0.40"' in shipped and "flag_min_pairs = 5" in shipped
    client = login(client, cast.rayon_admin)
    # A stricter kappa: asesor2's 0.40 is now below it.
    (tmp_path / "2007.toml").write_text(
        shipped.replace('kappa_min = "0.40"', 'kappa_min = "0.45"'), encoding="utf-8"
    )
    with override_settings(SERGUR_YEARS_DIRS=(tmp_path,)):
        response = client.get(url(cast), {"year": 2007})
    assert rows_by_user(response)["asesor2"].flags == [
        FLAGS[FLAG_SEVERE],
        FLAGS[FLAG_LOW_AGREEMENT],
    ]
    assert response.context["kappa_min"] == Decimal("0.45")
    # More pairs needed than anyone has: no flags at all.
    other = tmp_path / "more"
    other.mkdir()
    (other / "2007.toml").write_text(
        shipped.replace("flag_min_pairs = 5", "flag_min_pairs = 8"), encoding="utf-8"
    )
    with override_settings(SERGUR_YEARS_DIRS=(other,)):
        response = client.get(url(cast), {"year": 2007})
    assert all(row.flags == [] for row in response.context["rows"])
    assert response.context["min_pairs"] == 8


def test_no_programme_year_and_no_pairs(client: Client, cast: Cast) -> None:
    client = login(client, cast.rayon_admin)
    empty = client.get(url(cast))
    assert empty.status_code == 200
    assert empty.context["report"].pairs == 0
    assessor = assessor_url(cast.asesor)
    assert "row" not in client.get(assessor).context


def test_no_programme_year_yet(client: Client, db: None) -> None:
    rayon = Rayon.objects.create(code="950", institution="Universitas Baru")
    admin = UserFactory(username="baru", role=User.Role.RAYON_ADMIN, rayon=rayon)
    user = UserFactory(username="asesor-baru", role=User.Role.ASSESSOR, rayon=rayon)
    entry = Assessor.objects.create(
        user=user, rayon=rayon, number="A-baru", degree="S2", institution="Baru"
    )
    client = login(client, admin)
    page = client.get(reverse("assessments:quality"))
    assert page.context["no_year"]
    assessor = client.get(reverse("assessments:quality_assessor", args=[entry.pk]))
    assert assessor.context["no_year"]


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("rayon_admin", 200),
        ("rayon_other", 200),  # their own rayon: nothing of rayon 900 (below)
        ("operator", 403),
        ("asesor", 403),
        ("sri", 403),
        ("dinas", 403),
        ("lpmp", 403),
    ],
)
def test_who_may_open_the_pages(client: Client, cast: Cast, who: str, status: int) -> None:
    client = login(client, getattr(cast, who))
    assert client.get(url(cast)).status_code == status
    own = 200 if who == "rayon_admin" else 404 if who == "rayon_other" else 403
    assert client.get(assessor_url(cast.asesor)).status_code == own


def test_another_rayon_sees_nothing_of_this_rayon(client: Client, cast: Cast, known: Any) -> None:
    response = login(client, cast.rayon_other).get(url(cast), {"year": 2007})
    assert response.context["report"].pairs == 1  # only the pair of its own assessors
    assert {row.assessor.user.username for row in response.context["rows"]} == {"luar1", "luar2"}
    assert "asesor2" not in response.content.decode()


def test_anonymous_is_sent_to_sign_in(client: Client, cast: Cast) -> None:
    for target in (url(cast), assessor_url(cast.asesor)):
        response = client.get(target)
        assert response.status_code == 302
        assert reverse("login") in response["Location"]


def test_unknown_assessor_is_404(client: Client, cast: Cast) -> None:
    target = reverse("assessments:quality_assessor", args=[99999])
    assert login(client, cast.rayon_admin).get(target).status_code == 404


def test_the_query_count_does_not_grow_with_the_pairs(client: Client, cast: Cast) -> None:
    year = cast.sri_case.programme_year
    client = login(client, cast.rayon_admin)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(cast)).status_code == 200
        return len(queries)

    for row in KNOWN[:2]:
        pair(new_case(year), cast.asesor, cast.asesor2, row)
    few = count()
    for index in range(12):
        users = (cast.asesor, cast.asesor3) if index % 2 else (cast.asesor2, cast.asesor3)
        pair(new_case(year), *users, KNOWN[index % len(KNOWN)])
    assert count() == few


def test_pairs_are_streamed_first_with_second(cast: Cast, known: Any) -> None:
    pairs = list(quality_pairs(rayon=cast.rayon_admin.rayon_id or 0, programme_year=known))
    assert len(pairs) == 7
    assert {first.assessor for first, _ in pairs} == {cast.asesor.assessor.pk}
    assert pairs[0][0].parts == {"qualification": Decimal("60")}  # no other part stored
    assert pairs[0][0].period == timezone.localtime(JANUARY).strftime("%Y-%m")


def test_chart_geometry() -> None:
    chart = bar_chart(
        "c", "t", "d", [("a", Decimal("10"), False), ("b", Decimal("-5"), True), ("c", None, False)]
    )
    a, b, c = chart.bars
    assert a.x == chart.plot_left + (chart.plot_right - chart.plot_left) / 2
    assert a.width == pytest.approx((chart.plot_right - chart.plot_left) / 2, abs=0.1)
    assert b.x + b.width == pytest.approx(a.x)
    assert b.flagged
    assert c.width == 0 and c.text == "—"
    empty = bar_chart("e", "t", "d", [])
    assert empty.bars == [] and empty.marks[0].label == "0"
    line = line_chart("l", "t", "d", [("2026-01", Decimal("4")), ("2026-02", None)])
    assert len(line.points) == 1
    assert line.points[0].y == line.top_y
    assert line.zero_y == line.bottom_y
    falling = line_chart("f", "t", "d", [("a", Decimal("-2")), ("b", Decimal("6"))])
    assert falling.points[0].y == falling.bottom_y and falling.points[1].y == falling.top_y
    assert falling.bottom_y > falling.zero_y > falling.top_y
    assert line_chart("n", "t", "d", []).polyline == ""
