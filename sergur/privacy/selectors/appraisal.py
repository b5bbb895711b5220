"""The PKG in the teacher's copy (export.py lists every section): their appraisals with the
points, evidence and observations, who their appraiser is, and their self-evaluations
(docs/pkg.md, "Privacy"). The appraisal is not blind: the teacher signs it, so nothing of their
own record is left out."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sergur.appraisal.models import (
    Appraisal,
    AppraiserAssignment,
    IndicatorScore,
    Observation,
    SelfEvaluation,
)
from sergur.privacy.selectors.section import Section

APPRAISAL_SECTIONS: tuple[Section, ...] = (
    Section(
        "appraisal_assignments",
        _("Appraiser assignments (PKG)"),
        AppraiserAssignment,
        lambda t: AppraiserAssignment.objects.filter(teacher=t),
    ),
    Section(
        "appraisals",
        _("Performance appraisals (PKG)"),
        Appraisal,
        lambda t: Appraisal.objects.filter(teacher=t),
    ),
    Section(
        "appraisal_scores",
        _("PKG indicator points and evidence"),
        IndicatorScore,
        lambda t: IndicatorScore.objects.filter(appraisal__teacher=t),
    ),
    Section(
        "appraisal_observations",
        _("PKG observations"),
        Observation,
        lambda t: Observation.objects.filter(appraisal__teacher=t),
    ),
    Section(
        "appraisal_self_evaluations",
        _("PKG self-evaluations"),
        SelfEvaluation,
        lambda t: SelfEvaluation.objects.filter(teacher=t),
    ),
)
