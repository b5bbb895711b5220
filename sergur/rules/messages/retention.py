"""What the retention rules say about a kind of record (docs/privacy.md, "How long")."""

from __future__ import annotations

from sergur.rules.messages.catalogue import Catalogue

RETENTION: Catalogue = {
    "retention.due": {
        "id": "{holds}: disimpan {years} tahun sejak {start}, hingga {until}; sudah waktunya "
        "dihapus.",
        "en": "{holds}: kept {years} {years:year|years} from {start}, until {until}; "
        "due for deletion.",
    },
    "retention.kept": {
        "id": "{holds}: disimpan {years} tahun sejak {start}, hingga {until}.",
        "en": "{holds}: kept {years} {years:year|years} from {start}, until {until}.",
    },
    "retention.open": {
        "id": "{holds}: berkas belum ditutup; masa simpan belum mulai.",
        "en": "{holds}: the case is not closed; the retention period has not started.",
    },
    "retention.permanent": {
        "id": "{holds}: disimpan tanpa batas waktu.",
        "en": "{holds}: kept without a time limit.",
    },
}
