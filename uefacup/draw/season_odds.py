"""Pairing probabilities of a season round's draw, by Monte Carlo over its own procedure.

The exact engine (``pairing_probabilities``) solves two-pot draws whose first ball comes from
the unseeded pot. A 2002-03 seeded round is drawn differently (the first ball from either pot,
in groups) and its rounds are 24 v 24 or larger, beyond an exact solution here, so this module
runs the season's own procedure (``draw_season_round``) many times with independent seeds and
counts. Each probability comes with its binomial standard error, and the output says it is
Monte Carlo.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from uefacup.draw.rounds import draw_season_round, season_teams
from uefacup.model import RoundKey, Season

__all__ = ["SeasonOdds", "season_pairing_odds"]


@dataclass(frozen=True)
class SeasonOdds:
    """How often each pair of clubs met in ``runs`` draws of a season round."""

    round: RoundKey
    runs: int
    seed: int
    clubs: tuple[str, ...]
    met: dict[frozenset[str], int]

    def probability(self, a: str, b: str) -> float:
        return self.met.get(frozenset((a, b)), 0) / self.runs

    def standard_error(self, a: str, b: str) -> float:
        p = self.probability(a, b)
        return math.sqrt(p * (1 - p) / self.runs)

    def real_ties(self, season: Season) -> list[tuple[str, str, float, float]]:
        """Each real tie of the round with its estimated probability and standard error."""
        return [
            (t.first, t.second, self.probability(*t.clubs), self.standard_error(*t.clubs))
            for t in season.ties_of(self.round)
        ]


def season_pairing_odds(season: Season, round_: RoundKey, runs: int, seed: int) -> SeasonOdds:
    """Draw ``round_`` ``runs`` times (seeds ``seed``, ``seed + 1``, ...) and count meetings."""
    clubs = tuple(t.name for t in season_teams(season, round_))
    met: dict[frozenset[str], int] = {}
    for k in range(runs):
        result = draw_season_round(season, round_, random.Random(seed + k), seed=seed + k)
        for tie in result.ties:
            key = frozenset((tie.home, tie.away))
            met[key] = met.get(key, 0) + 1
    return SeasonOdds(round_, runs, seed, clubs, met)
