"""The season's historical record beyond the match table: sources, per-match facts, real draws.

Three CSV files sit beside ``matches.csv`` (issue 15):

- ``sources.csv`` (``key,publication,address``): every source key the other files cite;
- ``match_facts.csv`` (``round,tie,leg,fact,value,source``): one fact a row about one match
  of ``matches.csv``. Several rows may state the same fact from different sources; that is
  how agreement (or a conflict, documented in NOTES.md) is shown;
- ``draw_groups.csv`` (``round,group,pot,club,source``): the real seeded and unseeded lists
  of a draw, with the group where a source gives it (empty where no source does).

The reader is pure apart from reading the files: what counts as a known match or a known club
is passed in, so the same code checks a season folder or a hand-written test file. Every
problem in every file is reported at once, one ``file:line: what`` line each, as a
``DataError``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from uefacup.io.csvtable import Problems, parse_score, read_rows

FACTS: tuple[str, ...] = (
    "date",
    "score_90",
    "score_aet",
    "extra_time",
    "penalties",
    "venue",
    "attendance",
)
"""The facts a row may state; scores are written from the home side of that leg."""

POTS: tuple[str, ...] = ("seeded", "unseeded")

MatchKey = tuple[str, int, int]
"""(round, tie, leg) as in ``matches.csv``."""

_ATTENDANCE = re.compile(r"^\d{1,6}$")


@dataclass(frozen=True)
class Source:
    """A publication that facts cite by its short key."""

    key: str
    publication: str
    address: str


@dataclass(frozen=True)
class MatchFact:
    """One fact about one match, as one source states it."""

    round: str
    tie: int
    leg: int
    fact: str
    value: str
    source: str
    where: str

    @property
    def match(self) -> MatchKey:
        return (self.round, self.tie, self.leg)


@dataclass(frozen=True)
class DrawEntry:
    """A club in a real draw: its pot and, where known, its group."""

    round: str
    group: str
    pot: str
    club: str
    source: str
    where: str


@dataclass(frozen=True)
class HistoricalRecord:
    """Everything the three files hold, already validated against each other."""

    sources: tuple[Source, ...]
    facts: tuple[MatchFact, ...]
    draws: tuple[DrawEntry, ...]

    def source(self, key: str) -> Source:
        for s in self.sources:
            if s.key == key:
                return s
        raise KeyError(key)

    def facts_for(self, match: MatchKey, fact: str | None = None) -> tuple[MatchFact, ...]:
        return tuple(f for f in self.facts if f.match == match and (fact is None or f.fact == fact))


def _check_value(fact: str, value: str) -> str | None:
    """Why ``value`` is not a well-formed ``fact``, or None when it is."""
    if fact == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return f"bad date {value!r} (expected YYYY-MM-DD)"
        return None
    if fact in ("score_90", "score_aet", "penalties"):
        try:
            parse_score(value)
        except ValueError as exc:
            return str(exc)
        return None
    if fact == "extra_time":
        return None if value in ("yes", "no") else f"extra_time must be yes or no, not {value!r}"
    if fact == "attendance":
        return None if _ATTENDANCE.match(value) else f"bad attendance {value!r} (a whole number)"
    return None if value else "empty venue"


def read_sources(path: Path, problems: Problems) -> tuple[Source, ...]:
    out: list[Source] = []
    seen: set[str] = set()
    for row in read_rows(path, ("key", "publication", "address"), problems):
        key = row.get("key")
        if not key:
            problems.add(row.where, "empty source key")
            continue
        if key in seen:
            problems.add(row.where, f"source key {key!r} given twice")
            continue
        if not row.get("publication") or not row.get("address"):
            problems.add(row.where, f"source {key!r} needs a publication and an address")
        seen.add(key)
        out.append(Source(key, row.get("publication"), row.get("address")))
    return tuple(out)


def read_match_facts(
    path: Path,
    source_keys: Collection[str],
    matches: Collection[MatchKey],
    problems: Problems,
) -> tuple[MatchFact, ...]:
    out: list[MatchFact] = []
    columns = ("round", "tie", "leg", "fact", "value", "source")
    for row in read_rows(path, columns, problems):
        bad = False
        try:
            tie, leg = int(row.get("tie")), int(row.get("leg"))
        except ValueError:
            problems.add(
                row.where,
                f"tie and leg must be numbers, not {row.get('tie')!r}, {row.get('leg')!r}",
            )
            continue
        key: MatchKey = (row.get("round"), tie, leg)
        if key not in matches:
            problems.add(row.where, f"no match {key[0]} tie {tie} leg {leg} in matches.csv")
            bad = True
        fact, value, source = row.get("fact"), row.get("value"), row.get("source")
        if fact not in FACTS:
            problems.add(row.where, f"unknown fact {fact!r} (one of {', '.join(FACTS)})")
            bad = True
        else:
            why = _check_value(fact, value)
            if why:
                problems.add(row.where, why)
                bad = True
        if source not in source_keys:
            problems.add(row.where, f"unknown source key {source!r} (not in sources.csv)")
            bad = True
        if not bad:
            out.append(MatchFact(key[0], tie, leg, fact, value, source, row.where))
    return tuple(out)


def read_draw_groups(
    path: Path,
    source_keys: Collection[str],
    clubs: Collection[str],
    rounds: Collection[str],
    problems: Problems,
) -> tuple[DrawEntry, ...]:
    out: list[DrawEntry] = []
    seen: dict[tuple[str, str], str] = {}
    for row in read_rows(path, ("round", "group", "pot", "club", "source"), problems):
        rnd, club, pot, source = (
            row.get("round"),
            row.get("club"),
            row.get("pot"),
            row.get("source"),
        )
        bad = False
        if rnd not in rounds:
            problems.add(row.where, f"unknown round {rnd!r}")
            bad = True
        if club not in clubs:
            problems.add(row.where, f"unknown club {club!r} (not in clubs.csv)")
            bad = True
        if pot not in POTS:
            problems.add(row.where, f"pot must be seeded or unseeded, not {pot!r}")
            bad = True
        if source not in source_keys:
            problems.add(row.where, f"unknown source key {source!r} (not in sources.csv)")
            bad = True
        if (rnd, club) in seen:
            problems.add(row.where, f"{club} already listed for {rnd} at {seen[(rnd, club)]}")
            bad = True
        if not bad:
            seen[(rnd, club)] = row.where
            out.append(DrawEntry(rnd, row.get("group"), pot, club, source, row.where))
    return tuple(out)


def load_historical_record(
    folder: Path,
    matches: Collection[MatchKey],
    clubs: Collection[str],
    rounds: Collection[str],
) -> HistoricalRecord:
    """Read the three files of ``folder``; raise one ``DataError`` listing every problem.

    ``draw_groups.csv`` is optional (a season may have no real draws recorded yet).
    """
    problems = Problems()
    sources = read_sources(folder / "sources.csv", problems)
    keys = {s.key for s in sources}
    facts = read_match_facts(folder / "match_facts.csv", keys, set(matches), problems)
    draws: tuple[DrawEntry, ...] = ()
    if (folder / "draw_groups.csv").is_file():
        draws = read_draw_groups(
            folder / "draw_groups.csv", keys, set(clubs), set(rounds), problems
        )
    problems.raise_if_any()
    return HistoricalRecord(sources, facts, draws)
