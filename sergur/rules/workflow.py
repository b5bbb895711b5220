"""A case's workflow: its states and every move between them, as a table (docs/sources/domain.md
§4.6).

Each row of `TRANSITIONS` says from which states a case may move to which state, who may move
it (a role, or the system when no person acts: a concluded round, a re-scoring job) and the
event its log records. `transition_check` reads the table; every service that moves a case
asks it first, so a move the table does not hold is refused with its reason.

A later stage of the programme (PLPG, certified, allowance) is new states and new rows here;
no service has to learn it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from sergur.rules import steps
from sergur.rules.messages import Lang
from sergur.rules.steps import Step


class State(StrEnum):
    """A case's state; the values are the case model's."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    DISTRICT_VERIFIED = "district_verified"
    QUALITY_VERIFIED = "quality_verified"
    RECEIVED = "received"
    IN_ASSESSMENT = "in_assessment"
    RECONCILIATION = "reconciliation"
    DECIDED = "decided"
    PUBLISHED = "published"
    REOPENED = "reopened"
    CLARIFICATION = "clarification"
    DISQUALIFIED = "disqualified"
    PLPG = "plpg"
    PLPG_PASSED = "plpg_passed"
    PLPG_RETURNED = "plpg_returned"


class Actor(StrEnum):
    """Who moves a case: a user's role (the account model's values), or the system."""

    TEACHER = "teacher"
    DISTRICT_COMMITTEE = "district_committee"
    QUALITY_OFFICE = "quality_office"
    RAYON_ADMIN = "rayon_admin"
    ASSESSOR = "assessor"
    INSTRUCTOR = "instructor"
    SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class Text:
    """A sentence in Indonesian and English, as the rules core's messages are."""

    id: str
    en: str

    def text(self, lang: Lang) -> str:
        """The sentence in `lang`."""
        return self.id if lang == "id" else self.en


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a move is refused, with its parameters (state names), rendered late."""

    template: Text
    params: tuple[tuple[str, Text], ...] = ()

    def text(self, lang: Lang) -> str:
        """The reason in plain words."""
        return self.template.text(lang).format(**{k: v.text(lang) for k, v in self.params})


@dataclass(frozen=True, slots=True)
class Transition:
    """One row of the table: the states a case leaves, the state it reaches, who may move it,
    the event kind logged, and the reason given to anyone else. A forward row names the step
    the case waits on while it is in one of the sources (`next_step`); a row that only an
    exception takes (an appeal, a re-scoring) names none. A row that follows one decision code
    only (the PLPG after MPLPG) says which."""

    sources: frozenset[State]
    target: State
    actors: frozenset[Actor]
    kind: str
    refused: Text
    step: Step | None = None
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Check:
    """The answer of the table for one move: allowed by which row, or refused and why."""

    allowed: bool
    transition: Transition | None
    reasons: tuple[Refusal, ...]


STATE_NAMES: dict[State, Text] = {
    State.DRAFT: Text("Mengisi portofolio", "Filling the portfolio"),
    State.SUBMITTED: Text(
        "Sudah diserahkan, menunggu verifikasi", "Submitted, awaiting verification"
    ),
    State.RETURNED: Text(
        "Dikembalikan kepada guru setelah verifikasi", "Returned to the teacher after verification"
    ),
    State.DISTRICT_VERIFIED: Text(
        "Diverifikasi kabupaten/kota, menunggu LPMP", "Verified by the district, awaiting LPMP"
    ),
    State.QUALITY_VERIFIED: Text(
        "Diverifikasi LPMP, dalam perjalanan ke rayon", "Verified by LPMP, on its way to the rayon"
    ),
    State.RECEIVED: Text(
        "Diterima rayon, menunggu asesor", "Received by the rayon, awaiting assessors"
    ),
    State.IN_ASSESSMENT: Text("Sedang dinilai", "Being assessed"),
    State.RECONCILIATION: Text(
        "Skor asesor sedang direkonsiliasi", "Assessors' scores being reconciled"
    ),
    State.DECIDED: Text("Sudah diputuskan, menunggu pengumuman", "Decided, awaiting publication"),
    State.PUBLISHED: Text("Keputusan diumumkan", "Decision published"),
    State.REOPENED: Text("Dibuka kembali untuk dilengkapi", "Reopened for completion"),
    State.CLARIFICATION: Text("Klarifikasi diminta", "Clarification requested"),
    State.DISQUALIFIED: Text("Diskualifikasi", "Disqualified"),
    State.PLPG: Text("Mengikuti PLPG", "In the PLPG training"),
    State.PLPG_PASSED: Text("Lulus PLPG", "Passed the PLPG"),
    State.PLPG_RETURNED: Text(
        "Tidak lulus PLPG, dikembalikan ke Dinas", "Did not pass the PLPG, returned to the district"
    ),
}
"""Each state's name in both languages (the case model's labels)."""

NO_SUCH_MOVE = Text(
    "Berkas peserta dengan status “{source}” tidak dapat berpindah ke “{target}”.",
    "A case in the state “{source}” cannot move to “{target}”.",
)

# The decision codes' outcomes (publication) and the states an appeal may change.
_PUBLICATION = (State.PUBLISHED, State.REOPENED, State.CLARIFICATION, State.DISQUALIFIED)
_PUBLISHERS = frozenset({Actor.RAYON_ADMIN, Actor.ASSESSOR, Actor.SYSTEM})
_RESCORED = frozenset({State.DECIDED, State.PUBLISHED})

_ONLY_TEACHER = Text(
    "Hanya guru pemilik portofolio yang dapat menyerahkannya.",
    "Only the teacher whose portfolio it is can submit it.",
)
_ONLY_DISTRICT = Text(
    "Hanya Panitia Sertifikasi Guru Kabupaten/Kota yang memverifikasi portofolio ini sekarang.",
    "Only the district committee verifies this portfolio now.",
)
_ONLY_QUALITY = Text(
    "Hanya LPMP yang memverifikasi portofolio ini sekarang.",
    "Only the quality office (LPMP) verifies this portfolio now.",
)
_ONLY_RAYON = Text(
    "Hanya PSG Rayon yang menerima portofolio ini.",
    "Only the rayon admin receives this portfolio.",
)
_ONLY_ALLOCATION = Text(
    "Hanya PSG Rayon yang menugaskan asesor.",
    "Only the rayon admin allocates assessors.",
)
_ONLY_ROUND = Text(
    "Hanya penyelesaian putaran penilaian yang membuka rekonsiliasi.",
    "Only the conclusion of an assessment round opens a reconciliation.",
)
_ONLY_DECISION = Text(
    "Keputusan diambil dari hasil penilaian, rekonsiliasi atau klarifikasi.",
    "A decision is taken from the assessment, a reconciliation or a clarification.",
)
_ONLY_PUBLISHER = Text(
    "Hanya PSG Rayon yang mengumumkan keputusan.",
    "Only the rayon admin publishes a decision.",
)
_ONLY_REVIEWER = Text(
    "Hanya peninjau keberatan yang mengubah keputusan yang sudah diumumkan.",
    "Only the appeal's reviewer changes a published decision.",
)
_ONLY_RESCORE = Text(
    "Hanya penilaian ulang setelah perubahan parameter yang memutuskan ulang berkas peserta ini.",
    "Only a re-scoring after a change of parameters decides this case again.",
)

_ONLY_PLPG_PLACEMENT = Text(
    "Hanya PSG Rayon yang menempatkan peserta MPLPG di kelas PLPG.",
    "Only the rayon admin places an MPLPG participant in a PLPG class.",
)
_ONLY_PLPG_RESULT = Text(
    "Hasil PLPG ditetapkan dari nilai yang dimasukkan instruktur atau PSG Rayon.",
    "A PLPG result follows from the scores an instructor or the rayon admin enters.",
)
_PLPG_GRADERS = frozenset({Actor.INSTRUCTOR, Actor.RAYON_ADMIN})

TRANSITIONS: tuple[Transition, ...] = (
    # The portfolio: submitted by the teacher; completed after MA/MS, back to the rayon.
    Transition(
        frozenset({State.DRAFT, State.RETURNED}),
        State.SUBMITTED,
        frozenset({Actor.TEACHER}),
        "submitted",
        _ONLY_TEACHER,
        steps.TEACHER_SUBMITS,
    ),
    Transition(
        frozenset({State.REOPENED}),
        State.RECEIVED,
        frozenset({Actor.TEACHER}),
        "submitted",
        _ONLY_TEACHER,
        steps.TEACHER_COMPLETES,
    ),
    # Verification: each office passes the case on or returns it to the teacher.
    *(
        Transition(
            frozenset({State.SUBMITTED}),
            target,
            frozenset({Actor.DISTRICT_COMMITTEE}),
            kind,
            _ONLY_DISTRICT,
            steps.DISTRICT_VERIFIES,
        )
        for target, kind in ((State.DISTRICT_VERIFIED, "verified"), (State.RETURNED, "returned"))
    ),
    *(
        Transition(
            frozenset({State.DISTRICT_VERIFIED}),
            target,
            frozenset({Actor.QUALITY_OFFICE}),
            kind,
            _ONLY_QUALITY,
            steps.QUALITY_VERIFIES,
        )
        for target, kind in ((State.QUALITY_VERIFIED, "verified"), (State.RETURNED, "returned"))
    ),
    *(
        Transition(
            frozenset({State.QUALITY_VERIFIED}),
            target,
            frozenset({Actor.RAYON_ADMIN}),
            kind,
            _ONLY_RAYON,
            steps.RAYON_RECEIVES,
        )
        for target, kind in ((State.RECEIVED, "received"), (State.RETURNED, "returned"))
    ),
    # Assessment: allocated by the rayon; a round concludes on its own.
    Transition(
        frozenset({State.RECEIVED}),
        State.IN_ASSESSMENT,
        frozenset({Actor.RAYON_ADMIN}),
        "allocated",
        _ONLY_ALLOCATION,
        steps.RAYON_ALLOCATES,
    ),
    Transition(
        frozenset({State.IN_ASSESSMENT}),
        State.RECONCILIATION,
        frozenset({Actor.SYSTEM}),
        "reconciliation",
        _ONLY_ROUND,
        steps.ASSESSORS_SCORE,
    ),
    Transition(
        frozenset({State.IN_ASSESSMENT}),
        State.DECIDED,
        frozenset({Actor.SYSTEM}),
        "decided",
        _ONLY_DECISION,
        steps.ASSESSORS_SCORE,
    ),
    # A joint review (the rayon) or a third assessor's sheet (the system) settles it.
    Transition(
        frozenset({State.RECONCILIATION}),
        State.DECIDED,
        frozenset({Actor.RAYON_ADMIN, Actor.SYSTEM}),
        "decided",
        _ONLY_DECISION,
        steps.RAYON_RECONCILES,
    ),
    # K: the teacher clarifies by the deadline, then the rayon decides.
    Transition(
        frozenset({State.CLARIFICATION}),
        State.DECIDED,
        frozenset({Actor.RAYON_ADMIN}),
        "decided",
        _ONLY_DECISION,
        steps.TEACHER_CLARIFIES,
    ),
    # Publication: the code says where the case goes (L, MPLPG, MA/MS, K, D).
    *(
        Transition(
            frozenset({State.DECIDED}),
            target,
            _PUBLISHERS,
            "published",
            _ONLY_PUBLISHER,
            steps.RAYON_PUBLISHES,
        )
        for target in _PUBLICATION
    ),
    # An appeal that changes the published decision decides the case again (an exception:
    # no step waits on it).
    Transition(
        frozenset(_PUBLICATION),
        State.DECIDED,
        frozenset({Actor.ASSESSOR}),
        "decided",
        _ONLY_REVIEWER,
    ),
    # The re-scoring job after a change of a programme year's parameters (docs/batch.md).
    Transition(_RESCORED, State.DECIDED, frozenset({Actor.SYSTEM}), "rescored", _ONLY_RESCORE),
    Transition(
        _RESCORED, State.RECONCILIATION, frozenset({Actor.SYSTEM}), "rescored", _ONLY_RESCORE
    ),
    # PLPG (docs/plpg.md): a published MPLPG case is placed in a class; the exams (and at most
    # the year's retakes) end in a pass or a return to the district.
    Transition(
        frozenset({State.PUBLISHED}),
        State.PLPG,
        frozenset({Actor.RAYON_ADMIN}),
        "plpg_placed",
        _ONLY_PLPG_PLACEMENT,
        steps.RAYON_PLACES,
        code="MPLPG",
    ),
    *(
        Transition(
            frozenset({State.PLPG}),
            target,
            _PLPG_GRADERS,
            kind,
            _ONLY_PLPG_RESULT,
            steps.PLPG_EXAMS,
        )
        for target, kind in (
            (State.PLPG_PASSED, "plpg_passed"),
            (State.PLPG_RETURNED, "plpg_returned"),
        )
    ),
)
"""Every move a case can make. A move not in this table does not happen."""

CERTIFICATE_FOLLOWS: frozenset[tuple[State, str | None]] = frozenset(
    {(State.PUBLISHED, "L"), (State.PLPG_PASSED, None)}
)
"""Where the table ends in a certificate: a published L, a PLPG passed (docs/certificates.md,
"Who gets a certificate"). The rayon's LPTK issues it (`certificate_issue`), outside the table."""

