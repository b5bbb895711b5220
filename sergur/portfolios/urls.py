"""URLs of the portfolio: the case page, the instrument tables, evidence, the closed
envelope, submission and the documents."""

from __future__ import annotations

from django.urls import path

from sergur.portfolios.views import documents, envelope, teacher

app_name = "portfolios"
urlpatterns = [
    path("cases/<int:pk>/", teacher.case_detail, name="case"),
    path("cases/<int:pk>/portfolio/<slug:section>/", teacher.section_detail, name="section"),
    path("cases/<int:pk>/entries/<int:entry_id>/", teacher.entry_update, name="entry"),
    path(
        "cases/<int:pk>/entries/<int:entry_id>/edit/",
        teacher.entry_edit,
        name="entry_edit",
    ),
    path(
        "cases/<int:pk>/entries/<int:entry_id>/delete/",
        teacher.entry_delete,
        name="entry_delete",
    ),
    path(
        "cases/<int:pk>/entries/<int:entry_id>/evidence/",
        teacher.evidence_add,
        name="evidence_add",
    ),
    path(
        "cases/<int:pk>/evidence/<int:evidence_id>/",
        teacher.evidence_download,
        name="evidence",
    ),
    path(
        "cases/<int:pk>/evidence/<int:evidence_id>/delete/",
        teacher.evidence_delete,
        name="evidence_delete",
    ),
    path("cases/<int:pk>/submit/", teacher.submit, name="submit"),
    path("cases/<int:pk>/export.json", teacher.export, name="export"),
    path("cases/<int:pk>/envelope/", envelope.envelope, name="envelope"),
    path("cases/<int:pk>/receipt.pdf", documents.receipt, name="receipt"),
    path("cases/<int:pk>/book.pdf", documents.book, name="book"),
    path("receipts/verify/", documents.receipt_verify, name="receipt_verify"),
    path("receipts/keys.json", documents.signing_keys, name="signing_keys"),
]
