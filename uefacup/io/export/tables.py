"""Exports as tables: CSV, newline-delimited JSON and one JSON document.

The rows and their columns are the DataFrame schemas' (``uefacup.frames``): ``matches`` (one
row per leg, every recorded fact), ``ties`` (aggregate, winner, decided_by) and ``clubs``, so
the README's column tables document these files too. pandas is not needed: the rows are plain
values written with the standard library.

Cell values: dates ISO 8601 (``2003-05-21``); booleans ``true``/``false``; a missing value an
empty CSV cell or JSON ``null``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

from uefacup.frames.clubs import CLUBS, clubs_rows
from uefacup.frames.matches import MATCHES, matches_rows
from uefacup.frames.schema import FrameSchema
from uefacup.frames.ties import TIES, ties_rows
from uefacup.model import Season

__all__ = ["TABLES", "csv_text", "json_value", "ndjson_text", "season_document", "table_rows"]

TABLES: tuple[FrameSchema, ...] = (MATCHES, TIES, CLUBS)
"""The tables every table export writes, one file each (``matches.csv`` ...)."""


def table_rows(season: Season, schema: FrameSchema) -> list[dict[str, Any]]:
    """The rows of one of ``TABLES`` for ``season``."""
    if schema is MATCHES:
        return matches_rows(season)
    if schema is TIES:
        return ties_rows(season)
    return clubs_rows(season)


def json_value(value: Any) -> Any:
    """A row value as JSON: dates as ISO strings, everything else as it is."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(json_value(value))


def csv_text(schema: FrameSchema, rows: Iterable[Mapping[str, Any]]) -> str:
    """CSV with a header row, the schema's columns in order, ``\\n`` line ends."""
    out = io.StringIO()
    names = list(schema.dtypes())
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(row[n]) for n in names])
    return out.getvalue()


def ndjson_text(rows: Iterable[Mapping[str, Any]]) -> str:
    """One JSON object a line, keys in column order."""
    return "".join(
        json.dumps({k: json_value(v) for k, v in row.items()}, ensure_ascii=False) + "\n"
        for row in rows
    )


def season_document(season: Season) -> dict[str, Any]:
    """The whole season as one JSON-ready object: key, title, rounds, then the three tables."""
    doc: dict[str, Any] = {
        "season": season.key,
        "title": season.title,
        "rounds": [str(k) for k in season.rules],
    }
    for schema in TABLES:
        doc[schema.name] = [
            {k: json_value(v) for k, v in row.items()} for row in table_rows(season, schema)
        ]
    return doc
