"""The selection services' shared pieces: the programme year's selection rules."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from sergur.registry.models import ProgrammeYear
from sergur.rules.programme import ProgrammeYearError
from sergur.rules.selection.params import SelectionParams, selection_params

NO_SELECTION_RULES = _("Programme year %(year)s has no selection rules: %(error)s")


def year_params(programme_year: ProgrammeYear) -> SelectionParams:
    """The selection rules of the programme year (its year file), or a clear refusal."""
    try:
        return selection_params(programme_year.year)
    except ProgrammeYearError as exc:
        raise ValidationError(
            NO_SELECTION_RULES,
            code="no_rules",
            params={"year": programme_year.year, "error": exc},
        ) from exc
