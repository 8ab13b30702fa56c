"""Perfect matchings on bitsets: the "can the draw still be completed?" test.

Rows are teams of one pot, bit ``j`` of ``adjacency[i]`` says row ``i`` may meet column ``j``.
Pots are at most a few dozen teams, so Python ints as bitsets and Kuhn's augmenting paths are
both exact and fast enough; no graph library is needed.
"""

from __future__ import annotations

from collections.abc import Sequence


def bit_indices(mask: int) -> list[int]:
    """Positions of the set bits of ``mask``, lowest first."""
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

    for row in bit_indices(rows):
        augment(row, [0])
    return owner


def unmatched_row(adjacency: Sequence[int], rows: int, columns: int) -> int | None:
    """A row left without a partner by a maximum matching, None if every row has one.

    The row found is a witness for the log: "this ball would leave X without an opponent".
    """
    if perfect_matching(adjacency, rows, columns) is not None:
        return None  # the usual case, found fast; the witness below needs Kuhn's own order
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
    return perfect_matching(adjacency, rows, columns) is not None


def perfect_matching(adjacency: Sequence[int], rows: int, columns: int) -> dict[int, int] | None:
    """A matching (column -> row) giving every row a distinct column, None if there is none.

    The fast yes/no behind ``has_perfect_matching`` and the draw engine. Greedy first (each row
    takes its lowest free column), then one augmenting search per row left over, trying free
    columns before taking one from another row. The size of a maximum matching does not depend
    on how it is found, so this agrees with ``maximum_matching``; only the witness of
    ``unmatched_row`` depends on that function's order, and it is computed there.
    """
    if rows.bit_count() > columns.bit_count():
        return None
    owner: dict[int, int] = {}
    taken = 0
    pending = []
    for row in bit_indices(rows):
        free = adjacency[row] & columns & ~taken
        if free:
            low = free & -free
            taken |= low
            owner[low.bit_length() - 1] = row
        else:
            pending.append(row)
    if not pending:
        return owner

    def augment(row: int, seen: list[int]) -> bool:
        reach = adjacency[row] & columns & ~seen[0]
        if not reach:
            return False
        seen[0] |= reach
        free = reach & ~taken
        if free:
            low = free & -free
            owner[low.bit_length() - 1] = row
            return True
        while reach:
            low = reach & -reach
            reach ^= low
            col = low.bit_length() - 1
            if augment(owner[col], seen):
                owner[col] = row
                return True
        return False

    for row in pending:
        seen = [0]
        if not augment(row, seen):
            return None
        taken = 0
        for col in owner:
            taken |= 1 << col
    return owner


def transpose(adjacency: Sequence[int], columns: int) -> list[int]:
    """The column-major view of ``adjacency`` (bit ``i`` of entry ``j`` = row ``i`` meets ``j``)."""
    out = [0] * columns
    for i, row in enumerate(adjacency):
        for j in bit_indices(row):
            out[j] |= 1 << i
    return out
