"""Importers: a season folder built from a results file and the format of a named season.

``import_season`` reads a flat CSV of results (``results_csv``) or a Football.TXT file
(``football_txt``), numbers the ties (``records``) and writes and loads the folder
(``folder``). Problems of the results file are all reported at once, each with its line.
"""

from __future__ import annotations

from pathlib import Path

from uefacup.errors import SeasonError
from uefacup.io.csvtable import Problems
from uefacup.io.importers.folder import write_season_folder
from uefacup.io.importers.football_txt import read_football_txt
from uefacup.io.importers.records import LegRecord, number_ties
from uefacup.io.importers.results_csv import read_results_csv
from uefacup.io.season_folder import load_season
from uefacup.model import Season

__all__ = ["KINDS", "LegRecord", "import_season"]

KINDS = ("csv", "football.txt")


def import_season(
    path: Path | str,
    kind: str,
    *,
    format_of: str | Path,
    out: Path | str,
    key: str | None = None,
    title: str | None = None,
    clubs_file: Path | str | None = None,
) -> Season:
    """Build the season folder ``out`` from the results in ``path`` (``kind``: csv or
    football.txt) with the format of season ``format_of``; returns the loaded season.

    ``key`` defaults to the folder's name, ``title`` to the file's ``=`` line or the key. An
    existing ``out`` must be empty, so an import never overwrites a season.
    """
    path, out = Path(path), Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise SeasonError(f"{out}: exists and is not an empty folder; choose a new --out")
    fmt = load_season(format_of).format
    problems = Problems()
    found_title: str | None = None
    if kind == "csv":
        records = read_results_csv(path, problems)
    elif kind == "football.txt":
        found_title, records = read_football_txt(path, fmt, problems)
    else:
        raise SeasonError(f"unknown results format {kind!r}; choose one of {', '.join(KINDS)}")
    records = number_ties(records, fmt, problems)
    if not records and not problems.items:
        problems.add(path.name, "no matches found")
    problems.raise_if_any()
    season_key = key or out.name
    return write_season_folder(
        records,
        format_of=format_of,
        out=out,
        key=season_key,
        title=title or found_title or season_key,
        source=path.name,
        clubs_file=Path(clubs_file) if clubs_file is not None else None,
    )
