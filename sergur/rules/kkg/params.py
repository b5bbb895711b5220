"""KKG/MGMP parameters of a programme year: `years/kkg/<year>.toml` (docs/kkg.md).

A year file names the yearly minimum of meetings, the package size, the credit a package earns
and the outputs a package works on (docs/sources/domain.md §7.4). The rules in force in a year
are those of the latest file not after it, so a new year needs a file only when a rule changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sergur.rules.programme import SHIPPED_DIR, ProgrammeYearError, exact_decimal, read_year_data

KKG_DIR = "kkg"


@dataclass(frozen=True, slots=True)
class OutputKind:
    """A kind of output a package works on (syllabus, assessment instruments, ...)."""

    key: str
    name_id: str
    name_en: str

    def name(self, lang: str) -> str:
        """The kind's name in `lang`."""
        return self.name_id if lang == "id" else self.name_en


@dataclass(frozen=True, slots=True)
class KkgParams:
    """The working-group rules in force from `year`."""

    year: int
    min_meetings_per_year: int
    min_meetings_per_package: int
    min_attended_per_package: int
    package_credit: Decimal
    report_required: bool
    outputs: tuple[OutputKind, ...]

    def output(self, key: str) -> OutputKind:
        """The output kind named `key`."""
        for kind in self.outputs:
            if kind.key == key:
                return kind
        raise KeyError(key)


def _fail(path: Path, key: str, what: str) -> ProgrammeYearError:
    return ProgrammeYearError(f"{path}: kkg.{key} {what}")


def _whole(path: Path, section: dict[str, object], key: str) -> int:
    value = section.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _fail(path, key, "must be a whole number, 1 or more")
    return value


def _output(path: Path, index: int, raw: object) -> OutputKind:
    where = f"outputs[{index}]"
    name = raw.get("name") if isinstance(raw, dict) else None
    key = raw.get("key") if isinstance(raw, dict) else None
    if not isinstance(key, str) or not key or not isinstance(name, dict):
        raise _fail(path, where, "must have a key and a name with id and en")
    name_id, name_en = name.get("id"), name.get("en")
    if not isinstance(name_id, str) or not isinstance(name_en, str):
        raise _fail(path, f"{where}.name", "must have the texts id and en")
    return OutputKind(key=key, name_id=name_id, name_en=name_en)


def parse_kkg(path: Path, data: dict[str, object]) -> KkgParams:
    """Check the `[kkg]` section of a year file; every problem names the file and the key."""
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise ProgrammeYearError(f"{path}: 'year' must be an integer")
    section = data.get("kkg")
    if not isinstance(section, dict):
        raise ProgrammeYearError(f"{path}: the [kkg] section is missing")
    credit = exact_decimal(section.get("package_credit"))
    if credit is None or credit < 0:
        raise _fail(path, "package_credit", "must be a number, 0 or more")
    raw_outputs = section.get("outputs")
    if not isinstance(raw_outputs, list) or not raw_outputs:
        raise _fail(path, "outputs", "must list the kinds of output")
    outputs = tuple(_output(path, index, raw) for index, raw in enumerate(raw_outputs))
    if len({kind.key for kind in outputs}) != len(outputs):
        raise _fail(path, "outputs", "repeat a key")
    per_package = _whole(path, section, "min_meetings_per_package")
    attended = _whole(path, section, "min_attended_per_package")
    if attended > per_package:
        raise _fail(path, "min_attended_per_package", "is more than a package's meetings")
    return KkgParams(
        year=year,
        min_meetings_per_year=_whole(path, section, "min_meetings_per_year"),
        min_meetings_per_package=per_package,
        min_attended_per_package=attended,
        package_credit=credit,
        report_required=section.get("report_required", True) is True,
        outputs=outputs,
    )


def kkg_dirs(extra_dirs: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """The folders searched for KKG year files, the deployment's first."""
    return (*(folder / KKG_DIR for folder in extra_dirs), SHIPPED_DIR / KKG_DIR)


def in_force(folders: tuple[Path, ...], year: int, what: str) -> Path:
    """The file of the latest year not after `year` in the first folder that has one."""
    for folder in folders:
        years = sorted(
            int(path.stem)
            for path in folder.glob("*.toml")
            if path.stem.isascii() and path.stem.isdigit() and int(path.stem) <= year
        )
        if years:
            return folder / f"{years[-1]}.toml"
    raise ProgrammeYearError(f"no {what} rules are in force in {year}")


_CACHE: dict[tuple[int, tuple[Path, ...]], KkgParams] = {}


def kkg_params(year: int, extra_dirs: tuple[Path, ...] = ()) -> KkgParams:
    """The working-group rules in force in `year`."""
    key = (year, tuple(extra_dirs))
    if key not in _CACHE:
        path = in_force(kkg_dirs(key[1]), year, "KKG/MGMP")
        _CACHE[key] = parse_kkg(path, read_year_data(path))
    return _CACHE[key]
