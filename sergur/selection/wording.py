"""What the selection pages say about one teacher's result, in Indonesian first and English:
the ranking factors in the year's key order and why the teacher is or is not selected
(Buku 1; facts.md §4.3-§4.5). The sentences join the rules core's catalogue, so they render
like every other reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sergur.rules.messages import TEMPLATES, Lang, Message, msg
from sergur.selection.models import SelectionEntry, SelectionRun

TEMPLATES.update(
    {
        "selection.factor.service": {"id": "Masa kerja", "en": "Years of service"},
        "selection.factor.age": {"id": "Usia (tanggal lahir)", "en": "Age (date of birth)"},
        "selection.factor.rank": {"id": "Pangkat/golongan", "en": "Rank (golongan)"},
        "selection.factor.teaching_load": {"id": "Beban mengajar", "en": "Teaching load"},
        "selection.factor.additional_duty": {"id": "Tugas tambahan", "en": "Additional duty"},
        "selection.factor.achievement": {"id": "Prestasi kerja", "en": "Work achievement"},
        "selection.value.months": {
            "id": "{years} tahun {months} bulan",
            "en": "{years} years {months} months",
        },
        "selection.value.hours": {"id": "{hours} jam per minggu", "en": "{hours} hours a week"},
        "selection.value.none": {"id": "tidak ada", "en": "none"},
        "selection.value.duty.1": {"id": "Tugas tambahan lain", "en": "Other additional duty"},
        "selection.value.duty.2": {
            "id": "Wakil kepala sekolah atau kepala program/laboratorium",
            "en": "Vice-principal or head of department/laboratory",
        },
        "selection.value.duty.3": {"id": "Kepala sekolah", "en": "Principal"},
        "selection.value.achievement.1": {"id": "Tingkat kabupaten/kota", "en": "District"},
        "selection.value.achievement.2": {"id": "Tingkat provinsi", "en": "Province"},
        "selection.value.achievement.3": {"id": "Tingkat nasional", "en": "National"},
        "selection.value.achievement.4": {"id": "Tingkat internasional", "en": "International"},
        "selection.why.rank": {
            "id": "Terpilih: peringkat {position} dari {eligible} guru yang memenuhi syarat, "
            "dalam kuota {quota} orang. Nomor peserta: {number}.",
            "en": "Selected: rank {position} of {eligible} eligible teachers, within the quota "
            "of {quota}. Participant number: {number}.",
        },
        "selection.why.non_pns_share": {
            "id": "Terpilih: peringkat {position} dari {eligible}, melalui porsi minimal guru "
            "non-PNS ({share} % dari kuota {quota} orang). Nomor peserta: {number}.",
            "en": "Selected: rank {position} of {eligible}, through the minimum non-PNS share "
            "({share} % of the quota of {quota}). Participant number: {number}.",
        },
        "selection.why.beyond_quota": {
            "id": "Memenuhi syarat tetapi belum terpilih: peringkat {position} dari {eligible} "
            "guru yang memenuhi syarat, sedangkan kuota kabupaten/kota {quota} orang.",
            "en": "Eligible but not selected: rank {position} of {eligible} eligible teachers, "
            "and the district's quota is {quota}.",
        },
        "selection.why.not_eligible": {
            "id": "Tidak memenuhi syarat tahun ini, karena:",
            "en": "Not eligible this year, because:",
        },
    }
)


@dataclass(frozen=True)
class Factor:
    """One ranking factor as the teacher reads it."""

    label: str
    value: str


def _value(key: str, value: object, lang: Lang) -> str:
    if key == "service" and isinstance(value, int):
        return msg("selection.value.months", years=value // 12, months=value % 12).text(lang)
    if key == "age" and isinstance(value, str):
        try:
            born = dt.date.fromisoformat(value)
        except ValueError:
            return value
        return born.strftime("%d-%m-%Y")
    if key == "teaching_load" and isinstance(value, int):
        return msg("selection.value.hours", hours=value).text(lang)
    if key in ("additional_duty", "achievement") and isinstance(value, int):
        code = f"selection.value.{'duty' if key == 'additional_duty' else key}.{value}"
        return msg(code).text(lang) if code in TEMPLATES else msg("selection.value.none").text(lang)
    if key == "rank" and not value:
        return msg("selection.value.none").text(lang)
    return str(value)


def factors(entry: SelectionEntry, lang: Lang) -> list[Factor]:
    """The entry's ranking factors in the year's key order (facts.md §4.3), in plain words."""
    out = []
    for key, value in entry.factors:
        code = f"selection.factor.{key}"
        label = msg(code).text(lang) if code in TEMPLATES else str(key)
        out.append(Factor(label=label, value=_value(str(key), value, lang)))
    return out


def why(entry: SelectionEntry, run: SelectionRun) -> Message:
    """Why the teacher is or is not selected (Buku 1): by rank, by the non-PNS share, beyond
    the quota, or not eligible (the reasons follow)."""
    share = run.params.get("non_pns_min_share", "0")
    try:
        percent = round(float(share) * 100)
    except (TypeError, ValueError):
        percent = 0
    common = {
        "position": entry.position or 0,
        "eligible": run.eligible,
        "quota": run.quota,
    }
    if entry.selected and entry.selected_by == SelectionEntry.SelectedBy.NON_PNS_SHARE:
        return msg(
            "selection.why.non_pns_share",
            **common,
            share=percent,
            number=entry.participant_number,
        )
    if entry.selected:
        return msg("selection.why.rank", **common, number=entry.participant_number)
    note = entry.note_message
    if entry.eligible and note is not None:
        return note  # the place went to a non-PNS teacher (the year's minimum share)
    if entry.eligible:
        return msg("selection.why.beyond_quota", **common)
    return msg("selection.why.not_eligible")
