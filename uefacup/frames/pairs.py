"""Which clubs meet in a simulation (``simulate --pairs``), as a tidy DataFrame with its error.

One row per pair of clubs and round in which they met in at least one simulated season, then
the pair's ``any`` row (met in any round: the sum of its rounds, since two clubs meet at most
once in a knockout). A round in which a pair never met has no row: its estimate is 0 with a
standard error of 0. The Monte Carlo standard error is the binomial ``sqrt(p (1 - p) / runs)``.
Only the simulated rounds are counted (from the start point on; ``uefacup.simulate.meetings``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from uefacup.frames.schema import Column, FrameSchema

if TYPE_CHECKING:
    import pandas as pd

    from uefacup.simulate.meetings import Meetings

__all__ = ["PAIRS", "pairs_frame"]

PAIRS = FrameSchema(
    name="pairs",
    row="one row per pair of clubs and simulated round in which they met at least once, then "
    "the pair's `any` row; pairs the likeliest to meet first",
    columns=(
        Column("club_a", "string", "canonical name; the one listed first in the season's clubs"),
        Column("club_b", "string", "canonical name of the other club"),
        Column("round", "string", "a round key, or `any` (met in any simulated round)"),
        Column("count", "Int64", "simulated seasons in which the two met in the round"),
        Column("runs", "Int64", "seasons simulated"),
        Column("probability", "float64", "count / runs"),
        Column("stderr", "float64", "Monte Carlo standard error, sqrt(p (1 - p) / runs)"),
    ),
)


def pairs_frame(meetings: Meetings) -> pd.DataFrame:
    """``PAIRS`` for every pair that met; ``attrs`` say runs, start point and rounds counted."""
    frame = PAIRS.build(meetings.rows(meetings.top()))
    frame.attrs.update(
        {
            "runs": meetings.runs,
            "from": meetings.from_round or "start",
            "rounds": list(meetings.simulated),
        }
    )
    return frame
