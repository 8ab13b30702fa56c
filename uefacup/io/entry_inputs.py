"""Loading the inputs of the entry-list derivation from a season folder.

Three files: ``associations.csv`` (only rank, name and coefficient are read: the berths column
is what the derivation must reproduce, so it is never an input), ``access.toml`` (the access
list) and ``domestic.csv`` (one domestic fact per row, each with its source). Parsing problems
are collected and raised together as one ``EntryListError``; consistency between facts is
checked later by ``uefacup.rules.entry_list`` so that the library and the files report alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from uefacup.errors import EntryListError, SeasonError
from uefacup.format.load import parse_season_file
from uefacup.io.csvtable import Problems, read_rows
from uefacup.io.season_folder import season_path
from uefacup.io.text import read_toml
from uefacup.model import Label
from uefacup.rules.access import (
    AccessList,
    BerthBand,
    DomesticSlot,
    ExternalSlot,
    PlaceKind,
    RankedAssociation,
    Scope,
    TitleHoldersRule,
)
from uefacup.rules.entry_list import EntryInputs, Fact, FactKind

ACCESS_FILE = "access.toml"
DOMESTIC_FILE = "domestic.csv"


def load_entry_inputs(season: str | Path = "2002-03") -> EntryInputs:
    """The inputs of ``derive_entry_list`` for an embedded season name or a season folder."""
    folder = season_path(season)
    problems: list[str] = []
    ranking = _ranking(folder, problems)
    rounds = _rounds(folder)
    access = _access(folder / ACCESS_FILE, rounds, problems)
    facts = _facts(folder / DOMESTIC_FILE, problems)
    if problems:
        raise EntryListError(problems)
    return EntryInputs(folder.name, ranking, access, facts)


def _ranking(folder: Path, problems: list[str]) -> tuple[RankedAssociation, ...]:
    collected = Problems()
    out: list[RankedAssociation] = []
    for row in read_rows(folder / "associations.csv", ("rank", "name", "coefficient"), collected):
        try:
            rank = int(row.get("rank")) if row.get("rank") else None
            coeff = float(row.get("coefficient")) if row.get("coefficient") else None
        except ValueError as exc:
            collected.add(row.where, f"{row.get('name')}: ranking: {exc}")
            continue
        out.append(RankedAssociation(row.get("name"), rank, coeff))
    problems.extend(collected.items)
    return tuple(out)


def _rounds(folder: Path) -> tuple[str, ...]:
    """The season's round keys in order, from its format in season.toml."""
    path = folder / "season.toml"
    if not path.is_file():
        raise SeasonError(f"{path}: required file is missing")
    meta = read_toml(path)
    spec, lines = parse_season_file(meta)
    if spec is None:
        raise EntryListError(lines)
    return tuple(r.key for r in spec.format.round)


