"""What-if replays: the real results decided under other tie rules.

``uefacup replay --set ROUND.KEY=VALUE`` (or ``--rules FILE``) changes tie rules of some rounds
and decides every real tie again. The real legs are facts; a rule can only make a tie end
earlier or later than it did:

- where the new rule is settled by play that really happened (the 90 minutes, the extra time,
  the shoot-out, as recorded), the tie is decided from the data, cut at the moment the new rule
  ends it: ``resolve_tie`` on the legs cut after 90 minutes, then after extra time, then whole;
- where it needs play that never happened (extra time in a tie that away goals decided, a
  golden goal in extra time where both sides scored and the order is not recorded), the tie is
  settled by the match model from the 90-minute score of its deciding match, and shown as such
  with the probability of each club going through (``uefacup.simulate.settle``).

Each tie is replayed on its own: the later rounds are the real ones, so a winner that changes is
marked, not carried forward into a bracket that never existed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from uefacup.errors import DataError, SeasonError, TieError
from uefacup.format.load import validation_lines
from uefacup.format.rounds import Format, Venue
from uefacup.format.schema import TieRules
from uefacup.model import ExtraTime, Leg, RuleSet, Season, TieOutcome
from uefacup.replay import SeasonReplay, replay
from uefacup.rules.ties import resolve_tie

__all__ = [
    "Override",
    "TieWhatIf",
    "WhatIf",
    "apply_overrides",
    "decide_from_data",
    "parse_override",
    "read_rules_file",
    "what_if",
]

CHANGEABLE = ("away_goals", "away_goals_in_extra_time", "extra_time", "extra_time_minutes")
"""Tie-rule keys a replay can change; ``legs`` cannot (the real legs are what they were)."""


@dataclass(frozen=True, slots=True)
class Override:
    """One changed rule: ``round`` is a round key or ``*`` (every round)."""

    round: str
    key: str
    value: bool | int | str
    source: str = "--set"


def parse_override(text: str) -> Override:
    """``final.extra_time=golden_goal`` or ``*.away_goals=false``; values as TOML would read
    them (true/false, integers, otherwise a string)."""
    where = f"--set {text!r}"
    target, sep, raw = text.partition("=")
    round_, dot, key = target.strip().rpartition(".")
    if not sep or not dot or not round_ or not key:
        raise SeasonError(f"{where}: expected ROUND.KEY=VALUE, e.g. final.extra_time=golden_goal")
    value: bool | int | str = raw.strip()
    if value in ("true", "false"):
        value = value == "true"
    elif isinstance(value, str) and value.lstrip("-").isdigit():
        value = int(value)
    return Override(round_, key.strip(), value, where)


def read_rules_file(path: Path) -> list[Override]:
    """A TOML file of tables named by round key (or ``"*"``) holding tie-rule keys."""
    try:
        data = tomllib.loads(path.read_text("utf-8-sig"))
    except OSError as exc:
        raise SeasonError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SeasonError(f"{path}: not valid TOML ({exc})") from None
    out: list[Override] = []
    problems: list[str] = []
    for round_, table in data.items():
        if not isinstance(table, dict):
            problems.append(f"{path.name} {round_}: must be a table of tie rules")
            continue
        for key, value in table.items():
            if not isinstance(value, bool | int | str):
                problems.append(
                    f"{path.name} [{round_}] {key}: must be true/false, a number or text"
                )
                continue
            out.append(Override(round_, key, value, f"{path.name} [{round_}] {key}"))
    if problems:
        raise DataError(problems)
    return out


def apply_overrides(fmt: Format, overrides: Sequence[Override]) -> Format:
    """The format with the overrides applied; every bad one is reported, one line each.

    Values are checked by the season schema's own tie-rule model, so ``away_goals = "no"`` is
    refused here exactly as in ``season.toml``. Turning away goals off also turns them off in
    extra time, where they would mean nothing.
    """
    problems: list[str] = []
    changes: dict[str, dict[str, bool | int | str]] = {r.key: {} for r in fmt}
    for item in overrides:
        if item.round != "*" and item.round not in fmt:
            problems.append(
                f"{item.source}: unknown round {item.round!r} (rounds: {', '.join(fmt.keys)}, "
                "or * for every round)"
            )
            continue
        if item.key not in CHANGEABLE:
            why = " (the real legs cannot change)" if item.key == "legs" else ""
            problems.append(
                f"{item.source}: {item.key!r} cannot be changed in a replay{why}; "
                f"known: {', '.join(CHANGEABLE)}"
            )
            continue
        try:
            TieRules.model_validate({item.key: item.value})
        except ValidationError as exc:
            for line in validation_lines(exc, {item.key: item.value}, TieRules, item.source):
                problems.append(line.replace(f"{item.source} {item.key}: ", f"{item.source}: "))
            continue
        for rnd in fmt:
            if item.round in ("*", rnd.key):
                changes[rnd.key][item.key] = item.value
    if problems:
        raise DataError(problems)
    rounds = []
    for rnd in fmt:
        new = changes[rnd.key]
        if not new:
            rounds.append(rnd)
            continue
        rules = rnd.rules
        two = rules.legs == 2
        away = bool(new.get("away_goals", rules.away_goals)) and two
        in_et = bool(new.get("away_goals_in_extra_time", rules.away_goals_in_extra_time))
        if new.get("away_goals_in_extra_time") is True and not away:
            problems.append(f"{rnd.key}: away_goals_in_extra_time needs away goals")
        rules = replace(
            rules,
            away_goals=away,
            away_goals_in_extra_time=in_et and away,
            extra_time=ExtraTime(str(new.get("extra_time", rules.extra_time.value))),
            extra_time_minutes=int(new.get("extra_time_minutes", rules.extra_time_minutes)),
        )
        rounds.append(replace(rnd, rules=rules))
    if problems:
        raise DataError(problems)
    return Format(tuple(rounds))


@dataclass(frozen=True, slots=True)
class TieWhatIf:
    """A real tie decided again: from the data, or settled by the model (``chances``)."""

    round: str
    number: int
    first: str
    second: str
    real: TieOutcome
    outcome: TieOutcome | None
    """The outcome the data decides under the new rules; None where play is missing."""
    chances: Mapping[str, float] | None = None
    """Where play is missing: each club's model probability of going through."""
    model: str = ""

    @property
    def winner(self) -> str:
        """The new winner; where settled by the model, the likelier club."""
        if self.outcome is not None:
            return self.outcome.winner
        assert self.chances is not None
        return max(self.chances, key=lambda club: (self.chances or {})[club])

    @property
    def changed(self) -> bool:
        """True where the winner may differ from the real one."""
        if self.outcome is not None:
            return self.outcome.winner != self.real.winner
        return (self.chances or {}).get(self.real.winner, 0.0) < 1.0

    @property
    def settled_by_model(self) -> bool:
        return self.outcome is None


