"""Exact pairing probabilities of a two-pot draw under the published calculator's procedure.

The procedure (as in the "CL draw probabilities" calculator): repeatedly draw an unseeded team
uniformly from those left, then its opponent uniformly among the seeded teams that are allowed
*and* keep the rest of the draw completable (a perfect matching of the remaining teams must
exist). Dead ends are therefore never visible, which is what makes the odds non-uniform.

Method: backward recursion over the states of the draw (the teams still in the bowls). A state
is reduced to a canonical key before it is memoised, so that equivalent states are solved once:

* Every reason to keep two teams apart is a tag (``Constraints.tags``). A tag only matters
  while teams on *both* sides still carry it ("live"); dead tags are dropped.
* Teams of one pot with the same live tags are interchangeable; they form one class, and the
  state stores only how many each class has.
* Origin groups and forbidden pairs are relabelled by what their members look like, so two
  states that differ only by which group is which share one entry. Associations keep their
  names: relabelling them would rarely merge more states and costs time on every step.

The memo holds, per canonical state, the expected number of ties between each pair of
classes; by symmetry a particular pair of teams gets that number divided by the two class
sizes. Equal keys imply isomorphic states, so a weaker canonical form can only cost memo hits,
never correctness. ``exact=True`` runs the same recursion in ``Fraction`` arithmetic.

Floats go to ``uefacup.draw._fastprob``: pots of up to eight teams to the plain-Python forward
pass of ``uefacup.draw._smallprob`` (``solve_small``, no numpy or numba to import), larger
ones to the compiled engine when numba is installed (same recursion, keyed by the canonical
forms of the components of the forbidden graph, in nopython code); without numba, or for pots
beyond its limits, the solver below runs.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Generic, TypeVar

from uefacup.draw import _fastprob as fastprob
from uefacup.draw.matching import has_perfect_matching
from uefacup.draw.teams import Constraints, Pots, check_drawable

N = TypeVar("N", float, Fraction)

_Classes = list[list[int]]
_Key = tuple[
    tuple[tuple[tuple[int, ...], int, int], ...], tuple[tuple[tuple[int, ...], int, int], ...]
]


_EXACT_CACHE = 100_000
"""Exact states whose canonical form is kept; bounds memory (about 1 KB each)."""


class _Solver(Generic[N]):
    """One instance: team tags as bitsets, the memo, and the recursion."""

    def __init__(
        self,
        pots: Pots,
        constraints: Constraints,
        ratio: Callable[[int, int], N],
    ) -> None:
        self.ratio: Callable[[int, int], N] = ratio
        self.zero: N = ratio(0, 1)
        self.n = len(pots.seeded)
        u_tags = [constraints.tags(t) for t in pots.unseeded]
        s_tags = [constraints.tags(t) for t in pots.seeded]
        names = sorted(set().union(*u_tags, *s_tags))
        fixed = [t for t in names if t.startswith("association:")]
        movable = [t for t in names if not t.startswith("association:")]
        index = {t: i for i, t in enumerate(fixed + movable)}
        self.fixed_bits = (1 << len(fixed)) - 1
        self.movable_first = len(fixed)
        self.ut = [sum(1 << index[t] for t in tags) for tags in u_tags]
        self.st = [sum(1 << index[t] for t in tags) for tags in s_tags]
        self.adj = [sum(1 << j for j, st in enumerate(self.st) if not ut & st) for ut in self.ut]
        self.memo: dict[_Key, list[list[N]] | None] = {}
        self.seen: dict[int, tuple[_Key, _Classes, _Classes]] = {}

    def canon(self, um: int, sm: int) -> tuple[_Key, _Classes, _Classes]:
        """``_canon`` behind a bounded cache of exact states (a state is reached many ways)."""
        exact = um << self.n | sm
        found = self.seen.get(exact)
        if found is None:
            if len(self.seen) >= _EXACT_CACHE:
                self.seen.clear()
            found = self.seen[exact] = self._canon(um, sm)
        return found

    def _canon(self, um: int, sm: int) -> tuple[_Key, _Classes, _Classes]:
        """Canonical key of a state and its classes (team indices) in canonical order."""
        ut, st, fixed_bits, shift = self.ut, self.st, self.fixed_bits, self.movable_first
        u_items: list[tuple[int, int]] = []
        s_items: list[tuple[int, int]] = []
        live_u = live_s = 0
        m = um
        while m:
            low = m & -m
            m ^= low
            i = low.bit_length() - 1
            live_u |= ut[i]
            u_items.append((i, ut[i]))
        m = sm
        while m:
            low = m & -m
            m ^= low
            j = low.bit_length() - 1
            live_s |= st[j]
            s_items.append((j, st[j]))
        live = live_u & live_s
        movable = live >> shift
        relabel: dict[int, int] = {}
        if movable:
            signature: dict[int, tuple[list[int], list[int]]] = {}
            for side, items in ((0, u_items), (1, s_items)):
                for _, tags in items:
                    moving = (tags & live) >> shift
                    while moving:
                        low = moving & -moving
                        moving ^= low
                        signature.setdefault(low, ([], []))[side].append(tags & live & fixed_bits)
            order = sorted(
                signature,
                key=lambda b: (sorted(signature[b][0]), sorted(signature[b][1]), b),
            )
            relabel = {b: r for r, b in enumerate(order)}
        u_classes: dict[tuple[tuple[int, ...], int], list[int]] = {}
        s_classes: dict[tuple[tuple[int, ...], int], list[int]] = {}
        for items, classes in ((u_items, u_classes), (s_items, s_classes)):
            for team, tags in items:
                tags &= live
                moving = tags >> shift
                labels: tuple[int, ...] = ()
                if moving:
                    found = []
                    while moving:
                        low = moving & -moving
                        moving ^= low
                        found.append(relabel[low])
                    labels = tuple(sorted(found))
                classes.setdefault((labels, tags & fixed_bits), []).append(team)
        u_keys = sorted(u_classes)
        s_keys = sorted(s_classes)
        key = (
            tuple((k[0], k[1], len(u_classes[k])) for k in u_keys),
            tuple((k[0], k[1], len(s_classes[k])) for k in s_keys),
        )
        return key, [u_classes[k] for k in u_keys], [s_classes[k] for k in s_keys]

    def solve(self, um: int, sm: int, key: _Key, ucl: _Classes, scl: _Classes) -> list[list[N]]:
        """Expected ties between each pair of classes from this (completable) state on."""
        zero, ratio, adj, memo = self.zero, self.ratio, self.adj, self.memo
        expected = [[zero] * len(scl) for _ in ucl]
        remaining = um.bit_count()
        u_class = [0] * self.n
        s_class = [0] * self.n
        for a, members in enumerate(ucl):
            for i in members:
                u_class[i] = a
        for b, members in enumerate(scl):
            for j in members:
                s_class[j] = b
        for a, members in enumerate(ucl):
            u = members[0]
            options: list[tuple[int, int, list[list[N]], _Classes, _Classes]] = []
            total = 0
            for b, s_members in enumerate(scl):
                s = s_members[0]
                if not adj[u] >> s & 1:
                    continue
                cu, cs = um & ~(1 << u), sm & ~(1 << s)
                child_key, cucl, cscl = self.canon(cu, cs)
                if child_key in memo:
                    found = memo[child_key]
                    if found is None:
                        continue
                    child = found
                elif has_perfect_matching(adj, cu, cs):
                    child = self.solve(cu, cs, child_key, cucl, cscl)
                else:
                    memo[child_key] = None
                    continue
                options.append((b, len(s_members), child, cucl, cscl))
                total += len(s_members)
            for b, count, child, cucl, cscl in options:
                weight: N = ratio(len(members) * count, remaining * total)
                expected[a][b] += weight
                columns = []
                for s_members in cscl:
                    spread: dict[int, int] = {}
                    for j in s_members:
                        spread[s_class[j]] = spread.get(s_class[j], 0) + 1
                    columns.append((len(s_members), list(spread.items())))
                for c, u_members in enumerate(cucl):
                    rows: dict[int, int] = {}
                    for i in u_members:
                        rows[u_class[i]] = rows.get(u_class[i], 0) + 1
                    scale = weight / len(u_members)
                    for value, (size, spread_items) in zip(child[c], columns, strict=True):
                        if not value:
                            continue
                        share = scale * value / size
                        for pa, ca in rows.items():
                            line = expected[pa]
                            for pb, cb in spread_items:
                                line[pb] += share * (ca * cb)
        memo[key] = expected
        return expected

    def run(self) -> list[list[N]]:
        full = (1 << self.n) - 1
        key, ucl, scl = self.canon(full, full)
        expected = self.solve(full, full, key, ucl, scl)
        out = [[self.zero] * self.n for _ in range(self.n)]
        for a, members in enumerate(ucl):
            for b, s_members in enumerate(scl):
                value = expected[a][b] / (len(members) * len(s_members))
                for i in members:
                    for j in s_members:
                        out[i][j] = value
        return out


def engine_for(pots: Pots) -> str:
    """Which solver ``pairing_probabilities`` uses for ``pots``: "compiled" or "python"."""
    return "compiled" if fastprob.supports(pots) else "python"


def compile_pending(pots: Pots) -> bool:
    """True when ``pots`` go to the compiled engine and its machine code is not yet cached, so
    that the first call waits for numba to compile it (once)."""
    return fastprob.supports(pots) and not fastprob.compiled_before()


def pairing_probabilities(pots: Pots, constraints: Constraints | None = None) -> list[list[float]]:
    """P(unseeded ``i`` meets seeded ``j``) as ``[i][j]``; rows unseeded, columns seeded."""
    constraints = constraints or Constraints()
    check_drawable(pots, constraints)
    if len(pots.seeded) <= fastprob.SMALL_POT:
        return fastprob.solve_small(pots, constraints)
    if fastprob.supports(pots):
        return fastprob.solve(pots, constraints)[0]
    return _Solver(pots, constraints, _float_ratio).run()


def python_pairing_probabilities(
    pots: Pots, constraints: Constraints | None = None
) -> list[list[float]]:
    """``pairing_probabilities`` on the pure-Python solver, whatever is installed."""
    constraints = constraints or Constraints()
    check_drawable(pots, constraints)
    return _Solver(pots, constraints, _float_ratio).run()


def exact_pairing_probabilities(
    pots: Pots, constraints: Constraints | None = None
) -> list[list[Fraction]]:
    """As ``pairing_probabilities`` but in exact rational arithmetic (slower)."""
    constraints = constraints or Constraints()
    check_drawable(pots, constraints)
    return _Solver(pots, constraints, Fraction).run()


def _float_ratio(p: int, q: int) -> float:
    return p / q


def memo_size(pots: Pots, constraints: Constraints | None = None) -> int:
    """Number of canonical states solved; for benchmarks (runs the whole computation)."""
    solver = _Solver(pots, constraints or Constraints(), _float_ratio)
    solver.run()
    return len(solver.memo)