def _round(value: object, rounds: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in rounds:
        raise ValueError(f"unknown round {value!r} (rounds: {', '.join(rounds)})")
    return value


def _access(path: Path, rounds: tuple[str, ...], problems: list[str]) -> AccessList:
    if not path.is_file():
        raise SeasonError(f"{path}: required file is missing")
    raw = read_toml(path)
    name = path.name
    bands: list[BerthBand] = []
    for i, item in _items(raw, "berths", name, problems):
        try:
            bands.append(BerthBand(_scope(item), int(item["berths"]), str(item.get("source", ""))))
        except _SHAPE as exc:
            problems.append(f"{name} [[berths]] #{i}: {_why(exc)}")
    slots: list[DomesticSlot] = []
    for i, item in _items(raw, "slot", name, problems):
        try:
            place = str(item["place"])
            kind, position = _place(place)
            source = str(item.get("source", ""))
            slots.append(
                DomesticSlot(_round(item["round"], rounds), kind, _scope(item), position, source)
            )
        except _SHAPE as exc:
            problems.append(f"{name} [[slot]] #{i}: {_why(exc)}")
    external: list[ExternalSlot] = []
    for i, item in _items(raw, "external", name, problems):
        try:
            external.append(
                ExternalSlot(
                    _round(item["round"], rounds),
                    Label(item["label"]),
                    int(item["count"]),
                    str(item.get("source", "")),
                )
            )
        except _SHAPE as exc:
            problems.append(f"{name} [[external]] #{i}: {_why(exc)}")
    fair_play = _table(raw, "fair_play", name, problems)
    league_cup = _table(raw, "league_cup", name, problems)
    for table, key in ((fair_play, "fair_play"), (league_cup, "league_cup")):
        if not isinstance(table.get("associations", []), list):
            problems.append(f"{name} [{key}] associations: must be a list of names")
            table["associations"] = []
    holders = _holders(raw.get("title_holders"), rounds, name, problems)
    try:
        fp_round = _round(fair_play.get("round", rounds[0]), rounds)
    except ValueError as exc:
        problems.append(f"{name} [fair_play]: {exc}")
        fp_round = rounds[0]
    return AccessList(
        berth_table=tuple(bands),
        slots=tuple(slots),
        external=tuple(external),
        rounds=rounds,
        fair_play=tuple(str(a) for a in fair_play.get("associations", [])),
        fair_play_round=fp_round,
        league_cup=tuple(str(a) for a in league_cup.get("associations", [])),
        title_holders=holders,
        sources={
            "fair_play": str(fair_play.get("source", "")),
            "league_cup": str(league_cup.get("source", "")),
        },
    )


_SHAPE = (KeyError, TypeError, ValueError, AttributeError, IndexError)
"""What a value of the wrong shape raises while an access.toml entry is read."""


def _why(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"missing key {exc.args[0]!r}"
    return str(exc) or type(exc).__name__


def _items(
    raw: dict[str, Any], key: str, name: str, problems: list[str]
) -> list[tuple[int, dict[str, Any]]]:
    """The entries of an array of tables ``[[key]]``; anything else is a problem, not a crash."""
    value = raw.get(key, [])
    if not isinstance(value, list):
        problems.append(f"{name} [[{key}]]: must be an array of tables, got {value!r:.40}")
        return []
    out: list[tuple[int, dict[str, Any]]] = []
    for i, item in enumerate(value, 1):
        if isinstance(item, dict):
            out.append((i, item))
        else:
            problems.append(f"{name} [[{key}]] #{i}: must be a table, got {item!r:.40}")
    return out


def _table(raw: dict[str, Any], key: str, name: str, problems: list[str]) -> dict[str, Any]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        problems.append(f"{name} [{key}]: must be a table, got {value!r:.40}")
        return {}
    return dict(value)


def _scope(item: dict[str, Any]) -> Scope:
    ranks = item.get("ranks")
    if ranks is not None and not (
        isinstance(ranks, list)
        and len(ranks) == 2
        and all(isinstance(r, int) and not isinstance(r, bool) for r in ranks)
    ):
        raise ValueError(f"ranks must be [first, last], got {ranks!r:.40}")
    first, last = (ranks[0], ranks[1]) if ranks else (None, None)
    return Scope(
        first_rank=first,
        last_rank=last,
        associations=tuple(str(a) for a in item.get("associations", [])),
        except_=tuple(str(a) for a in item.get("except", [])),
        unranked=bool(item.get("unranked", False)),
    )


def _place(text: str) -> tuple[PlaceKind, int | None]:
    """ "CW" or a league label ("2nd") to the kind of place and league position."""
    if text == PlaceKind.CUP_WINNERS.value:
        return PlaceKind.CUP_WINNERS, None
    position = Label(text).league_position
    if position is None:
        raise ValueError(f"place {text!r} is neither CW nor a league position")
    return PlaceKind.LEAGUE, position


def _holders(
    item: Any, rounds: tuple[str, ...], name: str, problems: list[str]
) -> TitleHoldersRule | None:
    if item is None:
        return None
    try:
        return TitleHoldersRule(
            club=str(item["club"]),
            association=str(item["association"]),
            round=_round(item["round"], rounds),
            promote_ranks=tuple(int(r) for r in item.get("promote_ranks", [])),
            source=str(item.get("source", "")),
        )
    except _SHAPE as exc:
        problems.append(f"{name} [title_holders]: {_why(exc)}")
        return None


def _facts(path: Path, problems: list[str]) -> tuple[Fact, ...]:
    collected = Problems()
    facts: list[Fact] = []
    for row in read_rows(path, ("association", "fact", "position", "club", "source"), collected):
        assoc = row.get("association")
        try:
            kind = FactKind(row.get("fact"))
        except ValueError:
            collected.add(row.where, f"{assoc}: unknown fact {row.get('fact')!r}")
            continue
        position: int | None = None
        if row.get("position"):
            try:
                position = int(row.get("position"))
            except ValueError:
                collected.add(
                    row.where, f"{assoc}: {kind.value}: bad position {row.get('position')!r}"
                )
                continue
        if not row.get("source"):
            collected.add(row.where, f"{assoc}: {kind.value}: no source given")
        facts.append(
            Fact(
                assoc,
                kind,
                row.get("club"),
                position,
                row.get("detail"),
                row.get("source"),
                row.where,
            )
        )
    problems.extend(collected.items)
    return tuple(facts)
