"""Playing ties for many simulated seasons at once: arrays of clubs in, arrays of winners out.

The tie-break order is ``uefacup.rules.ties`` read from the same ``RuleSet`` (aggregate, away
goals, extra time in the deciding match under the season's full/silver/golden-goal rule, away
goals in extra time, shoot-out), re-expressed on arrays with masks: every tie samples its 90
minutes, and only the still-level ones go on to extra time and then penalties, so the cost
of the rare branches is proportional to how often they happen. The reference engine checks the
two against each other by running ``resolve_tie`` itself.

The first club of each tie is at home in the first leg; the deciding match is the second leg,
at the other club's ground. A one-match tie (the final) is played at a neutral venue.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from uefacup.errors import SimulationError
from uefacup.model import ExtraTime, RuleSet
from uefacup.simulate.model import (
    EXTRA_TIME_FRACTION,
    PENALTY_CONVERSION,
    SHOOTOUT_KICKS,
    FloatArray,
    IntArray,
    MatchModel,
)

__all__ = ["first_wins", "play_ties", "shootout_first_wins"]

BoolArray = npt.NDArray[np.bool_]


def play_ties(
    first: IntArray,
    second: IntArray,
    rules: RuleSet,
    model: MatchModel,
    rng: np.random.Generator,
) -> IntArray:
    """Winners of the ties ``first[i]`` v ``second[i]`` (any shape)."""
    return np.where(first_wins(first, second, rules, model, rng), first, second)


def first_wins(
    first: IntArray,
    second: IntArray,
    rules: RuleSet,
    model: MatchModel,
    rng: np.random.Generator,
) -> BoolArray:
    """Whether the first club of each tie goes through (same shape as ``first``)."""
    shape = first.shape
    first, second = first.reshape(-1), second.reshape(-1)
    two_legs = rules.legs == 2
    if two_legs:
        l1h, l1a = model.goal_means(first, second)
        # deciding match: the second club at home; "f" = first club's goals, "s" = second's
        l2s, l2f = model.goal_means(second, first)
        # aggregates first: a sum of independent Poissons is Poisson, so two draws decide
        # most ties; only level aggregates need the split into legs for the away-goals rule
        # (given a Poisson total, one leg's share is binomial: exact, and half the draws)
        total_f = rng.poisson(l1h + l2f)
        total_s = rng.poisson(l1a + l2s)
        diff = total_f - total_s
        away = np.zeros_like(diff)
        if rules.away_goals:
            tied = np.flatnonzero(diff == 0)
            away_f = rng.binomial(total_f[tied], l2f[tied] / (l1h[tied] + l2f[tied]))
            away_s = rng.binomial(total_s[tied], l1a[tied] / (l1a[tied] + l2s[tied]))
            away[tied] = away_f - away_s
    else:
        l2f, l2s = model.goal_means(first, second, neutral=True)
        diff = rng.poisson(l2f) - rng.poisson(l2s)
        away = np.zeros_like(diff)
    wins = (diff > 0) | ((diff == 0) & (away > 0))
    level = (diff == 0) & (away == 0)
    idx = np.flatnonzero(level)
    if idx.size == 0:
        out: BoolArray = wins.reshape(shape)
        return out
    count_et_away = two_legs and rules.away_goals and rules.away_goals_in_extra_time
    won, still = _extra_time(
        rules.extra_time,
        l2f[idx] * EXTRA_TIME_FRACTION,
        l2s[idx] * EXTRA_TIME_FRACTION,
        first_is_away=count_et_away,
        rng=rng,
    )
    wins[idx] = won
    pens = idx[still]
    if pens.size:
        if not rules.penalties:
            raise SimulationError("a level tie without a shoot-out: replays are not modelled")
        wins[pens] = shootout_first_wins(pens.size, rng)
    result: BoolArray = wins.reshape(shape)
    return result


def _extra_time(
    kind: ExtraTime,
    rate_f: FloatArray,
    rate_s: FloatArray,
    *,
    first_is_away: bool,
    rng: np.random.Generator,
) -> tuple[BoolArray, BoolArray]:
    """(first club won, still level) after extra time for ties level after normal time.

    ``first_is_away``: the first club is the visitor of the deciding match and its extra-time
    goals count double on away goals (a level score with goals, e.g. 1-1 in extra time, then
    sends it through, as ``resolve_tie`` decides).
    """
    n = rate_f.size
    if kind is ExtraTime.NONE:
        return np.zeros(n, dtype=bool), np.ones(n, dtype=bool)
    if kind is ExtraTime.FULL:
        ef, es = rng.poisson(rate_f), rng.poisson(rate_s)
        return _standing(ef, es, first_is_away)
    if kind is ExtraTime.SILVER_GOAL:
        hf, hs = rng.poisson(rate_f / 2), rng.poisson(rate_s / 2)
        won1, level1 = _standing(hf, hs, first_is_away)
        ef = hf + rng.poisson(rate_f / 2)
        es = hs + rng.poisson(rate_s / 2)
        won2, level2 = _standing(ef, es, first_is_away)
        return np.where(level1, won2, won1), level1 & level2
    # golden goal: the first goal of a Poisson process with total rate rate_f + rate_s
    total = rate_f + rate_s
    goal = rng.random(n) < -np.expm1(-total)
    by_first = rng.random(n) * total < rate_f
    return goal & by_first, ~goal


def _standing(ef: IntArray, es: IntArray, first_is_away: bool) -> tuple[BoolArray, BoolArray]:
    """(first ahead, level) after extra-time goals ``ef``/``es`` of a tie level before them."""
    diff = ef - es
    if first_is_away:  # with level aggregates, only the visitor's extra-time goals can differ
        won = (diff > 0) | ((diff == 0) & (ef > 0))
        return won, (diff == 0) & (ef == 0)
    return diff > 0, diff == 0


def shootout_first_wins(n: int, rng: np.random.Generator) -> BoolArray:
    """Winners of ``n`` shoot-outs, five kicks each then sudden death.

    Stopping early once a side cannot catch up never changes who wins, so the five kicks are
    drawn as binomials. In sudden death a pair of kicks is split with probability 2p(1-p) and
    each side is equally likely to be the one that scores, so it is a fair coin.
    """
    p = PENALTY_CONVERSION
    kf = rng.binomial(SHOOTOUT_KICKS, p, n)
    ks = rng.binomial(SHOOTOUT_KICKS, p, n)
    coin = rng.random(n) < 0.5
    return np.where(kf == ks, coin, kf > ks)
