"""Checking a ``--plot`` path before a run, so a bad one fails in a second, not after the run.

Kept apart from ``simulate/plot.py`` (and out of the ``simulate`` package, which imports numpy)
so that the check needs neither numpy nor matplotlib.
"""

from __future__ import annotations

import os
from pathlib import Path

from uefacup.errors import SimulationError

PLOT_FORMATS = (".png", ".svg", ".pdf")
"""What matplotlib's Agg, SVG and PDF backends write without extra software."""

__all__ = ["PLOT_FORMATS", "check_plot_path"]


def check_plot_path(path: str | Path) -> Path:
    """``path`` if a heat map can be written there: a known extension, a writable folder."""
    path = Path(path)
    if path.suffix.lower() not in PLOT_FORMATS:
        known = ", ".join(PLOT_FORMATS)
        raise SimulationError(f"--plot {path}: the file must end in {known}")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise SimulationError(f"--plot {path}: folder {folder} does not exist")
    if path.is_dir():
        raise SimulationError(f"--plot {path}: is a folder")
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise SimulationError(f"--plot {path}: cannot write there (permission denied)")
    return path
