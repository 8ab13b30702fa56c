"""Loading a season folder (CSV tables + season.toml) into a validated ``Season``.

A season is either the name of a folder shipped inside the package (``"2002-03"``) or a path.
Loading is all-or-nothing: every file is read and every row checked, all problems are
collected, and a single ``DataError`` lists them with file and line. Recorded ties are checked
against the season's own rules, so a dataset that contradicts itself never loads.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from uefacup.errors import DataError, SeasonError, TieError
from uefacup.format.checks import bracket_problems, size_problems
from uefacup.format.load import build_format, parse_season_file
from uefacup.format.rounds import Format, Venue
from uefacup.format.schema import SeasonFile
from uefacup.io.aliases import Alias, AliasTable
from uefacup.io.csvtable import Problems, Row, parse_optional_score, parse_score, read_rows
from uefacup.io.match_facts import HistoricalRecord, MatchKey, load_historical_record
from uefacup.io.text import read_text, read_toml
from uefacup.model import (
    Association,
    Club,
    CoefficientFallback,
    Label,
    Leg,
    ScheduleEntry,
    Scorer,
    Season,
    Tie,
)
from uefacup.rules.consistency import season_problems
from uefacup.rules.ties import validate_tie

SEASONS_ROOT = Path(__file__).resolve().parent.parent / "seasons"
"""Embedded seasons ship as plain package data next to the code (see pyproject package-data)."""

REQUIRED_FILES = ("season.toml", "associations.csv", "clubs.csv", "matches.csv")
"""Every season has these; aliases.csv, association_aliases.csv, scorers.csv and NOTES.md are
optional (a season being played has no scorers yet, a one-language season no aliases)."""


def embedded_seasons() -> list[str]:
    """Names of the seasons shipped inside the package."""
    return sorted(
        p.name for p in SEASONS_ROOT.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
    )


def season_path(name_or_path: str | Path) -> Path:
    """The folder of an embedded season name, or the given path if it is a folder."""
    text = str(name_or_path)
    if text in embedded_seasons():
        return SEASONS_ROOT / text
    path = Path(text)
    if path.is_dir():
        return path
    known = ", ".join(embedded_seasons())
    raise SeasonError(f"unknown season {text!r}: not an embedded season ({known}) nor a folder")


@dataclass(frozen=True)
class LoadedSeason:
    """A season together with the alias table its sources are resolved with."""

    season: Season
    aliases: AliasTable
    path: Path


def load_season(name_or_path: str | Path = "2002-03") -> Season:
    """The season, validated; see ``load_season_with_aliases`` for the alias table too."""
    return load_season_with_aliases(name_or_path).season


def load_season_with_aliases(name_or_path: str | Path = "2002-03") -> LoadedSeason:
    folder = season_path(name_or_path)
    for name in REQUIRED_FILES:
        if not (folder / name).is_file():
            raise SeasonError(f"{folder / name}: required file is missing")
    problems = Problems()
    meta = _read_toml(folder / "season.toml")
    spec, lines = parse_season_file(meta)
    for line in lines:
        problems.items.append(line)
    if spec is None:
        problems.raise_if_any()
        raise AssertionError("unreachable: a season file that failed has problems")
    fmt = build_format(spec.format)
    associations = _associations(folder, problems)
    assoc_names = {a.name for a in associations}
    clubs = _clubs(folder, assoc_names, fmt, problems)
    club_names = {c.name for c in clubs}
    aliases, assoc_aliases = _aliases(folder, club_names, assoc_names, problems)
    ties = _ties(folder, club_names, fmt, problems)
    scorers = _scorers(folder, club_names, problems)
    schedule = _schedule(spec)
    fallback = coefficient_fallback(spec)
    if not problems.items:
        problems.items.extend(size_problems(fmt, clubs))
        problems.items.extend(_pair_problems(fmt, club_names))
    if not problems.items:
        problems.items.extend(bracket_problems(fmt, clubs, ties))
    record = _record(folder, ties, club_names, fmt, problems)
    problems.raise_if_any()
    real_pots: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    if record is not None:
        ties = _with_facts(ties, record)
        real_pots = _real_pots(record, ties)
    by_club: dict[str, list[str]] = defaultdict(list)
    for alias in aliases:
        by_club[alias.club].append(alias.alias)
    clubs = tuple(
        Club(
            c.name,
            c.association,
            c.round,
            c.label,
            c.coefficient,
            c.coefficient_source,
            tuple(by_club.get(c.name, ())),
        )
        for c in clubs
    )
    notes = folder / "NOTES.md"
    season = Season(
        key=spec.key,
        title=spec.title,
        associations=associations,
        clubs=clubs,
        ties=ties,
        format=fmt,
        schedule=schedule,
        attendance=spec.attendance,
        scorers=scorers,
        final_venue=spec.final.venue,
        notes=read_text(notes) if notes.is_file() else "",
        facts={k: v for k, v in meta.items() if k not in ("format", "schedule", "draw")},
        coefficient_fallback=fallback,
        real_pots=real_pots,
    )
    Problems(season_problems(season)).raise_if_any()  # meaning: dates, coefficients, totals
    table = AliasTable.build({c.name: c.association for c in clubs}, aliases, assoc_aliases)
    return LoadedSeason(season, table, folder)


def _record(
    folder: Path, ties: tuple[Tie, ...], clubs: set[str], fmt: Format, problems: Problems
) -> HistoricalRecord | None:
    """The season's sourced match facts and real draws (match_facts.csv with sources.csv), if
    it has them; their problems join the season's."""
    if not (folder / "match_facts.csv").is_file():
        return None
    keys = _match_keys(folder)
    try:
        return load_historical_record(folder, keys, clubs, fmt.keys)
    except DataError as exc:
        problems.items.extend(exc.problems)
        return None


