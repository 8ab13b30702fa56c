"""What a simulation starts from: the entry list, or a point of the real season (``--from``).

A ``SeasonPlan`` is the season turned into integer arrays (clubs by position in
``season.clubs``, associations by position in ``season.associations``) plus the part of the real
season that is kept. Both engines read the same plan, so "from where" is decided once.

``--from R`` keeps every real result before round R and round R's real draw (its real ties), and
simulates round R's matches and everything after. Two draws were held together in 2002-03 (the
schedule gives both the same draw date): the fourth round with the quarter-finals (13 December
2002) and the semi-finals with the final (21 March 2003). So from ``fourth`` the quarter-final
bracket is also real: each real quarter-final joined the winners of two fourth-round ties, and
the plan records it as slot pairs ("winner of fourth-round tie i v winner of tie j", the first
one at home in the first leg, as in the real tie); simulated winners fill the slots. From
``semi-final`` the final needs no draw (the two semi-final winners meet at a neutral venue).
The bracket is read from the schedule (same draw date), not hard-wired, and falls back to a
simulated draw if the real ties do not form one (e.g. a different season's data).

Without ``--from`` (``start``) nothing real is kept: the qualifying draw is simulated too, in
the ten groups the package's draw module forms from the entry list (``_qualifying_groups``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from uefacup.draw.rounds import season_fallback
from uefacup.draw.teams import Team, seeding_key
from uefacup.errors import SimulationError, UefaCupError
from uefacup.model import Round, RuleSet, Season
from uefacup.rules.ties import resolve_tie
from uefacup.simulate.model import IntArray
from uefacup.simulate.strengths import impute_coefficients

__all__ = ["CHAMPION", "FROM_CHOICES", "SeasonPlan", "build_plan", "parse_from"]

START = "start"
FROM_CHOICES = (START, *(r.value for r in Round))
CHAMPION = len(Round)
"""Column of the champion in a counts array; columns 0..7 are ``Round.order``."""


def parse_from(text: str | None) -> Round | None:
    """``None``/"start" -> None (the entry list); a round key -> that round; else an error."""
    if text is None or text == START:
        return None
    try:
        return Round(text)
    except ValueError:
        raise SimulationError(
            f"unknown round {text!r} for --from; choose one of {', '.join(FROM_CHOICES)}"
        ) from None


@dataclass(frozen=True, eq=False)
class SeasonPlan:
    """The season as arrays, and the real part kept before the simulated part starts."""

    clubs: tuple[str, ...]
    association: IntArray
    """Association position of each club."""
    n_associations: int
    seed_rank: IntArray
    """0 for the highest coefficient; ties broken by name so the order is total."""
    entrants: dict[Round, IntArray]
    """Clubs entering at each round (empty array where none do)."""
    rules: dict[Round, RuleSet]
    start: Round
    """First round whose matches are simulated."""
    start_participants: IntArray
    """Clubs of the start round, in the order of its fixed pairs when ``fixed`` has it."""
    fixed: dict[Round, IntArray] = field(default_factory=dict)
    """Real draws kept: club pairs (first club at home first), shape (ties, 2)."""
    bracket: dict[Round, IntArray] = field(default_factory=dict)
    """Real draws made before the previous round was played: pairs of the previous round's
    tie positions, shape (ties, 2)."""
    groups: dict[Round, tuple[tuple[IntArray, IntArray], ...]] = field(default_factory=dict)
    """Fixed draw groups of a round whose clubs are known in advance: (seeded, unseeded)."""
    real_counts: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))
    """Per club and round (clubs x 9), 1 where the club really played a round before ``start``."""
    from_round: Round | None = None

    @property
    def n_clubs(self) -> int:
        return len(self.clubs)

    def size(self, round_: Round) -> int:
        """Clubs in ``round_`` (82, 96, 48, 32, 16, 8, 4, 2 for 2002-03)."""
        return _sizes(self.entrants)[round_]


def _seeding_keys(season: Season) -> Callable[[int], tuple[float, bool, str, str]]:
    """Seeding order of the season's clubs, as ``uefacup draw`` seeds them.

    ``uefacup.draw.teams.seeding_key`` on the club's own coefficient; a club without one is
    placed by the season's documented rule (``season_fallback``) so that simulated and
    ``uefacup draw`` pots agree, or, for a season without a rule, by the association prior of
    ``impute_coefficients``. Placed clubs rank after clubs with their own figure at an equal
    value. Match strengths do not use this: they keep the prior.
    """
    fallback = season_fallback(season)
    prior = impute_coefficients(season).coefficients
    keys: list[tuple[float, bool, str, str]] = []
    for i, club in enumerate(season.clubs):
        team = Team(club.name, club.association, club.coefficient)
        if club.coefficient is None:
            value = fallback(team).coefficient if fallback is not None else float(prior[i])
            team = Team(club.name, club.association, value)
        keys.append(seeding_key(team, club.coefficient is None))
    return keys.__getitem__


def build_plan(season: Season, from_round: Round | None = None) -> SeasonPlan:
    """The plan for simulating ``season`` from the entry list or from ``from_round``."""
    names = tuple(c.name for c in season.clubs)
    index = {n: i for i, n in enumerate(names)}
    assoc_index = {a.name: i for i, a in enumerate(season.associations)}
    association = np.array([assoc_index[c.association] for c in season.clubs], dtype=np.int64)
    order = sorted(range(len(names)), key=_seeding_keys(season))
    seed_rank = np.empty(len(names), dtype=np.int64)
    seed_rank[order] = np.arange(len(names))
    entrants = {
        r: np.array([index[c.name] for c in season.clubs if c.round is r], dtype=np.int64)
        for r in Round
    }
    _check_sizes(season, entrants)
    real_counts = np.zeros((len(names), len(Round) + 1), dtype=np.int64)
    fixed: dict[Round, IntArray] = {}
    bracket: dict[Round, IntArray] = {}
    groups: dict[Round, tuple[tuple[IntArray, IntArray], ...]] = {}
    if from_round is None:
        start = Round.QUALIFYING
        participants = entrants[Round.QUALIFYING]
        qualifying = _qualifying_groups(season, index)
        if qualifying:
            groups[Round.QUALIFYING] = qualifying
    else:
        start = from_round
        for r in Round:
            if r.order >= start.order:
                break
            for tie in season.ties_of(r):
                for club in tie.clubs:
                    real_counts[index[club], r.order] = 1
        ties = season.ties_of(start)
        if not ties:
            raise SimulationError(f"the season has no real {start.value} ties to start from")
        pairs = np.array([[index[t.first], index[t.second]] for t in ties], dtype=np.int64)
        fixed[start] = pairs
        participants = pairs.ravel()
        nxt = start.next()
        if nxt is not None and _drawn_together(season, start, nxt):
            br = _bracket(season, start, nxt)
            if br is not None:
                bracket[nxt] = br
    return SeasonPlan(
        clubs=names,
        association=association,
        n_associations=len(season.associations),
        seed_rank=seed_rank,
        entrants=entrants,
        rules=dict(season.rules),
        start=start,
        start_participants=participants,
        fixed=fixed,
        bracket=bracket,
        groups=groups,
        real_counts=real_counts,
        from_round=from_round,
    )


def _sizes(entrants: dict[Round, IntArray]) -> dict[Round, int]:
    sizes: dict[Round, int] = {}
    size = 0
    for r in Round:
        size = size // 2 + int(entrants[r].size)
        sizes[r] = size
    return sizes


def _check_sizes(season: Season, entrants: dict[Round, IntArray]) -> None:
    """Every round must have an even number of clubs once the previous winners join."""
    for r, size in _sizes(entrants).items():
        if size % 2 or size == 0:
            raise SimulationError(f"{season.key}: {size} clubs in the {r.value} round cannot pair")
    if _sizes(entrants)[Round.FINAL] != 2:
        raise SimulationError(f"{season.key}: the final would not have 2 clubs")


def _qualifying_groups(
    season: Season, index: dict[str, int]
) -> tuple[tuple[IntArray, IntArray], ...]:
    """The qualifying round's draw groups as the package's draw module forms them.

    Its clubs are the same in every simulated season, so the groups are formed once, here, by
    ``uefacup.draw.rounds.prepare_groups``. Without that module (or if it refuses the
    season), the round is drawn as one group.
    """
    try:
        from uefacup.draw.rounds import prepare_groups, rules_for, season_teams
    except ImportError:  # pragma: no cover - the draw package is part of the tree
        return ()
    try:
        found = prepare_groups(season_teams(season, Round.QUALIFYING), rules_for(Round.QUALIFYING))
    except UefaCupError:
        return ()
    return tuple(
        (
            np.array([index[t.name] for t in g.seeded], dtype=np.int64),
            np.array([index[t.name] for t in g.unseeded], dtype=np.int64),
        )
        for g in found
    )


def _drawn_together(season: Season, a: Round, b: Round) -> bool:
    dates = {e.round: e.draw_date for e in season.schedule}
    return dates.get(a) is not None and dates.get(a) == dates.get(b)


def _bracket(season: Season, earlier: Round, later: Round) -> IntArray | None:
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
