"""A simulation's club x round probabilities as DataFrames, wide or tidy, with their error.

Every cell is a proportion of ``runs`` independent simulated seasons, so its Monte Carlo
standard error is the binomial one, ``sqrt(p (1 - p) / runs)``: about 0.5 percentage points at
p = 0.5 with 10,000 runs, and 0 for a certainty (a round before the start point).

A round before a club entered is not a 0 % chance but a question that does not arise, so it is
missing (``<NA>``) in the wide frame and absent from the tidy one. The entry round is read from
the counts: every club reaches the round it enters in all runs, and no earlier one.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from uefacup.frames.schema import Column, FrameSchema

if TYPE_CHECKING:
    import pandas as pd

    from uefacup.simulate.results import SimulationResult

__all__ = ["SIMULATION", "SIMULATION_TIDY", "entered", "simulation_frame", "simulation_tidy"]

SIMULATION = FrameSchema(
    name="simulation",
    row="one row per club, the most likely champion first (the order of `simulate`'s table)",
    columns=(
        Column("club", "string", "canonical name"),
        Column("association", "string", "national association"),
        Column("entered", "string", "round key the club entered at"),
        Column(
            "{key}",
            "Float64",
            "chance of reaching the round (one column per round key, then `champion`); <NA> for "
            "rounds before the club entered; with `se=True` each is followed by `{key}_se`, its "
            "Monte Carlo standard error",
            repeated=True,
        ),
    ),
)

SIMULATION_TIDY = FrameSchema(
    name="simulation_tidy",
    row="one row per club and round from its entry on, then `champion`; clubs as in the wide frame",
    columns=(
        Column("club", "string", "canonical name"),
        Column("association", "string", "national association"),
        Column("entered", "string", "round key the club entered at"),
        Column("round", "string", "a round key, or `champion`"),
        Column("count", "Int64", "simulated seasons in which the club reached the round"),
        Column("runs", "Int64", "seasons simulated"),
        Column("probability", "float64", "count / runs"),
        Column("se", "float64", "Monte Carlo standard error, sqrt(p (1 - p) / runs)"),
    ),
)


def _keys(result: SimulationResult) -> list[str]:
    return list(result.columns)


def entered(result: SimulationResult) -> list[int]:
    """Per club, the column index of its entry round: the first reached in every run."""
    runs = result.runs
    return [next((j for j, n in enumerate(row) if n == runs), 0) for row in result.counts.tolist()]


def _order(result: SimulationResult) -> list[int]:
    index = {name: i for i, name in enumerate(result.clubs)}
    return [index[c.club] for c in result.chances()]


def simulation_frame(result: SimulationResult, *, se: bool = False) -> pd.DataFrame:
    """``SIMULATION`` for ``result``; ``se`` adds a ``{key}_se`` column after each probability.

    The frame's ``attrs`` carry runs, seed, model, engine and start point, so a saved frame
    still says what it came from.
    """
    keys = _keys(result)
    start = entered(result)
    counts = result.counts.tolist()
    runs = result.runs
    rows: list[dict[str, Any]] = []
    for i in _order(result):
        row: dict[str, Any] = {
            "club": result.clubs[i],
            "association": result.associations[i],
            "entered": keys[start[i]],
        }
        for j, key in enumerate(keys):
            p = counts[i][j] / runs if runs and j >= start[i] else None
            row[key] = p
            if se:
                row[f"{key}_se"] = None if p is None else math.sqrt(p * (1 - p) / runs)
        rows.append(row)
    schema_keys = [k for key in keys for k in (key, f"{key}_se")] if se else keys
    frame = SIMULATION.build(rows, schema_keys)
    frame.attrs.update(_attrs(result))
    return frame


def simulation_tidy(result: SimulationResult) -> pd.DataFrame:
    """``SIMULATION_TIDY`` for ``result`` (attrs as in ``simulation_frame``)."""
    keys = _keys(result)
    start = entered(result)
    counts = result.counts.tolist()
    runs = result.runs
    rows = []
    for i in _order(result):
        for j in range(start[i], len(keys)):
            p = counts[i][j] / runs if runs else 0.0
            rows.append(
                {
                    "club": result.clubs[i],
                    "association": result.associations[i],
                    "entered": keys[start[i]],
                    "round": keys[j],
                    "count": counts[i][j],
                    "runs": runs,
                    "probability": p,
                    "se": math.sqrt(p * (1 - p) / runs) if runs else 0.0,
                }
            )
    frame = SIMULATION_TIDY.build(rows)
    frame.attrs.update(_attrs(result))
    return frame


def _attrs(result: SimulationResult) -> dict[str, Any]:
    return {
        "runs": result.runs,
        "seed": result.seed,
        "model": result.model,
        "engine": result.engine,
        "from": str(result.from_round) if result.from_round else "start",
    }
