"""``simulate --plot FILE``: the chances of every club still in the cup, as an annotated heat map.

What a reader needs from the picture, and how it is met:

* **Only what is still open.** Rows are the clubs alive at the start point (every club from the
  start, the eight quarter-finalists ``--from quarter-final``), or the ``top`` N of them by
  chance of winning; columns are the rounds after a real start round (that one is certain for
  every row), then "Champion", leaving out a column with nothing to show for the rows drawn.
* **Numbers, not only colours.** Each cell carries its percentage ("<0.1" for a chance too
  small to print, "0" for none).
* **Not played is not 0 %.** A round before a club entered (a first-round entrant's qualifying
  round) is left blank, white, without a number.
* **Says what it is.** The title names the season, the start round, the number of runs, the
  seed and the model, so a saved picture can be reproduced.
* **Readable at 100 % zoom.** Figures are sized in inches at 100 dpi with 9-point cell text and
  10-point names, each row a fixed height, so the picture grows with the rows instead of
  shrinking the type.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from uefacup.frames.simulation import entered
from uefacup.pictures.canvas import new_figure, save
from uefacup.simulate.results import SimulationResult

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["MAX_ROWS", "alive_rows", "cell_text", "column_label", "heatmap_figure", "plot_heatmap"]

MAX_ROWS = 40
"""Rows drawn when ``top`` is not given and more clubs are alive (from the start: 145)."""


def column_label(result: SimulationResult, key: str) -> str:
    """A column heading: the round's name (two lines where it has a hyphen or two words)."""
    if key == "champion":
        return "Champion"
    names = dict(zip(result.rounds, result.round_names, strict=False))
    name = names.get(key, key)
    if "-" in name:
        head, tail = name.split("-", 1)
        return f"{head}-\n{tail}"
    return name.replace(" ", "\n", 1) if len(name) > 10 else name


def cell_text(p: float) -> str:
    """The label of a cell: whole percent from 10 % up, one decimal below, "<0.1", "0"."""
    if p == 0:
        return "0"
    if p >= 0.9995:
        return "100"
    if p >= 0.1:
        return f"{100 * p:.0f}"
    if p >= 0.0005:
        return f"{100 * p:.1f}"
    return "<0.1"


def _start_column(result: SimulationResult) -> int:
    return result.columns.index(str(result.from_round)) if result.from_round else 0


def alive_rows(result: SimulationResult, top: int | None = None) -> list[int]:
    """Club positions to draw: alive at the start (reached the start round in every run), in
    the table's order, cut to ``top`` (or ``MAX_ROWS`` when ``top`` is None)."""
    start = _start_column(result)
    index = {name: i for i, name in enumerate(result.clubs)}
    counts = result.counts.tolist()
    first = entered(result)
    alive = [
        index[c.club]
        for c in result.chances()
        if counts[index[c.club]][start] == result.runs or first[index[c.club]] > start
    ]
    return alive[: top if top is not None else MAX_ROWS]


def heatmap_figure(result: SimulationResult, *, top: int | None = None) -> Figure:
    """The annotated heat map of ``result`` as a ``Figure`` (see the module docstring)."""
    import numpy as np

    start = _start_column(result)
    rows = alive_rows(result, top)
    first = entered(result)
    counts = np.asarray(result.counts, dtype=float)
    shown = range(start + 1 if result.from_round else start, len(result.columns))
    keep = [j for j in shown if any(j >= first[i] for i in rows)]
    columns = [result.columns[j] for j in keep]
    data = np.full((len(rows), len(columns)), np.nan)
    for r, i in enumerate(rows):
        for c, j in enumerate(keep):
            if j >= first[i] and result.runs:
                data[r, c] = counts[i, j] / result.runs

    cell_h, cell_w = 0.3, 0.82
    width = 3.6 + cell_w * len(columns)
    height = 2.0 + cell_h * len(rows)
    fig = new_figure(width, height)
    ax = fig.add_subplot()
    image = ax.imshow(np.ma.masked_invalid(data), aspect="auto", cmap="YlGnBu", vmin=0.0, vmax=1.0)
    for r in range(len(rows)):
        for c in range(len(columns)):
            p = data[r, c]
            if np.isnan(p):
                continue
            colour = "white" if p > 0.55 else "black"
            ax.text(c, r, cell_text(float(p)), ha="center", va="center", fontsize=9, color=colour)
    ax.set_xticks(range(len(columns)), [column_label(result, k) for k in columns], fontsize=9)
    ax.xaxis.tick_top()
    ax.set_yticks(
        range(len(rows)),
        [f"{result.clubs[i]} ({result.associations[i]})" for i in rows],
        fontsize=10,
    )
    ax.tick_params(which="both", length=0)
    ax.set_xticks(np.arange(-0.5, len(columns), 1), minor=True)
    ax.set_yticks(np.arange(-0.5, len(rows), 1), minor=True)
    ax.grid(which="minor", color="white", linewidth=1.0)
    for side in ax.spines.values():
        side.set_visible(False)
    fig.suptitle(_title(result, len(rows), width), fontsize=11, x=0.01, ha="left")
    if np.isnan(data).any():
        fig.supxlabel("blank: a round played before the club entered", fontsize=9)
    bar = fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02)
    bar.set_label("chance of reaching the round", fontsize=9)
    return fig


def _title(result: SimulationResult, shown: int, width: float) -> str:
    names = dict(zip(result.rounds, result.round_names, strict=False))
    start = (
        f"the {names.get(str(result.from_round), str(result.from_round)).lower()}"
        if result.from_round
        else "the start (entry list)"
    )
    season = result.season_title or result.season or "season"
    alive = len(alive_rows(result, len(result.clubs)))
    which = f"the {shown} clubs alive" if shown == alive else f"top {shown} of {alive} clubs alive"
    model = textwrap.fill(f"model: {result.model}", max(40, int(width * 12)))
    return (
        f"{season}: chance of reaching each round (%), {which}\n"
        f"simulated from {start}: {result.runs:,} runs, seed {result.seed}\n"
        f"{model}"
    )


def plot_heatmap(result: SimulationResult, path: Path | str, *, top: int | None = None) -> Path:
    """Write the heat map of ``result`` to ``path`` (.png, .svg or .pdf)."""
    return save(heatmap_figure(result, top=top), path)
