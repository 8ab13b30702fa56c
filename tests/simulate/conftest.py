"""Shared fixtures of the simulation tests: the season, its default model, plans per start."""

from __future__ import annotations

import pytest

pytest.importorskip("numpy")

from uefacup.io.season_folder import load_season
from uefacup.model import Season
from uefacup.simulate.model import MatchModel
from uefacup.simulate.strengths import coefficient_model


@pytest.fixture(scope="session")
def season() -> Season:
    return load_season("2002-03")


@pytest.fixture(scope="session")
def model(season: Season) -> MatchModel:
    return coefficient_model(season)
