"""The certificate panel of the case page (registered in CertificatesConfig.ready()): the
certificate of the case with its status and the teacher's NRG, for the teacher and the staff
who see the case. Two queries (one before the case may be decided)."""

from __future__ import annotations

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.cases.panels import Panel
from sergur.cases.selectors import case_may_be_decided
from sergur.certificates.models import Certificate, Nrg

PANEL_TEMPLATE = "certificates/panel.html"


def certificate_panel(user: User, case: Case) -> Panel | None:
    """The panel, once the case has a certificate or the teacher an NRG; none otherwise."""
    owner = case.teacher.user_id == user.pk
    if not (owner or user.is_case_staff):
        return None
    # A certificate follows a published decision; before any decision there is none to ask.
    certificate = (
        Certificate.objects.filter(case=case).first() if case_may_be_decided(case) else None
    )
    nrg = Nrg.objects.filter(teacher=case.teacher_id).first()
    if certificate is None and nrg is None:
        return None
    return Panel(PANEL_TEMPLATE, {"certificate": certificate, "nrg": nrg}, order=80)
