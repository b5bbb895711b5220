"""What the certificate rules say: eligibility, status changes and verification
(sergur.rules.certificates)."""

from __future__ import annotations

from sergur.rules.messages.catalogue import Catalogue

CERTIFICATE: Catalogue = {
    "certificate.not_published": {
        "id": "Keputusan belum diumumkan.",
        "en": "The decision is not published yet.",
    },
    "certificate.not_passed": {
        "id": "Keputusan {code} bukan L, dan PLPG belum dinyatakan lulus.",
        "en": "The decision {code} is not L, and the PLPG has not been passed.",
    },
    "certificate.already_issued": {
        "id": "Sertifikat pendidik untuk bidang studi {subject} sudah diterbitkan.",
        "en": "An educator certificate for subject {subject} has already been issued.",
    },
    "certificate.disqualified": {
        "id": "Peserta didiskualifikasi.",
        "en": "The participant was disqualified.",
    },
    "status.same": {
        "id": "Sertifikat sudah berstatus {status}.",
        "en": "The certificate is already {status}.",
    },
    "status.final": {
        "id": "Sertifikat yang dicabut tidak dapat diubah lagi.",
        "en": "A revoked certificate cannot be changed any more.",
    },
    "status.not_allowed": {
        "id": "Perubahan status dari {source} ke {target} tidak diizinkan.",
        "en": "A change of status from {source} to {target} is not allowed.",
    },
    "status.role": {
        "id": "Hanya rayon atau kementerian yang mengubah status sertifikat.",
        "en": "Only the rayon or the ministry changes a certificate's status.",
    },
    "status.reason_missing": {
        "id": "Tuliskan alasan perubahan status.",
        "en": "Give the reason for the change of status.",
    },
    "nrg.not_digits": {
        "id": "NRG hanya terdiri atas angka.",
        "en": "An NRG consists of digits only.",
    },
    "nrg.length": {
        "id": "NRG terdiri atas {length} angka.",
        "en": "An NRG has {length} digits.",
    },
    "nrg.check_digit": {
        "id": "Angka kontrol NRG salah (Luhn).",
        "en": "The NRG's check digit is wrong (Luhn).",
    },
    "verify.garbled": {
        "id": "Kode tidak dapat dibaca (bukan kode sertifikat sergur).",
        "en": "The code cannot be read (not a sergur certificate code).",
    },
    "verify.signature": {
        "id": "Tanda tangan tidak cocok dengan kunci publik: kode diubah atau dibuat "
        "dengan kunci lain.",
        "en": "The signature does not match the public key: the code was altered or made "
        "with another key.",
    },
    "verify.kind": {
        "id": "Kode bertanda tangan sah, tetapi bukan kode sertifikat pendidik.",
        "en": "The code is genuinely signed but is not an educator-certificate code.",
    },
    "verify.credential_shape": {
        "id": "Dokumen bukan kredensial sertifikat pendidik: {detail}.",
        "en": "The document is not an educator-certificate credential: {detail}.",
    },
    "verify.credential_key": {
        "id": "Kredensial ditandatangani dengan kunci lain ({method}).",
        "en": "The credential was signed with another key ({method}).",
    },
    "verify.credential_proof": {
        "id": "Bukti tanda tangan kredensial tidak sah: isi diubah setelah ditandatangani.",
        "en": "The credential's proof is not valid: its content changed after signing.",
    },
}
