"""Exact pairing probabilities of pots of up to eight teams, in plain Python, in milliseconds.

The procedure is the one of ``uefacup.draw.probabilities``: an unseeded ball drawn uniformly
from those left, its opponent uniformly among the seeded teams it may meet whose removal
leaves the rest completable. This module computes the same numbers without numpy or numba,
fast enough that a whole ``uefacup draw --probabilities`` process for a round of 16 is
dominated by the interpreter's start. Three ideas, each standard:

* **Interchangeable teams are counted, not named.** Unseeded teams with the same row of
  allowed opponents form a class, and so do seeded teams with the same column. Permuting the
  members of a class maps the draw onto itself, so a state only needs how many of each class
  are left, and each member of a class gets the same share of the class's probability. A class
  of ``m`` teams takes ``m`` bit positions and holds ``c`` teams left as its ``c`` lowest bits
  (a unary count), so a state is still a pair of 8-bit masks (unseeded, seeded) and taking a
  team out of a class clears the class's highest set bit. With no two teams alike (most
  Champions League rounds) this is the plain bit-set state; with many alike (a Conference
  League round with few constraints) a few dozen states replace thousands.
* **Completable states as families of sets.** For each unseeded mask ``A`` the seeded masks
  ``B`` that can still be paired off form a family, kept as one Python integer with bit ``B``
  set (a 256-bit "set of sets"). Adding a seeded team at bit position ``e`` to every member of
  a family is a shift by ``1 << e``; so the family of ``A`` is built from the family of ``A``
  without its lowest class's top team in a few shifts (that team needs an allowed partner
  whose removal leaves a completable rest): 256 unseeded masks, a few thousand big-integer
  operations in all. The same shifts mark, per ``A``, the states from which some allowed
  pairing would lead to a state that cannot be completed; only those take the slow path that
  tests each candidate opponent.
* **Forward propagation by level.** The probability of reaching each state is pushed from
  the states with ``k`` teams a pot to those with ``k - 1``, in one flat list indexed by
  ``A << 8 | B``. Each (state, unseeded class) adds its share to the pairs it may draw via a
  per-mask accumulator, expanded to classes once at the end.

Cost: at most C(16, 8) = 12,870 states and about 220,000 transitions for 8 v 8 with no two
teams alike (a few milliseconds a thousand transitions); the tests compare it with the
recursion of ``probabilities._Solver`` and with a naive enumeration of every draw.
"""

from __future__ import annotations

from itertools import product

from uefacup.draw.teams import Constraints, Pots, compatibility

__all__ = ["LIMIT", "solve_small"]

LIMIT = 8
"""Largest pot this module takes: states are pairs of 8-bit masks."""

_POP = tuple(bin(m).count("1") for m in range(256))


def _classes(masks: list[int]) -> list[list[int]]:
    """Indices grouped by equal mask, in order of first appearance."""
    groups: dict[int, list[int]] = {}
    for i, mask in enumerate(masks):
        groups.setdefault(mask, []).append(i)
    return list(groups.values())


def _codes(sizes: list[int], starts: list[int]) -> list[tuple[int, tuple[int, ...]]]:
    """Every canonical mask (each class's count as its lowest bits) with the counts."""
    out = []
    for counts in product(*(range(size + 1) for size in sizes)):
        mask = 0
        for start, count in zip(starts, counts, strict=True):
            mask |= ((1 << count) - 1) << start
        out.append((mask, counts))
    return out


