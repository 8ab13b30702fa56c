"""What a simulation starts from: the entry list, or a point of the real season (``--from``).

A ``SeasonPlan`` is the season turned into integer arrays (clubs by position in
``season.clubs``, associations by position in ``season.associations``) plus the part of the real
season that is kept, and the season's format (its rounds in order, each with its tie rules and
draw rules). Both engines read the same plan, so "from where" and "under which rules" are
decided once.

``--from R`` keeps every real result before round R and round R's real draw (its real ties),
and simulates round R's matches and everything after. Where the format holds a later draw
together with R's (``draw.held_with``; 2002-03: the fourth round with the quarter-finals), that
bracket is real too: each real tie of the held round joined the winners of two ties of R, and
the plan records it as slot pairs ("winner of tie i v winner of tie j", the first one at home
in the first leg, as in the real tie); simulated winners fill the slots. If the real ties do not
form such a bracket (a different season's data), the held round is drawn by simulation.

Without ``--from`` (``start``) nothing real is kept: the first round's draw is simulated too, in
the groups the package's draw module forms from the entry list (``_start_groups``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from uefacup.draw.rounds import season_fallback
from uefacup.draw.teams import Team, seeding_key
from uefacup.errors import SimulationError, UefaCupError
from uefacup.format.rounds import DrawFormat, Format, RoundFormat, Venue
from uefacup.model import RoundKey, RuleSet, Season
from uefacup.rules.ties import resolve_tie
from uefacup.simulate.model import IntArray
from uefacup.simulate.strengths import impute_coefficients

__all__ = ["START", "SeasonPlan", "build_plan", "from_choices", "parse_from"]

START = "start"


def from_choices(season: Season) -> tuple[str, ...]:
    """What ``--from`` accepts for a season: ``start`` and its round keys."""
    return (START, *season.format.keys)


def parse_from(season: Season, text: str | None) -> RoundKey | None:
    """``None``/"start" -> None (the entry list); a round key -> that round; else an error."""
    if text is None or text == START:
        return None
    if text in season.format:
        return text
    raise SimulationError(
        f"unknown round {text!r} for --from; choose one of {', '.join(from_choices(season))}"
    )


@dataclass(frozen=True, eq=False)
class SeasonPlan:
    """The season as arrays, and the real part kept before the simulated part starts."""

    clubs: tuple[str, ...]
    association: IntArray
    """Association position of each club."""
    n_associations: int
    seed_rank: IntArray
    """0 for the highest coefficient; ties broken by name so the order is total."""
    rounds: tuple[RoundFormat, ...]
    """The season's rounds in order (its format); a round's column in counts is its index."""
    entrants: dict[RoundKey, IntArray]
    """Clubs entering at each round (empty array where none do)."""
    start: RoundKey
    """First round whose matches are simulated."""
    start_participants: IntArray
    """Clubs of the start round, in the order of its fixed pairs when ``fixed`` has it."""
    fixed: dict[RoundKey, IntArray] = field(default_factory=dict)
    """Real draws kept: club pairs (first club at home first), shape (ties, 2)."""
    bracket: dict[RoundKey, IntArray] = field(default_factory=dict)
    """Real draws made before the previous round was played: pairs of the previous round's
    tie positions, shape (ties, 2)."""
    groups: dict[RoundKey, tuple[tuple[IntArray, IntArray], ...]] = field(default_factory=dict)
    """Fixed draw groups of a round whose clubs are known in advance: (seeded, unseeded)."""
    forbidden: dict[RoundKey, IntArray] = field(default_factory=dict)
    """Club-index pairs a round's draw may not pair (the format's forbidden pairs), (n, 2)."""
    real_counts: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))
    """Per club and round (clubs x (rounds + 1)), 1 where the club really played a round before
    ``start``; the last column is the champion."""
    from_round: RoundKey | None = None

    @property
    def n_clubs(self) -> int:
        return len(self.clubs)

    @property
    def keys(self) -> tuple[RoundKey, ...]:
        return tuple(r.key for r in self.rounds)

    @property
    def champion(self) -> int:
        """Column of the champion in a counts array; columns before it are ``order(key)``."""
        return len(self.rounds)

    @property
    def rules(self) -> dict[RoundKey, RuleSet]:
        return {r.key: r.rules for r in self.rounds}

    def order(self, round_: RoundKey) -> int:
        """Position of the round in the season (its column in counts)."""
        return self.keys.index(round_)

    def next(self, round_: RoundKey) -> RoundKey | None:
        """The round the winners of ``round_`` go on to; None after the final."""
        i = self.order(round_) + 1
        return self.rounds[i].key if i < len(self.rounds) else None

    def draw(self, round_: RoundKey) -> DrawFormat:
        return self.rounds[self.order(round_)].draw

    def neutral(self, round_: RoundKey) -> bool:
        """True where a round's one match is at a neutral ground (no home advantage)."""
        rnd = self.rounds[self.order(round_)]
        return rnd.legs == 1 and rnd.venue is Venue.NEUTRAL

    def size(self, round_: RoundKey) -> int:
        """Clubs in ``round_`` (82, 96, 48, 32, 16, 8, 4, 2 for 2002-03)."""
        return _sizes(self.rounds, self.entrants)[round_]


