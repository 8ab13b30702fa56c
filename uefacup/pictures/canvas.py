"""What every picture shares: a figure on the Agg canvas, the house style, and saving.

Figures are made as ``matplotlib.figure.Figure`` objects on an Agg canvas rather than through
``pyplot``: no global state, no display needed (SSH, CI), and a program embedding the package
keeps its own backend. matplotlib is imported only here and in the picture modules.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from uefacup.errors import UefaCupError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["FORMATS", "new_figure", "save", "tie_box"]

FORMATS = (".png", ".svg", ".pdf")
DPI = 100
"""At 100 dpi a figure inch is 100 screen pixels: font sizes read as printed at 100 % zoom."""


def new_figure(width: float, height: float) -> Figure:
    """An empty ``Figure`` of that size in inches, on an Agg canvas, with constrained layout
    (titles, tick labels and colour bars are placed so that none overlaps another)."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise UefaCupError("pictures need matplotlib: pip install 'uefacup[plot]'") from None
    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def save(fig: Figure, path: Path | str) -> Path:
    """Write ``fig`` to ``path``; the suffix picks the format (.png, .svg or .pdf)."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise UefaCupError(
            f"{path}: a picture must end in {', '.join(FORMATS)}, not {path.suffix or '(none)'}"
        )
    try:
        fig.savefig(path, dpi=DPI, bbox_inches="tight", metadata=_metadata(path))
    except OSError as exc:
        raise UefaCupError(f"{path}: cannot write picture: {exc.strerror or exc}") from None
    return path


def _metadata(path: Path) -> dict[str, str | None]:
    """No creation date in the file, so a regenerated picture is byte-identical when unchanged."""
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return {"Date": None}
    if suffix == ".pdf":
        return {"CreationDate": None}
    return {"Software": None}


def tie_box(ax: Axes, x: float, y: float, w: float, h: float) -> None:
    """The rounded box that holds one tie in the bracket pictures (replayed and simulated), so
    both draw their ties alike."""
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(
        FancyBboxPatch(
            (x, y),
            w,
            h,
            boxstyle="round,pad=0.02,rounding_size=0.05",
            facecolor="#f4f6fa",
            edgecolor="#9aa5b8",
            linewidth=0.8,
        )
    )
