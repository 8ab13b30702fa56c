"""A draw's pairing probabilities as DataFrames: tidy (one row per pairing) or the matrix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from uefacup.frames.schema import Column, FrameSchema, require_pandas

if TYPE_CHECKING:
    import pandas as pd

    from uefacup.draw.odds import PairingOdds

__all__ = ["PAIRINGS", "PAIRINGS_MATRIX", "pairings_frame", "pairings_matrix"]

PAIRINGS = FrameSchema(
    name="pairings",
    row="one row per (unseeded, seeded) pair, unseeded teams in pot order, then seeded",
    columns=(
        Column("unseeded", "string", "team of the unseeded pot (drawn first, at home)"),
        Column("unseeded_association", "string", "its association"),
        Column("seeded", "string", "team of the seeded pot"),
        Column("seeded_association", "string", "its association"),
        Column(
            "probability",
            "float64",
            "exact chance the two are drawn together; 0 where a rule keeps them apart",
        ),
    ),
)

PAIRINGS_MATRIX = FrameSchema(
    name="pairings_matrix",
    row="one row per unseeded team (the index), one column per seeded team, in pot order",
    columns=(
        Column(
            "{key}",
            "float64",
            "chance the row's team meets this seeded team; each row and column sums to 1",
            repeated=True,
        ),
    ),
)
"""The matrix's columns are the seeded teams' names (declared with the per-column template)."""


def pairings_frame(odds: PairingOdds) -> pd.DataFrame:
    """``PAIRINGS`` for ``odds``."""
    return PAIRINGS.build(
        {
            "unseeded": u,
            "unseeded_association": ua or None,
            "seeded": s,
            "seeded_association": sa or None,
            "probability": odds.probabilities[i][j],
        }
        for i, (u, ua) in enumerate(zip(odds.unseeded, odds.unseeded_associations, strict=True))
        for j, (s, sa) in enumerate(zip(odds.seeded, odds.seeded_associations, strict=True))
    )


def pairings_matrix(odds: PairingOdds) -> pd.DataFrame:
    """``PAIRINGS_MATRIX`` for ``odds``: index named ``unseeded``, columns the seeded teams."""
    pd = require_pandas()
    rows = (dict(zip(odds.seeded, row, strict=True)) for row in odds.probabilities)
    frame = PAIRINGS_MATRIX.build(rows, odds.seeded)
    frame.index = pd.Index(list(odds.unseeded), name="unseeded", dtype="string")
    frame.columns.name = "seeded"
    return frame
