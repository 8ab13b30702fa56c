"""A draw's pairing probabilities as a heat map: unseeded teams down, seeded teams across.

Each cell carries its percentage; a pairing the rules forbid (probability 0) is grey with a
dash, so "cannot happen" is not confused with "unlikely". The colours diverge around the even
chance 1/n (n seeded teams): white is 1/n, red more likely, blue less. A 16 v 16 draw's odds
are all near 6 %, and a plain 0-to-max scale would paint them one blue; around 1/n the
pairings that the constraints favour stand out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from uefacup.pictures.canvas import new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from uefacup.draw.odds import PairingOdds

__all__ = ["cell_text", "pairings_figure"]


def cell_text(p: float) -> str:
    """The label of a cell: "–" for a forbidden pairing, else the percentage, one decimal."""
    if p == 0:
        return "–"
    return f"{100 * p:.1f}"


def pairings_figure(odds: PairingOdds) -> Figure:
    """The heat map of ``odds`` with a title naming the draw."""
    import numpy as np

    matrix = np.array(odds.probabilities, dtype=float)
    rows, cols = matrix.shape
    cell = 0.62
    width = 3.2 + cell * cols
    height = 2.4 + cell * rows
    fig = new_figure(width, height)
    ax = fig.add_subplot()
    from matplotlib.colors import TwoSlopeNorm

    shown = np.ma.masked_where(matrix == 0, matrix)
    even = 1.0 / cols
    top = max(float(matrix.max()), even * 1.001)
    norm = TwoSlopeNorm(vcenter=even, vmin=0.0, vmax=top)
    from matplotlib import colormaps
    from matplotlib.ticker import PercentFormatter

    cmap = colormaps["RdBu_r"].with_extremes(bad="#c8c8c8")
    image = ax.imshow(shown, cmap=cmap, norm=norm, aspect="equal")
    for i in range(rows):
        for j in range(cols):
            p = float(matrix[i, j])
            strong = p > 0 and abs(norm(p) - 0.5) > 0.35
            colour = "white" if strong else "black"
            ax.text(j, i, cell_text(p), ha="center", va="center", fontsize=8, color=colour)
    ax.set_xticks(
        range(cols),
        [_name(s, a) for s, a in zip(odds.seeded, odds.seeded_associations, strict=True)],
        rotation=40,
        ha="right",
        fontsize=9,
    )
    ax.set_yticks(
        range(rows),
        [_name(u, a) for u, a in zip(odds.unseeded, odds.unseeded_associations, strict=True)],
        fontsize=9,
    )
    ax.set_xlabel("seeded pot", fontsize=10)
    ax.set_ylabel("unseeded pot (drawn first, at home)", fontsize=10)
    ax.set_xticks(np.arange(-0.5, cols, 1), minor=True)
    ax.set_yticks(np.arange(-0.5, rows, 1), minor=True)
    ax.grid(which="minor", color="#dddddd", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    ax.set_title(
        f"Pairing probabilities (%): {odds.label}\n"
        f"{rows} unseeded v {cols} seeded; white = an even chance (1/{cols}); "
        "grey –: the rules keep the two apart",
        fontsize=11,
    )
    bar = fig.colorbar(image, ax=ax, fraction=0.035, pad=0.02, format=PercentFormatter(1.0))
    bar.set_label("probability (red: above an even chance)", fontsize=9)
    return fig


def _name(team: str, association: str) -> str:
    return f"{team} ({association})" if association else team
