"""A cheap upper bound on the states an exact-probability computation may visit.

Teams of one pot that may meet exactly the same opponents are interchangeable, so a state of
the draw is at most: how many of each such class of unseeded teams are left, and how many of
each class of seeded teams, with as many left on both sides. Counting those pairs is a product
of small polynomials, done in a moment before the real work starts.

It is an upper bound, and a loose one: the solver also merges states that differ only by a
relabelling of groups or forbidden pairs, and never visits a state from which the draw cannot
be completed. The ten 16 v 16 Europa League draws of 2011-2020 bound at 1.2e8-6.0e8 and the
solver memoised 1e4-4e5 of them (benchmarks/README.md). A pot whose bound is far beyond that,
a 40 v 40 draw of many associations at about 1e23, is worth a warning before an unbounded wait.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from uefacup.draw.teams import Constraints, Pots

__all__ = ["LARGE_STATE_SPACE", "state_bound"]

LARGE_STATE_SPACE = 10**10
"""Bounds above this get a warning: 16 times the largest bound of the real 16 v 16 draws, all
of which finish in seconds."""


def state_bound(pots: Pots, constraints: Constraints) -> int:
    """Upper bound on the (unseeded left, seeded left) states with as many teams on each side."""
    unseeded = Counter(
        frozenset(s.name for s in pots.seeded if not constraints.allowed(u, s))
        for u in pots.unseeded
    )
    seeded = Counter(
        frozenset(u.name for u in pots.unseeded if not constraints.allowed(u, s))
        for s in pots.seeded
    )
    left_u, left_s = _left(unseeded.values()), _left(seeded.values())
    return sum(a * b for a, b in zip(left_u, left_s, strict=False))


def _left(classes: Iterable[int]) -> list[int]:
    """Coefficient k: the ways to leave k teams in the bowl, counting class members as alike."""
    ways = [1]
    for size in classes:
        grown = [0] * (len(ways) + size)
        for i, count in enumerate(ways):
            for j in range(size + 1):
                grown[i + j] += count
        ways = grown
    return ways
