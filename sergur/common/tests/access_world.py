"""The world the access matrix (test_access_matrix.py) requests pages in: the shared cast
(sergur/conftest.py) widened to every role on both sides of each boundary, and one object of
every kind behind a URL, with cases in the states that change who may see or do what.

Every object lives on the cast's "own" side: Sri's school (SMP Negeri 1 Bantul), the district
of Bantul, the province of the cast and rayon 900. An identity is named `role:relation`
(`district_committee:own`, `district_committee:other`); `Target.people` says which user plays
a relation for one object (the owner of this case, the assessor allocated to it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from sergur.accounts.models import User
from sergur.appeals.services import appeal_file
from sergur.appeals.tests.support import LATER, NOW, assigned, published
from sergur.assessments.models import (
    Allocation,
    Assessor,
    BatchJob,
    ClarificationResponse,
    Reconciliation,
)
from sergur.assessments.services.decisions import clarification_respond, result_publish
from sergur.assessments.tests.decisions_support import decided, extra_case
from sergur.assessments.tests.support import allocate, at_rayon, submit_complete, submit_sheet
from sergur.assessments.tests.test_reconciliation import KEY
from sergur.cases.models import Case, CaseEvent
from sergur.cases.selectors import PRINCIPAL_DUTY
from sergur.cases.services import case_event_record
from sergur.certificates.tests.support import ministry
from sergur.conftest import Cast
from sergur.imports.services import import_batch_create, import_check
from sergur.imports.tests.factories import csv_upload, row
from sergur.notifications.services import notices_make
from sergur.plpg.tests.support import instructor
from sergur.portfolios.models import Evidence
from sergur.portfolios.tests.teacher_support import add_row, attach, pdf_upload
from sergur.registry.tests.factories import (
    DistrictFactory,
    ProvinceFactory,
    SchoolFactory,
    SubdistrictFactory,
    UserFactory,
)
from sergur.selection.services import selection_run
from sergur.transfers.services import transfer_request
from sergur.verification.models import Stage
from sergur.verification.tests.support import to_stage

ANONYMOUS = "anonymous"

IDENTITIES: tuple[str, ...] = (
    ANONYMOUS,
    "teacher:owner",
    "teacher:other",
    "principal:own",
    "principal:other",
    "supervisor:own",
    "supervisor:other",
    "district_committee:own",
    "district_committee:other",
    "district_head:own",
    "district_head:other",
    "quality_office:own",
    "quality_office:other",
    "rayon_admin:own",
    "rayon_admin:other",
    "assessor:allocated",
    "assessor:other",
    "instructor:own",
    "instructor:other",
    "ministry",
    "finance:own",
    "finance:other",
    "operator",
    "school_operator:own",
    "school_operator:other",
)
"""Every role (User.Role) on both sides of its boundary, the superuser operator and nobody
signed in. `own`/`other`: the object's school, district, province or rayon or another one;
`owner`: the teacher of the case; `allocated`: the assessor allocated to the case (or the
appeal's reviewer); `instructor:own`: the instructor of the PLPG class (`other`: another
instructor of the rayon); `ministry`: an officer of the ministry (Ditjen GTK);
`school_operator`: who keeps a school's teaching load (`other`: of Budi's school); `finance`:
the district's finance office (allowance payments)."""

CASE_STATES: tuple[str, ...] = (
    Case.State.DRAFT,
    Case.State.SUBMITTED,
    Case.State.DISTRICT_VERIFIED,
    Case.State.QUALITY_VERIFIED,
    Case.State.IN_ASSESSMENT,
    Case.State.RECONCILIATION,
    Case.State.CLARIFICATION,
    Case.State.PUBLISHED,
    Case.State.REOPENED,
)
"""The case states the matrix visits: each one hands the case to another office."""


