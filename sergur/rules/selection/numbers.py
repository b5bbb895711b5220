"""Participant numbers (nomor peserta): 14 digits, YY PP KK BBB D NNNN (docs/sources/domain.md
§4.5).

YY programme year, PP province code, KK kab/kota code (SLB teachers: where they teach), BBB
subject (bidang studi) code, D ministry (1 Diknas/Kemdikbud, 2 Depag/Kemenag; from 2017 also
3 KKP, 4 Perindustrian, 5 Pertanian), NNNN serial. Serials run 0001… per kab/kota in rank
order (the 2017 rule); the 2009 rule numbered in the order of the Dinas SK, which is the same
when the SK lists the participants in rank order, as ours does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from msgspec import Struct

from sergur.rules.selection import Ranked

MINISTRIES = {
    1: "Diknas/Kemdikbud",
    2: "Depag/Kemenag",
    3: "KKP",
    4: "Perindustrian",
    5: "Pertanian",
}


class ParticipantNumberError(ValueError):
    """A part of a participant number is out of range, or a number cannot be read."""


class NumberParts(Struct, frozen=True, gc=False):
    """The six parts of a participant number."""

    year: int  # 2009
    province_code: str  # "15"
    district_code: str  # "03"
    subject_code: str  # "180"
    ministry: int  # 1
    serial: int  # 37


def _digits(name: str, value: str, width: int) -> str:
    if not isinstance(value, str) or len(value) != width or not value.isascii():
        raise ParticipantNumberError(f"{name} must be {width} digits, not {value!r}")
    if not value.isdigit():
        raise ParticipantNumberError(f"{name} must be {width} digits, not {value!r}")
    return value


def participant_number(
    year: int,
    province_code: str,
    district_code: str,
    subject_code: str,
    ministry: int,
    serial: int,
) -> str:
    """The 14-digit number YY PP KK BBB D NNNN (docs/sources/domain.md §4.5); each part is
    checked."""
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2099:
        raise ParticipantNumberError(f"the year must be from 2000 to 2099, not {year!r}")
    _digits("the province code", province_code, 2)
    _digits("the district code", district_code, 2)
    _digits("the subject code", subject_code, 3)
    if isinstance(ministry, bool) or ministry not in MINISTRIES:
        raise ParticipantNumberError(
            f"the ministry must be one of {', '.join(map(str, MINISTRIES))}, not {ministry!r}"
        )
    if isinstance(serial, bool) or not isinstance(serial, int) or not 1 <= serial <= 9999:
        raise ParticipantNumberError(f"the serial must be from 1 to 9999, not {serial!r}")
    return f"{year % 100:02d}{province_code}{district_code}{subject_code}{ministry}{serial:04d}"


def parse(number: str) -> NumberParts:
    """Read a participant number; spaces between the parts are allowed (docs/sources/domain.md
    §4.5)."""
    if not isinstance(number, str):
        raise ParticipantNumberError("a participant number is text of 14 digits")
    compact = number.replace(" ", "")
    if len(compact) != 14 or not compact.isascii() or not compact.isdigit():
        raise ParticipantNumberError(
            f"a participant number has 14 digits (YY PP KK BBB D NNNN), not {number!r}"
        )
    parts = NumberParts(
        year=2000 + int(compact[0:2]),
        province_code=compact[2:4],
        district_code=compact[4:6],
        subject_code=compact[6:9],
        ministry=int(compact[9]),
        serial=int(compact[10:14]),
    )
    participant_number(
        parts.year,
        parts.province_code,
        parts.district_code,
        parts.subject_code,
        parts.ministry,
        parts.serial,
    )
    return parts


def assign(
    ranked_selected: Iterable[Ranked], year: int, ministry: int = 1
) -> list[tuple[Ranked, str]]:
    """Serials 0001… per kab/kota in rank order (docs/sources/domain.md §4.5, 2017 rule); all
    unique."""
    chosen = list(ranked_selected)
    seen: set[str] = set()
    by_district: dict[str, list[tuple[int, Ranked]]] = defaultdict(list)
    for index, ranked in enumerate(chosen):
        c = ranked.candidate
        where = f"the selected teacher at position {ranked.position}"
        if len(c.region) != 4 or not c.region.isascii() or not c.region.isdigit():
            raise ParticipantNumberError(
                f"{where}: the region must be 4 digits (province and district code), "
                f"not {c.region!r}"
            )
        _digits(f"{where}: the subject code", c.subject_code, 3)
        if c.nuptk in seen:
            raise ParticipantNumberError(f"{where}: the same NUPTK is selected twice")
        seen.add(c.nuptk)
        by_district[c.region].append((index, ranked))
    numbers: dict[int, str] = {}
    for region, members in by_district.items():
        if len(members) > 9999:
            raise ParticipantNumberError(
                f"district {region}: {len(members)} participants, a serial has 4 digits"
            )
        members.sort(key=lambda item: (item[1].position, item[0]))
        for serial, (index, ranked) in enumerate(members, start=1):
            numbers[index] = participant_number(
                year, region[:2], region[2:], ranked.candidate.subject_code, ministry, serial
            )
    return [(ranked, numbers[index]) for index, ranked in enumerate(chosen)]
