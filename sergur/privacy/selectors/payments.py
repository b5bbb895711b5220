"""The allowance payments in the teacher's copy (export.py lists every section): the pay
profile and the ranks it held before, the SKTP lines and every payment entry
(docs/allowance.md, "SKTP and payments"; docs/privacy.md, "Your own copy")."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sergur.payments.models import PaymentEntry, PayProfile, PayProfileVersion, SktpEntry
from sergur.privacy.selectors.section import Section

PAYMENTS_SECTIONS: tuple[Section, ...] = (
    Section(
        "payments_profile",
        _("Allowance pay profile"),
        PayProfile,
        lambda t: PayProfile.objects.filter(teacher=t),
    ),
    Section(
        "payments_profile_versions",
        _("Allowance pay profile: earlier ranks"),
        PayProfileVersion,
        lambda t: PayProfileVersion.objects.filter(teacher=t),
    ),
    Section(
        "payments_sktp",
        _("Allowance decree (SKTP) lines"),
        SktpEntry,
        lambda t: SktpEntry.objects.filter(teacher=t),
    ),
    Section(
        "payments_entries",
        _("Allowance payments and corrections"),
        PaymentEntry,
        lambda t: PaymentEntry.objects.filter(teacher=t),
    ),
)
