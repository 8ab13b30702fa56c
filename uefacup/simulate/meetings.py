"""Which clubs meet: the probability that two clubs are drawn together, by round and at all.

``uefacup simulate --pairs`` has every simulated tie counted by its pair of clubs and round
(the season kernel and the reference engine fill a (clubs x clubs x rounds) array, upper
triangle only). Here those counts become probabilities with their Monte Carlo error.

* **Which rounds.** The rounds simulated, from the start point on; the start round's real
  draw (``--from``) is among them, with probability 1 for its ties. Real ties before the start
  point are history, not chances, and are not counted (``uefacup replay`` shows them).
* **At all.** In a knockout two clubs meet at most once (one of them is out after the tie), so
  the seasons in which a pair met at all are the sum of its seasons per round, exactly.
* **Error.** Every figure is a proportion of ``runs`` independent seasons: its standard error
  is the binomial ``sqrt(p (1 - p) / runs)``, 0 for a pair that was certain or never met.
* **Identity.** Every club that plays a round plays exactly one tie in it, so per club the sum
  over its opponents of P(meet in round r) equals P(club plays round r) (the club table's
  figure), to the last count.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from uefacup.model import RoundKey

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ANY", "Meetings", "PairChance"]

ANY = "any"
"""The ``round`` of the figures for meeting in any round."""


@dataclass(frozen=True)
class PairChance:
    """Two clubs' chances of meeting: at all, and in each simulated round (with errors)."""

    club_a: str
    club_b: str
    count: int
    """Seasons in which the two met (in any round)."""
    probability: float
    stderr: float
    counts: dict[RoundKey, int]
    """Seasons in which they met in each simulated round (every round, 0 included)."""
    rounds: dict[RoundKey, float]
    errors: dict[RoundKey, float]


def _se(p: float, runs: int) -> float:
    return math.sqrt(max(p * (1 - p), 0.0) / runs) if runs else 0.0


