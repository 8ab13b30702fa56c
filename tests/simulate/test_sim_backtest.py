"""The backtest scores tie forecasts against real winners, beside two baselines."""

from __future__ import annotations

import pytest

from uefacup.model import Round, Season
from uefacup.simulate.backtest import backtest
from uefacup.simulate.model import MatchModel


def test_backtest_from_the_semi_finals(season: Season, model: MatchModel) -> None:
    report = backtest(season, model, Round.SEMI_FINAL, seed=1, tie_runs=4_000)
    assert report["ties"] == 3
    assert [t["round"] for t in report["per_tie"]] == ["semi-final", "semi-final", "final"]
    coin = report["scores"]["coin_flip"]
    assert coin["brier"] == pytest.approx(0.25) and coin["log_loss"] == pytest.approx(
        0.6931, abs=1e-4
    )
    final = report["per_tie"][-1]
    # "model" is the probability of the first-named club, now Celtic, the final's nominal home
    # side (sources.csv wp-en-final): Porto's chance 1 - model stays between 0.5 and 0.8.
    assert final["first"] == "Celtic"
    assert final["winner"] == "Porto" and 0.5 < 1 - final["model"] < 0.8


def test_model_beats_a_coin_over_the_whole_season(season: Season, model: MatchModel) -> None:
    report = backtest(season, model, Round.QUALIFYING, seed=1, tie_runs=2_000)
    assert report["ties"] == 144
    scores = report["scores"]
    assert scores["model"]["brier"] < scores["coin_flip"]["brier"]
    assert scores["model"]["log_loss"] < scores["coin_flip"]["log_loss"]
    assert set(report["by_round"]) == {r.value for r in Round}
