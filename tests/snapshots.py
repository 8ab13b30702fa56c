"""Readable snapshot files under ``tests/snapshots/``, compared line by line.

A snapshot is the package's own output recorded once and reviewed by a person: a test that
compares against it notices any change, and shows *which* lines changed (pytest's list diff),
where a pinned hash only says "different". Each top-level key of a JSON-like dict becomes a
``key: value`` line, and each element of a list value a line of compact JSON of its own, so a
changed ball of a draw log is one changed line.

Regenerate after an intended change with ``python -m pytest --update-snapshots`` (only the
tests that use snapshots write them) and review the diff with ``git diff tests/snapshots``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent / "snapshots"


def render(data: dict[str, Any]) -> str:
    """One ``key: value`` line a scalar key, one compact JSON line a list element."""
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, list):
            lines.append(f"{key}: {len(value)}")
            lines.extend(
                "  " + json.dumps(item, ensure_ascii=False, sort_keys=True) for item in value
            )
        else:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}")
    return "\n".join(lines) + "\n"


class Snapshots:
    """The ``snapshot`` fixture: ``snapshot.check("draws/first-1.txt", text)``."""

    def __init__(self, update: bool) -> None:
        self.update = update

    def check(self, name: str, text: str) -> None:
        path = ROOT / name
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
            return
        if not path.is_file():
            pytest.fail(f"no snapshot {path}: run python -m pytest --update-snapshots and review")
        expected = path.read_text("utf-8")
        assert text.splitlines() == expected.splitlines(), f"differs from {path}"
