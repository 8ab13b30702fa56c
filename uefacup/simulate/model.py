"""The match model every engine samples from: Poisson goals with multiplicative strengths.

A club ``c`` has an attack ``att[c]`` and a defence ``dfn[c]`` on the natural-log scale of goals
per 90 minutes. In a match of ``home`` against ``away`` the goals of each side are independent
Poisson variables with means

    home goals:  exp(mu + h + att[home] - dfn[away])
    away goals:  exp(mu +     att[away] - dfn[home])

where ``mu`` is the log goal rate of two average clubs and ``h`` the log home advantage, which is
dropped at a neutral venue (the final). This is the Dixon–Coles parametrisation without their
low-score correction ``rho``: with one or two matches per club a season ``rho`` cannot be told
from the strengths, and leaving it out keeps a match two independent draws, which is what makes
the vectorised engine cheap. A one-number rating ``r`` is the special case ``att = dfn = r``.

Extra time lasts ``RuleSet.extra_time_minutes`` at the 90-minute rates (goals arrive at a
constant rate, a standard simplification; real extra time is slightly lower-scoring). The
shoot-out model is ``uefacup.simulate.shootout``, the only place it is defined.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt

__all__ = ["FloatArray", "IntArray", "MatchModel"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class MatchModel:
    """Strengths of every club of a season, indexed like ``clubs``; immutable and picklable.

    ``description`` says where the numbers came from (it is printed with the results), so that a
    table of probabilities always carries the model that produced it.
    """

    clubs: tuple[str, ...]
    attack: FloatArray
    defence: FloatArray
    mu: float
    home_advantage: float
    description: str = ""

    def __post_init__(self) -> None:
        n = len(self.clubs)
        if self.attack.shape != (n,) or self.defence.shape != (n,):
            raise ValueError("attack and defence need one value per club")

    def index(self) -> dict[str, int]:
        """Club name -> position in the arrays."""
        return {name: i for i, name in enumerate(self.clubs)}

    def goal_means(
        self, home: IntArray, away: IntArray, *, neutral: bool = False
    ) -> tuple[FloatArray, FloatArray]:
        """Expected 90-minute goals of ``home`` and ``away`` (arrays of club indices, any shape)."""
        scale = np.exp(self.mu + (0.0 if neutral else self.home_advantage))
        attack, defence = self._exp_strengths
        lam_home = scale * attack[home] * defence[away]
        lam_away = np.exp(self.mu) * attack[away] * defence[home]
        return lam_home, lam_away

    @cached_property
    def _exp_strengths(self) -> tuple[FloatArray, FloatArray]:
        """exp(attack) and exp(-defence): a match's means are then products, not exps."""
        return np.exp(self.attack), np.exp(-self.defence)

    def goal_means_one(self, home: int, away: int, *, neutral: bool = False) -> tuple[float, float]:
        """Scalar version of ``goal_means`` for the reference engine."""
        base = self.mu + (0.0 if neutral else self.home_advantage)
        lam_home = float(np.exp(base + self.attack[home] - self.defence[away]))
        lam_away = float(np.exp(self.mu + self.attack[away] - self.defence[home]))
        return lam_home, lam_away
