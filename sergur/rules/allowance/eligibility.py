"""A teacher's eligibility for the professional allowance in a semester, with every rule's
reason and the smallest fix (docs/allowance.md, "Eligibility").

The rules, in the order a teacher reads them: the educator certificate and the NRG; payment
from January of the year after the certificate; no permanent post elsewhere; the latest PKG
(from the year that sets a minimum); linearity and the class ratio, which decide which hours
count; the face-to-face floor (later years); and the hours. The minister's written approval
for the semester stands in for the hours (seed 003's FAQ 8 and condition d, Permendiknas
18/2007 art. 6(4)). The funding source follows the employer (seed 003's FAQ, conditions a-c).

The teacher is eligible when every rule passes. Linearity and the ratio do not fail on their
own: their hours simply do not count, and they fail only when the hours fall short, so that
an extra hour never makes an eligible teacher ineligible.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from sergur.rules.allowance.load import Count, Excluded, Load, count_load
from sergur.rules.allowance.params import PKG_ORDER, AllowanceParams
from sergur.rules.allowance.semester import Semester
from sergur.rules.messages import Message, msg
from sergur.rules.messages.catalogue import Lang

PKG_NAMES = {
    "amat_baik": "Amat Baik",
    "baik": "Baik",
    "cukup": "Cukup",
    "sedang": "Sedang",
    "kurang": "Kurang",
}
"""The PK Guru categories as written on the appraisal (docs/sources/domain.md §7.2)."""
DEFAULT_EMPLOYER = {"pns": "regional", "non_pns": "foundation"}
"""The employer when none is recorded: a PNS teacher of a district school is a regional civil
servant; a non-PNS teacher is appointed by the school's foundation (seed 003, conditions a, c)."""


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rules know about the teacher beyond the load."""

    certificate_year: int | None
    has_nrg: bool
    certified_subject: str = ""
    subject_label: str = ""
    may_teach: frozenset[str] = frozenset()
    pkg: str = ""
    employed_elsewhere: bool = False
    approval: str = ""
    """The letter number of the minister's approval covering the semester, or ""."""
    employer: str = "regional"

    def linear(self, subject: str) -> bool:
        """Whether the certificate covers `subject` (itself or the linearity table)."""
        return subject == self.certified_subject or subject in self.may_teach


@dataclass(frozen=True, slots=True)
class Reason:
    """One rule's verdict: passed or not, why, and the smallest change that would pass it."""

    rule: str
    passed: bool
    reason: Message
    fix: Message | None = None
    approval: str = ""
    """The minister's letter that passes the rule although the teacher falls short, or ""."""

    def as_dict(self) -> dict[str, object]:
        """The stored form: both languages of the reason and the fix, and the approval's
        letter when an approval passed the rule."""
        fix = None if self.fix is None else _texts(self.fix)
        stored: dict[str, object] = {
            "rule": self.rule,
            "passed": self.passed,
            "reason": _texts(self.reason),
            "fix": fix,
        }
        if self.approval:
            stored["approval"] = self.approval
        return stored


@dataclass(frozen=True, slots=True)
class Name(Message):
    """A name from year data (a duty) given in both languages, used as a message parameter."""

    code: str = ""
    name_id: str = ""
    name_en: str = ""

    def text(self, lang: Lang) -> str:
        """The name in `lang`."""
        return self.name_id if lang == "id" else self.name_en


def _texts(message: Message) -> dict[Lang, str]:
    return {"id": message.text("id"), "en": message.text("en")}


@dataclass(frozen=True, slots=True)
class Eligibility:
    """The verdict for one teacher and semester."""

    eligible: bool
    count: Count
    load_code: str
    funding: str
    reasons: tuple[Reason, ...]

    @property
    def hours(self) -> Decimal:
        """The hours counted towards the allowance."""
        return self.count.total

    def reasons_json(self) -> list[dict[str, object]]:
        """Every reason in the stored form (SemesterEligibility.reasons)."""
        return [reason.as_dict() for reason in self.reasons]


def _short(gap: Decimal) -> int:
    """The whole hours that close `gap` (a timetable counts whole JP)."""
    return math.ceil(gap)


def _paper(facts: Facts, semester: Semester, params: AllowanceParams) -> list[Reason]:
    reasons = []
    if facts.certificate_year is None:
        reasons.append(
            Reason(
                "certificate",
                False,
                msg("allowance.certificate.missing"),
                msg("allowance.certificate.fix"),
            )
        )
    else:
        year = facts.certificate_year
        reasons.append(Reason("certificate", True, msg("allowance.certificate.ok", year=str(year))))
        first = str(year + 1)
        if semester.year > year:
            reasons.append(Reason("start", True, msg("allowance.start.ok", first=first)))
        else:
            wait = msg("allowance.start.wait", first=first, semester=semester.code)
            reasons.append(Reason("start", False, wait, msg("allowance.start.fix", first=first)))
    if facts.has_nrg:
        reasons.append(Reason("nrg", True, msg("allowance.nrg.ok")))
    else:
        reasons.append(Reason("nrg", False, msg("allowance.nrg.missing"), msg("allowance.nrg.fix")))
    if facts.employed_elsewhere:
        reasons.append(
            Reason(
                "employment",
                False,
                msg("allowance.employment.elsewhere"),
                msg("allowance.employment.fix"),
            )
        )
    else:
        reasons.append(Reason("employment", True, msg("allowance.employment.ok")))
    if params.min_pkg:
        reasons.append(_pkg(facts, semester, params.min_pkg))
    return reasons