def _real_pots(
    record: HistoricalRecord, ties: tuple[Tie, ...]
) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """The recorded pots of each round whose draw_groups.csv rows all name clubs of its real
    ties: every club (the real pots) or some (each keeps its recorded pot and the draw seeds the
    others by coefficient, ``draw.rounds.season_pots``)."""
    out = {}
    for round_ in {e.round for e in record.draws}:
        entries = [e for e in record.draws if e.round == round_]
        seeded = tuple(e.club for e in entries if e.pot == "seeded")
        unseeded = tuple(e.club for e in entries if e.pot == "unseeded")
        clubs = {c for t in ties if t.round == round_ for c in t.clubs}
        if set(seeded) | set(unseeded) <= clubs:
            out[round_] = (seeded, unseeded)
    return out


def _match_keys(folder: Path) -> set[MatchKey]:
    """(round, tie, leg) of every row of matches.csv, good or bad: a fact about a match whose
    row has a problem is not a second problem."""
    keys: set[MatchKey] = set()
    for row in read_rows(folder / "matches.csv", _MATCH_COLUMNS, Problems()):
        tie, leg = row.get("tie"), row.get("leg")
        if tie.isdigit() and leg.isdigit():
            keys.add((row.get("round"), int(tie), int(leg)))
    return keys


def _with_facts(ties: tuple[Tie, ...], record: HistoricalRecord) -> tuple[Tie, ...]:
    """Legs with the venue and attendance the sources give.

    matches.csv is the decided record of dates and scores; a venue or an attendance lives only
    in match_facts.csv, where several sources may state it. The value most sources state is
    taken, none where two values are stated as often; check-sources lists every disagreement
    and NOTES.md says which is right.
    """
    out = []
    for tie in ties:
        legs = []
        for n, leg in enumerate(tie.legs, 1):
            venue = _most_stated(record, (tie.round, tie.number, n), "venue")
            attendance = _most_stated(record, (tie.round, tie.number, n), "attendance")
            legs.append(
                replace(
                    leg,
                    venue=venue or leg.venue,
                    attendance=int(attendance) if attendance else leg.attendance,
                )
            )
        out.append(replace(tie, legs=tuple(legs)))
    return tuple(out)


