"""The access matrix's table (test_access_matrix.py): for every named URL, the objects of the
world (access_world.py) it is requested for and who may open it. A new page is one line here;
docs/security.md "The access matrix" says how to write it.

How a rule reads: `on(targets, allowed, sees)`: an identity in `allowed` gets the page (200), one
who `sees` the object but may not use this page gets 403, anyone else 404 (the object's
existence is not revealed); nobody signed in is sent to sign in (302). `signed_in(allowed)` is a
page without an object: everyone signed in who is not allowed gets 403. `post(...)`: a form
that takes only POST: a GET answers 405, and every identity not allowed must have its POST
refused (403/404, or 302 to sign in) without a write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sergur.cases.models import Case
from sergur.common.tests.access_world import ANONYMOUS, IDENTITIES, Target

Who = Callable[[Target | None], frozenset[str]]

State = Case.State


def ids(*names: str) -> frozenset[str]:
    """A set of identities, checked against IDENTITIES (a typo fails at import)."""
    unknown = set(names) - set(IDENTITIES)
    assert not unknown, unknown
    return frozenset(names)


def no_one(_target: Target | None) -> frozenset[str]:
    """Nobody, for every object."""
    return frozenset()


def fixed(identities: frozenset[str]) -> Who:
    """The same identities for every object."""
    return lambda _target: identities


SIGNED_IN = frozenset(IDENTITIES) - {ANONYMOUS}
NOBODY: frozenset[str] = frozenset()
OWNER = ids("teacher:owner")
TEACHERS = ids("teacher:owner", "teacher:other")
SCHOOL = ids("principal:own", "supervisor:own")
DISTRICTS = ids("district_committee:own", "district_committee:other")
QUALITY = ids("quality_office:own", "quality_office:other")
RAYONS = ids("rayon_admin:own", "rayon_admin:other")
ASSESSORS = ids("assessor:allocated", "assessor:other")
OPERATOR = ids("operator")
INSTRUCTORS = ids("instructor:own", "instructor:other")
MINISTRY = ids("ministry")
FINANCE = ids("finance:own", "finance:other")
FINANCE_OWN = ids("finance:own")
NOT_OTHER_FINANCE = SIGNED_IN - {"finance:other"}
"""A finance page checks the role first (403), then the object's district (404)."""
NOT_RAYON = SIGNED_IN - RAYONS
"""A rayon page checks the role first (403), then the object's rayon (404)."""
NOT_OTHER_DISTRICT = SIGNED_IN - {"district_committee:other"}
"""A district page checks the role first (403), then the object's district (404)."""
SUPERVISORS_ALL = ids("supervisor:own", "supervisor:other")
DISTRICT_OWN = ids("district_committee:own", "operator")

# The case's offices see it in every state (sergur/cases/selectors.py `case_scope`); the rayon
# once the quality office passed it on, an assessor while it is allocated to them.
RAYON_STATES = frozenset(
    {
        State.QUALITY_VERIFIED,
        State.RECEIVED,
        State.IN_ASSESSMENT,
        State.RECONCILIATION,
        State.DECIDED,
        State.PUBLISHED,
        State.REOPENED,
        State.CLARIFICATION,
        State.DISQUALIFIED,
    }
)
ALLOCATED_STATES = frozenset({State.IN_ASSESSMENT, State.RECONCILIATION})
EDITABLE_STATES = frozenset({State.DRAFT, State.RETURNED, State.REOPENED})
CASE_OFFICES = ids("district_committee:own", "quality_office:own", "operator")
STAGE_OFFICE = {
    State.SUBMITTED: ids("district_committee:own"),
    State.DISTRICT_VERIFIED: ids("quality_office:own"),
    State.QUALITY_VERIFIED: ids("rayon_admin:own"),
}
"""Who verifies the documents in each state (sergur/verification/selectors.py STAGE_STATE)."""


def _state(target: Target | None) -> str:
    return target.state if target is not None else ""


def _principal_participant(target: Target | None) -> bool:
    return target is not None and target.principal_participant


