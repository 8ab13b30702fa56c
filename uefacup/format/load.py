"""From the parsed ``season.toml`` to a validated ``Format``, every problem on a line of its own.

Pydantic checks shape and type (``uefacup.format.schema``); the rules that relate one key to
another (a one-leg round needs a venue, a draw held the same day cannot be seeded, ...) are
checked here, after the shape is known to be right. Each message names the file and the key
path, with the round's key where there is one: ``season.toml format.round[4] (fourth)
draw.groups[2]: ...``.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from uefacup.format.rounds import DrawFormat, Format, RoundFormat, Venue, short_label
from uefacup.format.schema import FormatSpec, SeasonFile, resolved_rules
from uefacup.model import ExtraTime, RuleSet


def parse_season_file(
    data: Mapping[str, Any], file: str = "season.toml"
) -> tuple[SeasonFile | None, list[str]]:
    """The validated season file, or None and one line per problem."""
    try:
        parsed = SeasonFile.model_validate(dict(data))
    except ValidationError as exc:
        return None, validation_lines(exc, data, SeasonFile, file)
    problems = [f"{file} {line}" for line in format_problems(parsed.format)]
    known = [r.key for r in parsed.format.round]
    for i, entry in enumerate(parsed.schedule):
        if entry.round not in known:
            problems.append(
                f"{file} [[schedule]] #{i + 1} round: unknown round {entry.round!r} "
                f"(rounds: {', '.join(known)})"
            )
    return (None if problems else parsed), problems


def validation_lines(
    exc: ValidationError, data: Mapping[str, Any], model: type[BaseModel], file: str
) -> list[str]:
    """One line per wrong key: the file, the TOML table and key, what is wrong.

    Errors of the branches of one union (``share`` may be a number or a string) are merged
    into one line, so a user reads one problem per key.
    """
    merged: dict[str, list[str]] = {}
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        where = _path(loc, data)
        if err["type"] == "extra_forbidden":
            parent = tuple(p for p in loc[:-1] if p in _keys_in(loc, data) or isinstance(p, int))
            known = _fields(model, parent)
            close = difflib.get_close_matches(str(loc[-1]), known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            what = f"unknown key{hint}; known: {', '.join(known)}"
        elif err["type"] == "missing":
            what = "required key is missing"
        else:
            what = _plain(err)
        merged.setdefault(where, [])
        if what not in merged[where]:
            merged[where].append(what)
    return [f"{file} {where}: {_join(whats)}" for where, whats in merged.items()]


_PLAIN = {
    "model_type": "a table",
    "dict_type": "a table",
    "model_attributes_type": "a table",
    "list_type": "an array",
    "tuple_type": "an array",
    "int_type": "an integer",
    "bool_type": "true or false",
    "string_type": "a string",
    "float_type": "a number",
    "date_type": "a date (YYYY-MM-DD)",
}


def _plain(err: Any) -> str:
    """What a value must be, in TOML's words, without pydantic's class names."""
    kind = err["type"]
    if kind in _PLAIN:
        what = f"must be {_PLAIN[kind]}"
    elif kind == "literal_error":
        what = f"must be {err['ctx']['expected']}"
    elif kind == "value_error":
        what = str(err["ctx"]["error"])
    else:
        msg = str(err["msg"])
        what = msg[:1].lower() + msg[1:]
    return f"{what}, got {_show(err.get('input'))}"


def _join(whats: list[str]) -> str:
    """Alternatives of a union as one sentence: "must be an integer or a string, got True"."""
    if len(whats) > 1 and all(w.startswith("must be ") and ", got " in w for w in whats):
        got = whats[0].rsplit(", got ", 1)[1]
        kinds = [w[len("must be ") :].rsplit(", got ", 1)[0] for w in whats]
        return f"must be {' or '.join(kinds)}, got {got}"
    return "; ".join(whats)


def _keys_in(loc: Sequence[int | str], data: Any) -> set[str]:
    """The string parts of ``loc`` that are keys of the data (not pydantic's union tags)."""
    out: set[str] = set()
    node = data
    for part in loc:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
        elif isinstance(node, dict):
            out.add(part)
            node = node.get(part)
    return out


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _path(loc: Sequence[int | str], data: Any) -> str:
    """``[draw.missing_coefficient] share`` or ``[[format.round]] #4 (fourth) draw.groups[2]``.

    The TOML table the key sits in, then the key: what a person looks for in the file. An
    element of an array of tables is named by its position (from 1) and its ``key``.
    """
    tables: list[str] = []
    anchor = ""
    keys: list[str] = []
    node = data
    for part in loc:
        if isinstance(part, int):
            element = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(element, dict):
                name = ".".join([*tables, *keys])
                label = f" ({element['key']})" if isinstance(element.get("key"), str) else ""
                anchor, tables, keys = f"[[{name}]] #{part + 1}{label}", [], []
            elif keys:
                keys[-1] += f"[{part + 1}]"
            node = element
            continue
        if not isinstance(node, dict):
            continue  # pydantic's tag of a union branch, not a key of the file
        value = node.get(part)
        if isinstance(value, dict) and part != loc[-1]:
            tables.append(part)
        else:
            keys.append(part)
        node = value
    head = anchor or (f"[{'.'.join(tables)}]" if tables else "")
    if anchor and tables:
        keys = [*tables, *keys]
    return " ".join(x for x in (head, ".".join(keys)) if x) or "(top level)"


def _fields(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """Key names a table at ``loc`` accepts, for "did you mean"."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return []
        if isinstance(part, int):
            continue
        field = current.model_fields.get(str(part))
        current = _model_in(field.annotation) if field is not None else None
    return list(current.model_fields) if current is not None else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is not None or isinstance(annotation, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def format_problems(spec: FormatSpec) -> list[str]:
    """The rules that relate keys of the format to each other; one line each."""
    problems: list[str] = []
    keys = [r.key for r in spec.round]
    for i, rnd in enumerate(spec.round):
        where = f"[[format.round]] #{i + 1} ({rnd.key})"
        rules = resolved_rules(rnd, spec.defaults)
        if keys.index(rnd.key) != i:
            problems.append(f"{where} key: {rnd.key!r} is already the key of an earlier round")
        if rules["legs"] == 1:
            if rnd.venue is None:
                problems.append(f"{where} venue: a one-leg round needs venue (neutral|first-drawn)")
            if rnd.away_goals:
                problems.append(f"{where} away_goals: away goals need two legs")
        elif rnd.venue is not None:
            problems.append(f"{where} venue: only one-leg rounds have a venue")
        if rules["legs"] == 2 and rules["away_goals_in_extra_time"] and not rules["away_goals"]:
            problems.append(f"{where} away_goals_in_extra_time: needs away_goals = true")
        held = rnd.draw.held_with
        following = keys[i + 1 : i + 1 + len(held)]
        if held and held != following:
            problems.append(
                f"{where} draw.held_with: must name the rounds straight after this one, in order "
                f"({', '.join(following) or 'no round follows'}), got {', '.join(held)}"
            )
        for other in held:
            if other in keys and spec.round[keys.index(other)].draw.seeded:
                problems.append(
                    f"{where} draw.held_with: {other!r} is seeded, but a draw held before its "
                    "clubs are known cannot be seeded"
                )
        if not rnd.draw.seeded and rnd.draw.groups:
            problems.append(f"{where} draw.groups: only a seeded draw has groups")
        if not rnd.draw.seeded and rnd.draw.associations_apart:
            problems.append(f"{where} draw.associations_apart: only a seeded draw keeps apart")
        for j, size in enumerate(rnd.draw.groups):
            if size % 2:
                problems.append(
                    f"{where} draw.groups[{j + 1}]: a group of {size} clubs cannot be split into "
                    "equal seeded and unseeded pots"
                )
        for j, (a, b) in enumerate(rnd.draw.forbidden_pairs):
            if a == b:
                problems.append(f"{where} draw.forbidden_pairs[{j + 1}]: names {a!r} twice")
        if i == len(spec.round) - 1 and held:
            problems.append(f"{where} draw.held_with: no round follows the final")
    return problems


def build_format(spec: FormatSpec) -> Format:
    """The frozen ``Format`` of a validated spec (``format_problems`` must be empty)."""
    rounds = []
    for rnd in spec.round:
        rules = resolved_rules(rnd, spec.defaults)
        rounds.append(
            RoundFormat(
                key=rnd.key,
                name=rnd.name,
                short=rnd.short or short_label(rnd.name),
                rules=RuleSet(
                    legs=int(str(rules["legs"])),
                    away_goals=bool(rules["away_goals"]) and rules["legs"] == 2,
                    away_goals_in_extra_time=bool(rules["away_goals_in_extra_time"])
                    and bool(rules["away_goals"])
                    and rules["legs"] == 2,
                    extra_time=ExtraTime(str(rules["extra_time"])),
                    extra_time_minutes=int(str(rules["extra_time_minutes"])),
                    penalties=bool(rules["penalties"]),
                ),
                draw=DrawFormat(
                    seeded=rnd.draw.seeded,
                    group_sizes=tuple(rnd.draw.groups),
                    associations_apart=rnd.draw.associations_apart,
                    forbidden_pairs=frozenset(frozenset(p) for p in rnd.draw.forbidden_pairs),
                    nominal_home=rnd.draw.nominal_home,
                    held_with=tuple(rnd.draw.held_with),
                ),
                venue=Venue(rnd.venue) if rnd.venue is not None else Venue.NEUTRAL,
                proper=rnd.proper,
                entrants=rnd.entrants,
            )
        )
    return Format(tuple(rounds))
