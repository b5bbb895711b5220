"""The access matrix's objects of the allowance payments (access_world.py builds the rest): the
finance officers of both districts, and Bantul's SKTP for 2019-1 listing Sri with the quarter's
payment run, both done, through the app's services (docs/allowance.md, "SKTP and payments")."""

from __future__ import annotations

from sergur.accounts.models import User
from sergur.common.tests.access_world import Target
from sergur.conftest import Cast
from sergur.payments.tests.support import eligible, finance, issued, paid, profile


def finance_people(cast: Cast) -> dict[str, User]:
    """A finance officer of Bantul (the cast's district) and one of the other district."""
    assert cast.dinas.district is not None and cast.dinas_other.district is not None
    return {
        "finance:own": finance(cast.dinas.district, "keuangan"),
        "finance:other": finance(cast.dinas_other.district, "keuangan2"),
    }


def payment_targets(cast: Cast, users: dict[str, User]) -> dict[str, Target]:
    """Bantul's SKTP of 2019-1 listing Sri, its first quarter's payment run, and Sri as the
    teacher whose pay profile Bantul's finance office keeps."""
    district = cast.dinas.district
    assert district is not None
    officer = users["finance:own"]
    teacher = cast.sri_case.teacher
    eligible(teacher)
    profile(teacher, officer)
    sktp = issued(officer, district)
    run = paid(officer, district)
    return {
        "sktp": Target(name="sktp", kwargs={"pk": sktp.pk, "fmt": "pdf"}),
        "payment_run": Target(
            name="payment_run", kwargs={"pk": run.pk, "kind": "finance", "fmt": "csv"}
        ),
        "pay_teacher": Target(name="pay_teacher", kwargs={"pk": teacher.pk}),
    }
