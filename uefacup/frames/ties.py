"""The ties of a season as a DataFrame: one row per tie, with how it was decided.

The outcome is computed from the legs by the season's own tie rules (``resolve_tie``), never read
from the data; given a ``SeasonReplay`` the frame shows that replay's outcomes, so a replay under
other rules gets its own winners here too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from uefacup.frames.schema import Column, FrameSchema
from uefacup.model import Season, Tie, TieOutcome
from uefacup.rules.ties import away_goals, resolve_tie

if TYPE_CHECKING:
    import pandas as pd

    from uefacup.replay import SeasonReplay

__all__ = ["TIES", "ties_frame", "ties_rows"]

TIES = FrameSchema(
    name="ties",
    row="one row per tie, in the season's round order, then tie number",
    columns=(
        Column("round", "string", "round key of the season's format"),
        Column("tie", "Int64", "the tie's position in its round (1-based)"),
        Column("legs", "Int64", "legs played: 2, or 1 for a one-match tie such as the final"),
        Column("first", "string", "club at home in the first leg (the first club drawn)"),
        Column("second", "string", "the other club"),
        Column("first_association", "string", "association of the first club"),
        Column("second_association", "string", "association of the second club"),
        Column("first_goals", "Int64", "aggregate goals of the first club, extra time included"),
        Column("second_goals", "Int64", "aggregate goals of the second club, extra time included"),
        Column(
            "first_away_goals",
            "Int64",
            "goals the first club scored away from home (two-legged ties only, else <NA>)",
        ),
        Column("second_away_goals", "Int64", "the same for the second club"),
        Column("extra_time", "boolean", "True where the deciding leg went to extra time"),
        Column("first_penalties", "Int64", "the first club's shoot-out score; <NA> without one"),
        Column("second_penalties", "Int64", "the second club's shoot-out score"),
        Column("winner", "string", "club that went through"),
        Column("loser", "string", "club that went out"),
        Column(
            "decided_by",
            "string",
            "how the tie was won: aggregate, away_goals, extra_time, away_goals_extra_time, "
            "penalties, silver_goal, golden_goal or score (see `DecidedBy`)",
        ),
        Column("date", "datetime64[s]", "day of the deciding (last) leg; NaT where unknown"),
    ),
)


def ties_frame(source: Season | SeasonReplay) -> pd.DataFrame:
    """``TIES`` for a season (outcomes by its rules) or for a replay (the replay's outcomes)."""
    return TIES.build(ties_rows(source))


def ties_rows(source: Season | SeasonReplay) -> list[dict[str, Any]]:
    """The rows of ``TIES`` as plain values (see ``matches_rows``)."""
    if isinstance(source, Season):
        season = source
        order = {key: i for i, key in enumerate(season.rules)}
        ties = sorted(season.ties, key=lambda t: (order.get(t.round, len(order)), t.number))
        pairs: Iterable[tuple[Tie, TieOutcome]] = (
            (t, resolve_tie(t.legs, season.rules_for(t.round))) for t in ties
        )
    else:
        season = source.season
        pairs = ((rt.tie, rt.outcome) for r in source.rounds for rt in r.ties)
    association = {c.name: c.association for c in season.clubs}
    return [_row(t, o, association) for t, o in pairs]


def _row(tie: Tie, outcome: TieOutcome, association: dict[str, str]) -> dict[str, Any]:
    first, second = tie.first, tie.second
    two_legs = len(tie.legs) == 2
    pens = outcome.penalties or (None, None)
    return {
        "round": str(tie.round),
        "tie": tie.number,
        "legs": len(tie.legs),
        "first": first,
        "second": second,
        "first_association": association.get(first),
        "second_association": association.get(second),
        "first_goals": outcome.aggregate[0],
        "second_goals": outcome.aggregate[1],
        "first_away_goals": away_goals(tie.legs, first) if two_legs else None,
        "second_away_goals": away_goals(tie.legs, second) if two_legs else None,
        "extra_time": tie.legs[-1].extra_time_played,
        "first_penalties": pens[0],
        "second_penalties": pens[1],
        "winner": outcome.winner,
        "loser": outcome.loser,
        "decided_by": outcome.decided_by.value,
        "date": tie.legs[-1].date,
    }
