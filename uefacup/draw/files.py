"""Pot files: the shared knockout-draw JSON (one draw object, or a file of ``draws``).

A draw object is ``{"seeded": [team, ...], "unseeded": [team, ...]}`` with each team
``{"name", "association", "group"}`` (``group`` may be null; ``coefficient`` is optional), plus
optional ``competition``/``season``/``note`` labels and ``forbidden_pairs`` (a list of two-name
lists). A file with ``draws`` (and an optional ``source``) holds many such objects; one is
chosen by position or by ``SEASON/COMPETITION`` (split at the last slash, e.g. ``2017/18/el``).

The whole file is checked before a draw is chosen (schema in ``pot_schema``: strict types,
unknown keys refused), then the meaning: names unique within a draw, forbidden pairs naming
teams of that draw. Every problem comes out at once, one line each, naming the file and key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic_core import ValidationError

from uefacup.draw.pot_schema import (
    DrawSpec,
    TeamSpec,
    draw_validator,
    file_validator,
    problems_of_validation,
)
from uefacup.draw.teams import Constraints, Pots, Team, check_drawable
from uefacup.errors import DrawError, PotFileError
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


def _specs(data: Any, where: str) -> tuple[list[tuple[DrawSpec, str]], bool]:
    """Every draw of the file with its key path, and whether the file is a list of ``draws``.

    Raises ``PotFileError`` with every problem of the file.
    """
    many = isinstance(data, dict) and "draws" in data
    try:
        if many:
            draws = file_validator().validate_python(data)["draws"]
            specs = [(d, f"draws[{i}]") for i, d in enumerate(draws)]
        else:
            specs = [(draw_validator().validate_python(data), "")]
    except ValidationError as exc:
        raise PotFileError(problems_of_validation(exc, where)) from None
    problems = [line for spec, at in specs for line in _meaning(spec, where, at)]
    if problems:
        raise PotFileError(problems)
    return specs, many


def _meaning(spec: DrawSpec, where: str, at: str) -> list[str]:
    """What the schema cannot see: a name used twice, a forbidden pair naming no team here."""
    prefix = f"{where}: {at + '.' if at else ''}"
    problems: list[str] = []
    seen: dict[str, tuple[str, int]] = {}  # formatted only for a problem: most files have none
    for pot, teams in (("seeded", spec["seeded"]), ("unseeded", spec["unseeded"])):
        for i, team in enumerate(teams):
            name = team["name"]
            if name in seen:
                first, j = seen[name]
                problems.append(f"{prefix}{pot}[{i}].name: {name!r} is also {first}[{j}]")
            else:
                seen[name] = (pot, i)
    for i, pair in enumerate(spec["forbidden_pairs"]):
        for k, name in enumerate(pair):
            if name not in seen:
                problems.append(f"{prefix}forbidden_pairs[{i}][{k}]: no team named {name!r}")
        if pair[0] == pair[1]:
            problems.append(f"{prefix}forbidden_pairs[{i}]: names {pair[0]!r} twice")
    return problems


def all_entries(data: Any, where: str) -> list[PotsEntry]:
    """Every draw of a parsed pot file (a single draw object gives a list of one)."""
    specs, _ = _specs(data, where)
    return [_entry(spec, where, at) for spec, at in specs]


def pots_entry(
    data: Any, where: str, *, index: int | None = None, select: str | None = None
) -> PotsEntry:
    """Pick one draw of a parsed pot file (see ``load_pots_file``)."""
    specs, many = _specs(data, where)
    if not many:
        if index is not None or select is not None:
            raise DrawError(f"{where}: holds a single draw; --index/--select do not apply")
        return _entry(*specs[0], where)
    if index is None and select is None and len(specs) == 1:
        return _entry(*specs[0], where)
    if (index is None) == (select is None):
        raise DrawError(
            f"{where}: holds {len(specs)} draws; choose one with --index N or "
            "--select SEASON/COMPETITION"
        )
    if index is not None:
        if not 0 <= index < len(specs):
            raise DrawError(
                f"{where}: --index {index}: no draw at index {index} (0..{len(specs) - 1})"
            )
        return _entry(*specs[index], where)
    assert select is not None
    season, _, competition = select.rpartition("/")
    hits = [
        i
        for i, (d, _) in enumerate(specs)
        if (d["season"] or "") == season and (d["competition"] or "") == competition
    ]
    if len(hits) != 1:
        found = "no draw" if not hits else f"{len(hits)} draws"
        raise DrawError(
            f"{where}: --select {select}: {found} with season {season!r} and "
            f"competition {competition!r}"
        )
    return _entry(*specs[hits[0]], where)


def _entry(spec: DrawSpec, at: str, where: str) -> PotsEntry:
    """The draw as the procedure takes it; a draw that cannot be made names its place."""
    pots = Pots(
        tuple(_team(t) for t in spec["seeded"]),
        tuple(_team(t) for t in spec["unseeded"]),
    )
    constraints = Constraints().with_pairs((p[0], p[1]) for p in spec["forbidden_pairs"])
    place = f"{where}: {at}" if at else where
    try:
        check_drawable(pots, constraints)
    except DrawError as exc:
        raise DrawError(f"{place}: {exc}") from None
    label = " ".join(v for v in (spec["competition"], spec["season"]) if v)
    return PotsEntry(label or place, pots, constraints)


def _team(spec: TeamSpec) -> Team:
    return Team(spec["name"], spec["association"] or "", spec["coefficient"], spec["group"] or None)
