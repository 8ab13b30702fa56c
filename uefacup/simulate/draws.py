"""The draw procedure, twice: vectorised across simulated seasons, and one season at a time.

The procedure is the package's (``uefacup.draw.procedure`` and ``uefacup.draw.rounds``). The
simulation cannot call that code directly: it logs every ball and proves completability with a
general matching search, so it takes about half a second to draw a first round. These are two
faster implementations of the same rules:

* **Seeded rounds** (qualifying to fourth): the round's clubs are ranked by coefficient,
  highest first, ties broken by name as ``uefacup.draw.teams.seeding_key`` does. Clubs without
  a coefficient are placed by the season's documented rule, as ``uefacup draw`` places them
  (``plan._seeding_keys``; the association prior only for a season without a rule).
  The top half is seeded. The qualifying round is drawn in the package's ten groups (nine of
  eight clubs, one of ten, from ``uefacup.draw.rounds.prepare_groups``); the later seeded
  rounds are one group. Within a group, the first ball is drawn uniformly from all clubs still
  in either pot, and that club is at home in the first leg. Its opponent is drawn uniformly
  from the other pot, among the clubs that (a) are not of its association and (b) keep the
  rest of the group completable.
* **Quarter-finals on**: open draw, one bowl, balls in pairs, the first of a pair at home.

*Completable* has a closed form, and that is what makes the vectorised draw exact rather than a
rejection sampler. Clubs of one association may not meet, so a group's remaining clubs can be
paired seeded v unseeded if and only if no association holds more clubs, in the two pots
together, than there are ties left (Hall's theorem for this graph). After a club of
association A is drawn, the group stays completable if and only if, whenever some other
association C holds exactly that limit, the opponent comes from C. C is unique, because two
such associations would hold every club. If a group cannot be paired at all under the rule,
the rule is waived for that group, as UEFA would have to.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import numpy.typing as npt

from uefacup.simulate.model import IntArray
from uefacup.simulate.plan import SeasonPlan

__all__ = ["draw_round", "draw_round_one", "is_seeded"]


def is_seeded(round_: str, plan: SeasonPlan) -> bool:
    """Seeded by coefficient under the round's draw rules, else an open draw."""
    return plan.draw(round_).seeded


# ------------------------------------------------------------------------------- vectorised


def draw_round(
    round_: str, clubs: IntArray, plan: SeasonPlan, rng: np.random.Generator
) -> tuple[IntArray, IntArray]:
    """Draw every simulated season's round at once.

    ``clubs`` is (seasons, 2n) club indices in any order; returns (first, second), each
    (seasons, n): the club at home in the first leg and its opponent.
    """
    seasons, size = clubs.shape
    if not is_seeded(round_, plan):
        order = np.argsort(rng.random((seasons, size)), axis=1)
        shuffled = np.take_along_axis(clubs, order, axis=1)
        return shuffled[:, 0::2], shuffled[:, 1::2]
    groups = plan.groups.get(round_)
    if groups:  # fixed groups, the same clubs in every season: draw groups of one size as rows
        homes, aways = [], []
        for size_ in sorted({s.size for s, _ in groups}):
            same = [(s, u) for s, u in groups if s.size == size_]
            seeded = np.tile(np.stack([s for s, _ in same]), (seasons, 1))
            unseeded = np.tile(np.stack([u for _, u in same]), (seasons, 1))
            peak = np.max(
                [
                    np.bincount(plan.association[np.concatenate(g)], minlength=plan.n_associations)
                    for g in same
                ],
                axis=0,
            )
            home, away = _seeded(unseeded, seeded, plan, rng, peak)
            homes.append(home.reshape(seasons, -1))
            aways.append(away.reshape(seasons, -1))
        return np.concatenate(homes, axis=1), np.concatenate(aways, axis=1)
    n = size // 2
    ranked = np.argsort(plan.seed_rank)[np.sort(plan.seed_rank[clubs], axis=1)]
    return _seeded(ranked[:, n:], ranked[:, :n], plan, rng)


