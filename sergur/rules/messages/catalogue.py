"""What a message catalogue is: codes mapped to their text in Indonesian (id) and English (en),
and the one way catalogues are joined."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

Catalogue = dict[str, dict[Lang, str]]


def prefixed(prefix: str, names: Mapping[str, dict[Lang, str]]) -> Catalogue:
    """A vocabulary table filed under `prefix.key` codes, e.g. `component.qualification`."""
    return {f"{prefix}.{key}": text for key, text in names.items()}


def merge(*catalogues: Mapping[str, dict[Lang, str]]) -> Catalogue:
    """One catalogue of all of `catalogues`; a code defined twice is an error."""
    merged: Catalogue = {}
    for catalogue in catalogues:
        for code, text in catalogue.items():
            if code in merged:
                raise ValueError(f"message code {code!r} is defined twice")
            merged[code] = text
    return merged
