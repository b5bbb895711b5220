"""The portfolio's printed documents, built with fpdf2: the signed submission receipt (issue 3,
item 7), its public check, and the portfolio book in Buku II's binding order
(docs/instrument-2007.md §7).

`reads` gathers what a document shows in a fixed number of queries; the builders (`receipt`,
`book`) are pure: they take that data and return PDF bytes. The PDFs mirror the official
instrument, so they are in Indonesian (the receipt adds English glosses).
"""

from __future__ import annotations

from sergur.portfolios.documents.book import book_pdf
from sergur.portfolios.documents.reads import (
    BookData,
    ComponentCount,
    Identity,
    ReceiptCheck,
    ReceiptData,
    SchoolLines,
    book_read,
    identity_read,
    receipt_check,
    receipt_read,
    submitted_counts,
)
from sergur.portfolios.documents.receipt import receipt_pdf

__all__ = [
    "BookData",
    "ComponentCount",
    "Identity",
    "ReceiptCheck",
    "ReceiptData",
    "SchoolLines",
    "book_pdf",
    "book_read",
    "identity_read",
    "receipt_check",
    "receipt_pdf",
    "receipt_read",
    "submitted_counts",
]
