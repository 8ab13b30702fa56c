"""Every start point gives probabilities that add up to the places of each round."""

from __future__ import annotations

import numpy as np
import pytest

from uefacup.model import Round, Season
from uefacup.simulate import simulate
from uefacup.simulate.plan import START

FROM_CHOICES = (START, *(r.value for r in Round))
ORDER = list(Round)

PLACES = {
    "qualifying": 82,
    "first": 96,
    "second": 48,
    "third": 32,
    "fourth": 16,
    "quarter-final": 8,
    "semi-final": 4,
    "final": 2,
}


@pytest.mark.parametrize("start", FROM_CHOICES)
def test_round_sums_from_every_start(season: Season, start: str) -> None:
    result = simulate(season, runs=3_000, seed=11, from_round=start, batch_size=1_000, score=False)
    p = result.probabilities()
    for r in Round:
        assert p[:, ORDER.index(r)].sum() == pytest.approx(PLACES[r.value], abs=1e-9), r
    assert p[:, -1].sum() == pytest.approx(1.0, abs=1e-9)
    assert (p >= 0).all() and (p <= 1).all()
    # reaching a round is never likelier than reaching the one before (once entered)
    for i, club in enumerate(season.clubs):
        entered = ORDER.index(Round(club.round))
        assert (np.diff(p[i, entered:]) <= 1e-12).all(), club.name


def test_reference_engine_sums(season: Season) -> None:
    result = simulate(season, runs=30, seed=3, engine="reference", score=False)
    p = result.probabilities()
    assert [round(p[:, ORDER.index(r)].sum(), 9) for r in Round] == list(PLACES.values())
    assert p[:, -1].sum() == pytest.approx(1.0)


def test_real_results_before_the_start_are_certain(season: Season) -> None:
    result = simulate(season, runs=500, seed=1, from_round="quarter-final", score=False)
    real_qf = {c for t in season.ties_of(Round.QUARTER_FINAL) for c in t.clubs}
    for club in season.clubs:
        expected = 1.0 if club.name in real_qf else 0.0
        assert result.probability(club.name, "quarter-final") == expected


def test_from_final_is_porto_against_celtic(season: Season) -> None:
    result = simulate(season, runs=20_000, seed=2, from_round="final")
    porto = result.probability("Porto", "champion")
    celtic = result.probability("Celtic", "champion")
    assert porto + celtic == pytest.approx(1.0)
    assert 0.5 < porto < 0.75  # Porto's coefficient is almost twice Celtic's; neutral venue
    assert result.backtest is not None and result.backtest["ties"] == 1


def test_from_fourth_keeps_the_real_quarter_final_bracket(season: Season) -> None:
    # the real bracket put the winner of Celtic-Stuttgart against Auxerre-Liverpool's:
    # so Celtic and Liverpool can meet only there, and never both reach the semi-finals
    result = simulate(season, runs=2_000, seed=4, from_round="fourth", score=False)
    from uefacup.simulate.plan import build_plan

    plan = build_plan(season, Round.FOURTH)
    assert Round.QUARTER_FINAL in plan.bracket
    assert result.probability("Celtic", "semi-final") > 0
    fourth = season.ties_of(Round.FOURTH)
    names = [(fourth[i].clubs, fourth[j].clubs) for i, j in plan.bracket[Round.QUARTER_FINAL]]
    assert (("Celtic", "VfB Stuttgart"), ("Auxerre", "Liverpool")) in names
