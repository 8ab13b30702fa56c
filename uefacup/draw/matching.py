"""Perfect matchings on bitsets: the "can the draw still be completed?" test.

Rows are teams of one pot, bit ``j`` of ``adjacency[i]`` says row ``i`` may meet column ``j``.
Pots are at most a few dozen teams, so Python ints as bitsets and Kuhn's augmenting paths are
both exact and fast enough; no graph library is needed.
"""

from __future__ import annotations

from collections.abc import Sequence


def _bits(mask: int) -> list[int]:
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


def maximum_matching(adjacency: Sequence[int], rows: int, columns: int) -> dict[int, int]:
    """A maximum matching between the row set and column set (bitsets), as column -> row."""
    owner: dict[int, int] = {}

    def augment(row: int, seen: list[int]) -> bool:
        free = adjacency[row] & columns & ~seen[0]
        while free:
            low = free & -free
            free ^= low
            seen[0] |= low
            col = low.bit_length() - 1
            if col not in owner or augment(owner[col], seen):
                owner[col] = row
                return True
        return False

    for row in _bits(rows):
        augment(row, [0])
    return owner


def unmatched_row(adjacency: Sequence[int], rows: int, columns: int) -> int | None:
    """A row left without a partner by a maximum matching, None if every row has one.

    The row found is a witness for the log: "this ball would leave X without an opponent".
    """
    owner = maximum_matching(adjacency, rows, columns)
    matched = 0
    for row in owner.values():
        matched |= 1 << row
    left = rows & ~matched
    if not left:
        return None
    return (left & -left).bit_length() - 1


def has_perfect_matching(adjacency: Sequence[int], rows: int, columns: int) -> bool:
    """True when every row can be paired with a distinct column (and the sets are equal-sized)."""
    if rows.bit_count() != columns.bit_count():
        return False
    return unmatched_row(adjacency, rows, columns) is None


def transpose(adjacency: Sequence[int], columns: int) -> list[int]:
    """The column-major view of ``adjacency`` (bit ``i`` of entry ``j`` = row ``i`` meets ``j``)."""
    out = [0] * columns
    for i, row in enumerate(adjacency):
        for j in _bits(row):
            out[j] |= 1 << i
    return out