def case_readers(target: Target | None) -> frozenset[str]:
    """Who sees the case: its teacher, the school's principal and supervisor, the district
    and quality offices, the operator; the rayon and the allocated assessor by state; the
    head of the district office the cases of principals."""
    state = _state(target)
    rayon = ids("rayon_admin:own") if state in RAYON_STATES else NOBODY
    assessor = ids("assessor:allocated") if state in ALLOCATED_STATES else NOBODY
    head = ids("district_head:own") if _principal_participant(target) else NOBODY
    return OWNER | SCHOOL | CASE_OFFICES | rayon | assessor | head


def envelope_fillers(target: Target | None) -> frozenset[str]:
    """The principal and the supervisor of the teacher's main school; for a principal, the
    head of the district office in the principal's place."""
    if _principal_participant(target):
        return ids("supervisor:own", "district_head:own")
    return SCHOOL


def evidence_readers(target: Target | None) -> frozenset[str]:
    """Who opens the files: every reader but the school and the head of the district office
    (they fill the envelope only)."""
    return case_readers(target) - SCHOOL - {"district_head:own"}


def exporters(target: Target | None) -> frozenset[str]:
    """Who takes the whole portfolio away (export, book): the owner and the offices."""
    return evidence_readers(target) - {"assessor:allocated"}


def editing_owner(target: Target | None) -> frozenset[str]:
    """The teacher, while the portfolio is open to them."""
    return OWNER if _state(target) in EDITABLE_STATES else NOBODY


def locked_owner(target: Target | None) -> frozenset[str]:
    """The teacher of a submitted portfolio: told it is locked, nothing changes."""
    return OWNER - editing_owner(target)


def stage_office(target: Target | None) -> frozenset[str]:
    """The office whose turn it is to verify the documents."""
    return STAGE_OFFICE.get(State(_state(target)), NOBODY) if _state(target) else NOBODY


def in_state(state: str, who: frozenset[str]) -> Who:
    """`who` while the object is in `state`, nobody otherwise."""
    return lambda target: who if _state(target) == state else NOBODY


def plus(first: Who, second: Who) -> Who:
    """Both rules' identities."""
    return lambda target: first(target) | second(target)


def but(first: Who, second: Who) -> Who:
    """The first rule's identities without the second's."""
    return lambda target: first(target) - second(target)


@dataclass(frozen=True)
class Page:
    """One named URL's rule: the world's objects it is requested for (none: no arguments),
    who gets it, who sees the object (403 rather than 404), who is redirected instead, and
    who may post but is answered with a message (a locked portfolio) and must write nothing."""

    targets: tuple[str, ...]
    allowed: Who
    sees: Who
    post_only: bool = False
    public: bool = False
    ok: int = 200
    redirected: frozenset[str] = NOBODY
    locked: Who = no_one
    login_first: bool = False  # a POST-only view that sends nobody signed in to sign in first

    def expected(self, identity: str, target: Target | None) -> int:
        """The status a GET by `identity` must get."""
        if self.post_only and not (self.login_first and identity == ANONYMOUS):
            return 405
        return self.refusal(identity, target)

    def refusal(self, identity: str, target: Target | None) -> int:
        """The status of a request by `identity` (for a POST: by one not allowed)."""
        if self.public:
            return self.ok
        if identity == ANONYMOUS:
            return 302
        if identity in self.redirected:
            return 302
        if identity in self.allowed(target):
            # Another case's row or file is not found, even by one who may use the page.
            return 404 if target is not None and target.foreign else self.ok
        return 403 if identity in self.sees(target) else 404

    def posts(self, target: Target | None) -> list[tuple[str, frozenset[int]]]:
        """The identities whose POST must be refused (or answered, when locked) without a
        write, each with the statuses that count as refused. A page that takes no POST may
        answer 405."""
        if self.public:
            return []
        allowed, locked = self.allowed(target), self.locked(target)
        if target is not None and target.foreign:
            allowed = NOBODY  # every POST is refused
        checks = []
        for identity in IDENTITIES:
            if identity in locked:
                checks.append((identity, frozenset({200, 302})))
            elif identity not in allowed and identity not in self.redirected:
                refused = {self.refusal(identity, target)}
                checks.append((identity, frozenset(refused if self.post_only else refused | {405})))
        return checks


def public(*, ok: int = 200, post_only: bool = False, targets: tuple[str, ...] = ()) -> Page:
    """Open to everyone, signed in or not (of an object: `targets`)."""
    return Page(
        targets, fixed(SIGNED_IN), fixed(SIGNED_IN), public=True, ok=ok, post_only=post_only
    )


