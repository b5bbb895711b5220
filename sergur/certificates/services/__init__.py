"""Every write of the certificates app: issuing certificates and NRGs, changing a status, the
bulk issuance job."""

from __future__ import annotations

from sergur.certificates.services.issue import (
    NO_RAYON,
    certificate_issue,
    nrg_issue,
    nrg_issue_bulk,
)
from sergur.certificates.services.jobs import JOB_RUNNING, issue_job_run, issue_job_start
from sergur.certificates.services.status import certificate_status_change

__all__ = [
    "JOB_RUNNING",
    "NO_RAYON",
    "certificate_issue",
    "certificate_status_change",
    "issue_job_run",
    "issue_job_start",
    "nrg_issue",
    "nrg_issue_bulk",
]