@dataclass(frozen=True, eq=False)
class Meetings:
    """Counts of simulated ties by pair of clubs and round, and what they say.

    ``counts[i, j, k]`` (``i < j``, club positions in ``clubs``; ``k`` a round's position in
    ``rounds``): seasons of ``runs`` in which clubs i and j met in round k. Rounds before
    ``first`` were not simulated and hold 0.
    """

    clubs: tuple[str, ...]
    rounds: tuple[RoundKey, ...]
    first: int
    """Position in ``rounds`` of the first simulated round."""
    counts: npt.NDArray[np.int64]
    runs: int
    from_round: RoundKey | None = None

    def __repr__(self) -> str:
        return (
            f"<Meetings: {self.met():,} pairs of clubs met in {self.runs:,} seasons from "
            f"{self.from_round or 'start'}; .top(), .pair(a, b), .to_frame()>"
        )

    @property
    def simulated(self) -> tuple[RoundKey, ...]:
        """The rounds counted: from the start point to the final."""
        return self.rounds[self.first :]

    def _index(self, club: str) -> int:
        try:
            return self.clubs.index(club)
        except ValueError:
            raise KeyError(f"{club!r} is not a club of this simulation") from None

    def pair(self, club_a: str, club_b: str) -> PairChance:
        """The two clubs' chances (canonical names, in the order given)."""
        i, j = self._index(club_a), self._index(club_b)
        if i == j:
            raise ValueError(f"a club does not meet itself: {club_a!r}")
        return self._chance(i, j)

    def probability(self, club_a: str, club_b: str, round_: RoundKey | None = None) -> float:
        """P(the two meet) in ``round_``, or in any round when it is None."""
        chance = self.pair(club_a, club_b)
        return chance.probability if round_ is None else chance.rounds[round_]

    def _chance(self, i: int, j: int) -> PairChance:
        row = self.counts[min(i, j), max(i, j)]
        runs = self.runs
        counts = {key: int(row[k]) for k, key in enumerate(self.rounds) if k >= self.first}
        rounds = {key: n / runs if runs else 0.0 for key, n in counts.items()}
        total = sum(counts.values())
        p = total / runs if runs else 0.0
        return PairChance(
            club_a=self.clubs[i],
            club_b=self.clubs[j],
            count=total,
            probability=p,
            stderr=_se(p, runs),
            counts=counts,
            rounds=rounds,
            errors={key: _se(q, runs) for key, q in rounds.items()},
        )

    def top(
        self,
        n: int | None = None,
        *,
        clubs: Sequence[str] = (),
        exclude_certain: bool = False,
    ) -> list[PairChance]:
        """Pairs that met at least once, the likeliest first (then by names), at most ``n``.

        ``clubs``: only pairs with one of these clubs, that club named first (its likely
        opponents). ``exclude_certain``: leave out pairs that met in every season (a real draw
        kept with ``--from``).
        """
        total = self.counts.sum(axis=2)
        wanted = [self._index(c) for c in clubs]
        chosen: Iterable[tuple[int, int]]
        if wanted:
            seen: set[tuple[int, int]] = set()
            chosen = []
            for i in wanted:
                for j in np.nonzero(total[i, :] + total[:, i])[0].tolist():
                    if (min(i, j), max(i, j)) not in seen:
                        seen.add((min(i, j), max(i, j)))
                        chosen.append((i, j))
        else:
            rows, cols = np.nonzero(total)
            chosen = zip(rows.tolist(), cols.tolist(), strict=True)
        found = [
            (-int(total[min(i, j), max(i, j)]), self.clubs[i], self.clubs[j], i, j)
            for i, j in chosen
        ]
        if exclude_certain:
            found = [f for f in found if -f[0] < self.runs]
        found.sort()
        return [self._chance(i, j) for *_, i, j in found[:n]]

    def met(self) -> int:
        """Pairs that met in at least one season."""
        return int(np.count_nonzero(self.counts.sum(axis=2)))

    def certain(self) -> int:
        """Pairs that met in every season (a real draw kept with ``--from``)."""
        return int(np.count_nonzero(self.counts.sum(axis=2) == self.runs)) if self.runs else 0

    def to_frame(self) -> pd.DataFrame:
        """Tidy: one row per pair that met and round it met in, then its ``any`` row.

        See ``uefacup.frames.pairs`` for the columns.
        """
        from uefacup.frames.pairs import pairs_frame

        return pairs_frame(self)

    def rows(self, chances: Iterable[PairChance]) -> list[dict[str, Any]]:
        """The tidy rows of ``chances`` (the frame's and the CSV's)."""
        out: list[dict[str, Any]] = []
        for c in chances:
            for key in self.simulated:
                if c.counts[key]:
                    out.append(self._row(c, key, c.counts[key], c.rounds[key], c.errors[key]))
            out.append(self._row(c, ANY, c.count, c.probability, c.stderr))
        return out

    def _row(self, c: PairChance, key: str, n: int, p: float, se: float) -> dict[str, Any]:
        return {
            "club_a": c.club_a,
            "club_b": c.club_b,
            "round": key,
            "count": n,
            "runs": self.runs,
            "probability": p,
            "stderr": se,
        }

    def to_csv(self, chances: Iterable[PairChance]) -> str:
        """``chances`` as tidy CSV rows (the frame's columns)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        names = ["club_a", "club_b", "round", "count", "runs", "probability", "stderr"]
        writer.writerow(names)
        for row in self.rows(chances):
            writer.writerow(
                [
                    *(row[k] for k in names[:5]),
                    f"{row['probability']:.6f}",
                    f"{row['stderr']:.6f}",
                ]
            )
        return out.getvalue()

    @staticmethod
    def to_json(chances: Iterable[PairChance]) -> list[dict[str, Any]]:
        """``chances`` as plain data: per pair, at all and per simulated round."""
        return [
            {
                "club_a": c.club_a,
                "club_b": c.club_b,
                "count": c.count,
                "probability": c.probability,
                "stderr": c.stderr,
                "rounds": {
                    key: {"count": n, "probability": c.rounds[key], "stderr": c.errors[key]}
                    for key, n in c.counts.items()
                },
            }
            for c in chances
        ]
