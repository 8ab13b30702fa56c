"""The vectorised and reference engines sample the same model and draw procedure.

Both are run on the same model; every club's probability of every round must agree within
five standard errors of the difference (a floor of one season's weight keeps clubs with
probability near 0 or 1 from demanding exact equality). With about 1,300 comparisons a
correct pair of engines fails this with probability well under 1e-3, while a wrong tie-break
or draw rule shifts some probability by far more.
"""

from __future__ import annotations

import numpy as np
import pytest

from uefacup.model import ExtraTime, Round, RuleSet, Season
from uefacup.rules.ties import shootout_possible
from uefacup.simulate.backends import batches, run_local
from uefacup.simulate.matches import first_wins
from uefacup.simulate.model import MatchModel
from uefacup.simulate.plan import build_plan
from uefacup.simulate.reference import play_tie_one, shootout


def _agree(season: Season, model: MatchModel, start: Round | None, n_ref: int, n_vec: int) -> None:
    plan = build_plan(season, start)
    ref = run_local("reference", plan, model, batches(n_ref, 7, n_ref)).counts / n_ref
    vec = run_local("vectorised", plan, model, batches(n_vec, 8, 10_000)).counts / n_vec
    p = np.clip((ref + vec) / 2, 1 / n_ref, 1 - 1 / n_ref)
    se = np.sqrt(p * (1 - p) * (1 / n_ref + 1 / n_vec))
    z = np.abs(ref - vec) / se
    worst = np.unravel_index(np.argmax(z), z.shape)
    assert z.max() < 5, (plan.clubs[worst[0]], worst[1], ref[worst], vec[worst])


def test_engines_agree_from_the_start(season: Season, model: MatchModel) -> None:
    _agree(season, model, None, n_ref=700, n_vec=60_000)


def test_engines_agree_from_the_fourth_round(season: Season, model: MatchModel) -> None:
    _agree(season, model, Round.FOURTH, n_ref=6_000, n_vec=100_000)


@pytest.mark.parametrize(
    "rules",
    [
        RuleSet(),
        RuleSet(legs=1, away_goals=False, extra_time=ExtraTime.SILVER_GOAL),
        RuleSet(legs=1, away_goals=False, extra_time=ExtraTime.GOLDEN_GOAL),
        RuleSet(extra_time=ExtraTime.SILVER_GOAL),
        RuleSet(away_goals_in_extra_time=False),
        RuleSet(extra_time=ExtraTime.NONE),
    ],
    ids=["default", "final-silver", "golden", "two-leg-silver", "no-et-away", "no-et"],
)
def test_tie_rules_agree(model: MatchModel, rules: RuleSet) -> None:
    """One close tie under each rule set: same probability from both implementations."""
    idx = model.index()
    a, b = idx["Celtic"], idx["Boavista"]
    n_vec, n_ref = 200_000, 6_000
    rng = np.random.default_rng(1)
    vec = first_wins(np.full(n_vec, a), np.full(n_vec, b), rules, model, rng).mean()
    ref = np.mean([play_tie_one(a, b, rules, model, rng) == a for _ in range(n_ref)])
    se = np.sqrt(vec * (1 - vec) * (1 / n_ref + 1 / n_vec))
    assert abs(vec - ref) < 5 * se


def test_shootout_scores_are_possible_and_fair() -> None:
    rng = np.random.default_rng(3)
    results = [shootout(rng) for _ in range(4_000)]
    assert all(shootout_possible(max(r), min(r)) for r in results)
    home = np.mean([h > a for h, a in results])
    assert abs(home - 0.5) < 0.03


def _pmf(lam: float, k: int = 14) -> np.ndarray:
    out = np.empty(k)
    out[0] = np.exp(-lam)
    for i in range(1, k):
        out[i] = out[i - 1] * lam / i
    return out


def test_vectorised_two_legged_tie_matches_exact_enumeration(model: MatchModel) -> None:
    """Default 2002-03 rules, enumerated exactly, against 400,000 vectorised ties."""
    idx = model.index()
    a, b = idx["Málaga"], idx["Boavista"]
    l1h, l1a = model.goal_means_one(a, b)
    l2s, l2f = model.goal_means_one(b, a)
    g1f, g1s, g2f, g2s = np.ix_(*(np.arange(14),) * 4)
    p90 = (
        _pmf(l1h)[:, None, None, None]
        * _pmf(l1a)[None, :, None, None]
        * _pmf(l2f)[None, None, :, None]
        * _pmf(l2s)[None, None, None, :]
    )
    diff = (g1f + g2f) - (g1s + g2s)
    away = g2f - g1s
    win90 = p90[(diff > 0) | ((diff == 0) & (away > 0))].sum()
    level = p90[(diff == 0) & (away == 0)].sum()
    ef, es = np.ix_(np.arange(14), np.arange(14))
    pet = _pmf(l2f / 3)[:, None] * _pmf(l2s / 3)[None, :]
    et_win = pet[(ef > es) | ((ef == es) & (ef > 0))].sum()
    et_level = pet[(ef == es) & (ef == 0)].sum()
    exact = win90 + level * (et_win + 0.5 * et_level)
    n = 400_000
    rng = np.random.default_rng(12)
    vec = first_wins(np.full(n, a), np.full(n, b), RuleSet(), model, rng).mean()
    assert abs(vec - exact) < 5 * np.sqrt(exact * (1 - exact) / n)
