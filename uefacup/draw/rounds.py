"""The 2002-03 rounds as draw rules, and drawing a round from a season's data.

Rules per round (seed texts "Seeding" and "Final phase"): the qualifying to fourth rounds are
seeded by club coefficient and keep clubs of one association apart; the qualifying round was
split into nine groups of eight and one of ten. The sources give no group sizes for the later
seeded rounds, so they are drawn as one group until season data says otherwise (pass
``group_sizes``). From the quarter-finals the draw is open; the final's nominal home side is
drawn.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import Any

from uefacup.draw.groups import DrawGroup, form_groups
from uefacup.draw.procedure import DrawResult, DrawRules, draw_groups
from uefacup.draw.teams import Constraints, Pots, Team, seed_pots
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
) -> tuple[DrawGroup, ...]:
    """Seed (unless given pots or an open round) and split the clubs into draw groups."""
    if not rules.seeded:
        pool = tuple(teams.teams if isinstance(teams, Pots) else teams)
        return (DrawGroup(1, (), pool),)
    pots = (
        teams
        if isinstance(teams, Pots)
        else seed_pots(teams, fallback_coefficient=fallback_coefficient)
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
) -> DrawResult:
    """Seed, group and draw one round. ``rng`` is a ``random.Random`` or numpy Generator."""
    groups = prepare_groups(teams, rules, fallback_coefficient=fallback_coefficient)
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


def draw_season_round(
    season: Season,
    round_: Round,
    rng: random.Random | Any,
    *,
    seed: int | None = None,
    group_sizes: Sequence[int] | None = None,
    fallback_coefficient: float | None = None,
) -> DrawResult:
    """Draw ``round_`` of ``season`` under the 2002-03 rules."""
    return draw_round(
        season_teams(season, round_),
        rules_for(round_, group_sizes),
        rng,
        round_name=round_.value,
        seed=seed,
        fallback_coefficient=fallback_coefficient,
    )