def _most_stated(record: HistoricalRecord, match: MatchKey, fact: str) -> str | None:
    """The value more sources state than any other; None where none does (a conflict that
    NOTES.md leaves open)."""
    values = [f.value for f in record.facts_for(match, fact)]
    counts = sorted(((values.count(v), v) for v in set(values)), reverse=True)
    if not counts or (len(counts) > 1 and counts[0][0] == counts[1][0]):
        return None
    return counts[0][1]


def _read_toml(path: Path) -> dict[str, Any]:
    return read_toml(path)  # BOM, CRLF and every reading error handled in io.text


def _pair_problems(fmt: Format, clubs: set[str]) -> list[str]:
    """Forbidden pairs must name clubs of the season: a misspelt name would protect no one."""
    return [
        f"season.toml [[format.round]] #{i + 1} ({rnd.key}) draw.forbidden_pairs: "
        f"unknown club {name!r}"
        for i, rnd in enumerate(fmt)
        for pair in sorted(rnd.draw.forbidden_pairs, key=sorted)
        for name in sorted(pair)
        if name not in clubs
    ]


def _associations(folder: Path, problems: Problems) -> tuple[Association, ...]:
    required = ("rank", "name", "coefficient", "berths")
    out: list[Association] = []
    seen: set[str] = set()
    for row in read_rows(folder / "associations.csv", required, problems):
        name = row.get("name")
        if not name:
            problems.add(row.where, "association without a name")
            continue
        if name in seen:
            problems.add(row.where, f"association {name!r} listed twice")
        seen.add(name)
        try:
            rank = int(row.get("rank")) if row.get("rank") else None
            coeff = float(row.get("coefficient")) if row.get("coefficient") else None
            berths = int(row.get("berths"))
        except ValueError as exc:
            problems.add(row.where, f"association {name!r}: {exc}")
            continue
        out.append(Association(name, rank, coeff, berths, row.get("notes")))
    return tuple(out)


def _clubs(
    folder: Path, associations: set[str], fmt: Format, problems: Problems
) -> tuple[Club, ...]:
    required = ("name", "association", "round", "label", "coefficient")
    out: list[Club] = []
    seen: set[str] = set()
    for row in read_rows(folder / "clubs.csv", required, problems):
        name = row.get("name")
        if name in seen:
            problems.add(row.where, f"club {name!r} listed twice")
        seen.add(name)
        if row.get("association") not in associations:
            problems.add(
                row.where, f"club {name!r}: unknown association {row.get('association')!r}"
            )
            continue
        round_ = row.get("round")
        if round_ not in fmt:  # reported, and the club kept so that its aliases still resolve
            problems.add(row.where, f"club {name!r}: unknown round {round_!r} ({_keys(fmt)})")
        try:
            label = Label(row.get("label"))
            coeff = float(row.get("coefficient")) if row.get("coefficient") else None
        except ValueError as exc:
            problems.add(row.where, f"club {name!r}: {exc}")
            continue
        out.append(
            Club(name, row.get("association"), round_, label, coeff, row.get("coefficient_source"))
        )
    return tuple(out)


def _aliases(
    folder: Path, clubs: set[str], associations: set[str], problems: Problems
) -> tuple[list[Alias], list[tuple[str, str]]]:
    aliases: list[Alias] = []
    if not (folder / "aliases.csv").is_file():
        return aliases, []
    for row in read_rows(folder / "aliases.csv", ("club", "alias", "language", "city"), problems):
        if row.get("club") not in clubs:
            problems.add(
                row.where, f"alias {row.get('alias')!r} for unknown club {row.get('club')!r}"
            )
            continue
        aliases.append(
            Alias(row.get("club"), row.get("alias"), row.get("language"), row.get("city"))
        )
    assoc_aliases: list[tuple[str, str]] = []
    if not (folder / "association_aliases.csv").is_file():
        return aliases, assoc_aliases
    for row in read_rows(folder / "association_aliases.csv", ("association", "alias"), problems):
        if row.get("association") not in associations:
            problems.add(row.where, f"unknown association {row.get('association')!r}")
            continue
        assoc_aliases.append((row.get("association"), row.get("alias")))
    return aliases, assoc_aliases


_MATCH_COLUMNS = ("round", "tie", "leg", "date", "home", "away", "score", "aet", "et_half", "pens")