def _association_counts(assoc: IntArray, width: int) -> IntArray:
    """(seasons, width) number of clubs of each association in each row."""
    seasons = assoc.shape[0]
    flat = (np.arange(seasons)[:, None] * width + assoc).ravel()
    return np.bincount(flat, minlength=seasons * width).reshape(seasons, width)


def _seeded(
    unseeded: IntArray,
    seeded: IntArray,
    plan: SeasonPlan,
    rng: np.random.Generator,
    peak: IntArray | None = None,
) -> tuple[IntArray, IntArray]:
    """The ball-by-ball seeded draw of one group on arrays: (home clubs, their opponents).

    Both pots live in one (season, 2n) buffer, unseeded in columns [0, n) and seeded in
    [n, 2n), each kept compact: a drawn ball is replaced by the last live ball of its pot. So a
    uniform draw is one random index per season, and every step is O(seasons) flat indexing,
    never O(seasons x balls). The opponent is drawn uniformly from the other pot and redrawn
    where it breaks the association rule; this rejection is exactly uniform over the allowed
    balls. The few seasons still rejected after three tries are done by an exact fallback. The
    completability test only looks at associations whose clubs in the season could reach the
    limit (``peak``: most clubs of each association a row can hold; by default its clubs in the
    whole season); early in a draw there are none.
    """
    seasons, n = unseeded.shape
    pot = np.concatenate([unseeded, seeded], axis=1).astype(np.int16)
    assoc = plan.association[pot].astype(np.int16)
    width = plan.n_associations
    if peak is None:  # a round never holds more clubs of an association than the season
        peak = np.bincount(plan.association, minlength=width)
    if peak.max() > n:
        bad = _association_counts(assoc.astype(np.int64), width).max(axis=1) > n
        if bad.any():  # the rule cannot be met in these seasons: waive it (distinct pseudo-ids)
            assoc[bad] = width + np.arange(2 * n)
            width += 2 * n
    flat_pot, flat_assoc = pot.reshape(-1), assoc.reshape(-1)
    rows = np.arange(seasons)
    base = rows * (2 * n)
    home = np.empty((n, seasons), dtype=np.int64)
    away = np.empty((n, seasons), dtype=np.int64)
    counts: IntArray | None = None  # live (seasons, associations) counts, once needed
    u_first = rng.random((n, seasons))
    u_second = rng.random((n, seasons))
    for t in range(n):
        left = n - t
        j = (u_first[t] * (2 * left)).astype(np.int64)
        from_seeded = j >= left
        col = np.where(from_seeded, n + j - left, j)
        a = flat_assoc[base + col].astype(np.int64)
        rule = _Rule(a, None, None)
        crowded = np.flatnonzero(peak >= left) if left > 1 else peak[:0]
        if crowded.size:
            if counts is None:
                live = np.hstack([assoc[:, :left], assoc[:, n : n + left]]).astype(np.int64)
                counts = _association_counts(live, width)
            tight = (counts[:, crowded] == left) & (crowded[None, :] != a[:, None])
            rule = _Rule(a, tight.any(axis=1), crowded[tight.argmax(axis=1)])
        home[t] = flat_pot[base + col]
        _remove(flat_pot, flat_assoc, base, col, np.where(from_seeded, n, 0) + left - 1)
        other = np.where(from_seeded, 0, n)
        k = (u_second[t] * left).astype(np.int64)
        todo = np.flatnonzero(~rule.allows(None, flat_assoc[base + other + k]))
        for _ in range(3):
            if todo.size == 0:
                break
            k[todo] = (rng.random(todo.size) * left).astype(np.int64)
            todo = todo[~rule.allows(todo, flat_assoc[base[todo] + other[todo] + k[todo]])]
        if todo.size:
            balls = assoc[todo[:, None], other[todo, None] + np.arange(left)]
            k[todo] = _choose(rule.allows(todo[:, None], balls), rng.random(todo.size))
        col = other + k
        away[t] = flat_pot[base + col]
        b = flat_assoc[base + col].astype(np.int64)
        _remove(flat_pot, flat_assoc, base, col, other + left - 1)
        if counts is not None:
            flat_counts = counts.reshape(-1)
            flat_counts[rows * width + a] -= 1
            flat_counts[rows * width + b] -= 1
    return home.T, away.T


