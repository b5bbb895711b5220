"""KKG/MGMP working groups as rules: the year's parameters (`params`), the yearly programme
and a package's credit with their reasons (`programme`); docs/kkg.md."""

from __future__ import annotations

from sergur.rules.kkg.params import KkgParams, OutputKind, in_force, kkg_params
from sergur.rules.kkg.programme import (
    PackageCredit,
    ProgrammeCheck,
    package_credit,
    participation,
    programme_check,
)

__all__ = [
    "KkgParams",
    "OutputKind",
    "PackageCredit",
    "ProgrammeCheck",
    "in_force",
    "kkg_params",
    "package_credit",
    "participation",
    "programme_check",
]
