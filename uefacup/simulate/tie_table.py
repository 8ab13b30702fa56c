"""Exact tie probabilities: the one tie rule applied over a grid of scores, weighted by the model.

For a pair of clubs and a round's ``RuleSet`` the match model gives every leg score a
probability (independent Poisson goals). The chance that the first club goes through, and of
each way a tie is decided, is then a sum over score cells of cell probability times a mask,
and the masks come from ``uefacup.rules.tie_grid.decide``, the array form of
``resolve_tie``. Nothing about aggregates, away goals, extra time or shoot-outs is written here:
this module only enumerates cells and adds up probabilities (the penaltyblog idea: one score
matrix, one mask per outcome). The simulator then draws each tie's winner with one uniform
number against ``first_through[first, second]``.

**Cells.** After 90 minutes a two-legged tie's standing under every rule set is a function of
two numbers, U = the first club's goals at the deciding match minus the second club's goals in
the first leg (their away goals) and V = the first club's first-leg goals minus the second
club's goals at home; the aggregate difference is U + V. ``decide`` is applied to one leg-score
representative of each (U, V) and a test checks on a full four-leg-score grid that nothing
else matters. U and V are differences of independent Poisson counts, so their distributions
are convolutions of two Poisson vectors, and the 90-minute sum is pU' M pV per pair. A one-
match tie has U = host goals - visitor goals and no V. A tie still level goes on to the
deciding match's extra time, ``rules.extra_time_minutes`` long at the same scoring rate
(rate x minutes / 90): full extra time is one (host, visitor) goal grid; the silver goal two
half grids (four counts); the golden goal three cells (no goal, or the first goal to either
side, from the competing Poisson processes). Each level standing is decided over that grid
and over the shoot-out (``shootout.first_wins_probability``). Where at most one period is left,
standings with the same masks are summed before the grid is contracted, so the work is one
grid per distinct mask; before the two halves of a silver goal each standing is followed on
its own, and one less likely than 1e-18 for every pair is dropped (its mass joins the bound).

**Truncation.** Each Poisson vector has ``K`` cells and the last one holds the whole tail
P(X >= K - 1). A cell is only misjudged if some count reached the last cell, so every result
is exact to within the sum of those tails over the counts of a tie. ``K`` is chosen for the
largest rate of the table so that each tail is below ``TOLERANCE`` / 8, and the bound actually
reached is stored with the table (``TieTable.error_bound``). The differences U and V are
convolved with FFTs, exact to rounding (about 1e-16).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from uefacup.errors import SimulationError
from uefacup.model import DecidedBy, ExtraTime, RuleSet
from uefacup.rules.tie_grid import DECIDED_BY, UNDECIDED, GridLegs, Pair, decide
from uefacup.simulate.model import FloatArray, IntArray, MatchModel
from uefacup.simulate.shootout import first_wins_probability

__all__ = ["TOLERANCE", "TieTable", "tie_probabilities", "tie_table"]

TOLERANCE = 1e-10
"""Largest truncation error allowed in any probability of a table."""
_CHUNK_CELLS = 4_000_000
"""Pair x grid cells contracted at once (bounds the temporary arrays to ~32 MB)."""


@dataclass(frozen=True, eq=False)
class TieTable:
    """Exact outcome probabilities of the ties ``first[i]`` v ``second[i]`` (any shape).

    ``first_through``: P(the first club goes through); ``decided_by[..., k]``: P(decided by
    ``DECIDED_BY[k]``) (summing to 1 over k); ``error_bound``: the truncation bound reached.
    """

    first_through: FloatArray
    decided_by: FloatArray
    error_bound: float


def tie_table(
    model: MatchModel, rules: RuleSet, *, neutral: bool = True, clubs: IntArray | None = None
) -> TieTable:
    """Every ordered pair of ``clubs`` (default: all of the model's): arrays (n, n[, k]).

    The first club is at home in the first leg; a one-match tie is at a neutral ground, or at
    the first club's with ``neutral`` False.
    """
    idx = np.arange(len(model.clubs)) if clubs is None else np.asarray(clubs)
    first = np.repeat(idx, idx.size)
    second = np.tile(idx, idx.size)
    if rules.legs == 2:
        leg1 = model.goal_means(first, second)
        host_rate, visitor_rate = model.goal_means(second, first)
    else:
        leg1 = None
        host_rate, visitor_rate = model.goal_means(first, second, neutral=neutral)
    flat = tie_probabilities(rules, leg1, (host_rate, visitor_rate))
    n = idx.size
    return TieTable(
        flat.first_through.reshape(n, n),
        flat.decided_by.reshape(n, n, len(DECIDED_BY)),
        flat.error_bound,
    )


def tie_probabilities(
    rules: RuleSet,
    leg1: tuple[FloatArray, FloatArray] | None,
    deciding: tuple[FloatArray, FloatArray],
) -> TieTable:
    """Outcome probabilities for 1-d arrays of expected goals.

    ``leg1``: (first club at home, second club away) in the first leg, None for one match;
    ``deciding``: (host, visitor) of the deciding match, whose host is the second club of a
    two-legged tie and the first club of a one-match tie.
    """
    host_rate, visitor_rate = (np.asarray(x, dtype=np.float64) for x in deciding)
    two = rules.legs == 2
    if two != (leg1 is not None):
        raise ValueError("first-leg rates are needed exactly for two-legged ties")
    rates = [host_rate, visitor_rate] + ([] if leg1 is None else list(leg1))
    k = _cells(max(float(np.max(r)) for r in rates))
    bound = np.zeros(host_rate.shape)
    pmf_visitor, t1 = _pmf(visitor_rate, k)
    pmf_host, t2 = _pmf(host_rate, k)
    bound += t1 + t2
    if leg1 is not None:
        pmf_l1h, t3 = _pmf(np.asarray(leg1[0], dtype=np.float64), k)
        pmf_l1a, t4 = _pmf(np.asarray(leg1[1], dtype=np.float64), k)
        bound += t3 + t4
        p_u = _difference(pmf_visitor, pmf_l1a)  # first's away goals - second's away goals
        p_v = _difference(pmf_l1h, pmf_host)  # first's home goals - second's home goals
    else:
        p_u = _difference(pmf_host, pmf_visitor)
        p_v = np.ones((host_rate.size, 1))
    span_u = (p_u.shape[1] - 1) // 2
    span_v = (p_v.shape[1] - 1) // 2
    u = np.arange(-span_u, span_u + 1)[:, None]
    v = np.arange(-span_v, span_v + 1)[None, :]
    if two:
        # a representative of each standing: the goals sit where only (U, V) can see them
        leg1_cells = (np.maximum(v, 0), np.maximum(-u, 0))
        last_cells = (np.maximum(-v, 0), np.maximum(u, 0))
    else:
        leg1_cells = (np.zeros_like(u), np.zeros_like(u))
        last_cells = (np.maximum(u, 0), np.maximum(-u, 0))
    at_90 = decide(rules, GridLegs(leg1_cells, last_cells))
    regular = {_code(DecidedBy.AGGREGATE), _code(DecidedBy.AWAY_GOALS), _code(DecidedBy.SCORE)}
    settled = np.isin(at_90.decided_by, list(regular))
    n_codes = len(DECIDED_BY)
    first_through = np.zeros(host_rate.size)
    by = np.zeros((host_rate.size, n_codes))
    codes = [c for c in sorted(regular) if (at_90.decided_by == c).any()]
    if codes:  # one product for every mask: (u, v, mask) columns
        masks = [at_90.decided_by == c for c in codes]
        masks.append(settled & at_90.first_through)
        stacked = np.stack(masks, axis=-1).astype(np.float64)
        shares = _quadratic(p_u, stacked, p_v)
        for col, code in enumerate(codes):
            by[:, code] = shares[:, col]
        first_through += shares[:, -1]

    # extra time and the shoot-out, for the standings still level
    phases = _extra_time_phases(rules.extra_time, host_rate, visitor_rate, rules.extra_time_minutes)
    for phase in phases:
        bound += phase.bound
    p_first_shootout = first_wins_probability()
    host_shootout = 1 - p_first_shootout if two else p_first_shootout
    play = _Play(rules, phases, host_shootout, first_through, by)
    standings: list[tuple[dict[str, Pair], FloatArray]] = []
    for i, j in np.argwhere(~settled):
        fixed: dict[str, Pair] = {
            "leg1": (int(leg1_cells[0][0, j]), int(leg1_cells[1][i, 0])),
            "last": (
                int(last_cells[0][0, j] if two else last_cells[0][i, 0]),
                int(last_cells[1][i, 0]),
            ),
        }
        standings.append((fixed, p_u[:, i] * p_v[:, j]))
    play.run(standings, 0)
    bound += play.pruned
    return TieTable(np.clip(first_through, 0.0, 1.0), by, float(np.max(bound, initial=0.0)))


_EXTRA_TIME_CODES = {
    DECIDED_BY.index(how)
    for how in (
        DecidedBy.EXTRA_TIME,
        DecidedBy.SILVER_GOAL,
        DecidedBy.GOLDEN_GOAL,
        DecidedBy.AWAY_GOALS_EXTRA_TIME,
    )
}
_NEGLIGIBLE = 1e-18
"""A standing this unlikely for every pair is not followed further (its mass joins the bound)."""


@dataclass(frozen=True)
class _Phase:
    """One period of extra time: which ``GridLegs`` slot it fills, its (host, visitor) goal
    cells (broadcastable arrays), the probability vector of each grid axis per pair, the tail
    bound of those vectors."""

    slot: str
    cells: tuple[IntArray, IntArray]
    vectors: list[FloatArray]
    bound: FloatArray

    @property
    def shape(self) -> tuple[int, ...]:
        return np.broadcast_shapes(self.cells[0].shape, self.cells[1].shape)

    def at(self, index: tuple[int, ...]) -> tuple[int, int]:
        host = np.broadcast_to(self.cells[0], self.shape)[index]
        visitor = np.broadcast_to(self.cells[1], self.shape)[index]
        return int(host), int(visitor)

    def mass(self, index: tuple[int, ...]) -> FloatArray:
        columns = [vec[:, i] for vec, i in zip(self.vectors, index, strict=True)]
        out: FloatArray = np.prod(columns, axis=0)
        return out


class _Play:
    """Follows level standings through the extra-time phases and the shoot-out, adding each
    settled cell's probability to ``first_through`` and ``by`` (per pair)."""

    def __init__(
        self,
        rules: RuleSet,
        phases: list[_Phase],
        host_shootout: float,
        first_through: FloatArray,
        by: FloatArray,
    ) -> None:
        self.rules, self.phases, self.host_shootout = rules, phases, host_shootout
        self.first_through, self.by = first_through, by
        self.pruned = np.zeros(first_through.shape)

    def run(self, standings: list[tuple[dict[str, Pair], FloatArray]], at: int) -> None:
        """Play on from phase ``at`` for every (fixed cells, probability per pair) standing.

        Standings whose whole future is decided alike (the same masks over the next phase and
        the shoot-out, when that is all that is left) are merged first, so the grid is
        contracted once for all of them.
        """
        if at + 1 >= len(self.phases):
            merged: dict[bytes, tuple[dict[str, Pair], FloatArray]] = {}
            for fixed, mass in standings:
                key = self._signature(fixed, at)
                if key in merged:
                    merged[key] = (merged[key][0], merged[key][1] + mass)
                else:
                    merged[key] = (fixed, mass.copy())
            standings = list(merged.values())
        for fixed, mass in standings:
            if float(np.max(mass, initial=0.0)) < _NEGLIGIBLE:
                self.pruned += mass
                continue
            if at == len(self.phases):
                self._shootout(fixed, mass)
            else:
                self._phase(fixed, mass, at)

    def _signature(self, fixed: dict[str, Pair], at: int) -> bytes:
        parts = []
        for host_wins in (True, False):
            cells = dict(fixed)
            if at < len(self.phases):
                cells[self.phases[at].slot] = self.phases[at].cells
            out = decide(self.rules, _legs(cells, host_wins))
            parts += [out.decided_by.tobytes(), out.first_through.tobytes()]
        return b"".join(parts)

    def _shootout(self, fixed: dict[str, Pair], mass: FloatArray) -> None:
        for host_wins, weight in ((True, self.host_shootout), (False, 1 - self.host_shootout)):
            out = decide(self.rules, _legs(fixed, host_wins))
            code = int(out.decided_by)
            if code == UNDECIDED:
                if weight * float(np.max(mass)) > TOLERANCE:
                    raise SimulationError(
                        "a tie can stay level after extra time and the rules have no "
                        "shoot-out: replays are not modelled"
                    )
                continue
            self.by[:, code] += weight * mass
            if bool(out.first_through):
                self.first_through += weight * mass

    def _phase(self, fixed: dict[str, Pair], mass: FloatArray, at: int) -> None:
        phase = self.phases[at]
        cells = {**fixed, phase.slot: phase.cells}
        out = decide(self.rules, _legs(cells, True))
        settled = np.isin(out.decided_by, list(_EXTRA_TIME_CODES))
        codes = sorted({int(c) for c in out.decided_by[settled]})
        if codes:
            masks = [settled & (out.decided_by == c) for c in codes]
            masks.append(settled & out.first_through)
            shares = _contract(phase.vectors, np.stack(masks, axis=-1).astype(np.float64))
            for col, code in enumerate(codes):
                self.by[:, code] += mass * shares[:, col]
            self.first_through += mass * shares[:, -1]
        following = [
            ({**fixed, phase.slot: phase.at(tuple(index))}, mass * phase.mass(tuple(index)))
            for index in np.argwhere(~settled)
        ]
        self.run(following, at + 1)


def _legs(cells: dict[str, Pair], host_wins_shootout: bool) -> GridLegs:
    """``GridLegs`` from the slots filled so far (extra-time slots not reached are goalless)."""
    none: Pair = (0, 0)
    return GridLegs(
        cells["leg1"],
        cells["last"],
        cells.get("et1", none),
        cells.get("et2", none),
        host_wins_shootout,
    )


def _code(how: DecidedBy) -> int:
    return DECIDED_BY.index(how)


def _cells(rate: float) -> int:
    """Cells per Poisson vector so that P(X >= K - 1) < TOLERANCE / 8 at ``rate``."""
    k = 2
    while _tail(rate, k - 1) >= TOLERANCE / 8:
        k += 1
    return k


def _tail(rate: float, at: int) -> float:
    """P(X >= at) for X ~ Poisson(rate), summed upwards from ``at`` (no cancellation)."""
    term = math.exp(at * math.log(rate) - rate - math.lgamma(at + 1)) if rate > 0 else 0.0
    total = 0.0
    x = at
    while term > total * 1e-17 and term > 0.0:
        total += term
        x += 1
        term *= rate / x
    return total


def _pmf(rate: FloatArray, k: int) -> tuple[FloatArray, FloatArray]:
    """Poisson probabilities of 0 .. k-2 goals and, in the last cell, of k-1 or more;
    and that last cell's mass (the truncation term)."""
    x = np.arange(k)
    log = x * np.log(np.maximum(rate, 1e-300))[:, None] - rate[:, None]
    log -= np.array([math.lgamma(i + 1) for i in x])
    out = np.exp(log)
    out[:, -1] = np.maximum(0.0, 1.0 - out[:, :-1].sum(axis=1))
    return out, out[:, -1].copy()


def _difference(a: FloatArray, b: FloatArray) -> FloatArray:
    """Distribution of X - Y (X ~ ``a``, Y ~ ``b`` per row), on -(k-1) .. k-1 (per row).

    A convolution of ``a`` with ``b`` reversed, done with real FFTs along the rows (exact to
    rounding, about 1e-16 absolute; negative round-off is clipped to 0).
    """
    k = a.shape[1]
    size = 1 << (2 * k - 1).bit_length()
    spectrum = np.fft.rfft(a, size, axis=1) * np.fft.rfft(b[:, ::-1], size, axis=1)
    out: FloatArray = np.fft.irfft(spectrum, size, axis=1)[:, : 2 * k - 1]
    return np.maximum(out, 0.0)


def _quadratic(p_u: FloatArray, masks: FloatArray, p_v: FloatArray) -> FloatArray:
    """Per row p and mask m: the sum over (u, v) of p_u[p, u] masks[u, v, m] p_v[p, v]."""
    rows, span_u = p_u.shape
    span_v, count = masks.shape[1], masks.shape[2]
    left = (p_u @ masks.reshape(span_u, span_v * count)).reshape(rows, span_v, count)
    out: FloatArray = np.einsum("pvm,pv->pm", left, p_v)
    return out


def _extra_time_phases(
    kind: ExtraTime, host: FloatArray, visitor: FloatArray, minutes: int
) -> list[_Phase]:
    """The periods of the deciding match's extra time, ``minutes`` long at the 90-minute rate.

    Full extra time is one period (only its total counts); the silver goal two halves; the
    golden goal one period of three cells: no goal, or the first goal to the host or the
    visitor (two competing Poisson processes: the first goal comes at all with probability
    1 - exp(-(h + v) t) and is the host's with probability h / (h + v)).
    """
    pairs = host.size
    length = minutes / 90.0
    if kind is ExtraTime.NONE or minutes <= 0:
        return []
    if kind is ExtraTime.GOLDEN_GOAL:
        total = host + visitor
        none = np.exp(-total * length)
        share = np.divide(host, total, out=np.full(pairs, 0.5), where=total > 0)
        probs = np.stack([none, (1 - none) * share, (1 - none) * (1 - share)], axis=1)
        cells = (np.array([0, 1, 0]), np.array([0, 0, 1]))
        return [_Phase("et1", cells, [probs], np.zeros(pairs))]
    periods = ("et1",) if kind is ExtraTime.FULL else ("et1", "et2")
    span = length / len(periods)
    k = _cells(float(max(host.max(), visitor.max())) * span)
    g = np.arange(k)
    phases = []
    for slot in periods:
        ph, th = _pmf(host * span, k)
        pv, tv = _pmf(visitor * span, k)
        phases.append(_Phase(slot, (g[:, None], g[None, :]), [ph, pv], th + tv))
    return phases


def _contract(vectors: list[FloatArray], mask: FloatArray) -> FloatArray:
    """Per pair, the sum over the grid of prod_axis vectors[axis][pair, cell] * mask[cell, :]."""
    pairs = vectors[0].shape[0]
    out = np.empty((pairs, mask.shape[-1]))
    chunk = max(1, _CHUNK_CELLS // max(1, mask.size // mask.shape[0]))
    for start in range(0, pairs, chunk):
        stop = min(start + chunk, pairs)
        acc: FloatArray = np.tensordot(vectors[0][start:stop], mask, axes=(1, 0))
        for vec in vectors[1:]:
            rows = vec[start:stop]
            acc = (rows.reshape(rows.shape + (1,) * (acc.ndim - 2)) * acc).sum(axis=1)
        out[start:stop] = acc
    return out
