"""``--plot FILE.png``: a heat map of clubs x rounds, drawn with matplotlib's Agg backend.

Agg renders straight to a file without a display, so the command works over SSH and in CI;
the backend is chosen on a ``Figure`` object rather than with ``matplotlib.use`` so that a
program embedding the package keeps its own backend.
"""

from __future__ import annotations

from pathlib import Path

from uefacup.errors import SimulationError
from uefacup.simulate.results import SimulationResult

__all__ = ["plot_heatmap"]


def plot_heatmap(result: SimulationResult, path: Path | str, *, top: int | None = None) -> Path:
    """Write the heat map of ``result`` (clubs in table order, ``top`` first ones) to ``path``."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - the plot extra is missing
        raise SimulationError("--plot needs matplotlib: pip install 'uefacup[plot]'") from exc
    path = Path(path)
    chances = result.chances()[: top or None]
    data = [[*c.rounds.values(), c.champion] for c in chances]
    height = max(4.0, 0.16 * len(chances) + 1.5)
    fig = Figure(figsize=(8, height))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    image = ax.imshow(data, aspect="auto", cmap="viridis", vmin=0.0, vmax=1.0)
    ax.set_xticks(
        range(len(result.columns)),
        [c.replace("-", "-\n") for c in result.columns],
        fontsize=7,
    )
    ax.set_yticks(range(len(chances)), [c.club for c in chances], fontsize=5)
    start = result.from_round or "start"
    ax.set_title(f"Probability of reaching each round ({result.runs:,} seasons from {start})")
    fig.colorbar(image, ax=ax, fraction=0.04)
    fig.tight_layout()
    try:
        fig.savefig(path, dpi=120)
    except OSError as exc:
        raise SimulationError(f"{path}: cannot write plot: {exc.strerror}") from None
    return path