def _keys(fmt: Format) -> str:
    return "rounds: " + ", ".join(fmt.keys)


def _ties(folder: Path, clubs: set[str], fmt: Format, problems: Problems) -> tuple[Tie, ...]:
    grouped: dict[tuple[str, int], list[tuple[int, Leg, Row]]] = defaultdict(list)
    broken: set[tuple[str, int]] = set()  # ties with a bad row: already reported, not checked
    for row in read_rows(folder / "matches.csv", _MATCH_COLUMNS, problems):
        leg = _leg(row, clubs, problems)
        round_ = row.get("round")
        if round_ not in fmt:
            problems.add(row.where, f"unknown round {round_!r} ({_keys(fmt)})")
            continue
        try:
            number, leg_no = int(row.get("tie")), int(row.get("leg"))
        except ValueError as exc:
            problems.add(row.where, str(exc))
            continue
        if leg is None:
            broken.add((round_, number))
            continue
        grouped[(round_, number)].append((leg_no, leg, row))
    for key in broken:
        grouped.pop(key, None)
    ties: list[Tie] = []
    for (round_, number), legs in sorted(
        grouped.items(), key=lambda kv: (fmt.index(kv[0][0]), kv[0][1])
    ):
        legs.sort(key=lambda item: item[0])
        numbers = [n for n, _, _ in legs]
        where = legs[0][2].where
        if numbers != list(range(1, len(legs) + 1)):
            problems.add(where, f"{round_} tie {number}: legs numbered {numbers}")
            continue
        rnd = fmt.round(round_)
        neutral = rnd.legs == 1 and rnd.venue is Venue.NEUTRAL
        tie = Tie(round_, number, tuple(replace(leg, neutral=neutral) for _, leg, _ in legs))
        try:
            validate_tie(tie, fmt.round(round_).rules)
        except TieError as exc:
            problems.add(where, str(exc))
            continue
        ties.append(tie)
    return tuple(ties)


def _leg(row: Row, clubs: set[str], problems: Problems) -> Leg | None:
    bad = False
    for side in ("home", "away"):
        if row.get(side) not in clubs:
            problems.add(row.where, f"unknown club {row.get(side)!r}")
            bad = True
    try:
        score = parse_score(row.get("score"))
        aet = parse_optional_score(row.get("aet"))
        half = parse_optional_score(row.get("et_half"))
        pens = parse_optional_score(row.get("pens"))
        date = dt.date.fromisoformat(row.get("date")) if row.get("date") else None
    except ValueError as exc:
        problems.add(row.where, str(exc))
        return None
    if bad:
        return None
    return Leg(row.get("home"), row.get("away"), score, aet, half, pens, date)


def _scorers(folder: Path, clubs: set[str], problems: Problems) -> tuple[Scorer, ...]:
    out: list[Scorer] = []
    if not (folder / "scorers.csv").is_file():
        return ()
    required = ("player", "nationality", "club", "goals", "minutes")
    for row in read_rows(folder / "scorers.csv", required, problems):
        if row.get("club") not in clubs:
            problems.add(row.where, f"unknown club {row.get('club')!r}")
            continue
        try:
            goals, minutes = int(row.get("goals")), int(row.get("minutes"))
        except ValueError as exc:
            problems.add(row.where, str(exc))
            continue
        out.append(
            Scorer(row.get("player"), row.get("nationality"), row.get("club"), goals, minutes)
        )
    return tuple(out)


def _schedule(spec: SeasonFile) -> tuple[ScheduleEntry, ...]:
    return tuple(
        ScheduleEntry(entry.round, entry.draw_date, entry.draw_place, tuple(entry.legs))
        for entry in spec.schedule
    )


def coefficient_fallback(spec: SeasonFile) -> CoefficientFallback | None:
    """The season's rule for seeding clubs without a club coefficient (None without one).

    ``[draw.missing_coefficient]`` takes ``rule = "association-share"`` and ``share``, a number
    or a fraction such as ``"1/3"`` from 0 to 1; the schema has checked both.
    """
    table = spec.draw.missing_coefficient
    return None if table is None else CoefficientFallback(table.fraction)