def _seeding_keys(season: Season) -> Callable[[int], tuple[float, bool, str, str]]:
    """Seeding order of the season's clubs, as ``uefacup draw`` seeds them.

    ``uefacup.draw.teams.seeding_key`` on the club's own coefficient; a club without one is
    placed by the season's documented rule (``season_fallback``) so that simulated and
    ``uefacup draw`` pots agree, or, for a season without a rule, by the association prior of
    ``impute_coefficients``. Placed clubs rank after clubs with their own figure at an equal
    value. Match strengths do not use this: they keep the prior.
    """
    fallback = season_fallback(season)
    try:
        prior = impute_coefficients(season).coefficients
    except SimulationError:  # too few coefficients: only an all-open season can do without
        seeded = [r.key for r in season.format if r.draw.seeded]
        if seeded and fallback is None:
            raise SimulationError(
                f"{season.key}: the {seeded[0]} draw is seeded by club coefficient, but too few "
                "clubs have one (give them coefficients in clubs.csv, or the season a "
                "[draw.missing_coefficient] rule)"
            ) from None
        prior = np.zeros(len(season.clubs))
    keys: list[tuple[float, bool, str, str]] = []
    for i, club in enumerate(season.clubs):
        team = Team(club.name, club.association, club.coefficient)
        if club.coefficient is None:
            value = fallback(team).coefficient if fallback is not None else float(prior[i])
            team = Team(club.name, club.association, value)
        keys.append(seeding_key(team, club.coefficient is None))
    return keys.__getitem__


