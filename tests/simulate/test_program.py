"""The compiled engine's program: a clean refusal without numba; counts on the plan's columns."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from uefacup.errors import SimulationError
from uefacup.model import Season
from uefacup.simulate.model import MatchModel
from uefacup.simulate.plan import build_plan
from uefacup.simulate.program import compile_program, run_program


def test_without_numba_the_engine_says_what_to_install(
    season: Season, model: MatchModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "uefacup.kernels.season", None)  # import fails
    plan = build_plan(season)
    with pytest.raises(SimulationError, match=r"uefacup\[sim\].*--engine reference"):
        compile_program(plan, model)


def test_counts_fill_the_plans_columns_from_the_fourth_round(
    season: Season, model: MatchModel
) -> None:
    """From the fourth round: every earlier column holds the real participants once a season,
    the simulated columns hold the round sizes, the champion column one club a season."""
    plan = build_plan(season, "fourth")
    program = compile_program(plan, model)
    counts = run_program(plan, program, 500, np.random.SeedSequence(3))
    sizes = [82, 96, 48, 32, 16, 8, 4, 2, 1]
    assert list(counts.sum(axis=0) // 500) == sizes
    assert (counts.sum(axis=0) % 500 == 0).all()
