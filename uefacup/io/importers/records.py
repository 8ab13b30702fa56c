"""What an importer reads from a results file: one ``LegRecord`` per match, with its line.

Both readers (a flat CSV of results, a Football.TXT file) produce these; ``numbering`` then
gives every record its tie and leg where the file did not say (the n-th new pairing of a round
is tie n; the return match of a pairing is its second leg), so the folder writer sees one shape.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from uefacup.format.rounds import Format
from uefacup.io.csvtable import Problems
from uefacup.model import Score

__all__ = ["LegRecord", "number_ties"]


@dataclass(frozen=True)
class LegRecord:
    """One match as a results file gives it; ``where`` is ``file:line`` for messages."""

    where: str
    round: str
    home: str
    away: str
    regular: Score
    after_extra_time: Score | None = None
    extra_time_half: Score | None = None
    penalties: Score | None = None
    date: dt.date | None = None
    venue: str | None = None
    tie: int | None = None
    leg: int | None = None
    home_association: str | None = None
    away_association: str | None = None


def number_ties(records: list[LegRecord], fmt: Format, problems: Problems) -> list[LegRecord]:
    """Every record with its tie and leg; records that name both keep them.

    A record without numbers opens a new tie unless its round has two legs and the same two
    clubs, the other way round, have a tie with only a first leg so far.
    """
    out: list[LegRecord] = []
    counters: dict[str, int] = {}
    open_first: dict[tuple[str, str, str], int] = {}
    for rec in records:
        if rec.round not in fmt:
            problems.add(rec.where, f"unknown round {rec.round!r} ({', '.join(fmt.keys)})")
            continue
        if rec.tie is not None and rec.leg is not None:
            counters[rec.round] = max(counters.get(rec.round, 0), rec.tie)
            out.append(rec)
            continue
        back = (rec.round, rec.away, rec.home)
        if fmt.round(rec.round).legs == 2 and back in open_first:
            out.append(replace(rec, tie=open_first.pop(back), leg=2))
            continue
        number = counters.get(rec.round, 0) + 1
        counters[rec.round] = number
        if fmt.round(rec.round).legs == 2:
            open_first[(rec.round, rec.home, rec.away)] = number
        out.append(replace(rec, tie=number, leg=1))
    return out
