"""DataFrames for notebooks: every result of the package as a pandas frame with a declared schema.

One module per concept builds one kind of frame from its schema (``FrameSchema``: name, dtype and
meaning of each column, written once):

========================  =============================  =========================================
frame                     builder                        from
========================  =============================  =========================================
matches (one per leg)     ``matches.matches_frame``      ``Season.to_frame()``
ties (one per tie)        ``ties.ties_frame``            ``Season.to_frame("ties")``,
                                                         ``SeasonReplay.to_frame()``
clubs                     ``clubs.clubs_frame``          ``Season.to_frame("clubs")``
entry list + audit        ``clubs.entry_list_frame``     ``EntryList.to_frame()``
simulation (wide, tidy)   ``simulation.simulation_*``    ``SimulationResult.to_frame(tidy=...)``
pairing probabilities     ``draw.pairings_*``            ``PairingOdds.to_frame(wide=...)``
simulated meetings        ``pairs.pairs_frame``          ``SimulationResult.meetings()...``
backtest (one per tie)    ``backtest.backtest_frame``    ``SimulationResult.backtest_frame()``
========================  =============================  =========================================

pandas (the ``frames`` extra) is imported only when a frame is built, so importing this package,
or anything that attaches ``to_frame``, costs nothing without it.
"""

from __future__ import annotations

from uefacup.frames.backtest import BACKTEST
from uefacup.frames.clubs import CLUBS, ENTRY_LIST
from uefacup.frames.draw import PAIRINGS, PAIRINGS_MATRIX
from uefacup.frames.matches import MATCHES
from uefacup.frames.pairs import PAIRS
from uefacup.frames.schema import Column, FrameSchema
from uefacup.frames.simulation import SIMULATION, SIMULATION_TIDY
from uefacup.frames.ties import TIES

__all__ = ["SCHEMAS", "Column", "FrameSchema"]

SCHEMAS: tuple[FrameSchema, ...] = (
    MATCHES,
    TIES,
    CLUBS,
    ENTRY_LIST,
    SIMULATION,
    SIMULATION_TIDY,
    PAIRS,
    PAIRINGS,
    PAIRINGS_MATRIX,
    BACKTEST,
)
"""Every frame the package builds, in the order the README documents them."""
