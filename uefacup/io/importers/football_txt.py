"""Reading a Football.TXT file (openfootball's plain-text format) into leg records.

Understood, as ``uefacup export --format football.txt`` writes it and as openfootball's cup
files commonly do:

* ``= Title`` (the season's title), ``#`` comment lines;
* round headings, optionally marked ``▪`` or ``»``: ``First round, 1st Leg``, ``Final``; the name
  (or key) is looked up in the format, case-insensitively;
* date lines ``Thu Aug 15 2002`` or ``Aug 15`` (the year carried on from the line before);
* match lines ``[hh:mm]  Home  v Away  score  [agg x-y]  @ venue`` with the score one of
  ``2-1``, ``2-1 (1-0)`` (half-time, ignored), ``3-2 a.e.t. (2-2)`` (the 90-minute score in
  brackets, required after extra time), ``3-2 a.e.t. (2-2; 2-2 at 105')`` (this package's
  addition: the score after the first extra-time half), and ``, 4-1 pen.`` after any of them.

Each line that is none of these is a problem naming its line; nothing is skipped silently.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from uefacup.errors import SeasonError
from uefacup.format.rounds import Format
from uefacup.io.csvtable import Problems
from uefacup.io.importers.records import LegRecord
from uefacup.model import Score

__all__ = ["read_football_txt"]

_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES)}
_DATE = re.compile(
    r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+)?(?P<month>[A-Z][a-z]{2})\s+(?P<day>\d{1,2})"
    r"(?:\s+(?P<year>\d{4}))?$"
)
_MATCH = re.compile(
    r"^(?:\d{1,2}[.:]\d{2}\s+)?(?P<home>\S.*?)\s+v\s+(?P<away>\S.*?)\s{2,}"
    r"(?P<score>\d+-\d+)(?P<aet>\s+a\.e\.t\.)?"
    r"(?:\s*\((?P<inside>[^)]*)\))?"
    r"(?:,?\s+(?P<pens>\d+-\d+)\s+pen\.)?"
    r"(?:\s+\[agg\s+\d+-\d+\])?"
    r"(?:\s+@\s+(?P<venue>.+?))?\s*$"
)
_INSIDE = re.compile(r"^(?P<ft>\d+-\d+)(?:\s*[;,]\s*(?P<half>\d+-\d+) at 105')?$")
_LEG = re.compile(r"^(?P<name>.+?)\s*[,-]\s*(?:1st|2nd|First|Second)\s+[Ll]eg$")


def _score(text: str) -> Score:
    home, away = text.split("-")
    return Score(int(home), int(away))


def read_football_txt(
    path: Path, fmt: Format, problems: Problems
) -> tuple[str | None, list[LegRecord]]:
    """(the ``=`` title or None, the matches of ``path``); problems go to ``problems``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SeasonError(f"{path}: cannot be read ({exc})") from None
    names = {r.name.lower(): r.key for r in fmt} | {r.key.lower(): r.key for r in fmt}
    title: str | None = None
    round_: str | None = None
    date: dt.date | None = None
    year: int | None = None
    records: list[LegRecord] = []
    for number, raw in enumerate(text.splitlines(), 1):
        where = f"{path.name}:{number}"
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("="):
            title = line.lstrip("=").strip() or title
            continue
        if raw[:1] not in (" ", "\t"):  # a heading starts in the first column
            heading = line.lstrip("▪»").strip()
            leg = _LEG.match(heading)
            name = leg.group("name") if leg else heading
            round_ = names.get(name.lower())
            if round_ is None:
                problems.add(where, f"unknown round {name!r} (rounds: {', '.join(fmt.keys)})")
            date = None
            continue
        if found := _DATE.match(line):
            month = _MONTHS.get(found.group("month"))
            year = int(found.group("year")) if found.group("year") else year
            if month is None or year is None:
                problems.add(where, f"date {line!r}: month or year unknown")
                continue
            try:
                date = dt.date(year, month, int(found.group("day")))
            except ValueError as exc:
                problems.add(where, f"date {line!r}: {exc}")
            continue
        match = _MATCH.match(line)
        if match is None:
            problems.add(where, f"not a match, date or heading: {line!r}")
            continue
        if round_ is None:
            problems.add(where, "match before any (known) round heading")
            continue
        record = _record(match, where, round_, date, problems)
        if record is not None:
            records.append(record)
    return title, records


def _record(
    match: re.Match[str], where: str, round_: str, date: dt.date | None, problems: Problems
) -> LegRecord | None:
    score = _score(match.group("score"))
    inside = match.group("inside")
    regular, aet, half = score, None, None
    if match.group("aet"):
        parts = _INSIDE.match(inside.strip()) if inside else None
        if parts is None:
            problems.add(
                where, "a.e.t. needs the 90-minute score in brackets, e.g. 3-2 a.e.t. (2-2)"
            )
            return None
        aet, regular = score, _score(parts.group("ft"))
        half = _score(parts.group("half")) if parts.group("half") else None
    pens = _score(match.group("pens")) if match.group("pens") else None
    return LegRecord(
        where=where,
        round=round_,
        home=match.group("home").strip(),
        away=match.group("away").strip(),
        regular=regular,
        after_extra_time=aet,
        extra_time_half=half,
        penalties=pens,
        date=date,
        venue=match.group("venue"),
    )
