"""Fitting a table's columns into a width without eliding a number.

Issue 16: "Tables fit 80 columns, by dropping or abbreviating columns rather than eliding
numbers." A terminal library left to itself shrinks every column alike, so on 80 columns a
probability became ``…``. Here the caller says what each column is, and ``fit`` decides, in
this order, until the table fits:

1. every column at its natural width (the longest cell or header);
2. abbreviated columns (``Column.short``: a shorter header and/or shorter cells), the one that
   saves most first;
3. dropped columns, lowest ``drop`` rank first (rank 0: never dropped);
4. text columns that may wrap (``wrap=True``) narrowed, the widest first, down to
   ``min_width`` or their longest word, whichever is wider; wrapped text is still all there.

Numbers (``numeric=True``) and unwrappable text keep their natural width throughout. If even
that does not fit (a terminal far narrower than 80 columns), wrappable text goes down to a few
characters and ``Layout.fits`` is False; callers can then pick another shape (the draw
probabilities become one line per team).

Pure: widths are counted in characters (the names here are Latin, Cyrillic or Greek, one cell
each); the rendering lives in ``uefacup.report.console``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

NARROWEST = 4
"""Width a wrappable text column may reach when nothing else is left to give."""


@dataclass(frozen=True)
class Column:
    """One column of a table: its header, its cells (one per row) and how it may give room."""

    header: str
    cells: Sequence[str]
    numeric: bool = False
    """Right-aligned and never narrowed (a number is shown whole or its column is dropped)."""
    wrap: bool = True
    """Text that may wrap onto more lines (ignored for numbers); False keeps it on one line."""
    min_width: int = 10
    """Narrowest a wrapping column is made while the layout still counts as fitting."""
    drop: int = 0
    """0: always shown; otherwise dropped, lowest rank first, when the table does not fit."""
    short: Column | None = field(default=None, repr=False)
    """The same facts in fewer characters (e.g. "QF" for "Quarter-final"), tried first."""
    styles: Sequence[str] = ()
    """A rich style per cell ("red" for a warning) shown on a terminal; empty: none."""

    def natural(self) -> int:
        """Width needed to show the header and every cell on one line."""
        lines = [self.header, *(line for cell in self.cells for line in cell.splitlines())]
        return max((len(line) for line in lines), default=0)

    def narrowest(self) -> int:
        """Width below which this column is not narrowed while the layout can still fit."""
        natural = self.natural()
        if self.numeric or not self.wrap:
            return natural
        words = [w for cell in self.cells for w in cell.split()] + self.header.split()
        longest = max((len(w) for w in words), default=0)
        return min(natural, max(self.min_width, longest))


@dataclass(frozen=True)
class Layout:
    """The columns to show, each with its width, and what was given up to get there."""

    columns: tuple[Column, ...]
    widths: tuple[int, ...]
    dropped: tuple[str, ...]
    """Headers of the columns left out."""
    fits: bool
    """False when even the narrowest layout is wider than asked (text went below min_width)."""

    def total(self, gap: int) -> int:
        return sum(self.widths) + gap * max(len(self.widths) - 1, 0)


def fit(columns: Sequence[Column], width: int, gap: int) -> Layout:
    """Choose columns and widths so that the table is at most ``width`` characters wide.

    ``gap`` is the number of characters between two columns (the renderer's padding and rule).
    """
    cols = list(columns)
    dropped: list[str] = []

    def total(widths: Sequence[int]) -> int:
        return sum(widths) + gap * max(len(widths) - 1, 0)

    def natural() -> list[int]:
        return [c.natural() for c in cols]

    if total(natural()) <= width:
        return Layout(tuple(cols), tuple(natural()), (), True)
    # 2. abbreviate, the biggest saving first, until the natural widths fit
    savings = sorted(
        (c.short.natural() - c.natural(), i) for i, c in enumerate(cols) if c.short is not None
    )
    for _, i in savings:
        if total(natural()) <= width:
            break
        short = cols[i].short
        assert short is not None
        cols[i] = replace(short, drop=cols[i].drop)
    # 3. drop, lowest rank first, until the narrowest widths fit
    while total([c.narrowest() for c in cols]) > width:
        ranked = [(c.drop, -i) for i, c in enumerate(cols) if c.drop > 0]
        if not ranked:
            break
        _, neg = min(ranked)
        dropped.append(cols.pop(-neg).header)
    # 4. narrow wrapping text, the widest first
    widths = natural()
    floors = [c.narrowest() for c in cols]
    fits = total(floors) <= width
    if not fits:
        floors = [
            f if c.numeric or not c.wrap else min(f, NARROWEST)
            for c, f in zip(cols, floors, strict=True)
        ]
    while total(widths) > width:
        slack = [
            (w - f, w, -i) for i, (w, f) in enumerate(zip(widths, floors, strict=True)) if w > f
        ]
        if not slack:
            break
        _, _, neg = max(slack, key=lambda s: (s[1], s[2]))
        widths[-neg] -= 1
    return Layout(tuple(cols), tuple(widths), tuple(dropped), fits and total(widths) <= width)