def signed_in(
    allowed: frozenset[str] = SIGNED_IN, *, ok: int = 200, redirected: frozenset[str] = NOBODY
) -> Page:
    """A page without an object: everyone signed in and not allowed gets 403."""
    return Page((), fixed(allowed), fixed(SIGNED_IN), ok=ok, redirected=redirected)


def hidden(allowed: frozenset[str]) -> Page:
    """A page without an object that answers 404 to everyone not allowed."""
    return Page((), fixed(allowed), fixed(allowed))


def on(
    targets: tuple[str, ...],
    allowed: Who | frozenset[str],
    sees: Who | frozenset[str] = case_readers,
) -> Page:
    """A page of an object (see the module's docstring)."""
    allow = fixed(allowed) if isinstance(allowed, frozenset) else allowed
    see = fixed(sees) if isinstance(sees, frozenset) else sees
    return Page(targets, allow, plus(allow, see))


def post(
    targets: tuple[str, ...],
    allowed: Who | frozenset[str],
    sees: Who | frozenset[str] = case_readers,
    *,
    locked: Who = no_one,
    login_first: bool = False,
) -> Page:
    """A form that takes only POST, of an object (or of none: `targets` empty)."""
    page = on(targets, allowed, sees)
    return Page(
        page.targets,
        page.allowed,
        page.sees,
        post_only=True,
        locked=locked,
        login_first=login_first,
    )


def rayon_page(targets: tuple[str, ...], allowed: Who | frozenset[str]) -> Page:
    """A rayon admin's page of an object: other roles 403, the object out of reach 404."""
    return on(targets, allowed, NOT_RAYON)


PORTFOLIO = (
    "case:draft",
    "case:principal",
    "case:submitted",
    "case:in_assessment",
    "case:published",
)
ROWS = (*PORTFOLIO, "case:foreign")
"""The pages of one row or file, also asked with another case's row."""
VERIFICATION = (
    "case:draft",
    "case:submitted",
    "case:district_verified",
    "case:quality_verified",
    "case:in_assessment",
)
ASSESSMENT = ("case:in_assessment", "case:reconciliation", "case:clarification", "case:published")
APPEAL = ("case:draft", "case:published", "case:reopened")
RAYON_OWN = ids("rayon_admin:own")
APPEAL_OFFICE = ids("rayon_admin:own", "assessor:allocated", "operator")
"""The rayon, the appeal's reviewer and the operator; the teacher follows it on the case page."""
APPEAL_SEERS = APPEAL_OFFICE | OWNER
SKTP = ("sktp",)
PAYMENT_RUN = ("payment_run",)
PAY_TEACHER = ("pay_teacher",)
PLAN_RUN = ("plan_run",)
DISTRICT_COMMITTEE_OWN = ids("district_committee:own")
PLPG_CLASS = ("plpg_class",)
PARTICIPANT = ("participant",)
CLASS_READERS = ids("rayon_admin:own", "instructor:own", "operator")
"""A class is seen by its rayon and its own instructor only (docs/plpg.md "On the web");
both grade it, the rayon manages it."""
CLASS_MANAGERS = ids("rayon_admin:own", "operator")
PARTICIPANT_READERS = CLASS_READERS | OWNER | ids("district_committee:own")
"""A participant: through their class, the teacher themself, the district of their school."""
CERTIFICATE = ("certificate",)
CERTIFICATE_OFFICE = ids("rayon_admin:own", "ministry", "operator")
"""The certificate's rayon and the ministry change its status (docs/certificates.md)."""
CERTIFICATE_READERS = CERTIFICATE_OFFICE | OWNER
APPRAISAL = ("appraisal",)
ASSIGNMENT = ("appraisal_assignment",)
APPRAISAL_READERS = OWNER | ids(
    "principal:own",
    "supervisor:own",
    "district_committee:own",
    "district_head:own",
    "operator",
)
"""A PKG appraisal (submitted, waiting for the teacher): the teacher, the school's principal
(its appraiser) and supervisor, the district, the operator (docs/pkg.md "Who sees what")."""
PKG_HOME = (
    TEACHERS
    | DISTRICTS
    | ids(
        "principal:own",
        "principal:other",
        "supervisor:own",
        "supervisor:other",
        "district_head:own",
        "district_head:other",
        "operator",
    )
)
PRINCIPALS = ids("principal:own", "principal:other")
ALLOWANCE_SCHOOL = ("allowance_school",)
ALLOWANCE_LINE = ("allowance_line",)
SCHOOL_OPERATORS = ids("school_operator:own", "school_operator:other")
LOAD_KEEPERS = ids("school_operator:own", "operator")
"""A school's load is kept by its operator (docs/allowance.md, "Who sees what")."""
LOAD_READERS = LOAD_KEEPERS | ids("district_committee:own")
"""...and read by the committee of the school's district."""
KKG_GROUP = ("kkg_group",)
KKG_PACKAGE = ("kkg_package",)
KKG_READERS = ids(
    "teacher:owner",
    "principal:own",
    "supervisor:own",
    "district_committee:own",
    "district_head:own",
    "operator",
)
"""A working group is seen by its members (Sri, its coordinator), the principal and supervisor
of its schools and its district (docs/kkg.md "Who sees what")."""
KKG_COORDINATOR = ids("teacher:owner", "operator")
"""The coordinator runs the programme; the district supports (members, the election)."""
KKG_SUPPORT = KKG_COORDINATOR | ids("district_committee:own")
KKG_LISTS = TEACHERS | SCHOOL | ids("principal:other", "supervisor:other") | DISTRICTS
KKG_LISTS |= ids("district_head:own", "district_head:other", "operator")
PKB_TEACHER = ("pkb_teacher",)
PKB_ACTIVITY = ("pkb_activity",)
PKB_READERS = KKG_READERS
"""A teacher's development is seen by the teacher, the principal and supervisor of their main
school and their district (docs/pkb.md "Who sees what")."""
PKB_VERIFIERS = SCHOOL | OPERATOR
"""The principal and supervisor of the main school verify and open plans."""

