"""Every 2007 FAQ sentence the selection tests quote is, word for word, in seed 003."""

from __future__ import annotations

import pytest

from . import seed003


@pytest.mark.parametrize("quote", seed003.QUOTES)
def test_the_quote_is_in_the_seed(quote: str) -> None:
    assert quote in seed003.SEED.read_text(encoding="utf-8")
