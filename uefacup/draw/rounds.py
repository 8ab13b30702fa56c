"""Drawing a round of a season under the draw rules of the season's format.

A round's draw is data (``[[format.round]]`` ``draw`` in ``season.toml``, read into
``uefacup.format.DrawFormat``): seeded by club coefficient or open, in groups of given sizes or
one group, clubs of one association kept apart or not, extra forbidden pairs, and which later
draws are made the same day. ``rules_for`` turns it into the ``DrawRules`` the procedure runs;
nothing here knows which season it is drawing.

Clubs without a club coefficient are seeded by the season's documented fallback rule
(``Season.coefficient_fallback``) unless the caller gives a fallback coefficient; a season
without the rule makes them an error.

Draws held together (``held_with``; 2002-03: the fourth round with the quarter-finals, the
semi-finals with the final) are drawn by ``draw_season_day`` straight after, with the same
random source, among placeholders for the winners of the ties just drawn ("Winner of A v B")
and the clubs that enter in that round.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from uefacup.draw.groups import DrawGroup, form_groups
from uefacup.draw.procedure import DrawResult, DrawRules, Pairing, draw_groups
from uefacup.draw.teams import (
    Constraints,
    FallbackRule,
    Placement,
    Pots,
    Team,
    seed_pots,
)
from uefacup.errors import DrawError
from uefacup.format.rounds import RoundFormat
from uefacup.model import RoundKey, Season
from uefacup.rules.ties import resolve_tie


def rules_for(round_: RoundFormat, group_sizes: Sequence[int] | None = None) -> DrawRules:
    """The draw rules of a round of the format; ``group_sizes`` overrides its groups."""
    spec = round_.draw
    if not spec.seeded:
        if group_sizes is not None:
            raise DrawError(f"the {round_.key} draw is open and has no groups")
        return DrawRules(
            seeded=False, constraints=Constraints.open(), single_match=round_.legs == 1
        )
    sizes = tuple(group_sizes) if group_sizes is not None else spec.group_sizes
    return DrawRules(
        seeded=True,
        constraints=Constraints(
            associations=spec.associations_apart,
            groups=False,
            forbidden_pairs=spec.forbidden_pairs,
        ),
        group_sizes=sizes or None,
        single_match=round_.legs == 1,
    )


def prepare_groups(
    teams: Iterable[Team] | Pots,
    rules: DrawRules,
    *,
    fallback_coefficient: float | None = None,
    fallback: FallbackRule | None = None,
) -> tuple[DrawGroup, ...]:
    """Seed (unless given pots or an open round) and split the clubs into draw groups."""
    if not rules.seeded:
        pool = tuple(teams.teams if isinstance(teams, Pots) else teams)
        return (DrawGroup(1, (), pool),)
    pots = (
        teams
        if isinstance(teams, Pots)
        else seed_pots(teams, fallback_coefficient=fallback_coefficient, fallback=fallback)
    )
    return form_groups(pots, rules.group_sizes, rules.constraints)


def draw_round(
    teams: Iterable[Team] | Pots,
    rules: DrawRules,
    rng: random.Random | Any,
    *,
    round_name: str = "",
    seed: int | None = None,
    fallback_coefficient: float | None = None,
    fallback: FallbackRule | None = None,
) -> DrawResult:
    """Seed, group and draw one round. ``rng`` is a ``random.Random`` or numpy Generator."""
    groups = prepare_groups(
        teams, rules, fallback_coefficient=fallback_coefficient, fallback=fallback
    )
    return draw_groups(groups, rules, rng, round_name=round_name, seed=seed)


def season_teams(season: Season, round_: RoundKey) -> tuple[Team, ...]:
    """The clubs of a round, as far as the season's data knows them.

    The first round's clubs are its entrants. A later round's are the clubs of its recorded
    ties where it has any, else the winners of the round before (once all of its ties are
    recorded) plus the round's own entrants.
    """
    fmt = season.format
    rnd = fmt.round(round_)
    by_name = {c.name: c for c in season.clubs}
    previous = fmt.previous(rnd.key)
    recorded = [name for tie in season.ties_of(rnd.key) for name in tie.clubs]
    if recorded:
        names = recorded
    else:
        names = []
        if previous is not None:
            ties = season.ties_of(previous.key)
            reached = {c.name for c in season.clubs if c.round == previous.key}
            reached |= _winners(season, fmt.previous(previous.key))
            if not ties or len(ties) * 2 != len(reached):
                raise DrawError(
                    f"the clubs of the {rnd.key} round are not known yet: the {previous.key} "
                    "round has not been played in full"
                )
            rules = previous.rules
            names = [resolve_tie(t.legs, rules).winner for t in ties]
        names += [c.name for c in season.clubs if c.round == rnd.key]
    if not names:
        raise DrawError(f"season {season.key} has no clubs in the {rnd.key} round")
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise DrawError(f"{rnd.key} ties name clubs not in the season: {unknown}")
    return tuple(Team(c.name, c.association, c.coefficient) for c in (by_name[n] for n in names))


def _winners(season: Season, round_: RoundFormat | None) -> set[str]:
    if round_ is None:
        return set()
    return {resolve_tie(t.legs, round_.rules).winner for t in season.ties_of(round_.key)}


def season_pots(
    season: Season,
    round_: RoundKey,
    teams: tuple[Team, ...] | None = None,
    fallback_coefficient: float | None = None,
) -> Pots:
    """The pots of a seeded round: the real ones as far as the season records them
    (``Season.real_pots``), the rest seeded by club coefficient under the season's fallback rule.

    A club whose pot is recorded keeps it; the clubs whose pot is not recorded fill the places
    left in each pot in coefficient order. With every club recorded (2002-03's second round)
    these are the real pots; with one recorded (Iraklis in the first round, a pot worked out
    from its real tie, NOTES.md "Real draws") it is the coefficient split with that club moved
    to its pot. ``fallback_coefficient`` (the CLI's override) seeds every club by coefficient.
    """
    teams = season_teams(season, round_) if teams is None else teams
    fallback = season_fallback(season)
    real = season.real_pots.get(round_)
    if real is None or fallback_coefficient is not None:
        return seed_pots(teams, fallback_coefficient=fallback_coefficient, fallback=fallback)
    by_name = {t.name: t for t in teams}
    recorded = set(real[0]) | set(real[1])
    if not recorded <= set(by_name):
        return seed_pots(teams, fallback=fallback)
    half = len(teams) // 2
    free = half - len(real[0])
    rest = [t for t in teams if t.name not in recorded]
    if len(teams) % 2 or free < 0 or free > len(rest):
        raise DrawError(
            f"{round_}: draw_groups.csv puts {len(real[0])} seeded and {len(real[1])} unseeded "
            f"clubs in pots of {half}"
        )
    filled = seed_pots(rest, fallback=fallback, seeded_count=free) if rest else Pots((), ())
    rank = {t.name: i for i, t in enumerate(seed_pots(teams, fallback=_any(season)).teams)}
    seeded = sorted([*(by_name[n] for n in real[0]), *filled.seeded], key=lambda t: rank[t.name])
    unseeded = sorted(
        [*(by_name[n] for n in real[1]), *filled.unseeded], key=lambda t: rank[t.name]
    )
    return Pots(tuple(seeded), tuple(unseeded), filled.placements)


def _any(season: Season) -> FallbackRule:
    """The season's fallback rule, or 0 for a club without a coefficient: only to order pots
    that a source gives."""
    rule = season_fallback(season)
    if rule is not None:
        return rule
    return lambda team: Placement(team.name, 0.0, "none", "no coefficient: ordered last")


def season_fallback(season: Season) -> FallbackRule | None:
    """The season's documented rule for clubs without a club coefficient, as a draw uses it
    (None where the season has no such rule)."""
    rule = season.coefficient_fallback
    if rule is None:
        return None
    association_coefficients = {a.name: a.coefficient for a in season.associations}

    def place(team: Team) -> Placement:
        coefficient = association_coefficients.get(team.association)
        if coefficient is None:
            how = f"{team.association or 'its association'} has no coefficient: seeded on 0"
        else:
            share, association = rule.association_share, team.association
            how = f"{share} of {association}'s association coefficient ({coefficient:.3f})"
        return Placement(team.name, rule.coefficient(coefficient), rule.rule, how)

    return place


def _draw_one(
    season: Season,
    round_: RoundKey,
    rng: random.Random | Any,
    *,
    seed: int | None,
    group_sizes: Sequence[int] | None,
    fallback_coefficient: float | None,
) -> tuple[DrawResult, tuple[Placement, ...]]:
    rules = rules_for(season.format.round(round_), group_sizes)
    teams = season_teams(season, round_)
    placements: tuple[Placement, ...] = ()
    if rules.seeded:
        fallback = season_fallback(season)
        if fallback is None and fallback_coefficient is None:
            missing = [t.name for t in teams if t.coefficient is None]
            if missing:
                raise DrawError(
                    f"no club coefficient for {', '.join(missing)}; cannot seed the "
                    f"{round_} round (season {season.key} has no "
                    "[draw.missing_coefficient] rule; supply a fallback coefficient explicitly)"
                )
        pots = season_pots(season, round_, teams, fallback_coefficient)
        placements = pots.placements
        groups = prepare_groups(pots, rules)
    else:
        groups = prepare_groups(teams, rules)
    result = draw_groups(groups, rules, rng, round_name=round_, seed=seed)
    return result, placements


def draw_season_round(
    season: Season,
    round_: RoundKey,
    rng: random.Random | Any,
    *,
    seed: int | None = None,
    group_sizes: Sequence[int] | None = None,
    fallback_coefficient: float | None = None,
) -> DrawResult:
    """Draw ``round_`` of ``season`` under the season's draw rules (that round only).

    Clubs without a coefficient are placed by ``fallback_coefficient`` when given, else by the
    season's rule (``season_fallback``); ``draw_season_day`` also says which clubs were placed
    and draws the rounds held together with this one.
    """
    return _draw_one(
        season,
        round_,
        rng,
        seed=seed,
        group_sizes=group_sizes,
        fallback_coefficient=fallback_coefficient,
    )[0]


def held_with(season: Season, round_: RoundKey) -> RoundKey | None:
    """The round whose draw ``season`` makes the same day, straight after ``round_``'s.

    Read from the format (``draw.held_with``): 2002-03's fourth round brings the
    quarter-finals, its semi-finals the final. A round listing several brings them in turn.
    """
    fmt = season.format
    held = fmt.held_before(round_)
    chain = fmt.round(round_).draw.held_with or (held.draw.held_with if held else ())
    following = fmt.next(round_)
    if following is not None and following.key in chain:
        return following.key
    return None


def winner_placeholder(tie: Pairing) -> str:
    """The name a draw held before ``tie`` was played gives its winner: "Winner of A v B"."""
    return f"Winner of {tie.home} v {tie.away}"


@dataclass(frozen=True)
class DrawDay:
    """A season's draw as held: the round's draw, the clubs seeded on a fallback value, and
    the draw held together with it (``then``), whose clubs are placeholders for the winners of
    ``result``'s ties. One random source drives them all, in that order."""

    result: DrawResult
    placements: tuple[Placement, ...] = ()
    then: DrawDay | None = None

    @property
    def draws(self) -> tuple[DrawResult, ...]:
        """Every draw of the day, in the order they were made."""
        return (self.result, *(self.then.draws if self.then is not None else ()))

    def to_json(self) -> dict[str, object]:
        """``DrawResult.to_json`` plus ``"fallback"`` (clubs seeded on a fallback value) and
        ``"then"`` (the draw held together: ``{"round", "ties", "log"}``, and its own
        ``"then"``), each only where there is one. The top-level seed drives every draw."""
        data = self.result.to_json()
        if self.placements:
            data["fallback"] = [p.to_json() for p in self.placements]
        if self.then is not None:
            then = self.then.to_json()
            del then["seed"]
            data["then"] = then
        return data


def draw_season_day(
    season: Season,
    round_: RoundKey,
    rng: random.Random | Any,
    *,
    seed: int | None = None,
    group_sizes: Sequence[int] | None = None,
    fallback_coefficient: float | None = None,
) -> DrawDay:
    """Draw ``round_`` of ``season``, then every draw the season held together with it.

    ``result`` is exactly what ``draw_season_round`` draws with the same ``rng``; the draws
    held with it continue with the same ``rng`` among "Winner of A v B" placeholders. Such a
    draw must be open: a seeded one would need the coefficients of clubs not yet known.
    """
    result, placements = _draw_one(
        season,
        round_,
        rng,
        seed=seed,
        group_sizes=group_sizes,
        fallback_coefficient=fallback_coefficient,
    )
    return DrawDay(result, placements, _draw_after(season, round_, result, rng, seed))


def _draw_after(
    season: Season,
    round_: RoundKey,
    before: DrawResult,
    rng: random.Random | Any,
    seed: int | None,
) -> DrawDay | None:
    following = held_with(season, round_)
    if following is None:
        return None
    rnd = season.format.round(following)
    rules = rules_for(rnd)
    if rules.seeded:  # the schema refuses this; a Season built in code might not
        raise DrawError(
            f"the {following} draw is held with the {round_} draw, but it is "
            "seeded and its clubs (the winners) are not known yet"
        )
    teams = [Team(winner_placeholder(tie)) for tie in before.ties]
    teams += [
        Team(c.name, c.association, c.coefficient) for c in season.clubs if c.round == following
    ]
    result = draw_round(teams, rules, rng, round_name=following, seed=seed)
    return DrawDay(result, (), _draw_after(season, following, result, rng, seed))