SKIPPED = {
    "admin:": "Django's admin: its own is_staff gate (sergur/accounts/tests/test_admin.py)",
    "password_reset_confirm": "Django's signed token is the access: a wrong link answers the "  # nosec B105 # a reason, no password
    "same page to everyone (sergur/accounts/tests/test_password_reset.py)",
}
"""URL name prefixes the matrix does not request, with the reason."""

TABLE: dict[str, Page] = {
    # Signing in (sergur/accounts)
    "login": public(),
    "logout": post((), SIGNED_IN | {ANONYMOUS}),
    "password_change": signed_in(),
    "password_change_done": signed_in(),
    "two_factor_settings": signed_in(),
    "two_factor_verify": signed_in(ok=302),  # the test sessions are verified already
    "two_factor_enrol": signed_in(),
    "two_factor_recovery_codes": post((), SIGNED_IN, login_first=True),
    "two_factor_turn_off": post((), SIGNED_IN, login_first=True),
    # A forgotten password: the reset pages are open to anyone (the link in the e-mail carries
    # the proof); the SK's number and signatory belong to the district's own officers.
    "password_reset": public(),
    "password_reset_done": public(),
    "password_reset_complete": public(),
    "selection:sk_letter": on(("district",), DISTRICT_OWN, NOT_OTHER_DISTRICT),
    # Personal data: a teacher's own copy, nobody else's (docs/privacy.md); list filters are
    # posted; the published public keys are public.
    "privacy:mine": hidden(TEACHERS),
    "privacy:download": hidden(TEACHERS),
    "selection:district_filter": post(("district",), DISTRICT_OWN, NOT_OTHER_DISTRICT),
    "portfolios:signing_keys": public(),
    # Notifications: everyone reads their own inbox; a message opens for its recipient only.
    "notifications:inbox": signed_in(),
    "notifications:preferences": signed_in(),
    "notifications:read_all": post((), SIGNED_IN, login_first=True),
    "notifications:open": post(("notice",), OWNER, NOBODY, login_first=True),
    # The audit trail: a district's committee and head read their district's records, the
    # operator every record (docs/audit.md).
    "common:worklist_filter": post((), SIGNED_IN),
    "common:audit": signed_in(
        DISTRICTS | ids("district_head:own", "district_head:other") | OPERATOR
    ),
    "set_language": public(ok=302),
    # Public pages
    "scoring:home": public(),
    "scoring:score": public(),
    "selection:lookup": public(),
    "portfolios:receipt_verify": public(),
    # Cases and portfolios
    "cases:list": signed_in(redirected=TEACHERS),  # a teacher is sent to their own case
    "portfolios:case": on(PORTFOLIO, case_readers),
    "portfolios:section": on(PORTFOLIO, case_readers),
    "portfolios:entry": post(ROWS, editing_owner, locked=locked_owner),
    "portfolios:entry_edit": on(ROWS, editing_owner),
    "portfolios:entry_delete": post(ROWS, editing_owner, locked=locked_owner),
    "portfolios:evidence_add": post(ROWS, editing_owner, locked=locked_owner),
    "portfolios:evidence": on(ROWS, evidence_readers),
    "portfolios:evidence_delete": post(ROWS, editing_owner, locked=locked_owner),
    "portfolios:submit": on(PORTFOLIO, OWNER),
    "portfolios:export": on(PORTFOLIO, exporters),
    "portfolios:envelope": on(PORTFOLIO, envelope_fillers),
    "portfolios:receipt": on(("case:submitted", "case:in_assessment"), exporters),
    "portfolios:book": on(("case:draft", "case:in_assessment"), exporters),  # a slow PDF
    # Imports (the district's teacher data)
    "imports:list": signed_in(DISTRICTS | OPERATOR),
    "imports:upload": post((), DISTRICTS | OPERATOR, SIGNED_IN),
    "imports:detail": on(("import",), DISTRICT_OWN, NOT_OTHER_DISTRICT),
    "imports:status": on(("import",), DISTRICT_OWN, NOT_OTHER_DISTRICT),
    "imports:problems_csv": on(("import",), DISTRICT_OWN, NOT_OTHER_DISTRICT),
    "imports:apply": post(("import",), DISTRICT_OWN, NOT_OTHER_DISTRICT),
    # Transfers (Sleman asks for Budi of Bantul; "other" is a third district)
    "transfers:list": signed_in(DISTRICTS | QUALITY | OPERATOR),
    "transfers:request": post((), DISTRICTS, SIGNED_IN),
    "transfers:detail": on(("transfer",), DISTRICT_OWN, NOBODY),
    "transfers:answer": post(("transfer",), ids("district_committee:own"), DISTRICT_OWN),
    "transfers:escalate": post(("transfer",), NOBODY, DISTRICT_OWN),  # only after a refusal
    # Selection
    "selection:home": signed_in(NOBODY, redirected=TEACHERS | DISTRICTS | OPERATOR),
    "selection:me": signed_in(TEACHERS),
    "selection:quota": on(("year",), DISTRICTS | OPERATOR, SIGNED_IN),
    "selection:district": on(("district",), DISTRICT_OWN, NOT_OTHER_DISTRICT),
    "selection:sk": on(("district",), DISTRICT_OWN, NOT_OTHER_DISTRICT),
    # Verification: the office whose turn it is, nobody else sees the page
    "verification:worklist": signed_in(DISTRICTS | QUALITY | RAYONS),
    "verification:receive_all": post((), RAYONS, SIGNED_IN),
    "verification:case": on(VERIFICATION, stage_office, NOBODY),
    "verification:verdict": post(VERIFICATION, stage_office, NOBODY),
    "verification:accept_suggestions": post(VERIFICATION, stage_office, NOBODY),
    "verification:meet_remaining": post(VERIFICATION, stage_office, NOBODY),
    "verification:complete": post(VERIFICATION, stage_office, NOBODY),
    # Assessment: the rayon
    "assessments:rayon": signed_in(RAYONS),
    "assessments:allocate": post((), RAYONS, SIGNED_IN),
    "assessments:reassign": rayon_page(("allocation",), RAYON_OWN),
    "assessments:assign_third": rayon_page(ASSESSMENT, in_state(State.RECONCILIATION, RAYON_OWN)),
    "assessments:register": signed_in(RAYONS),
    "assessments:register_add": signed_in(RAYONS),
    "assessments:register_edit": rayon_page(("assessor",), RAYON_OWN),
    "assessments:register_relations": rayon_page(("assessor",), RAYON_OWN),
    "assessments:decisions": signed_in(RAYONS),
    "assessments:publish": post((), RAYONS, SIGNED_IN),
    "assessments:plpg": signed_in(RAYONS),
    "assessments:reconcile": rayon_page(ASSESSMENT, in_state(State.RECONCILIATION, RAYON_OWN)),
    "assessments:clarification_decide": rayon_page(
        ASSESSMENT, in_state(State.CLARIFICATION, RAYON_OWN)
    ),
    "assessments:quality": signed_in(RAYONS),
    "assessments:quality_assessor": rayon_page(("assessor",), RAYON_OWN),
    "assessments:batch": signed_in(RAYONS | OPERATOR),
    "assessments:batch_progress": rayon_page(("batch",), RAYON_OWN | OPERATOR),
    "assessments:district_results": signed_in(DISTRICTS),
    # Assessment: the assessor and the teacher
    "assessments:my_relations": signed_in(ASSESSORS),
    "assessments:worklist": hidden(ASSESSORS),
    "assessments:sheet": on(
        ("allocation",), ids("assessor:allocated") | RAYON_OWN | OPERATOR, NOBODY
    ),
    "assessments:sheet_submit": on(
        ("allocation",), ids("assessor:allocated"), ids("rayon_admin:own", "operator")
    ),
    "assessments:clarify": on(
        ASSESSMENT,
        in_state(State.CLARIFICATION, OWNER),
        but(case_readers, fixed(OWNER)),  # 404 to the owner while nothing is asked
    ),
    "assessments:clarification_file": on(("clarification",), OWNER | RAYON_OWN),
    # Appeals
    "appeals:file": on(APPEAL, OWNER),
    "appeals:list": signed_in(RAYONS | ASSESSORS | OPERATOR),
    "appeals:stats": signed_in(RAYONS | OPERATOR),
    "appeals:detail": on(("appeal",), APPEAL_OFFICE, OWNER),
    "appeals:assign": post(("appeal",), ids("rayon_admin:own", "operator"), APPEAL_SEERS),
    "appeals:decide": post(("appeal",), ids("assessor:allocated"), APPEAL_SEERS),
    "appeals:evidence": on(("appeal",), APPEAL_SEERS, NOBODY),
    # PLPG (docs/plpg.md): the rayon forms and manages its classes, an instructor sees only
    # their own, a teacher only their own record, the district its teachers' records.
    "plpg:rayon": signed_in(RAYONS),
    # PKG (docs/pkg.md): an appraiser sees only the teachers assigned to them, a teacher only
    # their own appraisal; the submitted appraisal waits for its teacher, so nobody edits or
    # countersigns it yet (the services' tests cover the other states).
    "appraisal:home": signed_in(PKG_HOME),
    "appraisal:assign": post((), PRINCIPALS, SIGNED_IN),
    "appraisal:open": post(ASSIGNMENT, ids("principal:own"), ids("principal:own", "operator")),
    "appraisal:detail": on(APPRAISAL, APPRAISAL_READERS, NOBODY),
    "appraisal:scores": post(APPRAISAL, NOBODY, APPRAISAL_READERS),
    "appraisal:observe": post(APPRAISAL, NOBODY, APPRAISAL_READERS),
    "appraisal:sign": post(APPRAISAL, OWNER, APPRAISAL_READERS),
    "appraisal:object": post(APPRAISAL, OWNER, APPRAISAL_READERS),
    "appraisal:countersign": post(APPRAISAL, NOBODY, APPRAISAL_READERS),
    "appraisal:self": on(("year",), TEACHERS, SIGNED_IN),
    "plpg:propose": post((), RAYONS, SIGNED_IN),
    "plpg:instructor_add": post((), RAYONS, SIGNED_IN),
    "plpg:merge_set": post((), RAYONS, SIGNED_IN),
    "plpg:relation_declare": post((), RAYONS, SIGNED_IN),
    "plpg:classes": signed_in(RAYONS | INSTRUCTORS | OPERATOR),
    "plpg:class": on(PLPG_CLASS, CLASS_READERS, NOBODY),
    "plpg:class_update": post(PLPG_CLASS, CLASS_MANAGERS, CLASS_READERS),
    "plpg:session_add": post(PLPG_CLASS, CLASS_MANAGERS, CLASS_READERS),
    "plpg:attendance": post(PLPG_CLASS, CLASS_READERS, NOBODY),
    "plpg:import": post(PLPG_CLASS, CLASS_READERS, NOBODY),
    "plpg:participants": signed_in(RAYONS | INSTRUCTORS | OPERATOR | TEACHERS | DISTRICTS),
    "plpg:participant": on(PARTICIPANT, PARTICIPANT_READERS, NOBODY),
    "plpg:invitation": on(PARTICIPANT, PARTICIPANT_READERS, NOBODY),
    "plpg:score": post(PARTICIPANT, CLASS_READERS, PARTICIPANT_READERS),
    "plpg:score_correct": post(PARTICIPANT, CLASS_READERS, PARTICIPANT_READERS),
    "plpg:peer_teaching": post(PARTICIPANT, CLASS_READERS, PARTICIPANT_READERS),
    "plpg:remedial": post(PARTICIPANT, ids("district_committee:own"), PARTICIPANT_READERS),
    # Certificates (docs/certificates.md): the teacher's own, the rayon's, all for the
    # ministry; the rayon issues, the ministry issues NRGs; verification is public.
    "certificates:list": signed_in(TEACHERS | RAYONS | MINISTRY | OPERATOR),
    "certificates:detail": on(CERTIFICATE, CERTIFICATE_READERS, NOBODY),
    "certificates:pdf": on(CERTIFICATE, CERTIFICATE_READERS, NOBODY),
    "certificates:credential": on(CERTIFICATE, CERTIFICATE_READERS, NOBODY),
    "certificates:status": post(CERTIFICATE, CERTIFICATE_OFFICE, CERTIFICATE_READERS),
    "certificates:issue": post(("case:published",), RAYON_OWN | OPERATOR, NOT_RAYON),
    "certificates:jobs": signed_in(RAYONS | OPERATOR),
    "certificates:job_progress": rayon_page(("issue_job",), RAYON_OWN | OPERATOR),
    "certificates:nrg": signed_in(MINISTRY | OPERATOR),
    "certificates:verify": public(),
    "certificates:verify_json": public(ok=400),  # without a number or code
    "certificates:status_list": public(targets=("status_list",)),
    # The allowance's load and eligibility (docs/allowance.md): a teacher sees their own, a
    # school operator keeps their school's load, the district committee reads its schools,
    # computes and keeps the approvals and the linearity table. A role that keeps no load is
    # refused (403) before the school is looked up (404 out of reach).
    "allowance:mine": signed_in(TEACHERS),
    "allowance:schools": signed_in(DISTRICTS | OPERATOR, redirected=SCHOOL_OPERATORS),
    "allowance:school": on(
        ALLOWANCE_SCHOOL,
        LOAD_READERS,
        SIGNED_IN - {"school_operator:other", "district_committee:other"},
    ),
    "allowance:import": on(ALLOWANCE_SCHOOL, LOAD_KEEPERS, SIGNED_IN - {"school_operator:other"}),
    "allowance:line": on(ALLOWANCE_LINE, LOAD_KEEPERS, SIGNED_IN - {"school_operator:other"}),
    "allowance:district": signed_in(DISTRICTS),
    "allowance:recompute": post((), DISTRICTS, SIGNED_IN),
    "allowance:linearity": signed_in(DISTRICTS | SCHOOL_OPERATORS | OPERATOR),
    "allowance:approvals": signed_in(DISTRICTS),
    # Quality assurance (docs/quality-assurance.md): every monitoring office sees its own place
    # (the place comes from the user, so no object is requested); the worklist is the
    # principal's and the supervisor's.
    "quality:overview": signed_in(
        SCHOOL
        | ids("principal:other", "supervisor:other", "district_head:own", "district_head:other")
        | DISTRICTS
        | QUALITY
        | MINISTRY
        | OPERATOR
    ),
    "quality:worklist": signed_in(ids("principal:own", "principal:other") | SUPERVISORS_ALL),
    # Working groups (docs/kkg.md): members, their schools' principal and supervisor and the
    # district see a group; its coordinator runs it, the district registers and supports it.
    "kkg:groups": signed_in(KKG_LISTS),
    "kkg:resources": signed_in(KKG_LISTS),
    "kkg:group_add": post((), DISTRICTS, SIGNED_IN),
    "kkg:group": on(KKG_GROUP, KKG_READERS, NOBODY),
    "kkg:member_add": post(KKG_GROUP, KKG_SUPPORT, KKG_READERS),
    "kkg:coordinator": post(KKG_GROUP, KKG_SUPPORT, KKG_READERS),
    "kkg:package_add": post(KKG_GROUP, KKG_COORDINATOR, KKG_READERS),
    "kkg:meeting_add": post(KKG_PACKAGE, KKG_COORDINATOR, KKG_READERS),
    "kkg:output_add": post(KKG_PACKAGE, KKG_COORDINATOR, KKG_READERS),
    "kkg:report": post(KKG_PACKAGE, KKG_COORDINATOR, KKG_READERS),
    "kkg:report_file": on(KKG_PACKAGE, KKG_READERS, NOBODY),
    "kkg:meeting": on(("kkg_meeting",), KKG_READERS, NOBODY),
    "kkg:attendance": post(("kkg_meeting",), KKG_COORDINATOR, KKG_READERS),
    "kkg:output_file": on(("kkg_output",), KKG_READERS, NOBODY),
    # PKB (docs/pkb.md): the teacher records, the principal or supervisor verifies, the
    # district records the standing.
    "development:mine": signed_in(TEACHERS),
    "development:worklist": signed_in(
        SCHOOL | ids("principal:other", "supervisor:other") | OPERATOR
    ),
    "development:activity_add": post((), TEACHERS, SIGNED_IN),
    "development:teacher": on(PKB_TEACHER, PKB_READERS, NOBODY),
    "development:plan_add": post(PKB_TEACHER, PKB_VERIFIERS, PKB_READERS),
    "development:remedial_add": post(PKB_TEACHER, PKB_VERIFIERS, PKB_READERS),
    "development:standing": post(
        PKB_TEACHER, ids("district_committee:own", "operator"), PKB_READERS
    ),
    "development:verify": post(PKB_ACTIVITY, PKB_VERIFIERS, PKB_READERS),
    "development:evidence": on(PKB_ACTIVITY, PKB_READERS, NOBODY),
    # Allowance payments (docs/allowance.md, "SKTP and payments"): the finance office of the
    # district only; an SKTP, a run or a teacher's pay profile of another district is not
    # revealed; a teacher sees their own payments.
    # The teaching-load planner (docs/allowance.md, "The page"): the district committee plans
    # its own district; another district's committee does not learn that a run exists.
    "planner:home": signed_in(DISTRICTS),
    "planner:start": post((), DISTRICTS, SIGNED_IN),
    "planner:run": on(PLAN_RUN, DISTRICT_COMMITTEE_OWN, NOT_OTHER_DISTRICT),
    "planner:decide": post(PLAN_RUN, DISTRICT_COMMITTEE_OWN, NOT_OTHER_DISTRICT),
    "payments:home": signed_in(FINANCE),
    "payments:sktp_issue": post((), FINANCE, SIGNED_IN),
    "payments:sktp": on(SKTP, FINANCE_OWN, NOT_OTHER_FINANCE),
    "payments:sktp_progress": on(SKTP, FINANCE_OWN, NOT_OTHER_FINANCE),
    "payments:sktp_export": on(SKTP, FINANCE_OWN, NOT_OTHER_FINANCE),
    "payments:run_start": post((), FINANCE, SIGNED_IN),
    "payments:run": on(PAYMENT_RUN, FINANCE_OWN, NOT_OTHER_FINANCE),
    "payments:run_progress": on(PAYMENT_RUN, FINANCE_OWN, NOT_OTHER_FINANCE),
    "payments:run_export": on(PAYMENT_RUN, FINANCE_OWN, NOT_OTHER_FINANCE),
    "payments:tables": signed_in(FINANCE),
    "payments:profiles": signed_in(FINANCE),
    "payments:profiles_load": post((), FINANCE, SIGNED_IN),
    "payments:profile": on(PAY_TEACHER, FINANCE_OWN, NOT_OTHER_FINANCE),
    "payments:mine": signed_in(TEACHERS),
}
"""Every named URL (but SKIPPED) and its rule."""
