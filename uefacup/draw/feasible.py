"""Could a draw have produced a given tie? Exact, without enumerating draws.

A seeded draw pairs a seeded club with an unseeded one of the same draw group, never two clubs
the round keeps apart, and never leaves the group unpairable (the procedure looks ahead). So a
tie can come out of the draw exactly when its two clubs are in one group, in different pots,
allowed to meet, and the rest of their group can still be paired completely: a perfect
matching of the group's compatibility graph that uses the tie. The procedure reaches every
such matching with positive probability, since each ball is drawn among all the options that
keep the group completable.
"""

from __future__ import annotations

from uefacup.draw.groups import DrawGroup
from uefacup.draw.matching import perfect_matching
from uefacup.draw.procedure import DrawRules

__all__ = ["tie_possible"]


def tie_possible(groups: tuple[DrawGroup, ...], rules: DrawRules, a: str, b: str) -> bool:
    """Whether the draw under ``rules`` can pair ``a`` with ``b`` (either home)."""
    for group in groups:
        if not rules.seeded:
            names = [t.name for t in group.teams]
            return a in names and b in names and a != b
        seeded = [t.name for t in group.seeded]
        unseeded = [t.name for t in group.unseeded]
        if a in unseeded and b in seeded:
            a, b = b, a
        if a not in seeded or b not in unseeded:
            continue
        by_name = {t.name: t for t in group.teams}
        if rules.constraints.reason(by_name[a], by_name[b]) is not None:
            return False
        rest_s = [by_name[n] for n in seeded if n != a]
        rest_u = [by_name[n] for n in unseeded if n != b]
        adjacency = [
            sum(1 << j for j, u in enumerate(rest_u) if rules.constraints.reason(s, u) is None)
            for s in rest_s
        ]
        return perfect_matching(adjacency, len(rest_s), len(rest_u)) is not None
    return False
