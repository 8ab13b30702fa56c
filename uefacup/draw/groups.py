"""Splitting a round's pots into draw groups ("for convenience of the draw").

The 2002-03 qualifying round drew 82 clubs in nine groups of eight and one of ten, each with as
many seeded as unseeded clubs, and paired clubs only within a group. The sources do not say
how UEFA filled the groups, so this module does the plainest thing that can be checked by
hand: deal both pots into the groups in seeding order (group 1 takes the first seeded and the
first unseeded clubs, and so on), then repair any group that could not be paired completely
without two clubs of one association meeting, by swapping unseeded clubs with a later group
(closest in the seeding order first). The result is deterministic and every group is
guaranteed to admit a complete pairing, so the sequential draw can never stall.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from uefacup.draw.matching import has_perfect_matching, maximum_matching
from uefacup.draw.teams import Constraints, Pots, Team, check_drawable, compatibility
from uefacup.errors import DrawError


@dataclass(frozen=True, slots=True)
class DrawGroup:
    """One group of a round's draw: clubs are paired seeded v unseeded only within it."""

    number: int
    seeded: tuple[Team, ...]
    unseeded: tuple[Team, ...]

    @property
    def teams(self) -> tuple[Team, ...]:
        return self.seeded + self.unseeded


def completable(seeded: Sequence[Team], unseeded: Sequence[Team], constraints: Constraints) -> bool:
    """True when the two lists admit a complete pairing that no constraint forbids."""
    adj = compatibility(unseeded, seeded, constraints)
    return has_perfect_matching(adj, (1 << len(unseeded)) - 1, (1 << len(seeded)) - 1)


def form_groups(
    pots: Pots, sizes: Sequence[int] | None, constraints: Constraints
) -> tuple[DrawGroup, ...]:
    """Draw groups of the given sizes (None: one group of every club), each completable."""
    check_drawable(pots, constraints)
    total = len(pots.seeded) + len(pots.unseeded)
    sizes = tuple(sizes) if sizes is not None else (total,)
    if any(size <= 0 or size % 2 for size in sizes):
        raise DrawError(f"group sizes must be positive and even, got {list(sizes)}")
    if sum(sizes) != total:
        raise DrawError(f"group sizes {list(sizes)} add up to {sum(sizes)}, not {total} clubs")
    seeded_blocks: list[list[Team]] = []
    unseeded_blocks: list[list[Team]] = []
    start = 0
    for size in sizes:
        half = size // 2
        seeded_blocks.append(list(pots.seeded[start : start + half]))
        unseeded_blocks.append(list(pots.unseeded[start : start + half]))
        start += half
    rank = {t.name: i for i, t in enumerate(pots.unseeded)}
    for g in range(len(sizes)):
        _repair(g, seeded_blocks, unseeded_blocks, rank, constraints)
    return tuple(
        DrawGroup(g + 1, tuple(s), tuple(sorted(u, key=lambda t: rank[t.name])))
        for g, (s, u) in enumerate(zip(seeded_blocks, unseeded_blocks, strict=True))
    )


def _rest(blocks: list[list[Team]], g: int) -> list[Team]:
    return [t for block in blocks[g + 1 :] for t in block]


def _repair(
    g: int,
    seeded: list[list[Team]],
    unseeded: list[list[Team]],
    rank: dict[str, int],
    constraints: Constraints,
) -> None:
    """Make group ``g`` completable while keeping the later groups completable as a whole."""

    def fine() -> bool:
        return completable(seeded[g], unseeded[g], constraints) and completable(
            _rest(seeded, g), _rest(unseeded, g), constraints
        )

    if fine():
        return
    for x in sorted(unseeded[g], key=lambda t: -rank[t.name]):
        later = [(h, y) for h in range(g + 1, len(unseeded)) for y in unseeded[h]]
        later.sort(key=lambda hy: (abs(rank[hy[1].name] - rank[x.name]), rank[hy[1].name]))
        for h, y in later:
            xi, yi = unseeded[g].index(x), unseeded[h].index(y)
            unseeded[g][xi], unseeded[h][yi] = y, x
            if fine():
                return
            unseeded[g][xi], unseeded[h][yi] = x, y
    # No single swap works: take the unseeded partners of a global pairing for this group.
    pool_s = seeded[g] + _rest(seeded, g)
    pool_u = unseeded[g] + _rest(unseeded, g)
    adj = compatibility(pool_s, pool_u, constraints)
    owner = maximum_matching(adj, (1 << len(pool_s)) - 1, (1 << len(pool_u)) - 1)
    partner = {row: col for col, row in owner.items()}
    chosen = [pool_u[partner[i]] for i in range(len(seeded[g]))]
    others = [t for t in pool_u if t not in chosen]
    unseeded[g] = chosen
    for h in range(g + 1, len(unseeded)):
        take = len(unseeded[h])
        unseeded[h], others = others[:take], others[take:]
    if not fine():  # cannot happen when a global pairing exists; kept as a guard
        raise DrawError(f"could not form draw group {g + 1} with a complete pairing")
