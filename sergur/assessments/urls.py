"""URLs of the assessment, one routes module per part (allocation, sheets, decisions,
quality, batch jobs)."""

from __future__ import annotations

from sergur.assessments.routes import allocation, batch, decisions, quality, sheets

app_name = "assessments"
urlpatterns = [
    *allocation.urlpatterns,
    *sheets.urlpatterns,
    *decisions.urlpatterns,
    *quality.urlpatterns,
    *batch.urlpatterns,
]
