"""The demo district's educator certificates: every published L of the year gets its
certificate and NRG from the rayon, as the bulk job would issue them."""

from __future__ import annotations

import datetime as dt

from sergur.certificates.selectors import certificate_candidates
from sergur.certificates.services import certificate_issue
from sergur.demo.people import People


def load_certificates(*, people: People, now: dt.datetime) -> int:
    """Issue the certificates still due in the demo rayon; returns how many."""
    rayon = people.users["rayon"]
    issued = 0
    for case in certificate_candidates(programme_year=people.year, rayon=people.rayon).order_by(
        "pk"
    ):
        certificate_issue(actor=rayon, case=case, now=now)
        issued += 1
    return issued
