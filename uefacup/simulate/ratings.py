"""Strengths from a user's file (``--ratings FILE``).

A CSV with a header, one row per club of the season, in one of two layouts:

* ``club,rating``: one number per club, used as both attack and defence;
* ``club,attack,defence``: the two separately.

Numbers are on the natural-log scale of goals (see ``model.py``): a club rated 0.2 above
another scores ``exp(0.2)`` ≈ 1.22 times as much against the same opponent, and concedes
``1/1.22`` as much. Zero is an average club. The base rate and home advantage stay those fitted
for the coefficient model, so only the relative strengths come from the file. Club names are
the season's canonical names or any of their aliases (``aliases.csv``), in any case and with or
without accents, resolved exactly as ``--club`` resolves them (``names.clubs``).

Every club of the season must be rated (a club left out would otherwise silently be average),
and every row must name a club of the season; all problems are reported at once, each as
``FILE:LINE: what`` (``RatingsFileError``). The file is read through ``io.text``: UTF-8 with or
without a BOM, any newline.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import numpy as np

from uefacup.errors import RatingsFileError, SimulationError
from uefacup.io.text import read_text
from uefacup.model import Season
from uefacup.names.clubs import ClubNameError, club_name
from uefacup.simulate.model import MatchModel
from uefacup.simulate.strengths import base_rates

__all__ = ["ratings_model"]


def ratings_model(season: Season, path: Path | str) -> MatchModel:
    """The model whose strengths are read from ``path``."""
    path = Path(path)
    text = read_text(path, SimulationError, where=str(path))
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise SimulationError(f"{path}: not valid CSV ({exc})") from None
    if not rows:
        raise SimulationError(f"{path}: empty ratings file")
    header = [h.strip().lower() for h in rows[0]]
    if header not in (["club", "rating"], ["club", "attack", "defence"]):
        raise SimulationError(
            f"{path}:1: header must be 'club,rating' or 'club,attack,defence', "
            f"not {','.join(rows[0])!r}"
        )
    values: dict[str, tuple[float, float]] = {}
    problems: list[str] = []
    for line, row in enumerate(rows[1:], 2):
        if not row or not "".join(row).strip():
            continue
        if len(row) != len(header):
            problems.append(f"{path}:{line}: expected {len(header)} fields, got {len(row)}")
            continue
        try:
            club = club_name(season, row[0].strip())
        except ClubNameError as exc:
            problems.append(f"{path}:{line}: {exc}")
            continue
        try:
            nums = [float(v) for v in row[1:]]
        except ValueError:
            problems.append(f"{path}:{line}: {club}: ratings must be numbers")
            continue
        if not all(math.isfinite(v) for v in nums):
            problems.append(f"{path}:{line}: {club}: ratings must be finite")
            continue
        if club in values:
            problems.append(f"{path}:{line}: {club} is rated twice")
        values[club] = (nums[0], nums[-1])
    missing = [c.name for c in season.clubs if c.name not in values]
    if missing:
        shown = ", ".join(missing[:5]) + (
            f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        )
        problems.insert(0, f"{path}: no rating for {len(missing)} club(s): {shown}")
    if problems:
        raise RatingsFileError(problems)
    mu, home_advantage = base_rates(season)
    attack = np.array([values[c.name][0] for c in season.clubs])
    defence = np.array([values[c.name][1] for c in season.clubs])
    return MatchModel(
        tuple(c.name for c in season.clubs),
        attack,
        defence,
        mu,
        home_advantage,
        description=f"ratings from {path.name}",
    )
