"""Reads of certificates and NRGs, who may see and do what, and which cases are eligible: the
ONE selector of eligibility (`certificate_candidates`) beside the ONE rule
(`sergur.rules.certificates.certificate_eligibility`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from sergur.accounts.models import User
from sergur.assessments.models import Result
from sergur.cases.models import Case
from sergur.certificates.models import Certificate, IssueJob, Nrg
from sergur.common.menu import CERTIFIED
from sergur.common.signing import verify
from sergur.common.worklists import Sort, Worklist
from sergur.registry.models import ProgrammeYear, Rayon, Teacher
from sergur.rules.certificates import (
    PAYLOAD_KIND,
    CertificateFacts,
    code_of,
    parse_certificate_number,
)
from sergur.rules.certificates.eligibility import PASSED_CODE

Role = User.Role

CODE_NOT_GENUINE = _(
    "This code is not genuine: it was altered, or not signed with sergur's key. Type the "
    "certificate number instead, or check the code against the published public key."
)
CODE_OTHER_KIND = _("This code is genuine but is not an educator-certificate code.")

# -- eligibility -------------------------------------------------------------------------------


def _passed() -> Q:
    """The cases that passed: a published L, or the PLPG passed (docs/plpg.md)."""
    published_l = Result.objects.filter(
        case=OuterRef("pk"), current=True, code=PASSED_CODE, published_at__isnull=False
    )
    return Q(Exists(published_l)) | Q(state=Case.State.PLPG_PASSED)


def _plpg_passed(case: Case) -> bool:
    """Whether the case passed the PLPG (its state, set when the final exam is passed)."""
    return case.state == Case.State.PLPG_PASSED


def _served_by(rayon: Rayon | int) -> QuerySet[Teacher]:
    """The teachers a rayon serves, by the province of their main school (as case_scope)."""
    pk = rayon.pk if isinstance(rayon, Rayon) else rayon
    return Teacher.objects.filter(
        assignments__is_main=True, assignments__school__subdistrict__district__province__rayons=pk
    )


def certificate_candidates(*, programme_year: ProgrammeYear, rayon: Rayon | None) -> QuerySet[Case]:
    """The cases of a programme year (one rayon's, or all) that passed, are not disqualified
    and have no certificate yet; the service asks the rule again for each."""
    current = Result.objects.filter(case=OuterRef("pk"), current=True)
    cases = (
        Case.objects.filter(programme_year=programme_year)
        .filter(_passed())
        .annotate(
            decision_code=Subquery(current.values("code")[:1]),
            decision_published=Exists(current.filter(published_at__isnull=False)),
        )
        .exclude(state=Case.State.DISQUALIFIED)
        .filter(~Exists(Certificate.objects.filter(case=OuterRef("pk"))))
    )
    if rayon is not None:
        cases = cases.filter(teacher__in=_served_by(rayon))
    return cases


def candidate_facts(*, case: Case, certified_subjects: frozenset[str]) -> CertificateFacts:
    """The rule's facts for a case read by `certificate_candidates` (its decision annotated),
    without a query: the bulk path's twin of `certificate_facts`."""
    return CertificateFacts(
        decision=getattr(case, "decision_code", None) or "",
        published=bool(getattr(case, "decision_published", False)),
        plpg_passed=_plpg_passed(case),
        disqualified=case.state == Case.State.DISQUALIFIED,
        subject=case.teacher.subject.code,
        certified_subjects=certified_subjects,
    )


def certificate_facts(*, case: Case) -> CertificateFacts:
    """What the eligibility rule needs to know of a case."""
    result = case.results.filter(current=True).first()
    return CertificateFacts(
        decision=result.code if result else "",
        published=bool(result and result.published_at),
        plpg_passed=_plpg_passed(case),
        disqualified=case.state == Case.State.DISQUALIFIED,
        subject=case.teacher.subject.code,
        certified_subjects=frozenset(
            Certificate.objects.filter(teacher=case.teacher_id).values_list(
                "subject_code", flat=True
            )
        ),
    )


def case_rayon(*, case: Case) -> Rayon | None:
    """The rayon that certifies a case: the one serving its teacher's main-school province."""
    province = (
        Teacher.objects.filter(pk=case.teacher_id, assignments__is_main=True)
        .values_list("assignments__school__subdistrict__district__province", flat=True)
        .first()
    )
    if province is None:
        return None
    return Rayon.objects.filter(provinces=province).order_by("code").first()


def rayons_of_teachers(teacher_ids: list[int]) -> dict[int, Rayon]:
    """The certifying rayon of each teacher (as `case_rayon`), in two queries."""
    provinces = dict(
        Teacher.objects.filter(pk__in=teacher_ids, assignments__is_main=True).values_list(
            "pk", "assignments__school__subdistrict__district__province"
        )
    )
    serving: dict[int, Rayon] = {}
    for rayon in Rayon.objects.filter(provinces__in=set(provinces.values())).order_by("-code"):
        for province in rayon.provinces.values_list("pk", flat=True):
            serving[province] = rayon
    return {
        teacher: serving[province] for teacher, province in provinces.items() if province in serving
    }


# -- who sees what -----------------------------------------------------------------------------


def certificate_scope(user: User) -> Q | None:
    """The certificates a user may see: their own (a teacher), their rayon's (a rayon admin),
    all (the ministry, a superuser); None for anyone else."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser or user.role == Role.MINISTRY:
        return Q()
    if user.role == Role.TEACHER:
        return Q(teacher__user=user)
    if user.role == Role.RAYON_ADMIN and user.rayon_id is not None:
        return Q(rayon=user.rayon_id)
    return None


def certificate_list_for_user(*, user: User) -> QuerySet[Certificate]:
    """The certificates the user may see, newest first, with their NRG."""
    scope = certificate_scope(user)
    if scope is None:
        return Certificate.objects.none()
    return Certificate.objects.filter(scope).select_related("nrg", "rayon")


CERTIFICATE_WORKLIST = Worklist(
    key="certificates",
    url_name="certificates:list",
    number="case__participant_number",
    name="holder_name",
    state="status",
    states=Certificate.Status.choices,
    state_label=_("Status"),
    sorts={
        "newest": Sort(_("Issued, latest first"), ("-issued_at", "-pk")),
        "number": Sort(_("Certificate number"), ("number", "pk")),
        "name": Sort(_("Name"), ("holder_name", "pk"), by_name=True),
    },
)
"""The issued certificates (sergur/common/worklists.py): search by participant number or the
holder's name, status, sorts; a certificate has no deadline."""


def certificate_get_for_user(*, user: User, pk: int) -> Certificate:
    """One certificate the user may see; 404 otherwise (existence is not revealed)."""
    certificate = (
        certificate_list_for_user(user=user)
        .select_related("case", "issued_by", "teacher")
        .filter(pk=pk)
        .first()
    )
    if certificate is None:
        raise Http404
    return certificate


def may_issue(user: User) -> bool:
    """A rayon admin (their rayon) or a superuser issues certificates."""
    return user.is_active and (
        user.is_superuser or (user.role == Role.RAYON_ADMIN and user.rayon_id is not None)
    )


def may_change_status(user: User, certificate: Certificate) -> bool:
    """The certificate's rayon, the ministry or a superuser suspends, revokes, reinstates."""
    if user.is_superuser or user.role == Role.MINISTRY:
        return True
    return user.role == Role.RAYON_ADMIN and user.rayon_id == certificate.rayon_id


def may_issue_nrg(user: User) -> bool:
    """The ministry (or a superuser) issues NRGs."""
    return user.is_active and (user.is_superuser or user.role == Role.MINISTRY)


def issue_rayon(user: User) -> Rayon | None:
    """The rayon whose certificates the user issues; None for a superuser (every rayon)."""
    return None if user.is_superuser else user.rayon


# -- NRGs --------------------------------------------------------------------------------------


def nrg_pending() -> QuerySet[Teacher]:
    """Teachers with a certificate case passed or a certificate but no NRG: newly certified
    teachers the ministry registers (certificates issued here carry one already)."""
    return (
        Teacher.objects.filter(
            Q(certificates__isnull=False) | Q(cases__in=Case.objects.filter(_passed()))
        )
        .filter(~Exists(Nrg.objects.filter(teacher=OuterRef("pk"))))
        .distinct()
        .order_by("pk")
    )


def nrg_recent(limit: int = 50) -> QuerySet[Nrg]:
    """The latest NRGs issued."""
    return Nrg.objects.select_related("teacher").order_by("-issued_at", "-pk")[:limit]


# -- public verification and the status list ---------------------------------------------------


def certificate_public_find(*, number: str) -> Certificate | None:
    """The certificate of a number as typed; None when malformed or unknown."""
    if parse_certificate_number(number) is None:
        return None
    return Certificate.objects.select_related("rayon").filter(number=number.strip()).first()


def status_indices(*, list_number: int, statuses: tuple[str, ...], size: int) -> list[int]:
    """The bits set in one status list: the certificates of those statuses in its range."""
    start = (list_number - 1) * size
    return [
        index - start
        for index in Certificate.objects.filter(
            status__in=statuses, status_index__gte=start, status_index__lt=start + size
        ).values_list("status_index", flat=True)
    ]


# -- the issuance job ---------------------------------------------------------------------------


def issue_jobs_for_user(user: User) -> QuerySet[IssueJob]:
    """The jobs a user may watch: all for a superuser, their rayon's for a rayon admin."""
    jobs = IssueJob.objects.select_related("programme_year", "rayon", "started_by")
    if user.is_superuser:
        return jobs
    if user.role == Role.RAYON_ADMIN and user.rayon_id is not None:
        return jobs.filter(rayon_id=user.rayon_id)
    return jobs.none()


def issue_job_get_for_user(*, user: User, pk: int) -> IssueJob:
    """One job the user may watch; 404 for another rayon's."""
    job = issue_jobs_for_user(user).filter(pk=pk).first()
    if job is None:
        raise Http404
    return job


def unfinished_issue_jobs(
    *, programme_year: ProgrammeYear, rayon: Rayon | None
) -> QuerySet[IssueJob]:
    """The queued or running jobs whose scope meets this one (the rayon's, or every rayon)."""
    scope = Q() if rayon is None else Q(rayon=rayon) | Q(rayon__isnull=True)
    return IssueJob.objects.filter(
        scope,
        programme_year=programme_year,
        state__in=(IssueJob.State.QUEUED, IssueJob.State.RUNNING),
    )


def running_issue_job(*, programme_year: ProgrammeYear, rayon: Rayon | None) -> IssueJob | None:
    """A queued or running job that meets this scope (one at a time)."""
    return unfinished_issue_jobs(programme_year=programme_year, rayon=rayon).order_by("pk").first()


# -- the public check -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicCheck:
    """What the public page and the JSON endpoint say: the result, and for a found certificate
    only what is needed to match it (no birth date, no full NUPTK, no NRG)."""

    result: str  # valid | suspended | revoked | not_found | invalid
    reason: str = ""  # why invalid, or the reason of a suspension or revocation
    certificate: Certificate | None = None

    @property
    def nuptk_masked(self) -> str:
        """The NUPTK with all but its last four digits hidden."""
        nuptk = self.certificate.nuptk if self.certificate else ""
        return "•" * max(0, len(nuptk) - 4) + nuptk[-4:]

    def as_json(self) -> dict[str, Any]:
        """The JSON endpoint's answer."""
        out: dict[str, Any] = {"result": self.result, "reason": self.reason}
        found = self.certificate
        if found is not None:
            out["certificate"] = {
                "number": found.number,
                "name": found.holder_name,
                "nuptk": self.nuptk_masked,
                "subject": f"{found.subject_code} {found.subject_name}",
                "rayon": f"{found.rayon.code} {found.institution}",
                "year": found.year,
                "issued_on": found.issued_on.isoformat(),
                "status": found.status,
                "status_changed_at": (
                    found.status_changed_at.isoformat() if found.status_changed_at else None
                ),
            }
        return out


def certificate_public_check(query: str) -> PublicCheck:
    """Check a certificate number, a QR code or the verification link of one; the status is
    the certificate's own (the one source behind the page, the JSON and the status list)."""
    text = query.strip()
    number = text
    if parse_certificate_number(text) is None:
        payload = verify(code_of(text))
        if payload is None:
            return PublicCheck("invalid", str(CODE_NOT_GENUINE))
        if payload.get("t") != PAYLOAD_KIND:
            return PublicCheck("invalid", str(CODE_OTHER_KIND))
        number = str(payload.get("n", ""))
    found = certificate_public_find(number=number)
    if found is None:
        return PublicCheck("not_found")
    if found.status == Certificate.Status.ACTIVE:
        return PublicCheck("valid", certificate=found)
    return PublicCheck(found.status, found.status_reason, found)


def teacher_menu_stages(user: User) -> frozenset[str]:
    """CERTIFIED when the teacher holds a certificate or an NRG (one query): the allowance,
    PKB, KKG and PKG pages apply from then on (sergur/common/menu.py)."""
    held = Teacher.objects.filter(user=user).filter(
        Q(certificates__isnull=False) | Q(nrg__isnull=False)
    )
    return frozenset({CERTIFIED}) if held.exists() else frozenset()
