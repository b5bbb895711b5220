"""The statistics of appeals per rayon."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from sergur.accounts.models import User
from sergur.appeals.models import Appeal
from sergur.appeals.selectors.access import Role
from sergur.registry.models import Rayon


@dataclass
class RayonStats:
    """The appeal figures of one rayon."""

    rayon: Rayon
    filed: int = 0
    decided: int = 0
    upheld: int = 0
    changed: int = 0
    by_code: dict[str, int] = field(default_factory=dict)  # filed, by the code appealed
    changed_to: dict[str, int] = field(default_factory=dict)  # changed, by the new code
    median_days: Decimal | None = None

    @property
    def pending(self) -> int:
        """Filed and not decided yet."""
        return self.filed - self.decided


def stats_rayons(user: User) -> QuerySet[Rayon]:
    """The rayons whose statistics a user may read: the operator all, a rayon admin theirs;
    PermissionDenied for anyone else."""
    if user.is_superuser:
        return Rayon.objects.order_by("code")
    if user.role == Role.RAYON_ADMIN and user.rayon_id is not None:
        return Rayon.objects.filter(pk=user.rayon_id)
    raise PermissionDenied


SECONDS_A_DAY = Decimal(86400)


def _median_days(appeals: QuerySet[Appeal]) -> dict[int, Decimal]:
    """The median time from filing to decision per rayon, in days, in one query: the decided
    appeals are numbered by duration within their rayon and only the middle one or two rows
    (2 x number between count and count + 2) are read."""
    duration = ExpressionWrapper(F("decided_at") - F("filed_at"), output_field=DurationField())
    middle = (
        appeals.filter(decided_at__isnull=False)
        .annotate(
            duration=duration,
            position=Window(RowNumber(), partition_by=[F("rayon_id")], order_by=duration.asc()),
            size=Window(Count("pk"), partition_by=[F("rayon_id")]),
        )
        .annotate(twice=F("position") * 2)
        .filter(twice__gte=F("size"), twice__lte=F("size") + 2)
        .values_list("rayon_id", "duration")
    )
    found: dict[int, list[Decimal]] = {}
    for rayon_id, spent in middle:
        seconds = Decimal(spent.days * 86400 + spent.seconds) + Decimal(spent.microseconds) / 10**6
        found.setdefault(rayon_id, []).append(seconds / SECONDS_A_DAY)
    return {
        rayon_id: (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.1"))
        for rayon_id, values in found.items()
    }


def appeal_stats(*, user: User, year: int | None = None) -> list[RayonStats]:
    """The appeal figures per rayon the user may read, aggregated in the database (five
    queries however many appeals): filed, decided, pending, upheld and changed, filed by the
    code appealed, changed by the new code, and the median days to decide."""
    rayons = {rayon.pk: RayonStats(rayon=rayon) for rayon in stats_rayons(user)}
    appeals = Appeal.objects.filter(rayon_id__in=list(rayons))
    if year is not None:
        appeals = appeals.filter(case__programme_year__year=year)
    totals = appeals.values("rayon_id").annotate(
        filed=Count("pk"),
        decided=Count("pk", filter=Q(decided_at__isnull=False)),
        upheld=Count("pk", filter=Q(outcome=Appeal.Outcome.UPHELD)),
        changed=Count("pk", filter=Q(outcome=Appeal.Outcome.CHANGED)),
    )
    for row in totals.order_by():
        stats = rayons[row["rayon_id"]]
        stats.filed, stats.decided = row["filed"], row["decided"]
        stats.upheld, stats.changed = row["upheld"], row["changed"]
    by_code = appeals.values("rayon_id", "result__code").annotate(n=Count("pk")).order_by()
    for code_row in by_code:
        rayons[code_row["rayon_id"]].by_code[code_row["result__code"]] = code_row["n"]
    changed_to = (
        appeals.filter(outcome=Appeal.Outcome.CHANGED)
        .values("rayon_id", "new_code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for new_row in changed_to:
        rayons[new_row["rayon_id"]].changed_to[new_row["new_code"]] = new_row["n"]
    for rayon_id, days in _median_days(appeals).items():
        rayons[rayon_id].median_days = days
    return list(rayons.values())
