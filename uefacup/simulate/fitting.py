"""Strengths fitted to results: a Dixon–Coles-style attack/defence model (``--model dixon-coles``).

Every club gets its own attack and defence, estimated by maximum a posteriori on the 90-minute
scores of the real matches played **before** the ``--from`` point, so the fit never sees the
results it is then asked to predict. Nor does anything it inherits: ``mu`` (the base rate),
the home advantage and the scale of the coefficient prior are the coefficient fit
(``fit_coefficient_scale``) on those same earlier matches, not on the whole season. From the
start of the season there is nothing to fit on, so the model is refused there (the coefficient
model is the one to use).

A plain maximum-likelihood fit is hopeless here: a club plays two to twelve matches a season,
and a club that won 8-0 would get an unbounded attack. So each attack and defence has a
Gaussian prior centred on the coefficient model's rating (``strengths.py``) with standard
deviation ``PRIOR_SD`` = 0.25 on the log scale: two matches move a club's expected goals by
roughly a tenth, a whole run to the final by up to a third. The value is a judgement (it is not
tuned on the outcomes the backtest scores); the backtest shows what it buys. The posterior mode
is found by Newton's method on the concave log-posterior (dense Hessian, 2 x 145 unknowns).

Dixon and Coles also down-weight old matches and correct the probabilities of 0-0, 1-0, 0-1 and
1-1; within one season and with this little data neither is identifiable, so both are left out.
"""

from __future__ import annotations

import numpy as np

from uefacup.errors import SimulationError
from uefacup.model import RoundKey, Season
from uefacup.simulate.model import MatchModel
from uefacup.simulate.strengths import (
    CoefficientFit,
    coefficient_ratings,
    fit_coefficient_scale,
    match_table,
    poisson_newton,
)

__all__ = ["PRIOR_SD", "dixon_coles_model"]

PRIOR_SD = 0.25
MIN_MATCHES = 10
"""Fewest earlier matches the base rate, home advantage and scale are fitted on (as
``fit_coefficient_scale`` asks)."""


def dixon_coles_model(
    season: Season,
    before: RoundKey | None,
    *,
    prior_sd: float = PRIOR_SD,
    fit: CoefficientFit | None = None,
) -> MatchModel:
    """Attack/defence per club fitted on the real matches of rounds before ``before``.

    ``fit`` (base rate, home advantage, prior scale) defaults to the coefficient fit on those
    same matches; a fit passed in is the caller's responsibility. ``before`` None (the start
    of the season) has no earlier matches and is refused.
    """
    keys = season.format.keys
    rounds = [] if before is None else list(keys[: keys.index(before)])
    table = match_table(season, rounds)
    m = len(table)
    where = "the start" if before is None else f"the {before} round"
    if m < MIN_MATCHES:
        raise SimulationError(
            f"--model dixon-coles: {m} real matches before {where}, at least {MIN_MATCHES} "
            "needed (use --from first or later, or --model coefficient)"
        )
    fit = fit_coefficient_scale(season, table) if fit is None else fit
    prior = coefficient_ratings(season, fit)
    n = len(season.clubs)
    names = tuple(c.name for c in season.clubs)
    design = np.zeros((2 * m, 2 * n))
    obs = np.arange(m)
    design[obs, table.home] = 1.0  # home attack
    design[obs, n + table.away] = -1.0  # away defence
    design[m + obs, table.away] = 1.0
    design[m + obs, n + table.home] = -1.0
    offset = np.full(2 * m, fit.mu)
    offset[:m] += np.where(table.neutral, 0.0, fit.home_advantage)
    goals = np.concatenate([table.home_goals, table.away_goals]).astype(np.float64)
    theta, _ = poisson_newton(
        design,
        goals,
        prior_mean=np.concatenate([prior, prior]),
        prior_precision=np.full(2 * n, 1.0 / prior_sd**2),
        offset=offset,
    )
    return MatchModel(
        names,
        theta[:n].copy(),
        theta[n:].copy(),
        fit.mu,
        fit.home_advantage,
        description=(
            f"dixon-coles: attack/defence fitted on {m} matches before {where}, "
            f"prior s.d. {prior_sd} around the coefficient ratings"
        ),
    )