@dataclass(frozen=True, slots=True)
class WhatIf:
    """A season replayed under changed rules, next to its real replay."""

    real: SeasonReplay
    format: Format
    overrides: tuple[Override, ...]
    ties: tuple[TieWhatIf, ...]

    @property
    def changed(self) -> tuple[TieWhatIf, ...]:
        return tuple(t for t in self.ties if t.changed or _how_changed(t))


def _how_changed(t: TieWhatIf) -> bool:
    return t.outcome is not None and t.outcome.decided_by is not t.real.decided_by


Settle = Callable[[Sequence[Leg], RuleSet, bool], tuple[dict[str, float], str]]
"""Given the legs cut after 90 minutes, the rules and whether the deciding match is at a
neutral ground: each club's chance of going through, and the model's description."""


def decide_from_data(legs: Sequence[Leg], rules: RuleSet, was: RuleSet) -> TieOutcome | None:
    """The outcome the recorded play gives under ``rules``, cut where the rules end the tie;
    None where the rules need play that was not recorded.

    ``was`` is the rule the tie was played under: a silver goal replayed where a full extra time
    was played without its half-time score cannot be placed (the lead may have changed hands
    within extra time), so it needs the model.
    """
    last = legs[-1]
    cuts = [replace(last, after_extra_time=None, extra_time_half=None, penalties=None)]
    if last.after_extra_time is not None:
        cuts.append(replace(last, penalties=None))
        cuts.append(last)
    for cut in cuts:
        try:
            outcome = resolve_tie([*legs[:-1], cut], rules)
        except TieError:
            continue
        ambiguous_half = (
            rules.extra_time is ExtraTime.SILVER_GOAL
            and was.extra_time is not ExtraTime.SILVER_GOAL
            and cut.after_extra_time is not None
            and cut.extra_time_half is None
            and _extra_time_goals(cut) > 1
        )
        return None if ambiguous_half else outcome
    return None


def _extra_time_goals(leg: Leg) -> int:
    assert leg.after_extra_time is not None
    end, reg = leg.after_extra_time, leg.regular
    return end.home + end.away - reg.home - reg.away


def what_if(season: Season, overrides: Iterable[Override], settle: Settle | None = None) -> WhatIf:
    """Replay ``season`` and decide every real tie again under the overridden rules.

    ``settle`` is called for ties that need play that never happened; the CLI passes the match
    model's (``uefacup.simulate.settle``). Without it such ties are an error.
    """
    items = tuple(overrides)
    fmt = apply_overrides(season.format, items)
    real = replay(season)
    ties: list[TieWhatIf] = []
    for rnd in real.rounds:
        rules, was = fmt.round(rnd.round).rules, season.format.round(rnd.round).rules
        for rt in rnd.ties:
            legs = rt.tie.legs
            outcome = decide_from_data(legs, rules, was)
            chances: dict[str, float] | None = None
            model = ""
            if outcome is None:
                if settle is None:
                    raise SeasonError(
                        f"{rt.tie.describe()}: the new rules need play that never happened; "
                        "a match model must settle it"
                    )
                cut = replace(legs[-1], after_extra_time=None, extra_time_half=None, penalties=None)
                round_format = fmt.round(rnd.round)
                neutral = round_format.legs == 1 and round_format.venue is Venue.NEUTRAL
                chances, model = settle([*legs[:-1], cut], rules, neutral)
            ties.append(
                TieWhatIf(
                    rnd.round,
                    rt.tie.number,
                    rt.tie.first,
                    rt.tie.second,
                    rt.outcome,
                    outcome,
                    chances,
                    model,
                )
            )
    return WhatIf(real, fmt, items, tuple(ties))


def to_dict(result: WhatIf) -> dict[str, Any]:
    """The JSON of a what-if replay: the overrides and every tie, new beside real."""
    return {
        "overrides": [f"{o.round}.{o.key}={_toml(o.value)}" for o in result.overrides],
        "ties": [
            {
                "round": t.round,
                "tie": t.number,
                "first": t.first,
                "second": t.second,
                "real": {"winner": t.real.winner, "decided_by": t.real.decided_by.value},
                "winner": t.winner,
                "decided_by": t.outcome.decided_by.value if t.outcome else "model",
                "changed": t.changed,
                "settled_by_model": t.settled_by_model,
                "chances": dict(t.chances) if t.chances is not None else None,
            }
            for t in result.ties
        ],
        "changed": len(result.changed),
    }


def _toml(value: bool | int | str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
