"""The quota allocation nation → province → district → school level, and the logged moves of
unfilled quota within the province (docs/sources/domain.md §4.4). Every rule is the rules core's."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.common.i18n import rules_lang
from sergur.registry.models import District, ProgrammeYear, Province, School
from sergur.rules.selection import quota as quota_rules
from sergur.selection.models import QuotaAllocation, QuotaMove, message_to_json
from sergur.selection.selectors import eligible_counts

UNKNOWN_DISTRICTS = _("Unknown district codes: %(codes)s")
UNKNOWN_LEVELS = _("Unknown school levels: %(levels)s")
NO_RUNS = _(
    "No district has run its selection this year: there are no eligible "
    "teachers to share the quota by."
)


@transaction.atomic
def quota_allocate(
    *,
    programme_year: ProgrammeYear,
    national_target: int,
    counts: Mapping[tuple[str, str, str], int],
    actor: User | None,
) -> list[QuotaAllocation]:
    """Allocate the national target nation → province → district → school level in proportion
    to the teacher counts, parts adding up exactly (KP = GP/GN × TN …; docs/sources/domain.md §4.4).
    The year's previous allocation is replaced; places already filled are kept. A target above
    the eligible teachers is refused, as `sergur quota` refuses it."""
    refusal = quota_rules.target_refusal(national_target, sum(counts.values()))
    if refusal is not None:
        # Named by its field: the form shows it beside the national target.
        raise ValidationError(
            {"national_target": ValidationError(refusal.text(rules_lang()), code="target")}
        )
    try:
        parts = quota_rules.allocate_nation(national_target, counts)
    except quota_rules.QuotaError as exc:
        raise ValidationError(str(exc), code="quota") from exc
    districts = {
        (d.province.code, d.code): d
        for d in District.objects.select_related("province").filter(
            province__code__in={p for p, _d, _l in parts}
        )
    }
    unknown = sorted(f"{p}{d}" for p, d, _l in parts if (p, d) not in districts)
    if unknown:
        raise ValidationError(
            UNKNOWN_DISTRICTS, code="district", params={"codes": ", ".join(unknown[:10])}
        )
    levels = {value for value, _label in School.Level.choices}
    bad_levels = sorted({level for _p, _d, level in parts if level not in levels})
    if bad_levels:
        raise ValidationError(
            UNKNOWN_LEVELS, code="level", params={"levels": ", ".join(bad_levels)}
        )
    old = QuotaAllocation.objects.filter(programme_year=programme_year)
    filled = {(row.district_id, row.school_level): row.filled for row in old}
    old.delete()
    rows = []
    for (province, code, level), places in sorted(parts.items()):
        district = districts[(province, code)]
        row = QuotaAllocation(
            programme_year=programme_year,
            province=district.province,
            district=district,
            school_level=level,
            eligible=counts[(province, code, level)],
            quota=places,
            filled=filled.get((district.pk, level), 0),
            national_target=national_target,
            created_by=actor,
        )
        row.full_clean(validate_unique=False, validate_constraints=False)
        rows.append(row)
    return QuotaAllocation.objects.bulk_create(rows, batch_size=500)


def quota_allocate_from_runs(
    *, programme_year: ProgrammeYear, national_target: int, actor: User | None
) -> list[QuotaAllocation]:
    """Allocate the national target by the eligible teachers the districts' selection runs
    found (2011: the split follows the eligible teachers; docs/sources/domain.md §4.4)."""
    counts = eligible_counts(programme_year=programme_year)
    if not counts:
        raise ValidationError(NO_RUNS, code="no_runs")
    return quota_allocate(
        programme_year=programme_year,
        national_target=national_target,
        counts=counts,
        actor=actor,
    )


@transaction.atomic
def quota_redistribute(
    *, programme_year: ProgrammeYear, province: Province, actor: User | None
) -> list[QuotaMove]:
    """Move the places a district cannot fill (more quota than eligible teachers) to the other
    districts of the province, level by level, and log every move (2011 rules;
    docs/sources/domain.md §4.4). Places no district can take are logged without a target (reported
    to the LPMP)."""
    rows = list(
        QuotaAllocation.objects.select_for_update()
        .filter(programme_year=programme_year, province=province)
        .select_related("district")
    )
    by_level: dict[str, dict[str, QuotaAllocation]] = {}
    for row in rows:
        # The key names the district in the logged reason: "Bantul (02)".
        key = f"{row.district.name} ({row.district.code})"
        by_level.setdefault(row.school_level, {})[key] = row
    moves: list[QuotaMove] = []
    changed: list[QuotaAllocation] = []
    for level, members in sorted(by_level.items()):
        outcome = quota_rules.redistribute(
            {code: row.quota for code, row in members.items()},
            {code: row.eligible for code, row in members.items()},
        )
        for code, places in outcome.quotas.items():
            if members[code].quota != places:
                members[code].quota = places
                changed.append(members[code])
        for move in outcome.moves:
            moves.append(
                QuotaMove(
                    programme_year=programme_year,
                    from_district=members[move.source].district,
                    to_district=members[move.target].district if move.target else None,
                    school_level=level,
                    places=move.places,
                    reason=message_to_json(move.reason),
                    created_by=actor,
                )
            )
    QuotaAllocation.objects.bulk_update(changed, ["quota"])
    return QuotaMove.objects.bulk_create(moves)
