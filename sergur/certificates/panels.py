"""The certificate panel of the case page (registered in CertificatesConfig.ready()): the
certificate of the case with its status and the teacher's NRG, for the teacher and the staff
who see the case. Two queries."""

from __future__ import annotations

from sergur.accounts.models import User
from sergur.cases.models import Case
from sergur.cases.panels import Panel
from sergur.certificates.models import Certificate, Nrg

PANEL_TEMPLATE = "certificates/panel.html"


def certificate_panel(user: User, case: Case) -> Panel | None:
    """The panel, once the case has a certificate or the teacher an NRG; none otherwise."""
    owner = case.teacher.user_id == user.pk
    if not (owner or user.is_case_staff):
        return None
    certificate = Certificate.objects.filter(case=case).first()
    nrg = Nrg.objects.filter(teacher=case.teacher_id).first()
    if certificate is None and nrg is None:
        return None
    return Panel(PANEL_TEMPLATE, {"certificate": certificate, "nrg": nrg}, order=80)