def _remove(
    flat_pot: npt.NDArray[np.int16],
    flat_assoc: npt.NDArray[np.int16],
    base: IntArray,
    col: IntArray,
    last: IntArray,
) -> None:
    """Take the balls at ``col`` out of their pots by moving each pot's last live ball there."""
    flat_pot[base + col] = flat_pot[base + last]
    flat_assoc[base + col] = flat_assoc[base + last]


class _Rule:
    """Which opponents a drawn club of association ``a`` may get, per season."""

    def __init__(self, a: IntArray, forced: np.ndarray | None, which: IntArray | None) -> None:
        self.a, self.forced, self.which = a, forced, which

    def allows(self, seasons: IntArray | None, b: npt.NDArray[np.integer[Any]]) -> np.ndarray:
        """Whether ``b`` may be drawn; ``seasons`` None means all seasons, in order."""
        a, forced, which = self.a, self.forced, self.which
        if seasons is not None:
            a = a[seasons]
            forced = None if forced is None else forced[seasons]
            which = None if which is None else which[seasons]
        good: np.ndarray = b != a
        if forced is not None and which is not None:
            good &= ~forced | (b == which)
        return good


def _choose(allowed: np.ndarray, u: np.ndarray) -> IntArray:
    """Per row, the position of a uniformly chosen True (``u`` uniform in [0, 1))."""
    k = allowed.sum(axis=1)
    target = (u * k).astype(np.int64)
    chosen: IntArray = (np.cumsum(allowed, axis=1) <= target[:, None]).sum(axis=1)
    return chosen


# ------------------------------------------------------------------------------- one season


def draw_round_one(
    round_: str, clubs: list[int], plan: SeasonPlan, rng: np.random.Generator
) -> list[tuple[int, int]]:
    """The same procedure for one season, ball by ball, in plain Python."""
    if not is_seeded(round_, plan):
        pot = list(clubs)
        pairs = []
        while pot:
            x = pot.pop(int(rng.integers(len(pot))))
            y = pot.pop(int(rng.integers(len(pot))))
            pairs.append((x, y))
        return pairs
    groups = plan.groups.get(round_)
    if not groups:
        ranked = sorted(clubs, key=lambda c: int(plan.seed_rank[c]))
        half = len(ranked) // 2
        return _seeded_one(ranked[:half], ranked[half:], plan, rng)
    return [
        pair
        for seeded, unseeded in groups
        for pair in _seeded_one([int(c) for c in seeded], [int(c) for c in unseeded], plan, rng)
    ]


def _seeded_one(
    seeded: list[int], unseeded: list[int], plan: SeasonPlan, rng: np.random.Generator
) -> list[tuple[int, int]]:
    def assoc(club: int) -> int:
        return int(plan.association[club])

    rule = max(Counter(map(assoc, seeded + unseeded)).values()) <= len(seeded)
    pots = (list(unseeded), list(seeded))
    pairs = []
    while pots[0]:
        left = len(pots[0])
        j = int(rng.integers(2 * left))
        side = int(j >= left)
        x = pots[side].pop(j - side * left)
        options = [c for c in pots[1 - side] if not rule or assoc(c) != assoc(x)]
        if rule:
            tally = Counter(map(assoc, [x, *pots[0], *pots[1]]))
            forced = [a for a, k in tally.items() if k == left and a != assoc(x)]
            if forced:
                options = [c for c in options if assoc(c) == forced[0]]
        y = options[int(rng.integers(len(options)))]
        pots[1 - side].remove(y)
        pairs.append((x, y))
    return pairs
