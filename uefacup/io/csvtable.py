"""Reading the season's CSV tables with every problem reported as ``file:line: what``.

The loaders never stop at the first bad row: they gather problems in a ``Problems`` collector
and raise one ``DataError`` at the end, so a user with five bad rows sees five messages.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from uefacup.errors import DataError, SeasonError
from uefacup.io.text import read_text
from uefacup.model import Score

_SCORE = re.compile(r"^\s*(\d{1,2})\s*[-:–]\s*(\d{1,2})\s*$")


@dataclass
class Problems:
    """Collects problems while a folder is read; ``raise_if_any`` ends the read."""

    items: list[str] = field(default_factory=list)

    def add(self, where: str, what: str) -> None:
        self.items.append(f"{where}: {what}")

    def raise_if_any(self) -> None:
        if self.items:
            raise DataError(self.items)


@dataclass(frozen=True)
class Row:
    """One data row with its location, so later checks can still point at the line."""

    values: dict[str, str]
    where: str

    def get(self, key: str) -> str:
        return (self.values.get(key) or "").strip()


def read_rows(path: Path, required: tuple[str, ...], problems: Problems) -> Iterator[Row]:
    """Rows of a UTF-8 CSV with a header; a missing file or column is a ``SeasonError``.

    Missing columns stop the read at once, since every row would be wrong for the same reason.
    """
    if not path.is_file():
        raise SeasonError(f"{path}: required file is missing")
    text = read_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in reader.fieldnames or []]
    except csv.Error as exc:
        raise SeasonError(f"{path.name}:1: {exc}") from None
    reader.fieldnames = header
    missing = [c for c in required if c not in header]
    if missing:
        raise SeasonError(f"{path.name}:1: missing column(s) {', '.join(missing)}")
    rows = _rows(reader, path.name, problems)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:  # a NUL byte or a quote left open
            problems.add(f"{path.name}:{reader.line_num}", f"not valid CSV ({exc})")
            return
        yield row


def _rows(reader: csv.DictReader[str], name: str, problems: Problems) -> Iterator[Row]:
    for values in reader:
        where = f"{name}:{reader.line_num}"
        if None in values:  # more cells than header columns
            problems.add(where, "more cells than the header has columns")
            continue
        yield Row({k: v or "" for k, v in values.items()}, where)


def parse_score(text: str) -> Score:
    """``"2-1"`` (also ``2:1`` or an en dash) to a Score; ValueError names the bad text."""
    match = _SCORE.match(text)
    if not match:
        raise ValueError(f"bad score {text!r} (expected e.g. 2-1)")
    return Score(int(match.group(1)), int(match.group(2)))


def parse_optional_score(text: str) -> Score | None:
    return parse_score(text) if text.strip() else None