@dataclass(frozen=True)
class Target:
    """One object whose pages the matrix requests: the URL arguments it fills, the case state
    (empty for objects that are not cases) and who plays each relative identity for it."""

    name: str
    kwargs: dict[str, Any]
    state: str = ""
    people: dict[str, User] = field(default_factory=dict)
    foreign: bool = False  # the URL joins one case with another case's row or file
    principal_participant: bool = False  # the case of a teacher who is a principal


@dataclass
class World:
    """The identities' users (relative ones as for most objects) and the targets by name."""

    users: dict[str, User]
    targets: dict[str, Target]

    def user(self, identity: str, target: Target | None) -> User | None:
        """The user who plays `identity` towards `target`; None for nobody signed in."""
        if identity == ANONYMOUS:
            return None
        if target is not None and identity in target.people:
            return target.people[identity]
        return self.users[identity]


def _people(cast: Cast) -> dict[str, User]:
    """The cast plus the roles and other sides it lacks."""
    assert cast.dinas.district is not None and cast.dinas_other.district is not None
    school_two = cast.bu_kepala.school
    supervisor_other = UserFactory(username="pengawas2", role=User.Role.SUPERVISOR)
    supervisor_other.supervised_schools.add(school_two)
    other_province = ProvinceFactory(code="33", name="Jawa Tengah")
    rayon = cast.rayon_admin.rayon
    assert rayon is not None
    other_assessor = Assessor.objects.get(user=cast.asesor3)
    assert other_assessor.rayon_id == cast.asesor.rayon_id  # same rayon, nothing allocated
    return {
        "teacher:owner": cast.sri,
        "teacher:other": cast.budi,
        "principal:own": cast.pak_kepala,
        "principal:other": cast.bu_kepala,
        "supervisor:own": cast.pengawas,
        "supervisor:other": supervisor_other,
        "district_committee:own": cast.dinas,
        "district_committee:other": cast.dinas_other,
        "district_head:own": UserFactory(
            username="kadinas", role=User.Role.DISTRICT_HEAD, district=cast.dinas.district
        ),
        "district_head:other": UserFactory(
            username="kadinas2", role=User.Role.DISTRICT_HEAD, district=cast.dinas_other.district
        ),
        "quality_office:own": cast.lpmp,
        "quality_office:other": UserFactory(
            username="lpmp2", role=User.Role.QUALITY_OFFICE, province=other_province
        ),
        "rayon_admin:own": cast.rayon_admin,
        "rayon_admin:other": cast.rayon_other,
        "assessor:allocated": cast.asesor,
        "assessor:other": cast.asesor3,
        "instructor:own": instructor("instruktur", rayon).user,
        "instructor:other": instructor("instruktur2", rayon).user,
        "ministry": ministry(),
        "operator": cast.operator,
        "school_operator:own": UserFactory(
            username="opsekolah", role=User.Role.SCHOOL_OPERATOR, school=cast.pak_kepala.school
        ),
        "school_operator:other": UserFactory(
            username="opsekolah2", role=User.Role.SCHOOL_OPERATOR, school=school_two
        ),
    }


def _case_target(case: Case, state: str) -> Target:
    """A case with one row of its portfolio and that row's file."""
    owner = case.teacher.user
    assert owner is not None
    evidence = Evidence.objects.filter(entry__case=case).order_by("pk").first()
    assert evidence is not None
    case.refresh_from_db()
    assert case.state == state, (case.state, state)
    return Target(
        name=f"case:{state}",
        kwargs={
            "pk": case.pk,
            "case_pk": case.pk,
            "section": "training",
            "entry_id": evidence.entry_id,
            "evidence_id": evidence.pk,
        },
        state=state,
        people={"teacher:owner": owner},
    )


def _with_file(case: Case) -> Case:
    """A row of the portfolio with its file, added while the teacher still edits."""
    owner = case.teacher.user
    assert owner is not None
    attach(add_row(case, owner, "training"), owner)
    return case


