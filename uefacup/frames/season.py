"""``Season.to_frame(kind)``: the one entry point from a season to its frames."""

from __future__ import annotations

from typing import TYPE_CHECKING

from uefacup.errors import UefaCupError
from uefacup.frames.clubs import clubs_frame
from uefacup.frames.matches import matches_frame
from uefacup.frames.ties import ties_frame
from uefacup.model import Season

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["KINDS", "season_frame"]

KINDS = ("matches", "ties", "clubs")


def season_frame(season: Season, kind: str = "matches") -> pd.DataFrame:
    """The ``kind`` frame of ``season``: matches (one row per leg), ties or clubs."""
    if kind == "matches":
        return matches_frame(season)
    if kind == "ties":
        return ties_frame(season)
    if kind == "clubs":
        return clubs_frame(season)
    raise UefaCupError(f"unknown frame {kind!r}; choose one of {', '.join(KINDS)}")
