"""Ties played on arrays: each winner drawn from the exact probability of the tie rule.

``first_wins`` looks up P(first club goes through) for each pairing in the exact table of
``tie_table`` (the one tie rule over a score grid, weighted by the match model) and draws one
uniform number per tie. The table of a (model, rule set, venue) is built once and kept.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import numpy.typing as npt

from uefacup.model import RuleSet
from uefacup.simulate.model import FloatArray, IntArray, MatchModel
from uefacup.simulate.tie_table import tie_table

__all__ = ["first_wins", "play_ties", "probability_table"]

BoolArray = npt.NDArray[np.bool_]


@lru_cache(maxsize=16)
def probability_table(model: MatchModel, rules: RuleSet, neutral: bool = True) -> FloatArray:
    """(clubs, clubs) P(the first club goes through) under ``rules``; one-match ties at a
    neutral ground unless ``neutral`` is False (then at the first club's)."""
    return tie_table(model, rules, neutral=neutral).first_through


def first_wins(
    first: IntArray,
    second: IntArray,
    rules: RuleSet,
    model: MatchModel,
    rng: np.random.Generator,
    *,
    neutral: bool = True,
) -> BoolArray:
    """Whether the first club of each tie goes through (same shape as ``first``)."""
    table = probability_table(model, rules, neutral or rules.legs == 2)  # venue: one match only
    out: BoolArray = rng.random(np.shape(first)) < table[first, second]
    return out


def play_ties(
    first: IntArray,
    second: IntArray,
    rules: RuleSet,
    model: MatchModel,
    rng: np.random.Generator,
) -> IntArray:
    """Winners of the ties ``first[i]`` v ``second[i]`` (any shape)."""
    return np.where(first_wins(first, second, rules, model, rng), first, second)