def _cases(cast: Cast) -> dict[str, Case]:
    """One case of Sri's school in every state of CASE_STATES (Sri's own stays a draft)."""
    cases: dict[str, Case] = {Case.State.DRAFT: _with_file(cast.sri_case)}
    for stage, state in (
        (Stage.DISTRICT, Case.State.SUBMITTED),
        (Stage.QUALITY, Case.State.DISTRICT_VERIFIED),
        (Stage.RAYON, Case.State.QUALITY_VERIFIED),
    ):
        cases[state] = to_stage(submit_complete(extra_case(cast), cast), cast, stage)
    assessed = at_rayon(submit_complete(extra_case(cast), cast))
    allocate(assessed, cast.asesor, cast.asesor2)
    cases[Case.State.IN_ASSESSMENT] = assessed
    # Two sheets far apart open a reconciliation, which wants a third assessor.
    reconciled = at_rayon(submit_complete(extra_case(cast), cast))
    first, second = allocate(reconciled, cast.asesor, cast.asesor2)
    submit_sheet(first, item=1)
    submit_sheet(second, item=5, overrides={KEY: {"points": "0", "reason": "Tidak relevan"}})
    Reconciliation.objects.filter(case=reconciled).update(mode=Reconciliation.Mode.THIRD)
    cases[Case.State.RECONCILIATION] = reconciled
    clarified = _with_file(extra_case(cast))
    result_publish(result=decided(clarified, "K"), actor=cast.rayon_admin, now=timezone.now())
    cases[Case.State.CLARIFICATION] = clarified
    passed = _with_file(extra_case(cast))
    published(passed, "L", now=NOW)
    cases[Case.State.PUBLISHED] = passed
    appealed = _with_file(extra_case(cast))
    published(appealed, "MS", now=NOW)  # below the pass mark: the portfolio is reopened
    cases[Case.State.REOPENED] = appealed
    return cases


def build_world(cast: Cast) -> World:
    """Build every identity and target (about a second on SQLite)."""
    # Imported here: that module builds its Targets with this module's dataclass.
    from sergur.common.tests.access_world_payments import finance_people, payment_targets

    users = {**_people(cast), **finance_people(cast)}
    cases = _cases(cast)
    targets = {f"case:{state}": _case_target(case, state) for state, case in cases.items()}

    targets["case:principal"] = _principal_case(cast)
    # Sri's draft with the row and file of another teacher's open portfolio in the URL.
    draft, other = targets[f"case:{Case.State.DRAFT}"], targets[f"case:{Case.State.REOPENED}"]
    targets["case:foreign"] = Target(
        name="case:foreign",
        kwargs={**other.kwargs, "pk": draft.kwargs["pk"]},
        state=draft.state,
        people=draft.people,
        foreign=True,
    )

    clarified = cases[Case.State.CLARIFICATION]
    owner = clarified.teacher.user
    assert owner is not None
    response = clarification_respond(
        case=clarified, actor=owner, text="Ijazah asli.", upload=pdf_upload(), now=timezone.now()
    )
    assert isinstance(response, ClarificationResponse)
    base = targets[f"case:{Case.State.CLARIFICATION}"]
    targets["clarification"] = Target(
        name="clarification",
        kwargs={**base.kwargs, "response_pk": response.pk},
        state=base.state,
        people=base.people,
    )

    appealed = cases[Case.State.REOPENED]
    owner = appealed.teacher.user
    assert owner is not None
    appeal = appeal_file(
        case=appealed, actor=owner, grounds="Nilai terlalu rendah.", upload=pdf_upload(), now=LATER
    )
    appeal = assigned(appeal, cast.asesor, cast.rayon_admin)
    targets["appeal"] = Target(
        name="appeal",
        kwargs={"pk": appeal.pk},
        people={"teacher:owner": targets[f"case:{Case.State.REOPENED}"].people["teacher:owner"]},
    )

    allocation = Allocation.objects.get(
        case=cases[Case.State.IN_ASSESSMENT], assessor__user=cast.asesor
    )
    targets["allocation"] = Target(
        name="allocation",
        kwargs={"pk": allocation.pk},
        state=Case.State.IN_ASSESSMENT,
        people={
            "teacher:owner": targets[f"case:{Case.State.IN_ASSESSMENT}"].people["teacher:owner"]
        },
    )
    targets["assessor"] = Target(name="assessor", kwargs={"pk": cast.asesor.assessor.pk})
    job = BatchJob.objects.create(
        kind=BatchJob.Kind.RESCORE,
        programme_year=cast.sri_case.programme_year,
        rayon=cast.rayon_admin.rayon,
        started_by=cast.rayon_admin,
        total=10,
        done=4,
    )
    targets["batch"] = Target(name="batch", kwargs={"pk": job.pk})
    batch = import_check(batch=import_batch_create(actor=cast.dinas, upload=csv_upload([row(1)])))
    targets["import"] = Target(name="import", kwargs={"pk": batch.pk})
    targets["transfer"] = _transfer(cast)
    targets["notice"] = _notice(cast)
    # Imported here: that module builds its Targets with this module's dataclass.
    from sergur.common.tests.access_world_plpg import certificate_targets, plpg_targets

    targets.update(plpg_targets(cast, users))
    targets.update(certificate_targets(cast))
    from sergur.common.tests.access_world_allowance import allowance_targets

    targets.update(allowance_targets(cast, users))
    targets.update(payment_targets(cast, users))
    year = cast.sri_case.programme_year.year
    assert cast.dinas.district is not None
    # A selection run of Bantul (nobody selected: its teachers lack the data), with its SK.
    selection_run(
        programme_year=cast.sri_case.programme_year,
        district=cast.dinas.district,
        quota=0,
        actor=cast.dinas,
    )
    targets["district"] = Target(
        name="district", kwargs={"year": year, "pk": cast.dinas.district_id}
    )
    targets["year"] = Target(name="year", kwargs={"year": year})
    return World(users=users, targets=targets)


