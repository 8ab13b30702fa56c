"""Settling a real tie by the match model where changed rules need play that never happened.

Used by what-if replays (``uefacup.whatif``): the legs are real up to the 90 minutes of the
deciding match; what follows is the model's. The answer is exact rather than sampled: every way
extra time can go (under the rules' kind and length) is enumerated with its Poisson probability,
each end state is decided by ``resolve_tie`` (the one tie rule), and a state still level goes to
the shoot-out, won by the deciding match's home side with the probability of the package's one
shoot-out model (``uefacup.simulate.shootout``; one half, as that model is symmetric).

Extra-time goals come at the model's 90-minute rates scaled by ``extra_time_minutes / 90``; a
silver goal's halves at half that each. Goal counts are enumerated up to ``MAX_GOALS`` a side
and period; the mass left out is below 1e-9 for rates under 1.5 and is given to no one, so the
two chances may add up to a hair under one.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache

from uefacup.errors import TieError
from uefacup.model import ExtraTime, Leg, RuleSet, Score
from uefacup.rules.ties import resolve_tie
from uefacup.simulate.model import MatchModel
from uefacup.simulate.shootout import first_wins_probability

__all__ = ["MAX_GOALS", "settle_tie"]

MAX_GOALS = 12


def settle_tie(
    legs: Sequence[Leg], rules: RuleSet, neutral: bool, model: MatchModel
) -> dict[str, float]:
    """Each club's probability of going through from the legs as they stood after 90 minutes."""
    index = {name: i for i, name in enumerate(model.clubs)}
    last = legs[-1]
    lh, la = model.goal_means_one(index[last.home], index[last.away], neutral=neutral)
    scale = rules.extra_time_minutes / 90
    chances = {last.home: 0.0, last.away: 0.0}
    shootout = first_wins_probability()
    for played, weight in _extra_time(last, rules, lh * scale, la * scale, legs[:-1]):
        winner = _winner([*legs[:-1], played], rules)
        if winner is None:  # still level: the shoot-out
            chances[last.home] += weight * shootout
            chances[last.away] += weight * (1 - shootout)
        else:
            chances[winner] += weight
    return chances


def _winner(legs: Sequence[Leg], rules: RuleSet) -> str | None:
    """Who the rule sends through at this point, None if only a shoot-out can tell."""
    try:
        return resolve_tie(legs, rules).winner
    except TieError:
        return None


def _extra_time(
    last: Leg, rules: RuleSet, rate_home: float, rate_away: float, earlier: Sequence[Leg]
) -> Iterator[tuple[Leg, float]]:
    """Every way the deciding match can end after 90 minutes, with its probability."""
    reg = last.regular
    if rules.extra_time is ExtraTime.NONE:
        yield last, 1.0
        return
    if rules.extra_time is ExtraTime.GOLDEN_GOAL:
        total = rate_home + rate_away
        scored = -math.expm1(-total)
        yield replace(last, after_extra_time=reg), 1.0 - scored
        if total > 0:
            home = Score(reg.home + 1, reg.away)
            away = Score(reg.home, reg.away + 1)
            yield replace(last, after_extra_time=home), scored * rate_home / total
            yield replace(last, after_extra_time=away), scored * rate_away / total
        return
    if rules.extra_time is ExtraTime.FULL:
        for (gh, ga), p in _scores(rate_home, rate_away):
            yield replace(last, after_extra_time=Score(reg.home + gh, reg.away + ga)), p
        return
    for (h1, a1), p1 in _scores(rate_home / 2, rate_away / 2):  # silver goal: two halves
        half = Score(reg.home + h1, reg.away + a1)
        at_half = replace(last, after_extra_time=half, extra_time_half=half)
        if _winner([*earlier, at_half], rules) is not None:
            yield at_half, p1
            continue
        for (h2, a2), p2 in _scores(rate_home / 2, rate_away / 2):
            end = Score(half.home + h2, half.away + a2)
            yield replace(last, after_extra_time=end, extra_time_half=half), p1 * p2


def _scores(rate_home: float, rate_away: float) -> Iterator[tuple[tuple[int, int], float]]:
    home, away = _poisson(round(rate_home, 12)), _poisson(round(rate_away, 12))
    for gh, ph in enumerate(home):
        for ga, pa in enumerate(away):
            yield (gh, ga), ph * pa


@cache
def _poisson(rate: float) -> tuple[float, ...]:
    return tuple(math.exp(-rate) * rate**k / math.factorial(k) for k in range(MAX_GOALS + 1))
