"""Draws: seeding, draw groups, the sequential procedure with its log, and exact odds.

Public API (everything else in the submodules is an implementation detail):

* ``Team``, ``Pots``, ``Constraints`` — what a draw knows about clubs and what keeps them apart.
* ``seed_pots`` — split clubs into seeded/unseeded by coefficient (ties: by name).
* ``Placement``, ``FallbackRule``, ``season_fallback`` — seeding a club that has no
  coefficient on a fallback value (a season's documented rule, or an explicit value).
* ``DrawGroup``, ``form_groups`` — draw groups in which every pairing can be completed.
* ``DrawRules``, ``rules_for`` — how a round is drawn (2002-03 defaults per ``Round``).
* ``draw_round``, ``draw_groups``, ``draw_season_round`` — run a draw with a caller's RNG.
* ``DrawResult``, ``Pairing``, ``Ball`` — the ties and the per-ball log.
* ``draw_season_day``, ``DrawDay``, ``held_with``, ``winner_placeholder`` — a season round's
  draw together with the draws held the same day (fourth round + quarter-finals,
  semi-finals + final), the later ones among "Winner of A v B" placeholders.
* ``replay_log``, ``replay`` — re-run a log and check it reproduces its ties.
* ``pairing_probabilities``, ``exact_pairing_probabilities`` — odds of every pairing under
  the published calculator's procedure; ``pairing_odds``, ``PairingOdds`` — the same with the
  teams' names attached, as a table, a DataFrame or a heat map.
* ``load_pots_file``, ``PotsEntry`` — the shared knockout-pots JSON.

Every name is imported on first use (``__getattr__``), so that importing one submodule (the
pot-file loader of ``uefacup draw --pots``, say) does not load the season rounds, the
sequential procedure and their schemas with it. Type checkers see ordinary imports.
"""

from typing import TYPE_CHECKING as _TYPE_CHECKING

from uefacup import _lazy_names

if _TYPE_CHECKING:
    from uefacup.draw.files import PotsEntry, load_pots_file
    from uefacup.draw.groups import DrawGroup, form_groups
    from uefacup.draw.odds import PairingOdds, pairing_odds
    from uefacup.draw.probabilities import exact_pairing_probabilities, pairing_probabilities
    from uefacup.draw.procedure import (
        Ball,
        DrawResult,
        DrawRules,
        Pairing,
        draw_groups,
        replay,
        replay_log,
    )
    from uefacup.draw.rounds import (
        DrawDay,
        draw_round,
        draw_season_day,
        draw_season_round,
        held_with,
        rules_for,
        season_fallback,
        season_teams,
        winner_placeholder,
    )
    from uefacup.draw.teams import Constraints, FallbackRule, Placement, Pots, Team, seed_pots

_WHERE: dict[str, str] = {
    "Ball": "uefacup.draw.procedure",
    "Constraints": "uefacup.draw.teams",
    "DrawDay": "uefacup.draw.rounds",
    "DrawGroup": "uefacup.draw.groups",
    "DrawResult": "uefacup.draw.procedure",
    "DrawRules": "uefacup.draw.procedure",
    "FallbackRule": "uefacup.draw.teams",
    "Pairing": "uefacup.draw.procedure",
    "PairingOdds": "uefacup.draw.odds",
    "Placement": "uefacup.draw.teams",
    "Pots": "uefacup.draw.teams",
    "PotsEntry": "uefacup.draw.files",
    "Team": "uefacup.draw.teams",
    "draw_groups": "uefacup.draw.procedure",
    "draw_round": "uefacup.draw.rounds",
    "draw_season_day": "uefacup.draw.rounds",
    "draw_season_round": "uefacup.draw.rounds",
    "exact_pairing_probabilities": "uefacup.draw.probabilities",
    "form_groups": "uefacup.draw.groups",
    "held_with": "uefacup.draw.rounds",
    "load_pots_file": "uefacup.draw.files",
    "pairing_odds": "uefacup.draw.odds",
    "pairing_probabilities": "uefacup.draw.probabilities",
    "replay": "uefacup.draw.procedure",
    "replay_log": "uefacup.draw.procedure",
    "rules_for": "uefacup.draw.rounds",
    "season_fallback": "uefacup.draw.rounds",
    "season_teams": "uefacup.draw.rounds",
    "seed_pots": "uefacup.draw.teams",
    "winner_placeholder": "uefacup.draw.rounds",
}
"""Public name -> the module that defines it."""

__all__ = [
    "Ball",
    "Constraints",
    "DrawDay",
    "DrawGroup",
    "DrawResult",
    "DrawRules",
    "FallbackRule",
    "Pairing",
    "PairingOdds",
    "Placement",
    "Pots",
    "PotsEntry",
    "Team",
    "draw_groups",
    "draw_round",
    "draw_season_day",
    "draw_season_round",
    "exact_pairing_probabilities",
    "form_groups",
    "held_with",
    "load_pots_file",
    "pairing_odds",
    "pairing_probabilities",
    "replay",
    "replay_log",
    "rules_for",
    "season_fallback",
    "season_teams",
    "seed_pots",
    "winner_placeholder",
]


__getattr__, __dir__ = _lazy_names(__name__, _WHERE, globals(), __all__)