AFTER_THE_TABLE: dict[State, Step] = {
    State.DISQUALIFIED: steps.STRUCK_OFF,
    State.PLPG_RETURNED: steps.DISTRICT_COACHES,
}
"""The states the table ends in without a certificate: D is final (docs/assessment.md); a
teacher who fails the last PLPG retake goes back to the district for coaching (docs/plpg.md)."""


def next_step(
    state: str, *, code: str | None = None, certified: bool = False, answered: bool = False
) -> Step | None:
    """Who acts next on a case in `state` and what they do: the step of the table's forward
    rows leaving it (those for another decision `code` left out), else what follows the table
    (the certificate, unless `certified`; a final decision). Once the teacher's part is
    `answered` (or its deadline passed), the step after it. None for a published case whose
    code is not known (L or MPLPG decide which)."""
    rows = [
        row
        for row in TRANSITIONS
        if state in row.sources and row.step is not None and row.code in (None, code)
    ]
    if rows:
        step = rows[0].step
        return step.then if answered and step is not None and step.then is not None else step
    if (state, code) in CERTIFICATE_FOLLOWS or (state, None) in CERTIFICATE_FOLLOWS:
        return steps.CERTIFIED if certified else steps.LPTK_CERTIFIES
    return AFTER_THE_TABLE.get(State(state)) if state in State else None


