"""Club strengths from UEFA coefficients: the default model, and how it was fitted.

**Mapping.** A club's rating is ``r = beta * (log1p(coefficient) - centre)`` with
``att = dfn = r`` (see ``model.py``), so the ratio of two clubs' expected goals is a power of
the ratio of their ``1 + coefficient``: ``(1 + c_A) / (1 + c_B)`` to the ``2 * beta``. The log
is used because coefficients span 0 (Andorra's champions) to 106 (Lazio) and a difference of
10 points means far more at the bottom than at the top; ``1 +`` keeps zero coefficients finite.

**Fit.** ``mu`` (log goals of two average clubs), ``h`` (log home advantage) and ``beta`` are
the maximum-likelihood estimates of a Poisson regression on the 90-minute scores of all 287
real matches of the season (574 goal counts; the final at a neutral venue has no home term),
solved by Newton's method in numpy (three parameters, concave log-likelihood, so no optimiser
library is needed). For 2002-03 this gives beta = 0.293, h = 0.473 (home sides score 1.6
times as much: many early ties are mismatches played at small grounds) and mu = 0.022. The
log transform was chosen on the same likelihood: log-likelihood -863.9 with ``log1p``, -877.4
with ``sqrt(c)``, -902.2 with ``c`` itself and -935.0 with no strength at all. Fitting three
numbers on the season being simulated is a mild in-sample calibration; the per-club strengths
themselves come only from the coefficients, which were fixed before the season began.
``--model dixon-coles`` fits per-club strengths on results played before the ``--from``
point only (``fitting.py``).

**Clubs without a coefficient** (29 of 145: the dataset's sources give none) get a prior from
their association: ``log1p(club) = a + b * log1p(association) + c * [entered the competition
proper]``, fitted by least squares on the 116 clubs that have both. A club coefficient of the
period included half of the association's coefficient, so the association explains most of it
(residual s.d. about 0.33 on the log scale); the entry-round term reflects that clubs entering
in the first round are the stronger ones of their country. The eight Champions League
third-placed clubs (third round) get the same prior and are probably underrated by it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from uefacup.errors import SimulationError
from uefacup.format.rounds import Venue
from uefacup.model import RoundKey, Season
from uefacup.simulate.model import FloatArray, IntArray, MatchModel

__all__ = [
    "CoefficientFit",
    "Imputation",
    "MatchTable",
    "coefficient_model",
    "fit_coefficient_scale",
    "impute_coefficients",
    "match_table",
    "poisson_newton",
]


@dataclass(frozen=True)
class Imputation:
    """Every club's coefficient, with the prior filled in where the data has none."""

    coefficients: FloatArray
    imputed: npt.NDArray[np.bool_]
    intercept: float
    slope: float
    proper_bonus: float
    residual_sd: float


def impute_coefficients(season: Season) -> Imputation:
    """Coefficients for all clubs in ``season.clubs`` order; see the module docstring."""
    assoc = {a.name: a.coefficient or 0.0 for a in season.associations}
    x_assoc = np.array([np.log1p(assoc.get(c.association, 0.0)) for c in season.clubs])
    proper = np.array([season.format.round(c.round).proper for c in season.clubs], dtype=np.float64)
    known = np.array([c.coefficient is not None for c in season.clubs])
    if known.sum() < 3:
        raise SimulationError(
            f"{season.key}: only {int(known.sum())} clubs have a club coefficient, too few for "
            "the coefficient model (give clubs.csv coefficients, or use --model ratings "
            "--ratings FILE)"
        )
    y = np.array([np.log1p(c.coefficient) for c in season.clubs if c.coefficient is not None])
    design = np.column_stack([np.ones_like(x_assoc), x_assoc, proper])
    coef, *_ = np.linalg.lstsq(design[known], y, rcond=None)
    resid = y - design[known] @ coef
    prior = np.expm1(design @ coef)
    values = np.array([np.nan if c.coefficient is None else c.coefficient for c in season.clubs])
    filled = np.where(known, values, prior)
    return Imputation(
        coefficients=filled.astype(np.float64),
        imputed=~known,
        intercept=float(coef[0]),
        slope=float(coef[1]),
        proper_bonus=float(coef[2]),
        residual_sd=float(np.sqrt(np.mean(resid**2))),
    )


@dataclass(frozen=True)
class MatchTable:
    """90-minute scores of real matches as index arrays (club positions in ``season.clubs``)."""

    home: IntArray
    away: IntArray
    home_goals: IntArray
    away_goals: IntArray
    neutral: npt.NDArray[np.bool_]

    def __len__(self) -> int:
        return int(self.home.size)


def match_table(season: Season, rounds: Iterable[RoundKey] | None = None) -> MatchTable:
    """The real matches of ``rounds`` (all rounds when None); extra-time goals are left out
    because they were scored in a different length of play."""
    index = {c.name: i for i, c in enumerate(season.clubs)}
    wanted = set(season.format.keys) if rounds is None else set(rounds)
    rows: list[tuple[int, int, int, int, bool]] = []
    for tie in season.ties:
        if tie.round not in wanted:
            continue
        rnd = season.format.round(tie.round)
        neutral = rnd.legs == 1 and rnd.venue is Venue.NEUTRAL
        for leg in tie.legs:
            rows.append(
                (index[leg.home], index[leg.away], leg.regular.home, leg.regular.away, neutral)
            )
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return MatchTable(empty, empty, empty, empty, np.zeros(0, dtype=bool))
    h, a, hg, ag, nt = (np.array(col) for col in zip(*rows, strict=True))
    return MatchTable(
        h.astype(np.int64), a.astype(np.int64), hg.astype(np.int64), ag.astype(np.int64), nt
    )


