"""Scoring the model's tie predictions against what really happened (``--from R``).

For every real tie from round R on, the model's probability that the first club goes through
is estimated by playing that very pairing ``TIE_RUNS`` times with the vectorised tie code (so
the prediction is conditional on the real draw, which is what a tie forecast is). Each
prediction is scored against the real winner with the Brier score (mean squared error of the
probability, 0 is perfect, a coin scores 0.25) and the log loss (mean negative log-likelihood,
a coin scores ln 2 ≈ 0.693); lower is better for both.

Two baselines are scored the same way: a **coin flip** (always 0.5) and a **coefficient-only**
forecast, ``(1 + c_A) / ((1 + c_A) + (1 + c_B))`` from the club coefficients (imputed where
missing), i.e. a Bradley–Terry rule that knows who is stronger but nothing about goals, home
advantage or tie rules. With a few dozen ties the differences are noisy; the per-round numbers
are given so that one lucky round is visible.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from uefacup.format.rounds import Venue
from uefacup.model import RoundKey, Season
from uefacup.rules.ties import resolve_tie
from uefacup.simulate.matches import first_wins
from uefacup.simulate.model import MatchModel
from uefacup.simulate.strengths import impute_coefficients

__all__ = ["TIE_RUNS", "backtest"]

TIE_RUNS = 20_000
_EPS = 1e-6


def _scores(p: np.ndarray, won: np.ndarray) -> dict[str, float]:
    q = np.clip(p, _EPS, 1 - _EPS)
    return {
        "brier": float(np.mean((p - won) ** 2)),
        "log_loss": float(-np.mean(won * np.log(q) + (1 - won) * np.log(1 - q))),
    }


def backtest(
    season: Season, model: MatchModel, from_round: RoundKey, seed: int, tie_runs: int = TIE_RUNS
) -> dict[str, Any]:
    """Brier score and log loss of the model and both baselines on the ties from ``from_round``."""
    rng = np.random.default_rng(np.random.SeedSequence([seed, 0xB7]))
    index = model.index()
    coef = impute_coefficients(season).coefficients
    per_tie: list[dict[str, Any]] = []
    rows: list[tuple[str, float, float, float]] = []
    keys = season.format.keys
    for round_ in keys[keys.index(from_round) :]:
        ties = season.ties_of(round_)
        if not ties:
            continue
        rules = season.rules_for(round_)
        first = np.array([index[t.first] for t in ties])
        second = np.array([index[t.second] for t in ties])
        wins = first_wins(
            np.repeat(first[:, None], tie_runs, axis=1),
            np.repeat(second[:, None], tie_runs, axis=1),
            rules,
            model,
            rng,
            neutral=season.format.round(round_).venue is Venue.NEUTRAL,
        )
        p_model = wins.mean(axis=1)
        for k, tie in enumerate(ties):
            winner = resolve_tie(tie.legs, rules).winner
            won = 1.0 if winner == tie.first else 0.0
            cf, cs = 1 + coef[first[k]], 1 + coef[second[k]]
            p_coef = float(cf / (cf + cs))
            rows.append((round_, float(p_model[k]), p_coef, won))
            per_tie.append(
                {
                    "round": round_,
                    "first": tie.first,
                    "second": tie.second,
                    "winner": winner,
                    "model": round(float(p_model[k]), 4),
                    "coefficient": round(p_coef, 4),
                }
            )
    result: dict[str, Any] = {"from": from_round, "ties": len(rows), "tie_runs": tie_runs}
    result["scores"] = _table(rows)
    result["by_round"] = {
        r: _table([row for row in rows if row[0] == r])
        for r in keys
        if any(row[0] == r for row in rows)
    }
    result["per_tie"] = per_tie
    return result


def _table(rows: list[tuple[str, float, float, float]]) -> dict[str, dict[str, float]]:
    p_model = np.array([r[1] for r in rows])
    p_coef = np.array([r[2] for r in rows])
    won = np.array([r[3] for r in rows])
    return {
        "model": _scores(p_model, won),
        "coefficient": _scores(p_coef, won),
        "coin_flip": _scores(np.full(won.shape, 0.5), won),
    }
