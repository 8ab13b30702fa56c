"""The public API is exactly ``__all__``: all listed names exist, no public name is missing."""

from __future__ import annotations

import uefacup


def test_all_names_exist() -> None:
    missing = [name for name in uefacup.__all__ if not hasattr(uefacup, name)]
    assert missing == []


def test_all_is_complete() -> None:
    public = {
        name
        for name, value in vars(uefacup).items()
        if not name.startswith("_") and getattr(value, "__module__", "").startswith("uefacup")
    }
    assert public <= set(uefacup.__all__), public - set(uefacup.__all__)
