"""Exporters: a season written in other tools' formats, one module per format family.

=================  =========================================  ================================
format             files written into the output folder       module
=================  =========================================  ================================
``csv``            ``matches.csv``, ``ties.csv``, ``clubs.csv``  ``tables``
``ndjson``         ``matches.ndjson``, ``ties.ndjson``, …       ``tables``
``json``           ``<season>.json`` (one document)            ``tables``
``football.txt``   ``<season>.txt`` (openfootball)            ``football_txt``
``engsoccerdata``  ``champs.csv`` (the R package's columns)    ``engsoccerdata``
=================  =========================================  ================================

``export_season`` writes them; every OS error becomes one ``UefaCupError`` line naming the path.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from uefacup.errors import UefaCupError
from uefacup.io.export.engsoccerdata import CHAMPS_COLUMNS, champs_rows
from uefacup.io.export.football_txt import football_txt
from uefacup.io.export.tables import (
    TABLES,
    csv_text,
    ndjson_text,
    season_document,
    table_rows,
)
from uefacup.model import Season

__all__ = ["FORMATS", "export_season", "render"]


def _csv(season: Season) -> dict[str, str]:
    return {f"{s.name}.csv": csv_text(s, table_rows(season, s)) for s in TABLES}


def _ndjson(season: Season) -> dict[str, str]:
    return {f"{s.name}.ndjson": ndjson_text(table_rows(season, s)) for s in TABLES}


def _json(season: Season) -> dict[str, str]:
    text = json.dumps(season_document(season), ensure_ascii=False, indent=1) + "\n"
    return {f"{season.key}.json": text}


def _football_txt(season: Season) -> dict[str, str]:
    return {f"{season.key}.txt": football_txt(season)}


def _engsoccerdata(season: Season) -> dict[str, str]:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CHAMPS_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(champs_rows(season))
    return {"champs.csv": out.getvalue()}


FORMATS: dict[str, Callable[[Season], dict[str, str]]] = {
    "csv": _csv,
    "ndjson": _ndjson,
    "json": _json,
    "football.txt": _football_txt,
    "engsoccerdata": _engsoccerdata,
}
"""Format name -> function returning {file name: text}."""


def render(season: Season, fmt: str) -> dict[str, str]:
    """The files of ``fmt`` for ``season`` as {file name: text}, nothing written."""
    try:
        make = FORMATS[fmt]
    except KeyError:
        raise UefaCupError(
            f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}"
        ) from None
    return make(season)


def export_season(season: Season, fmt: str, out: Path | str) -> list[Path]:
    """Write ``season`` in ``fmt`` into folder ``out`` (created if needed); the paths written."""
    folder = Path(out)
    files = render(season, fmt)
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            path = folder / name
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError as exc:
        where = exc.filename or folder
        raise UefaCupError(f"{where}: cannot write the export: {exc.strerror or exc}") from None
    return written
