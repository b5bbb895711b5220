"""Characters that change how text looks without being seen: removed from names and file names.

A right-to-left override makes `ijazah<U+202E>fdp.exe` display as `ijazahexe.pdf`; zero-width
characters make two names that look the same compare different. None of them belongs in a
person's name or a file name, so they are dropped wherever such a name enters the system (the
teacher import, the registry, uploaded file names).
"""

from __future__ import annotations

import re

# (first, last) code points, inclusive.
INVISIBLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x061C, 0x061C),  # Arabic letter mark
    (0x180E, 0x180E),  # Mongolian vowel separator
    (0x200B, 0x200F),  # zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
    (0x202A, 0x202E),  # bidirectional embeddings and overrides (LRE, RLE, PDF, LRO, RLO)
    (0x2060, 0x2064),  # word joiner and the invisible operators
    (0x2066, 0x2069),  # bidirectional isolates (LRI, RLI, FSI, PDI)
    (0xFEFF, 0xFEFF),  # zero-width no-break space (byte order mark)
)

# One character class of them, with the characters themselves: Python's `re` and the Rust
# regex of polars read it alike.
INVISIBLE_CLASS = "[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in INVISIBLE_RANGES) + "]"
_INVISIBLE = re.compile(INVISIBLE_CLASS)


def without_invisible(text: str) -> str:
    """`text` without bidirectional controls and zero-width characters (`INVISIBLE_RANGES`)."""
    return _INVISIBLE.sub("", text)