def transition_check(from_state: str, to_state: str, actor_role: str) -> Check:
    """Whether `actor_role` (a role, or "system") may move a case from `from_state` to
    `to_state`: the row that allows it, or the reasons it is refused (docs/sources/domain.md
    §4.6)."""
    rows = [row for row in TRANSITIONS if row.target == to_state and from_state in row.sources]
    if not rows:
        names = (("source", _name(from_state)), ("target", _name(to_state)))
        return Check(False, None, (Refusal(NO_SUCH_MOVE, names),))
    for row in rows:
        if actor_role in row.actors:
            return Check(True, row, ())
    return Check(False, None, tuple(Refusal(row.refused) for row in rows))


def _name(state: str) -> Text:
    """A state's name; a value that is no state stays as it is."""
    return STATE_NAMES[State(state)] if state in State else Text(state, state)


def sources_of(kind: str) -> frozenset[State]:
    """The states from which an event of `kind` moves a case."""
    return frozenset(source for row in TRANSITIONS if row.kind == kind for source in row.sources)


def teacher_fills() -> frozenset[State]:
    """The states in which the teacher fills the portfolio and may submit it: those the table
    lets the teacher move out of by submitting. Every page part about filling (what is missing,
    the links to the tables, the declaration and the submit button) shows in these only."""
    return frozenset(
        source
        for row in TRANSITIONS
        if row.kind == "submitted" and Actor.TEACHER in row.actors
        for source in row.sources
    )


def _reachable(starts: frozenset[State], moves: tuple[Transition, ...]) -> frozenset[State]:
    """The states reachable from `starts` (themselves included) by `moves`."""
    seen = set(starts)
    frontier = list(starts)
    while frontier:
        state = frontier.pop()
        for row in moves:
            if state in row.sources and row.target not in seen:
                seen.add(row.target)
                frontier.append(row.target)
    return frozenset(seen)


@cache
def before_any_decision() -> frozenset[State]:
    """The states in which a case has never been decided: reachable from a draft without a
    decision, and not reachable once the case is decided (a re-opened or re-scored case comes
    back to some of the earlier states). A case in one of them has no result, no PLPG place and
    no certificate yet, so the case page asks for none of them."""
    undecided = tuple(row for row in TRANSITIONS if row.target != State.DECIDED)
    early = _reachable(frozenset({State.DRAFT}), undecided)
    return early - _reachable(frozenset({State.DECIDED}), TRANSITIONS)
