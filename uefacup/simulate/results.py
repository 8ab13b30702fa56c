"""What a simulation returns, and its plain renderings (dict for JSON, CSV rows).

Probabilities are counts divided by the seasons actually simulated (fewer than asked when the
run was interrupted), so each round's column sums exactly to its number of places and the
champion column to 1, whatever the number of runs.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from uefacup.model import RoundKey

if TYPE_CHECKING:
    import pandas as pd

    from uefacup.simulate.meetings import Meetings

__all__ = ["ClubChances", "SimulationResult"]


@dataclass(frozen=True)
class ClubChances:
    club: str
    association: str
    rounds: dict[str, float]
    champion: float


@dataclass(frozen=True)
class SimulationResult:
    """Counts per club (rows, ``clubs`` order) and column (the rounds in order, then champion)."""

    clubs: tuple[str, ...]
    rounds: tuple[RoundKey, ...]
    """The season's round keys, in order: the first columns of ``counts``."""
    associations: tuple[str, ...]
    counts: npt.NDArray[np.int64]
    runs: int
    requested: int
    seed: int
    from_round: RoundKey | None
    engine: str
    model: str
    interrupted: bool = False
    seconds: float = 0.0
    backtest: dict[str, Any] | None = field(default=None)
    season: str = ""
    """Key of the season simulated ("2002-03"); pictures and summaries name it."""
    season_title: str = ""
    """Its title ("2002–03 UEFA Cup")."""
    round_names: tuple[str, ...] = ()
    """The rounds' printable names, in ``rounds`` order ("Quarter-finals"); pictures use them."""
    meets: npt.NDArray[np.int64] | None = field(default=None, repr=False)
    """Simulated ties per pair of clubs and round (``simulate(pairs=True)`` only; see
    ``uefacup.simulate.meetings``)."""

    def __repr__(self) -> str:
        from uefacup.report.summary import simulation_repr

        return simulation_repr(self)

    def _repr_html_(self) -> str:
        from uefacup.report.summary import simulation_html

        return simulation_html(self)

    def to_frame(self, *, tidy: bool = False, se: bool = False) -> pd.DataFrame:
        """Club x round probabilities: wide (``se`` adds standard errors) or ``tidy``.

        See ``uefacup.frames.simulation`` for the columns.
        """
        from uefacup.frames.simulation import simulation_frame, simulation_tidy

        return simulation_tidy(self) if tidy else simulation_frame(self, se=se)

    def backtest_frame(self) -> pd.DataFrame:
        """The backtest (``from_round`` runs), one row per real tie; SimulationError without one."""
        from uefacup.errors import SimulationError
        from uefacup.frames.backtest import backtest_frame

        if self.backtest is None:
            raise SimulationError("this simulation has no backtest: run it from a real round")
        return backtest_frame(self.backtest)

    def meetings(self) -> Meetings:
        """Which clubs met, in which round (a run with ``pairs=True``); SimulationError without.

        ``result.meetings().to_frame()`` is the tidy frame (``uefacup.frames.pairs``)."""
        from uefacup.errors import SimulationError
        from uefacup.simulate.meetings import Meetings

        if self.meets is None:
            raise SimulationError("this simulation did not count pairs: run it with pairs=True")
        first = self.from_round or self.rounds[0]
        return Meetings(
            clubs=self.clubs,
            rounds=self.rounds,
            first=self.rounds.index(first),
            counts=self.meets,
            runs=self.runs,
            from_round=self.from_round,
        )

    @property
    def columns(self) -> tuple[str, ...]:
        """The round keys, then "champion": the columns of ``counts``."""
        return (*self.rounds, "champion")

    def probabilities(self) -> npt.NDArray[np.float64]:
        if self.runs == 0:
            return np.zeros(self.counts.shape)
        return self.counts / self.runs

    def chances(self) -> list[ClubChances]:
        """Clubs most likely to win first; then by how far they get, then by name."""
        p = self.probabilities()
        champion = len(self.rounds)
        order = sorted(
            range(len(self.clubs)),
            key=lambda i: (*(-p[i, c] for c in range(champion, -1, -1)), self.clubs[i]),
        )
        return [
            ClubChances(
                club=self.clubs[i],
                association=self.associations[i],
                rounds={r: float(p[i, k]) for k, r in enumerate(self.rounds)},
                champion=float(p[i, champion]),
            )
            for i in order
        ]

    def probability(self, club: str, column: str) -> float:
        """``column``: a round key or "champion"."""
        return float(self.probabilities()[self.clubs.index(club), self.columns.index(column)])

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "runs": self.runs,
            "seed": self.seed,
            "from": self.from_round or "start",
            "engine": self.engine,
            "model": self.model,
            "interrupted": self.interrupted,
            "clubs": [
                {
                    "club": c.club,
                    "association": c.association,
                    "rounds": c.rounds,
                    "champion": c.champion,
                }
                for c in self.chances()
            ],
        }
        if self.backtest is not None:
            data["backtest"] = self.backtest
        return data

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["club", "association", *self.columns])
        for c in self.chances():
            writer.writerow(
                [c.club, c.association, *(f"{v:.6f}" for v in [*c.rounds.values(), c.champion])]
            )
        return out.getvalue()
