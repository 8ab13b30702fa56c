"""The reference engine: one season at a time, plain Python objects, the package's own rules.

Every draw is made by the package's draw procedure (``draws.draw_one``: ``form_groups`` and
``draw_groups``, the code of ``uefacup draw``), each simulated match becomes a real ``Leg``
(with extra-time, half-of-extra-time and shoot-out scores where they were needed) and every
tie is decided by ``uefacup.rules.ties.resolve_tie``, the function that decides the real
season in ``uefacup replay``. That makes this engine slow but hard to get wrong, and the
yardstick of the compiled engine: the two use the same model and must agree within sampling
error (tests/simulate). Its simulated ties are checked by ``resolve_tie`` as they go, so an
impossible shoot-out score or extra time nobody needed would raise at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from uefacup.model import ExtraTime, Leg, RuleSet, Score
from uefacup.rules.ties import aggregate, away_goals, resolve_tie
from uefacup.simulate.draws import draw_one, draw_specs, round_keys
from uefacup.simulate.model import MatchModel
from uefacup.simulate.plan import SeasonPlan
from uefacup.simulate.program import Meets
from uefacup.simulate.shootout import kick_by_kick
from uefacup.simulate.vectorised import Counts

__all__ = ["play_tie_one", "run_seasons", "shootout"]


def run_seasons(
    plan: SeasonPlan,
    model: MatchModel,
    seasons: int,
    seed: np.random.SeedSequence,
    meets: Meets | None = None,
) -> Counts:
    """Same contract as ``vectorised.run_batch``: (clubs, 9) counts over ``seasons`` seasons;
    ``meets`` (``program.new_meets``), when given, receives each simulated tie's pair."""
    rng = np.random.default_rng(seed)
    counts: Counts = plan.real_counts * seasons
    for _ in range(seasons):
        _one_season(plan, model, rng, counts, meets)
    return counts


def _one_season(
    plan: SeasonPlan,
    model: MatchModel,
    rng: np.random.Generator,
    counts: Counts,
    meets: Meets | None,
) -> None:
    specs = draw_specs(plan)
    keys = round_keys(plan)
    clubs = [int(c) for c in plan.start_participants]
    previous: list[int] = []
    for position, key in enumerate(keys):
        for club in clubs:
            counts[club, plan.order(key)] += 1
        if key in plan.fixed:
            pairs = [(int(x), int(y)) for x, y in plan.fixed[key]]
        elif key in plan.bracket and previous:
            pairs = [(previous[int(i)], previous[int(j)]) for i, j in plan.bracket[key]]
        else:
            pairs = draw_one(plan, key, specs[key], clubs, rng)
        if meets is not None:
            column = plan.order(key)
            for x, y in pairs:
                meets[min(x, y), max(x, y), column] += 1
        rules = plan.rules[key]
        neutral = not specs[key].first_drawn_home
        winners = [play_tie_one(x, y, rules, model, rng, neutral=neutral) for x, y in pairs]
        if position == len(keys) - 1:
            counts[winners[0], plan.champion] += 1
            return
        clubs = winners + [int(c) for c in plan.entrants[keys[position + 1]]]
        previous = winners


def play_tie_one(
    first: int,
    second: int,
    rules: RuleSet,
    model: MatchModel,
    rng: np.random.Generator,
    *,
    neutral: bool = True,
) -> int:
    """Play one tie (``first`` at home first; one match at a neutral venue, or at the first
    club's with ``neutral`` False) and decide it with ``resolve_tie``; the winner's index.

    Extra time lasts ``rules.extra_time_minutes`` at the 90-minute scoring rate."""
    names = model.clubs
    legs: list[Leg] = []
    if rules.legs == 2:
        lh, la = model.goal_means_one(first, second)
        score = Score(int(rng.poisson(lh)), int(rng.poisson(la)))
        legs.append(Leg(names[first], names[second], score))
        host, visitor, neutral = second, first, False
    else:
        host, visitor = first, second
    lh, la = model.goal_means_one(host, visitor, neutral=neutral)
    last = Leg(
        names[host],
        names[visitor],
        Score(int(rng.poisson(lh)), int(rng.poisson(la))),
        neutral=neutral,
    )
    if _level([*legs, last], rules, extra_time=False):
        still_level = True
        if rules.extra_time is not ExtraTime.NONE:
            length = rules.extra_time_minutes / 90
            rates = (lh * length, la * length)
            last = _extra_time(legs, last, rules, *rates, rng)
            still_level = _level([*legs, last], rules, extra_time=True)
        if still_level and rules.penalties:
            home_pens, away_pens = shootout(rng)
            last = replace(last, penalties=Score(home_pens, away_pens))
    outcome = resolve_tie([*legs, last], rules)
    return first if outcome.winner == names[first] else second


def _level(legs: Sequence[Leg], rules: RuleSet, *, extra_time: bool) -> bool:
    """Level on aggregate and, where the rules count them, on away goals."""
    a, b = legs[0].home, legs[0].away
    if aggregate(legs, a) != aggregate(legs, b):
        return False
    count = rules.away_goals and len(legs) == 2
    if extra_time:
        count = count and rules.away_goals_in_extra_time
    if not count:
        return True
    return away_goals(legs, a, extra_time=extra_time) == away_goals(legs, b, extra_time=extra_time)


def _extra_time(
    earlier: list[Leg],
    last: Leg,
    rules: RuleSet,
    rate_home: float,
    rate_away: float,
    rng: np.random.Generator,
) -> Leg:
    """The deciding match with its extra time played under the round's rule."""
    reg = last.regular
    if rules.extra_time is ExtraTime.GOLDEN_GOAL:
        total = rate_home + rate_away
        end = reg
        if rng.random() < -np.expm1(-total):
            home_scores = rng.random() * total < rate_home
            end = Score(reg.home + home_scores, reg.away + (not home_scores))
        return replace(last, after_extra_time=end)
    if rules.extra_time is ExtraTime.SILVER_GOAL:
        half = Score(
            reg.home + int(rng.poisson(rate_home / 2)), reg.away + int(rng.poisson(rate_away / 2))
        )
        at_half = replace(last, after_extra_time=half)
        if not _level([*earlier, at_half], rules, extra_time=True):
            return replace(at_half, extra_time_half=half)
        end = Score(
            half.home + int(rng.poisson(rate_home / 2)), half.away + int(rng.poisson(rate_away / 2))
        )
        return replace(last, after_extra_time=end, extra_time_half=half)
    end = Score(reg.home + int(rng.poisson(rate_home)), reg.away + int(rng.poisson(rate_away)))
    return replace(last, after_extra_time=end)


def shootout(rng: np.random.Generator) -> tuple[int, int]:
    """A shoot-out kick by kick (``shootout.kick_by_kick``): (home goals, away goals); a coin
    decides which side kicks first."""
    home_first = rng.random() < 0.5
    first, second = kick_by_kick(rng)
    return (first, second) if home_first else (second, first)
