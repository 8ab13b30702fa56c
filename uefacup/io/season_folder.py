"""Loading a season folder (CSV tables + season.toml) into a validated ``Season``.

A season is either the name of a folder shipped inside the package (``"2002-03"``) or a path.
Loading is all-or-nothing: every file is read and every row checked, all problems are
collected, and a single ``DataError`` lists them with file and line. Recorded ties are checked
against the season's own rules, so a dataset that contradicts itself never loads.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from uefacup.errors import SeasonError, TieError
from uefacup.io.aliases import Alias, AliasTable
from uefacup.io.csvtable import Problems, Row, parse_optional_score, parse_score, read_rows
from uefacup.io.text import read_text, read_toml
from uefacup.model import (
    Association,
    Club,
    CoefficientFallback,
    ExtraTime,
    Label,
    Leg,
    Round,
    RuleSet,
    ScheduleEntry,
    Scorer,
    Season,
    Tie,
)
from uefacup.rules.consistency import season_problems
from uefacup.rules.ties import validate_tie

SEASONS_ROOT = Path(__file__).resolve().parent.parent / "seasons"
"""Embedded seasons ship as plain package data next to the code (see pyproject package-data)."""

SEASON_FILES = (
    "season.toml",
    "associations.csv",
    "clubs.csv",
    "aliases.csv",
    "association_aliases.csv",
    "matches.csv",
    "scorers.csv",
)


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
    for name in SEASON_FILES:
        if not (folder / name).is_file():
            raise SeasonError(f"{folder / name}: required file is missing")
    problems = Problems()
    meta = _read_toml(folder / "season.toml")
    rules = _rules(meta, problems)
    associations = _associations(folder, problems)
    assoc_names = {a.name for a in associations}
    clubs = _clubs(folder, assoc_names, problems)
    club_names = {c.name for c in clubs}
    aliases, assoc_aliases = _aliases(folder, club_names, assoc_names, problems)
    ties = _ties(folder, club_names, rules, problems)
    scorers = _scorers(folder, club_names, problems)
    schedule = _schedule(meta, problems)
    fallback = coefficient_fallback(meta, problems)
    problems.raise_if_any()
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
    final = meta.get("final", {})
    season = Season(
        key=str(meta.get("key", folder.name)),
        title=str(meta.get("title", folder.name)),
        associations=associations,
        clubs=clubs,
        ties=ties,
        rules=rules,
        schedule=schedule,
        attendance=_opt_int(meta.get("attendance")),
        scorers=scorers,
        final_venue=str(final.get("venue", "")),
        notes=read_text(folder / "NOTES.md") if (folder / "NOTES.md").is_file() else "",
        facts={k: v for k, v in meta.items() if k not in ("rules", "schedule", "draw")},
        coefficient_fallback=fallback,
    )
    Problems(season_problems(season)).raise_if_any()  # meaning: dates, coefficients, totals
    table = AliasTable.build({c.name: c.association for c in clubs}, aliases, assoc_aliases)
    return LoadedSeason(season, table, folder)


def _read_toml(path: Path) -> dict[str, Any]:
    return read_toml(path)  # BOM, CRLF and every reading error handled in io.text


def _opt_int(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _rules(meta: dict[str, Any], problems: Problems) -> dict[Round, RuleSet]:
    raw = meta.get("rules", {})
    default = raw.get("default", {})
    result: dict[Round, RuleSet] = {}
    for key in raw:
        if key != "default" and key not in Round.__members__.values():
            problems.add("season.toml [rules]", f"unknown round {key!r}")
    for round_ in Round:
        merged = {**default, **raw.get(round_.value, {})}
        try:
            result[round_] = RuleSet(
                legs=int(merged.get("legs", 2)),
                away_goals=bool(merged.get("away_goals", True)),
                away_goals_in_extra_time=bool(merged.get("away_goals_in_extra_time", True)),
                extra_time=ExtraTime(merged.get("extra_time", "full")),
                extra_time_minutes=int(merged.get("extra_time_minutes", 30)),
                penalties=bool(merged.get("penalties", True)),
            )
        except (ValueError, TypeError) as exc:
            problems.add(f"season.toml [rules.{round_.value}]", str(exc))
            result[round_] = RuleSet()
    return result


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


def _clubs(folder: Path, associations: set[str], problems: Problems) -> tuple[Club, ...]:
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
        try:
            round_ = Round(row.get("round"))
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
    for row in read_rows(folder / "association_aliases.csv", ("association", "alias"), problems):
        if row.get("association") not in associations:
            problems.add(row.where, f"unknown association {row.get('association')!r}")
            continue
        assoc_aliases.append((row.get("association"), row.get("alias")))
    return aliases, assoc_aliases


_MATCH_COLUMNS = ("round", "tie", "leg", "date", "home", "away", "score", "aet", "et_half", "pens")


def _ties(
    folder: Path, clubs: set[str], rules: dict[Round, RuleSet], problems: Problems
) -> tuple[Tie, ...]:
    grouped: dict[tuple[Round, int], list[tuple[int, Leg, Row]]] = defaultdict(list)
    for row in read_rows(folder / "matches.csv", _MATCH_COLUMNS, problems):
        leg = _leg(row, clubs, problems)
        if leg is None:
            continue
        try:
            round_ = Round(row.get("round"))
            number, leg_no = int(row.get("tie")), int(row.get("leg"))
        except ValueError as exc:
            problems.add(row.where, str(exc))
            continue
        grouped[(round_, number)].append((leg_no, leg, row))
    ties: list[Tie] = []
    for (round_, number), legs in sorted(
        grouped.items(), key=lambda kv: (kv[0][0].order, kv[0][1])
    ):
        legs.sort(key=lambda item: item[0])
        numbers = [n for n, _, _ in legs]
        where = legs[0][2].where
        if numbers != list(range(1, len(legs) + 1)):
            problems.add(where, f"{round_.value} tie {number}: legs numbered {numbers}")
            continue
        tie = Tie(round_, number, tuple(leg for _, leg, _ in legs))
        try:
            validate_tie(tie, rules[round_])
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


def _schedule(meta: dict[str, Any], problems: Problems) -> tuple[ScheduleEntry, ...]:
    out: list[ScheduleEntry] = []
    for i, entry in enumerate(meta.get("schedule", []), start=1):
        try:
            out.append(
                ScheduleEntry(
                    Round(entry["round"]),
                    entry.get("draw_date"),
                    str(entry.get("draw_place", "")),
                    tuple(d for d in entry.get("legs", []) if isinstance(d, dt.date)),
                )
            )
        except (KeyError, ValueError) as exc:
            problems.add(f"season.toml [[schedule]] #{i}", f"bad entry ({exc})")
    return tuple(out)


FALLBACK_TABLE = "season.toml [draw.missing_coefficient]"
FALLBACK_RULES = ("association-share",)


def coefficient_fallback(meta: dict[str, Any], problems: Problems) -> CoefficientFallback | None:
    """The season's rule for seeding clubs without a club coefficient, or None without one.

    ``[draw.missing_coefficient]`` takes ``rule = "association-share"`` and ``share``, a number
    or a fraction such as ``"1/3"`` from 0 to 1. Each problem names the file and the key.
    """
    draw = meta.get("draw")
    if draw is None:
        return None
    if not isinstance(draw, dict):
        problems.add("season.toml [draw]", "must be a table")
        return None
    for key in draw:
        if key != "missing_coefficient":
            problems.add(f"season.toml [draw] {key}", "unknown key (known: missing_coefficient)")
    table = draw.get("missing_coefficient")
    if table is None:
        return None
    if not isinstance(table, dict):
        problems.add("season.toml [draw] missing_coefficient", "must be a table")
        return None
    bad = len(problems.items)
    for key in table:
        if key not in ("rule", "share"):
            problems.add(f"{FALLBACK_TABLE} {key}", "unknown key (known: rule, share)")
    rule = table.get("rule")
    if rule not in FALLBACK_RULES:
        known = ", ".join(repr(r) for r in FALLBACK_RULES)
        problems.add(f"{FALLBACK_TABLE} rule", f"must be one of {known}, got {rule!r}")
    share = _share(table.get("share"))
    if share is None:
        expected = 'a number or a fraction such as "1/3" from 0 to 1'
        problems.add(f"{FALLBACK_TABLE} share", f"must be {expected}, got {table.get('share')!r}")
    if share is None or len(problems.items) > bad:
        return None
    return CoefficientFallback(share)


def _share(value: object) -> Fraction | None:
    """A share from 0 to 1 as TOML gives it (int, float or a "p/q" string); None if it is not."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        share = Fraction(value.strip()) if isinstance(value, str) else Fraction(repr(value))
    except (ValueError, ZeroDivisionError):
        return None
    return share if 0 <= share <= 1 else None
