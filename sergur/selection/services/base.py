"""The selection services' shared pieces: the error they raise and the programme year's
selection rules."""

from __future__ import annotations

from django.utils.translation import gettext as _

from sergur.registry.models import ProgrammeYear
from sergur.rules.programme import ProgrammeYearError
from sergur.rules.selection.params import SelectionParams, selection_params


class SelectionError(ValueError):
    """A selection cannot be run as asked; the message says why, in plain words."""


def year_params(programme_year: ProgrammeYear) -> SelectionParams:
    """The selection rules of the programme year (its year file), or a clear error."""
    try:
        return selection_params(programme_year.year)
    except ProgrammeYearError as exc:
        raise SelectionError(
            _("Programme year %(year)s has no selection rules: %(error)s")
            % {"year": programme_year.year, "error": exc}
        ) from exc
