"""A backtest (``simulate --from ROUND``) as a DataFrame: one row per real tie scored.

The per-tie Brier terms are given so that a reader can sum them by round or by club; their mean
over all rows is the backtest's Brier score (up to the 4-decimal rounding of the stored
forecasts).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from uefacup.frames.schema import Column, FrameSchema

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BACKTEST", "backtest_frame"]

BACKTEST = FrameSchema(
    name="backtest",
    row="one row per real tie from the start round on, in round order, then tie order",
    columns=(
        Column("round", "string", "round key"),
        Column("first", "string", "club at home in the first leg"),
        Column("second", "string", "the other club"),
        Column("winner", "string", "club that really went through"),
        Column("first_won", "boolean", "True where the first club went through"),
        Column("p_model", "float64", "the model's P(first club goes through), 4 decimals"),
        Column("p_coefficient", "float64", "the coefficient-only forecast, 4 decimals"),
        Column("brier_model", "float64", "(p_model - first_won)²"),
        Column("brier_coefficient", "float64", "(p_coefficient - first_won)²"),
    ),
)


def backtest_frame(report: Mapping[str, Any]) -> pd.DataFrame:
    """``BACKTEST`` from the report ``backtest()`` returns (``SimulationResult.backtest``)."""
    rows = []
    for tie in report["per_tie"]:
        won = tie["winner"] == tie["first"]
        rows.append(
            {
                "round": tie["round"],
                "first": tie["first"],
                "second": tie["second"],
                "winner": tie["winner"],
                "first_won": won,
                "p_model": tie["model"],
                "p_coefficient": tie["coefficient"],
                "brier_model": (tie["model"] - won) ** 2,
                "brier_coefficient": (tie["coefficient"] - won) ** 2,
            }
        )
    return BACKTEST.build(rows)