def build_plan(
    season: Season, from_round: RoundKey | None = None, rules: Format | None = None
) -> SeasonPlan:
    """The plan for simulating ``season`` from the entry list or from ``from_round``.

    ``rules`` replaces the season's format for the simulated rounds (a what-if); the real part
    kept before ``from_round`` stays as it was decided under the season's own rules.
    """
    fmt = season.format if rules is None else rules
    names = tuple(c.name for c in season.clubs)
    index = {n: i for i, n in enumerate(names)}
    assoc_index = {a.name: i for i, a in enumerate(season.associations)}
    association = np.array([assoc_index[c.association] for c in season.clubs], dtype=np.int64)
    order = sorted(range(len(names)), key=_seeding_keys(season))
    seed_rank = np.empty(len(names), dtype=np.int64)
    seed_rank[order] = np.arange(len(names))
    entrants = {
        r.key: np.array([index[c.name] for c in season.clubs if c.round == r.key], dtype=np.int64)
        for r in fmt
    }
    _check_sizes(season, fmt.rounds, entrants)
    real_counts = np.zeros((len(names), len(fmt) + 1), dtype=np.int64)
    fixed: dict[RoundKey, IntArray] = {}
    bracket: dict[RoundKey, IntArray] = {}
    groups: dict[RoundKey, tuple[tuple[IntArray, IntArray], ...]] = {}
    if from_round is None:
        start = fmt.first.key
        participants = entrants[start]
        found = _start_groups(season, index)
        if found:
            groups[start] = found
    else:
        start = from_round
        for rnd in fmt.rounds[: fmt.index(start)]:
            for tie in season.ties_of(rnd.key):
                for club in tie.clubs:
                    real_counts[index[club], fmt.index(rnd.key)] = 1
        ties = season.ties_of(start)
        if not ties:
            raise SimulationError(f"the season has no real {start} ties to start from")
        pairs = np.array([[index[t.first], index[t.second]] for t in ties], dtype=np.int64)
        fixed[start] = pairs
        participants = pairs.ravel()
        nxt = fmt.next(start)
        if nxt is not None and nxt.key in fmt.round(start).draw.held_with:
            br = _bracket(season, start, nxt.key)
            if br is not None:
                bracket[nxt.key] = br
    forbidden = {
        r.key: np.array(
            [sorted(index[n] for n in pair) for pair in r.draw.forbidden_pairs], dtype=np.int64
        ).reshape(-1, 2)
        for r in fmt
        if r.draw.forbidden_pairs
    }
    return SeasonPlan(
        clubs=names,
        association=association,
        n_associations=len(season.associations),
        seed_rank=seed_rank,
        rounds=fmt.rounds,
        entrants=entrants,
        start=start,
        start_participants=participants,
        fixed=fixed,
        bracket=bracket,
        groups=groups,
        forbidden=forbidden,
        real_counts=real_counts,
        from_round=from_round,
    )


def _sizes(rounds: tuple[RoundFormat, ...], entrants: dict[RoundKey, IntArray]) -> dict[str, int]:
    sizes: dict[RoundKey, int] = {}
    size = 0
    for r in rounds:
        size = size // 2 + int(entrants[r.key].size)
        sizes[r.key] = size
    return sizes


def _check_sizes(
    season: Season, rounds: tuple[RoundFormat, ...], entrants: dict[RoundKey, IntArray]
) -> None:
    """Every round must have an even number of clubs once the previous winners join."""
    sizes = _sizes(rounds, entrants)
    for r, size in sizes.items():
        if size % 2 or size == 0:
            raise SimulationError(f"{season.key}: {size} clubs in the {r} round cannot pair")
    if sizes[rounds[-1].key] != 2:
        raise SimulationError(f"{season.key}: the final would not have 2 clubs")


def _start_groups(season: Season, index: dict[str, int]) -> tuple[tuple[IntArray, IntArray], ...]:
    """The first round's draw groups as the package's draw module forms them.

    Its clubs are the same in every simulated season, so the groups are formed once, here, by
    ``uefacup.draw.rounds.prepare_groups``, under the round's own draw rules. An open first
    round, or one the draw module refuses, has none (the engines then draw it whole).
    """
    from uefacup.draw.rounds import prepare_groups, rules_for, season_teams

    first = season.format.first
    if not first.draw.seeded:
        return ()
    try:
        found = prepare_groups(
            season_teams(season, first.key), rules_for(first), fallback=season_fallback(season)
        )
    except UefaCupError:
        return ()
    return tuple(
        (
            np.array([index[t.name] for t in g.seeded], dtype=np.int64),
            np.array([index[t.name] for t in g.unseeded], dtype=np.int64),
        )
        for g in found
    )


def _bracket(season: Season, earlier: RoundKey, later: RoundKey) -> IntArray | None:
    """Tie positions of ``earlier`` whose winners met in each real ``later`` tie."""
    winners = {
        resolve_tie(t.legs, season.rules_for(earlier)).winner: pos
        for pos, t in enumerate(season.ties_of(earlier))
    }
    rows = []
    for tie in season.ties_of(later):
        if tie.first not in winners or tie.second not in winners:
            return None
        rows.append([winners[tie.first], winners[tie.second]])
    if len(rows) * 2 != len(winners):
        return None
    return np.array(rows, dtype=np.int64)
