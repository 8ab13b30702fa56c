"""Pot files: the shared knockout-draw JSON (one draw object, or a file of ``draws``).

A draw object is ``{"seeded": [team, ...], "unseeded": [team, ...]}`` with each team
``{"name", "association", "group"}`` (``group`` may be null; ``coefficient`` is optional), plus
optional ``competition``/``season`` labels and ``forbidden_pairs`` (a list of two-name lists).
A file with ``draws`` holds many such objects; one is chosen by position or by
``SEASON/COMPETITION`` (split at the last slash, e.g. ``2017/18/el``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from uefacup.draw.teams import Constraints, Pots, Team
from uefacup.errors import DrawError
from uefacup.io.text import read_json as read_text_json


@dataclass(frozen=True, slots=True)
class PotsEntry:
    """One draw of a pot file: a label for humans, the pots and what keeps teams apart."""

    label: str
    pots: Pots
    constraints: Constraints


def read_json(path: str | Path) -> Any:
    """The parsed pot file; reading errors become DrawErrors naming the file as given."""
    return read_text_json(path, DrawError, where=str(path))


def load_pots_file(
    path: str | Path, *, index: int | None = None, select: str | None = None
) -> PotsEntry:
    """The draw in ``path``; a file of several ``draws`` needs ``index`` or ``select``."""
    return pots_entry(read_json(path), str(path), index=index, select=select)


def all_entries(data: Any, where: str) -> list[PotsEntry]:
    """Every draw of a parsed pot file (a single draw object gives a list of one)."""
    if isinstance(data, dict) and "draws" in data:
        draws = data["draws"]
        if not isinstance(draws, list):
            raise DrawError(f"{where}: 'draws' must be a list")
        return [_entry(d, f"{where}: draws[{i}]") for i, d in enumerate(draws)]
    return [_entry(data, where)]


def pots_entry(
    data: Any, where: str, *, index: int | None = None, select: str | None = None
) -> PotsEntry:
    """Pick one draw of a parsed pot file (see ``load_pots_file``)."""
    if not (isinstance(data, dict) and "draws" in data):
        if index is not None or select is not None:
            raise DrawError(f"{where}: holds a single draw; --index/--select do not apply")
        return _entry(data, where)
    draws = data["draws"]
    if not isinstance(draws, list) or not draws:
        raise DrawError(f"{where}: 'draws' must be a non-empty list")
    if index is None and select is None and len(draws) == 1:
        return _entry(draws[0], f"{where}: draws[0]")
    if (index is None) == (select is None):
        raise DrawError(
            f"{where}: holds {len(draws)} draws; choose one with --index N or "
            "--select SEASON/COMPETITION"
        )
    if index is not None:
        if not 0 <= index < len(draws):
            raise DrawError(f"{where}: no draw at index {index} (0..{len(draws) - 1})")
        return _entry(draws[index], f"{where}: draws[{index}]")
    assert select is not None
    season, _, competition = select.rpartition("/")
    hits = [
        i
        for i, d in enumerate(draws)
        if isinstance(d, dict)
        and str(d.get("season", "")) == season
        and str(d.get("competition", "")) == competition
    ]
    if len(hits) != 1:
        found = "no draw" if not hits else f"{len(hits)} draws"
        raise DrawError(f"{where}: {found} with season {season!r} and competition {competition!r}")
    return _entry(draws[hits[0]], f"{where}: draws[{hits[0]}]")


def _entry(data: Any, where: str) -> PotsEntry:
    if not isinstance(data, dict):
        raise DrawError(f"{where}: a draw must be an object with 'seeded' and 'unseeded'")
    pots = []
    for pot in ("seeded", "unseeded"):
        teams = data.get(pot)
        if not isinstance(teams, list) or not teams:
            raise DrawError(f"{where}: '{pot}' must be a non-empty list of teams")
        pots.append(tuple(_team(t, f"{where}: {pot}[{i}]") for i, t in enumerate(teams)))
    pairs = data.get("forbidden_pairs", [])
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(n, str) for n in p) for p in pairs
    ):
        raise DrawError(f"{where}: 'forbidden_pairs' must be a list of two-name lists")
    constraints = Constraints().with_pairs((p[0], p[1]) for p in pairs)
    label = " ".join(str(data[k]) for k in ("competition", "season") if data.get(k))
    return PotsEntry(label or where, Pots(pots[0], pots[1]), constraints)


def _team(data: Any, where: str) -> Team:
    if not isinstance(data, dict):
        raise DrawError(f"{where}: a team must be an object with a 'name'")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DrawError(f"{where}: team 'name' must be a non-empty string")
    association = data.get("association")
    group = data.get("group")
    coefficient = data.get("coefficient")
    if association is not None and not isinstance(association, str):
        raise DrawError(f"{where} ({name}): 'association' must be a string or null")
    if group is not None and not isinstance(group, str):
        raise DrawError(f"{where} ({name}): 'group' must be a string or null")
    if coefficient is not None and (
        isinstance(coefficient, bool) or not isinstance(coefficient, int | float)
    ):
        raise DrawError(f"{where} ({name}): 'coefficient' must be a number or null")
    return Team(
        name,
        association or "",
        None if coefficient is None else float(coefficient),
        group or None,
    )
