"""A draw's pairing probabilities as one value: who is in which pot, and the matrix.

``pairing_probabilities`` returns a bare matrix; ``PairingOdds`` keeps it together with the team
names and associations it is about, so that a table, a DataFrame (``to_frame``) and a heat map
(``plot``) can be made from it without the pot file at hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from uefacup.draw.files import PotsEntry
from uefacup.draw.probabilities import pairing_probabilities

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["PairingOdds", "pairing_odds"]


@dataclass(frozen=True)
class PairingOdds:
    """``probabilities[i][j]``: chance that unseeded team i is drawn against seeded team j."""

    label: str
    seeded: tuple[str, ...]
    unseeded: tuple[str, ...]
    seeded_associations: tuple[str, ...]
    unseeded_associations: tuple[str, ...]
    probabilities: tuple[tuple[float, ...], ...]

    def __repr__(self) -> str:
        return (
            f"<PairingOdds {self.label!r}: {len(self.unseeded)} unseeded x "
            f"{len(self.seeded)} seeded>"
        )

    def probability(self, unseeded: str, seeded: str) -> float:
        """P(``unseeded`` meets ``seeded``); ValueError names an unknown team."""
        return self.probabilities[self.unseeded.index(unseeded)][self.seeded.index(seeded)]

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``draw --probabilities --format json``."""
        return {
            "seeded": list(self.seeded),
            "unseeded": list(self.unseeded),
            "probabilities": [list(row) for row in self.probabilities],
        }

    def to_frame(self, *, wide: bool = False) -> pd.DataFrame:
        """Tidy (one row per pairing) or, with ``wide``, the matrix (unseeded x seeded)."""
        from uefacup.frames.draw import pairings_frame, pairings_matrix

        return pairings_matrix(self) if wide else pairings_frame(self)

    def figure(self) -> Figure:
        """The heat map as a matplotlib ``Figure`` (not yet saved)."""
        from uefacup.pictures.pairings import pairings_figure

        return pairings_figure(self)

    def plot(self, path: Path | str) -> Path:
        """Write the heat map to ``path`` (format from the suffix: .png, .svg, .pdf)."""
        from uefacup.pictures.canvas import save

        return save(self.figure(), path)


def pairing_odds(entry: PotsEntry) -> PairingOdds:
    """The exact pairing probabilities of a pot file's draw, with its names attached."""
    matrix = pairing_probabilities(entry.pots, entry.constraints)
    return PairingOdds(
        label=entry.label,
        seeded=tuple(t.name for t in entry.pots.seeded),
        unseeded=tuple(t.name for t in entry.pots.unseeded),
        seeded_associations=tuple(t.association for t in entry.pots.seeded),
        unseeded_associations=tuple(t.association for t in entry.pots.unseeded),
        probabilities=tuple(tuple(float(p) for p in row) for row in matrix),
    )