def poisson_newton(
    design: FloatArray,
    goals: FloatArray,
    *,
    prior_mean: FloatArray | None = None,
    prior_precision: FloatArray | None = None,
    offset: FloatArray | None = None,
    iterations: int = 50,
) -> tuple[FloatArray, float]:
    """Maximise a Poisson log-likelihood with log link (plus an optional Gaussian prior).

    Returns the estimate and the log-likelihood at it (without the prior, and without the
    ``log(y!)`` constant). The objective is concave, so plain Newton steps converge in a few
    iterations from zero; step-halving guards against overshooting on the first step.
    """
    k = design.shape[1]
    theta = np.zeros(k) if prior_mean is None else prior_mean.copy()
    mean = np.zeros(k) if prior_mean is None else prior_mean
    prec = np.zeros(k) if prior_precision is None else prior_precision
    off = np.zeros(design.shape[0]) if offset is None else offset

    def objective(t: FloatArray) -> float:
        eta = design @ t + off
        return float(goals @ eta - np.exp(eta).sum() - 0.5 * (prec * (t - mean) ** 2).sum())

    current = objective(theta)
    for _ in range(iterations):
        rate = np.exp(design @ theta + off)
        grad = design.T @ (goals - rate) - prec * (theta - mean)
        hess = design.T @ (design * rate[:, None]) + np.diag(prec)
        step = np.linalg.solve(hess, grad)
        scale = 1.0
        while scale > 1e-6:
            candidate = theta + scale * step
            value = objective(candidate)
            if value >= current - 1e-12:
                break
            scale /= 2
        theta, previous, current = candidate, current, value
        if abs(current - previous) < 1e-10:
            break
    eta = design @ theta + off
    return theta, float(goals @ eta - np.exp(eta).sum())


@dataclass(frozen=True)
class CoefficientFit:
    """The fitted constants of the coefficient mapping and what they were fitted on."""

    mu: float
    home_advantage: float
    beta: float
    centre: float
    log_likelihood: float
    matches: int


PRIOR_FIT = CoefficientFit(
    mu=0.0217, home_advantage=0.4734, beta=0.2933, centre=0.0, log_likelihood=0.0, matches=0
)
"""The constants this package fits on the 287 matches of 2002-03 (``fit_coefficient_scale`` on
the embedded season, rounded): the model of a season with no results yet, so that it can be
simulated from its start on coefficients alone. Its ``centre`` is replaced by the season's own."""


def _covariate(imputation: Imputation) -> tuple[FloatArray, float]:
    x = np.log1p(imputation.coefficients)
    centre = float(x.mean())
    return x - centre, centre


MIN_MATCHES = 10
"""Fewer real matches than this give no usable fit; ``PRIOR_FIT`` is used instead."""


def fit_coefficient_scale(season: Season, table: MatchTable | None = None) -> CoefficientFit:
    """Maximum-likelihood ``mu``, ``h`` and ``beta`` on ``table`` (default: every real match)."""
    table = match_table(season) if table is None else table
    x, centre = _covariate(impute_coefficients(season))
    if len(table) < MIN_MATCHES:
        # a season not yet played (or barely): the constants of a full season's fit
        return replace(PRIOR_FIT, centre=centre, log_likelihood=float("nan"), matches=0)
    n = len(table)
    diff = x[table.home] - x[table.away]
    design = np.zeros((2 * n, 3))
    design[:, 0] = 1.0
    design[:n, 1] = ~table.neutral
    design[:n, 2] = diff
    design[n:, 2] = -diff
    goals = np.concatenate([table.home_goals, table.away_goals]).astype(np.float64)
    theta, loglik = poisson_newton(design, goals)
    return CoefficientFit(
        mu=float(theta[0]),
        home_advantage=float(theta[1]),
        beta=float(theta[2]),
        centre=centre,
        log_likelihood=loglik,
        matches=n,
    )


def base_rates(season: Season) -> tuple[float, float]:
    """The base rate and home advantage (log scale) for a model whose strengths come from
    elsewhere (a ratings file): fitted on the real matches where the season has enough, with no
    strength term when its clubs have no coefficients; else ``PRIOR_FIT``'s."""
    try:
        fit = fit_coefficient_scale(season)
        return fit.mu, fit.home_advantage
    except SimulationError:  # no coefficients to impute from
        pass
    table = match_table(season)
    if len(table) < MIN_MATCHES:
        return PRIOR_FIT.mu, PRIOR_FIT.home_advantage
    n = len(table)
    design = np.zeros((2 * n, 2))
    design[:, 0] = 1.0
    design[:n, 1] = ~table.neutral
    goals = np.concatenate([table.home_goals, table.away_goals]).astype(np.float64)
    theta, _ = poisson_newton(design, goals)
    return float(theta[0]), float(theta[1])


def coefficient_ratings(season: Season, fit: CoefficientFit) -> FloatArray:
    """One rating per club (``att = dfn``) under the fitted mapping."""
    x, _ = _covariate(impute_coefficients(season))
    return fit.beta * x


def coefficient_model(season: Season, fit: CoefficientFit | None = None) -> MatchModel:
    """The default model: strengths from coefficients, constants fitted on the real matches."""
    fit = fit_coefficient_scale(season) if fit is None else fit
    rating = coefficient_ratings(season, fit)
    fitted = (
        f"fitted on {fit.matches} matches"
        if fit.matches
        else "no results to fit: the constants of the 2002-03 fit"
    )
    return MatchModel(
        clubs=tuple(c.name for c in season.clubs),
        attack=rating.copy(),
        defence=rating.copy(),
        mu=fit.mu,
        home_advantage=fit.home_advantage,
        description=(
            f"coefficient: rating = {fit.beta:.3f} * log(1 + coefficient), home advantage "
            f"{np.exp(fit.home_advantage):.2f}x, {fitted}"
        ),
    )
