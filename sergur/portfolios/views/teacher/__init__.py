"""The teacher's portfolio pages: the case page, the instrument tables of Buku II with their
evidence, the submission and the export.

Every page works without JavaScript (forms post, the server redirects, errors stand next to
the fields) and htmx makes it lighter: a row saves itself as the teacher types, an upload or a
new row comes back as a small fragment. Staff who can see a case read the same pages without
forms. Access goes through `case_get_for_user` (404) and `case_rights` (403 for a write by
anyone but the case's teacher); every write is a service call, whose refusals are shown as
they are. Every page reads the portfolio in a fixed number of queries.
"""

from __future__ import annotations

from sergur.portfolios.views.teacher.case import case_detail, export, submit
from sergur.portfolios.views.teacher.evidence import (
    evidence_add,
    evidence_delete,
    evidence_download,
)
from sergur.portfolios.views.teacher.tables import (
    entry_delete,
    entry_edit,
    entry_update,
    section_detail,
)

__all__ = [
    "case_detail",
    "entry_delete",
    "entry_edit",
    "entry_update",
    "evidence_add",
    "evidence_delete",
    "evidence_download",
    "export",
    "section_detail",
    "submit",
]