def _pkg(facts: Facts, semester: Semester, minimum: str) -> Reason:
    least = PKG_NAMES[minimum]
    if facts.pkg not in PKG_ORDER:
        return Reason(
            "pkg",
            False,
            msg("allowance.pkg.missing", semester=semester.code, minimum=least),
            msg("allowance.pkg.record"),
        )
    name = PKG_NAMES[facts.pkg]
    if PKG_ORDER.index(facts.pkg) >= PKG_ORDER.index(minimum):
        return Reason("pkg", True, msg("allowance.pkg.ok", pkg=name, minimum=least))
    return Reason(
        "pkg",
        False,
        msg("allowance.pkg.low", pkg=name, minimum=least),
        msg("allowance.pkg.fix", minimum=least),
    )


def _counting(count: Count, facts: Facts, params: AllowanceParams, enough: bool) -> list[Reason]:
    """Linearity, the ratio and the schools: they report the hours left out, and fail only
    when the hours fall short (`enough` False)."""
    reasons = []
    subject = facts.subject_label or facts.certified_subject
    left_out = count.excluded_hours(Excluded.LINEARITY)
    if left_out:
        subjects = ", ".join(
            sorted({line.subject for line, why in count.excluded if why == Excluded.LINEARITY})
        )
        reasons.append(
            Reason(
                "linearity",
                enough,
                msg(
                    "allowance.linearity.excluded",
                    hours=left_out,
                    subjects=subjects,
                    subject=subject,
                ),
                None
                if enough
                else msg("allowance.linearity.fix", subject=subject, subjects=subjects),
            )
        )
    else:
        reasons.append(Reason("linearity", True, msg("allowance.linearity.ok", subject=subject)))
    if params.min_pupils:
        left_out = count.excluded_hours(Excluded.RATIO)
        if left_out:
            classes = ", ".join(
                sorted({line.label for line, why in count.excluded if why == Excluded.RATIO})
            )
            reasons.append(
                Reason(
                    "ratio",
                    enough,
                    msg("allowance.ratio.excluded", hours=left_out, classes=classes),
                    None if enough else msg("allowance.ratio.fix"),
                )
            )
        else:
            reasons.append(Reason("ratio", True, msg("allowance.ratio.ok")))
    left_out = sum(
        (
            count.excluded_hours(why)
            for why in (Excluded.SCHOOLS, Excluded.OTHER_SCHOOL, Excluded.TEAM)
        ),
        Decimal(0),
    )
    if left_out:
        maximum = params.max_schools if params.max_schools else 1
        reasons.append(
            Reason(
                "schools",
                enough,
                msg("allowance.schools.excluded", hours=left_out, maximum=maximum),
                None if enough else msg("allowance.schools.fix"),
            )
        )
    return reasons


def _hours(count: Count, facts: Facts, params: AllowanceParams) -> tuple[list[Reason], bool]:
    """The face-to-face floor and the hours, and whether the hours suffice (or are approved)."""
    reasons = []
    subject = facts.subject_label or facts.certified_subject
    face_ok = count.face_to_face >= params.min_face_to_face
    hours_ok = count.total >= count.required
    approved = bool(facts.approval)
    if params.min_face_to_face:
        if face_ok:
            face = msg(
                "allowance.face.ok", hours=count.face_to_face, minimum=params.min_face_to_face
            )
            reasons.append(Reason("face_to_face", True, face))
        elif approved:
            face = msg(
                "allowance.face.approved",
                hours=count.face_to_face,
                minimum=params.min_face_to_face,
                letter=facts.approval,
            )
            reasons.append(Reason("face_to_face", True, face, approval=facts.approval))
        else:
            short = _short(params.min_face_to_face - count.face_to_face)
            reasons.append(
                Reason(
                    "face_to_face",
                    False,
                    msg(
                        "allowance.face.short",
                        hours=count.face_to_face,
                        minimum=params.min_face_to_face,
                    ),
                    msg("allowance.face.fix", short=short, subject=subject),
                )
            )
    if hours_ok:
        duty = params.duty(count.obligation_duty)
        if duty is not None:
            said = msg(
                "allowance.hours.obligation",
                hours=count.total,
                duty=Name(name_id=duty.name_id, name_en=duty.name_en),
                required=count.required,
            )
        else:
            said = msg("allowance.hours.ok", hours=count.total, required=count.required)
        reasons.append(Reason("hours", True, said))
    elif approved:
        said = msg(
            "allowance.hours.approved",
            hours=count.total,
            required=count.required,
            letter=facts.approval,
        )
        reasons.append(Reason("hours", True, said, approval=facts.approval))
    else:
        short = _short(count.required - count.total)
        reasons.append(
            Reason(
                "hours",
                False,
                msg(
                    "allowance.hours.short",
                    hours=count.total,
                    required=count.required,
                    short=short,
                ),
                msg("allowance.hours.fix", short=short, subject=subject),
            )
        )
    return reasons, approved or (hours_ok and face_ok)


def evaluate(load: Load, facts: Facts, semester: Semester, params: AllowanceParams) -> Eligibility:
    """Whether the teacher is eligible in `semester`, with every rule's reason and fix
    (docs/allowance.md, "Eligibility")."""
    count = count_load(load, params, facts.linear)
    hour_reasons, enough = _hours(count, facts, params)
    reasons = (
        _paper(facts, semester, params) + _counting(count, facts, params, enough) + hour_reasons
    )
    return Eligibility(
        eligible=all(reason.passed for reason in reasons),
        count=count,
        load_code=params.load_code(count.total),
        funding=params.fund(facts.employer),
        reasons=tuple(reasons),
    )
