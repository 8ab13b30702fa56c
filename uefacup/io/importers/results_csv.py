"""Reading a flat CSV of results: the ``matches.csv`` of ``uefacup export --format csv``.

Required columns: ``round``, ``home``, ``away``, ``home_goals_90``, ``away_goals_90``. Optional:
``tie`` and ``leg`` (numbered from the order of the rows where absent), ``date`` (ISO),
``home_goals_aet``/``away_goals_aet``, ``home_goals_et_half``/``away_goals_et_half``,
``home_penalties``/``away_penalties``, ``venue``, ``home_association``/``away_association``.
Every other column is ignored, so the export's own file reads back as it is. Every bad row is
reported, each with its line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from uefacup.io.csvtable import Problems, Row, read_rows
from uefacup.io.importers.records import LegRecord
from uefacup.model import Score

__all__ = ["REQUIRED", "read_results_csv"]

REQUIRED = ("round", "home", "away", "home_goals_90", "away_goals_90")


def _pair(row: Row, home: str, away: str) -> Score | None:
    """Two goal columns -> a Score; both empty -> None; one empty or not a count: ValueError."""
    h, a = row.get(home), row.get(away)
    if not h and not a:
        return None
    if not (h.isdigit() and a.isdigit()):
        raise ValueError(f"{home}/{away} must be two goal counts, got {h!r} and {a!r}")
    return Score(int(h), int(a))


def _int(row: Row, column: str) -> int | None:
    text = row.get(column)
    if not text:
        return None
    if not text.isdigit() or int(text) < 1:
        raise ValueError(f"{column} must be a positive whole number, got {text!r}")
    return int(text)


def read_results_csv(path: Path, problems: Problems) -> list[LegRecord]:
    """The legs of ``path``; problems (one a bad row) go to ``problems``."""
    records: list[LegRecord] = []
    for row in read_rows(path, REQUIRED, problems):
        try:
            regular = _pair(row, "home_goals_90", "away_goals_90")
            if regular is None:
                raise ValueError("home_goals_90/away_goals_90: no score")
            date = dt.date.fromisoformat(row.get("date")) if row.get("date") else None
            tie, leg = _int(row, "tie"), _int(row, "leg")
            if (tie is None) != (leg is None):
                raise ValueError("give both tie and leg, or neither")
            records.append(
                LegRecord(
                    where=row.where,
                    round=row.get("round"),
                    home=row.get("home"),
                    away=row.get("away"),
                    regular=regular,
                    after_extra_time=_pair(row, "home_goals_aet", "away_goals_aet"),
                    extra_time_half=_pair(row, "home_goals_et_half", "away_goals_et_half"),
                    penalties=_pair(row, "home_penalties", "away_penalties"),
                    date=date,
                    venue=row.get("venue") or None,
                    tie=tie,
                    leg=leg,
                    home_association=row.get("home_association") or None,
                    away_association=row.get("away_association") or None,
                )
            )
        except ValueError as exc:
            problems.add(row.where, str(exc))
        for side in ("home", "away"):
            if not row.get(side):
                problems.add(row.where, f"{side}: no club named")
    return records