def solve_small(pots: Pots, constraints: Constraints) -> list[list[float]]:
    """P(unseeded i meets seeded j) as ``[i][j]``, for pots of at most ``LIMIT`` teams.

    The caller has checked that the pots can be drawn (``check_drawable``).
    """
    n = len(pots.seeded)
    if n > LIMIT or len(pots.unseeded) != n:
        raise ValueError(f"solve_small takes two pots of at most {LIMIT} teams")
    rows = compatibility(pots.unseeded, pots.seeded, constraints)
    columns = [sum(1 << u for u in range(n) if rows[u] >> s & 1) for s in range(n)]
    u_classes = _classes(rows)
    s_classes = _classes(columns)
    u_sizes = [len(c) for c in u_classes]
    s_sizes = [len(c) for c in s_classes]
    u_starts = [sum(u_sizes[:i]) for i in range(len(u_sizes))]
    s_starts = [sum(s_sizes[:j]) for j in range(len(s_sizes))]
    s_segment = [((1 << size) - 1) << start for size, start in zip(s_sizes, s_starts, strict=True)]
    # allowed seeded positions of each unseeded class: whole seeded classes
    allow = [
        sum(seg for seg, sc in zip(s_segment, s_classes, strict=True) if rows[uc[0]] >> sc[0] & 1)
        for uc in u_classes
    ]
    s_codes = _codes(s_sizes, s_starts)
    u_codes = _codes(u_sizes, u_starts)

    # a canonical seeded mask's classes present: (top bit, count); and families by count
    trans: dict[int, tuple[tuple[int, int], ...]] = {}
    exact = [[0] * (size + 1) for size in s_sizes]
    by_total_s: list[list[int]] = [[] for _ in range(n + 1)]
    every = [0] * (n + 1)  # every canonical seeded mask of a total, as a family
    for mask, counts in s_codes:
        trans[mask] = tuple(
            (1 << (start + count - 1), count)
            for start, count in zip(s_starts, counts, strict=True)
            if count
        )
        for j, count in enumerate(counts):
            exact[j][count] |= 1 << mask
        total = sum(counts)
        by_total_s[total].append(mask)
        every[total] |= 1 << mask
    # adding the next team of seeded class j to a family: (family of that count, shift)
    grow = [
        [(exact[j][t], 1 << (s_starts[j] + t)) for t in range(s_sizes[j])]
        for j in range(len(s_sizes))
    ]
    allowed_classes = [
        [j for j, seg in enumerate(s_segment) if allow[i] & seg] for i in range(len(u_classes))
    ]

    # per canonical unseeded mask: its classes present (class, top bit, count)
    present: dict[int, list[tuple[int, int, int]]] = {}
    by_total_u: list[list[int]] = [[] for _ in range(n + 1)]
    for mask, counts in u_codes:
        present[mask] = [
            (i, 1 << (start + count - 1), count)
            for i, (start, count) in enumerate(zip(u_starts, counts, strict=True))
            if count
        ]
        by_total_u[sum(counts)].append(mask)

    # completable families, by increasing number of teams; per (mask, class present), the
    # seeded masks from which one of the class's allowed opponents leads to a dead end
    good: dict[int, int] = {0: 1}
    steps: dict[int, list[tuple[int, int, int, int, int, int]]] = {}
    for total in range(1, n + 1):
        for a in by_total_u[total]:
            i, top, _ = present[a][0]
            rest = good[a ^ top]
            family = 0
            for j in allowed_classes[i]:
                for same, shift in grow[j]:
                    family |= (rest & same) << shift
            good[a] = family
            steps[a] = []
            for i, top, count in present[a]:
                bad = every[total - 1] & ~good[a ^ top]
                danger = 0
                if bad:
                    for j in allowed_classes[i]:
                        for same, shift in grow[j]:
                            danger |= (bad & same) << shift
                steps[a].append((i, top << 8, count, allow[i], danger & family, good[a ^ top]))

    mass = [0.0] * (1 << 16)
    full_u = (1 << n) - 1
    mass[full_u << 8 | full_u] = 1.0
    acc = [[0.0] * 256 for _ in u_classes]
    if all(size == 1 for size in s_sizes):
        _forward_single(n, by_total_u, by_total_s, steps, mass, acc)
    else:
        _forward(n, by_total_u, by_total_s, steps, trans, s_segment, mass, acc)

    # expand: per unseeded class and candidate mask, each seeded class present gets q * count
    position_class = {}
    for j, (start, size) in enumerate(zip(s_starts, s_sizes, strict=True)):
        for k in range(size):
            position_class[1 << (start + k)] = j
    by_class = [[0.0] * len(s_classes) for _ in u_classes]
    for i, row in enumerate(acc):
        for c, q in enumerate(row):
            if q:
                for bit, m in trans[c]:
                    by_class[i][position_class[bit]] += q * m
    out = [[0.0] * n for _ in range(n)]
    for i, members in enumerate(u_classes):
        for j, s_members in enumerate(s_classes):
            value = by_class[i][j] / (len(members) * len(s_members))
            for u in members:
                for s in s_members:
                    out[u][s] = value
    return out