def _principal_case(cast: Cast) -> Target:
    """A draft of a teacher of Sri's school who is a principal: the head of the district
    office fills the principal's part of the envelope in the school principal's place."""
    case = extra_case(cast)
    case.teacher.additional_duty = PRINCIPAL_DUTY
    case.teacher.save(update_fields=["additional_duty"])
    target = _case_target(_with_file(case), Case.State.DRAFT)
    return Target(
        name="case:principal",
        kwargs=target.kwargs,
        state=target.state,
        people=target.people,
        principal_participant=True,
    )


def _notice(cast: Cast) -> Target:
    """A message in the owner's inbox (Sri's portfolio returned)."""
    event = case_event_record(case=cast.sri_case, actor=None, kind=CaseEvent.Kind.RETURNED)
    (notice,) = notices_make(event_ids=[event.pk], now=timezone.now())
    return Target(name="notice", kwargs={"pk": notice.pk})


def _transfer(cast: Cast) -> Target:
    """Sleman asks for Budi of Bantul: both districts are parties, a third one is "other"."""
    assert cast.dinas_other.district is not None and cast.dinas.district is not None
    sleman = SchoolFactory(
        name="SMP Negeri 4 Sleman",
        subdistrict=SubdistrictFactory(district=cast.dinas_other.district),
    )
    transfer = transfer_request(
        actor=cast.dinas_other,
        nuptk=cast.budi_case.teacher.nuptk,
        school=sleman,
        reason="Ikut suami",
        now=timezone.now(),
    )
    third = DistrictFactory(province=cast.dinas.district.province, code="01", name="Kulon Progo")
    return Target(
        name="transfer",
        kwargs={"pk": transfer.pk},
        people={
            "teacher:owner": cast.budi,
            "teacher:other": cast.sri,
            "district_committee:other": UserFactory(
                username="dinas3", role=User.Role.DISTRICT_COMMITTEE, district=third
            ),
        },
    )
