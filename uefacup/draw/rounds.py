"""The 2002-03 rounds as draw rules, and drawing a round from a season's data.

Rules per round (seed texts "Seeding" and "Final phase"): the qualifying to fourth rounds are
seeded by club coefficient and keep clubs of one association apart; the qualifying round was
split into nine groups of eight and one of ten. The sources give no group sizes for the later
seeded rounds, so they are drawn as one group until season data says otherwise (pass
``group_sizes``). From the quarter-finals the draw is open; the final's nominal home side is
drawn.

Clubs without a club coefficient are seeded by the season's documented fallback rule
(``Season.coefficient_fallback``) unless the caller gives a fallback coefficient; a season
without the rule makes them an error.

Draws held together: where a season's schedule gives the next round's draw the same date
(2002-03: the fourth round and the quarter-finals, the semi-finals and the final), that draw
is part of this one. ``draw_season_day`` draws it straight after, with the same random
source, among placeholders for the winners of the ties just drawn ("Winner of A v B").
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
from uefacup.model import Round, Season

QUALIFYING_GROUP_SIZES = (8,) * 9 + (10,)

_OPEN_ROUNDS = (Round.QUARTER_FINAL, Round.SEMI_FINAL, Round.FINAL)


def rules_for(round_: Round, group_sizes: Sequence[int] | None = None) -> DrawRules:
    """The 2002-03 draw rules of a round; ``group_sizes`` overrides the default split."""
    if round_ in _OPEN_ROUNDS:
        if group_sizes is not None:
            raise DrawError(f"the {round_.value} draw is open and has no groups")
        return DrawRules(
            seeded=False, constraints=Constraints.open(), single_match=round_ is Round.FINAL
        )
    if group_sizes is None and round_ is Round.QUALIFYING:
        group_sizes = QUALIFYING_GROUP_SIZES
    return DrawRules(
        seeded=True,
        constraints=Constraints(associations=True, groups=False),
        group_sizes=tuple(group_sizes) if group_sizes is not None else None,
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


def season_teams(season: Season, round_: Round) -> tuple[Team, ...]:
    """The clubs of a round: qualifying entrants, or the clubs of the round's real ties."""
    if round_ is Round.QUALIFYING:
        clubs = [c for c in season.clubs if c.round is Round.QUALIFYING]
    else:
        names = [name for tie in season.ties_of(round_) for name in tie.clubs]
        if not names:
            raise DrawError(f"season {season.key} has no {round_.value} ties to take clubs from")
        by_name = {c.name: c for c in season.clubs}
        unknown = [n for n in names if n not in by_name]
        if unknown:
            raise DrawError(f"{round_.value} ties name clubs not in the season: {unknown}")
        clubs = [by_name[n] for n in names]
    if not clubs:
        raise DrawError(f"season {season.key} has no clubs entering the {round_.value} round")
    return tuple(Team(c.name, c.association, c.coefficient) for c in clubs)


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
    round_: Round,
    rng: random.Random | Any,
    *,
    seed: int | None,
    group_sizes: Sequence[int] | None,
    fallback_coefficient: float | None,
) -> tuple[DrawResult, tuple[Placement, ...]]:
    rules = rules_for(round_, group_sizes)
    teams = season_teams(season, round_)
    placements: tuple[Placement, ...] = ()
    if rules.seeded:
        fallback = season_fallback(season)
        if fallback is None and fallback_coefficient is None:
            missing = [t.name for t in teams if t.coefficient is None]
            if missing:
                raise DrawError(
                    f"no club coefficient for {', '.join(missing)}; cannot seed the "
                    f"{round_.value} round (season {season.key} has no "
                    "[draw.missing_coefficient] rule; supply a fallback coefficient explicitly)"
                )
        pots = seed_pots(teams, fallback_coefficient=fallback_coefficient, fallback=fallback)
        placements = pots.placements
        groups = prepare_groups(pots, rules)
    else:
        groups = prepare_groups(teams, rules)
    result = draw_groups(groups, rules, rng, round_name=round_.value, seed=seed)
    return result, placements


def draw_season_round(
    season: Season,
    round_: Round,
    rng: random.Random | Any,
    *,
    seed: int | None = None,
    group_sizes: Sequence[int] | None = None,
    fallback_coefficient: float | None = None,
) -> DrawResult:
    """Draw ``round_`` of ``season`` under the 2002-03 rules (that round only).

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


def held_with(season: Season, round_: Round) -> Round | None:
    """The round whose draw ``season`` held together with ``round_``'s, straight after it.

    Read from the schedule: the next round, where its draw has the same date. 2002-03: the
    fourth round brings the quarter-finals, the semi-finals bring the final.
    """
    following = round_.next()
    if following is None:
        return None
    dates = {entry.round: entry.draw_date for entry in season.schedule}
    date = dates.get(round_)
    if date is None or dates.get(following) != date:
        return None
    return following


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
    round_: Round,
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
    season: Season, round_: Round, before: DrawResult, rng: random.Random | Any, seed: int | None
) -> DrawDay | None:
    following = held_with(season, round_)
    if following is None:
        return None
    rules = rules_for(following)
    if rules.seeded:
        raise DrawError(
            f"the {following.value} draw is held with the {round_.value} draw, but it is "
            "seeded and its clubs (the winners) are not known yet"
        )
    teams = [Team(winner_placeholder(tie)) for tie in before.ties]
    result = draw_round(teams, rules, rng, round_name=following.value, seed=seed)
    return DrawDay(result, (), _draw_after(season, following, result, rng, seed))