_Steps = dict[int, list[tuple[int, int, int, int, int, int]]]
_INVERSE = tuple(1.0 / k if k else 0.0 for k in _POP)
_BITS = tuple(tuple(1 << j for j in range(8) if mask >> j & 1) for mask in range(256))


def _forward(
    n: int,
    by_total_u: list[list[int]],
    by_total_s: list[list[int]],
    steps: _Steps,
    trans: dict[int, tuple[tuple[int, int], ...]],
    s_segment: list[int],
    mass: list[float],
    acc: list[list[float]],
) -> None:
    """The forward pass: for each unseeded mask ``a`` and class present, every state of ``a``
    reached so far pushes ``p * count / total / |valid opponents|`` to each child, times the
    number of opponents of the seeded class (see the module's docstring)."""
    segment_of = {bit: seg for seg in s_segment for bit in _BITS[seg]}
    inverse = _INVERSE
    for total in range(n, 0, -1):
        masks = by_total_s[total]
        for a in by_total_u[total]:
            high = a << 8
            live = [(b, p) for b in masks if (p := mass[high | b])]
            if not live:
                continue
            for i, top, count, allowed, danger, family in steps[a]:
                row = acc[i]
                start = high - top
                scale = count / total
                for b, p in live:
                    c = allowed & b
                    if danger >> b & 1:  # leave out the opponents that lead to a dead end
                        for bit, _ in trans[c]:
                            if not family >> (b - bit) & 1:
                                c &= ~segment_of[bit]
                    q = p * scale * inverse[c]
                    base = start + b
                    for bit, m in trans[c]:
                        mass[base - bit] += q * m
                    row[c] += q


def _forward_single(
    n: int,
    by_total_u: list[list[int]],
    by_total_s: list[list[int]],
    steps: _Steps,
    mass: list[float],
    acc: list[list[float]],
) -> None:
    """``_forward`` when no two seeded teams are alike (each class one team, one bit): the
    same pass with the seeded counts, all 1, left out of the inner loop, the unseeded count
    folded into the table of ``count / |valid opponents|``, and the dead-end test only in the
    (mask, class) pairs that can meet a dead end. This is the loop a Champions League round
    of 16 spends its time in (about 150,000 transitions)."""
    bits = _BITS
    weights = {1: _INVERSE}
    for total in range(n, 0, -1):
        masks = by_total_s[total]
        for a in by_total_u[total]:
            high = a << 8
            live = [(b, p / total) for b in masks if (p := mass[high | b])]
            if not live:
                continue
            for i, top, count, allowed, danger, family in steps[a]:
                row = acc[i]
                start = high - top
                if count not in weights:
                    weights[count] = tuple(count * x for x in _INVERSE)
                weight = weights[count]
                if danger:
                    for b, p in live:
                        c = allowed & b
                        if danger >> b & 1:  # leave out the opponents that lead to a dead end
                            for bit in bits[c]:
                                if not family >> (b - bit) & 1:
                                    c ^= bit
                        q = p * weight[c]
                        base = start + b
                        for bit in bits[c]:
                            mass[base - bit] += q
                        row[c] += q
                else:
                    for b, p in live:
                        c = allowed & b
                        q = p * weight[c]
                        base = start + b
                        for bit in bits[c]:
                            mass[base - bit] += q
                        row[c] += q
