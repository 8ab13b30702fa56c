"""The exact tie table: against direct sampling, a hand enumeration, and the tie rule's grid.

Direct sampling is the reference engine's ``play_tie_one``: goals drawn leg by leg, extra time
and a shoot-out kick by kick where needed, the tie decided by ``resolve_tie``. The table must
agree with its frequency within five binomial standard errors (fixed seeds).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uefacup.errors import SimulationError
from uefacup.model import DecidedBy, ExtraTime, RuleSet
from uefacup.rules.tie_grid import DECIDED_BY, GridLegs, decide
from uefacup.simulate.model import MatchModel
from uefacup.simulate.reference import play_tie_one
from uefacup.simulate.shootout import CONVERSION, first_wins_probability, kick_by_kick
from uefacup.simulate.tie_table import tie_probabilities, tie_table

RULES = [
    RuleSet(),
    RuleSet(legs=1, away_goals=False, extra_time=ExtraTime.SILVER_GOAL),
    RuleSet(legs=1, away_goals=False, extra_time=ExtraTime.GOLDEN_GOAL, extra_time_minutes=20),
    RuleSet(extra_time=ExtraTime.SILVER_GOAL),
    RuleSet(away_goals=False, extra_time=ExtraTime.SILVER_GOAL),
    RuleSet(away_goals_in_extra_time=False, extra_time_minutes=40),
    RuleSet(extra_time=ExtraTime.NONE),
]


@pytest.mark.parametrize("rules", RULES, ids=lambda r: f"{r.legs}-{r.extra_time}-{r.away_goals}")
def test_table_agrees_with_direct_sampling(model: MatchModel, rules: RuleSet) -> None:
    idx = model.index()
    a, b = idx["Celtic"], idx["Boavista"]
    exact = tie_table(model, rules, clubs=np.array([a, b])).first_through[0, 1]
    rng = np.random.default_rng(11)
    n = 4_000
    sampled = np.mean([play_tie_one(a, b, rules, model, rng) == a for _ in range(n)])
    assert abs(sampled - exact) < 5 * math.sqrt(exact * (1 - exact) / n)


def _pmf(rate: float, k: int = 30) -> np.ndarray:
    return np.array([math.exp(-rate) * rate**x / math.factorial(x) for x in range(k)])


@pytest.mark.parametrize("minutes", [30, 15])
def test_extra_time_lasts_the_rules_minutes(minutes: int) -> None:
    """One match, full extra time of ``minutes`` at the 90-minute rate, worked out directly:
    level after 90, then the goals of extra time (rate x minutes / 90) decide, else a fair
    shoot-out."""
    home, away = 1.7, 0.9
    rules = RuleSet(legs=1, away_goals=False, extra_time_minutes=minutes)
    out = tie_probabilities(rules, None, (np.array([home]), np.array([away])))
    p90 = np.outer(_pmf(home), _pmf(away))
    h, a = np.indices(p90.shape)
    level = p90[h == a].sum()
    pet = np.outer(_pmf(home * minutes / 90), _pmf(away * minutes / 90))
    expected_win = p90[h > a].sum() + level * (pet[h > a].sum() + 0.5 * pet[h == a].sum())
    assert out.first_through[0] == pytest.approx(expected_win, abs=1e-12)
    by_et = out.decided_by[0, DECIDED_BY.index(DecidedBy.EXTRA_TIME)]
    assert by_et == pytest.approx(level * (1 - pet[h == a].sum()), abs=1e-12)
    assert out.decided_by[0].sum() == pytest.approx(1.0, abs=1e-12)


def test_no_shootout_and_no_extra_time_cannot_decide_a_level_tie() -> None:
    rules = RuleSet(extra_time=ExtraTime.NONE, penalties=False)
    with pytest.raises(SimulationError, match="no shoot-out"):
        tie_probabilities(rules, (np.array([1.0]), np.array([1.0])), (np.ones(1), np.ones(1)))


rule_sets = st.builds(
    RuleSet,
    legs=st.just(2),
    away_goals=st.booleans(),
    away_goals_in_extra_time=st.booleans(),
    extra_time=st.sampled_from(list(ExtraTime)),
    penalties=st.just(True),
)


@settings(max_examples=20, deadline=None)
@given(rule_sets)
def test_ninety_minutes_depend_only_on_the_two_differences(rules: RuleSet) -> None:
    """What the table relies on: over a full grid of two legs' scores the 90-minute decision
    equals that of the representative the table uses for (U, V) = (first's away goals -
    second's away goals, first's home goals - second's home goals)."""
    a, b, c, d = np.ix_(*(np.arange(6),) * 4)  # leg 1: a-b; deciding match: host c, visitor d
    full = decide(rules, GridLegs((a, b), (c, d)))
    u, v = d - b, a - c
    rep = decide(
        rules,
        GridLegs((np.maximum(v, 0), np.maximum(-u, 0)), (np.maximum(-v, 0), np.maximum(u, 0))),
    )
    assert (full.decided_by == rep.decided_by).all()
    assert (full.first_through == rep.first_through).all()


def test_fair_shootout_and_unequal_rates_against_kick_by_kick() -> None:
    """Equal rates: exactly a coin. Unequal rates: the exact value against kick-by-kick play
    (a naive loop here, with a coin for the first kicker)."""
    assert first_wins_probability() == pytest.approx(0.5, abs=1e-15)
    rng = np.random.default_rng(2)
    wins, n = 0, 20_000
    for _ in range(n):
        if rng.random() < 0.5:
            mine, theirs = _kicks(rng, 0.85, 0.65)
        else:
            theirs, mine = _kicks(rng, 0.65, 0.85)
        wins += mine > theirs
    exact = first_wins_probability(0.85, 0.65)
    assert abs(wins / n - exact) < 5 * math.sqrt(exact * (1 - exact) / n)
    a, b = kick_by_kick(rng, CONVERSION)
    assert a != b


def _kicks(rng: np.random.Generator, p: float, q: float) -> tuple[int, int]:
    """Five kicks each, alternating (no early stop: it never changes the winner), then pairs
    until one is split."""
    a = sum(rng.random() < p for _ in range(5))
    b = sum(rng.random() < q for _ in range(5))
    while a == b:
        a += rng.random() < p
        b += rng.random() < q
    return a, b


random_rules = st.builds(
    RuleSet,
    legs=st.sampled_from([1, 2]),
    away_goals=st.booleans(),
    away_goals_in_extra_time=st.booleans(),
    extra_time=st.sampled_from(list(ExtraTime)),
    extra_time_minutes=st.sampled_from([10, 20, 30]),
    penalties=st.just(True),
)


@settings(max_examples=12, deadline=None)
@given(random_rules, st.booleans())
def test_table_agrees_with_direct_sampling_under_random_rules(
    model: MatchModel, rules: RuleSet, neutral: bool
) -> None:
    """Any rule set and venue: the exact P(first goes through) against 1,500 ties played leg by
    leg and decided by ``resolve_tie`` (five binomial standard errors)."""
    idx = model.index()
    a, b = idx["Málaga"], idx["Boavista"]
    exact = tie_table(model, rules, neutral=neutral, clubs=np.array([a, b])).first_through[0, 1]
    rng = np.random.default_rng(5)
    n = 1_500
    hits = sum(play_tie_one(a, b, rules, model, rng, neutral=neutral) == a for _ in range(n))
    assert abs(hits / n - exact) < 5 * math.sqrt(exact * (1 - exact) / n)
