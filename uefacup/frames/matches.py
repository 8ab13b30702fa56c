"""The matches of a season as a DataFrame: one row per leg, every fact the season records.

Scores are given at each moment the data knows them: after 90 minutes, after the first half of
extra time (only where a silver or golden goal made it matter), after extra time, and the
shoot-out. ``home_goals``/``away_goals`` are the score when play ended, the number every
statistic of the package counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from uefacup.frames.schema import Column, FrameSchema
from uefacup.model import Score, Season

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MATCHES", "matches_frame", "matches_rows"]

MATCHES = FrameSchema(
    name="matches",
    row="one row per leg played, in the season's round order, then tie, then leg",
    columns=(
        Column("round", "string", "round key of the season's format (`qualifying` … `final`)"),
        Column("tie", "Int64", "the tie's position in its round (1-based, as in matches.csv)"),
        Column("leg", "Int64", "1 or 2, in the order the legs were played"),
        Column("date", "datetime64[s]", "the day the leg was played; NaT where not recorded"),
        Column("home", "string", "club at home (canonical name)"),
        Column("away", "string", "visiting club (canonical name)"),
        Column("home_association", "string", "association of the home club"),
        Column("away_association", "string", "association of the visiting club"),
        Column("home_goals_90", "Int64", "home goals after 90 minutes"),
        Column("away_goals_90", "Int64", "away goals after 90 minutes"),
        Column(
            "home_goals_et_half",
            "Int64",
            "home goals after 15 minutes of extra time (cumulative); <NA> unless recorded",
        ),
        Column("away_goals_et_half", "Int64", "the same for the visitors"),
        Column(
            "home_goals_aet",
            "Int64",
            "home goals at the end of extra time (cumulative); <NA> where none was played",
        ),
        Column("away_goals_aet", "Int64", "the same for the visitors"),
        Column("home_goals", "Int64", "home goals when play ended (extra time included)"),
        Column("away_goals", "Int64", "away goals when play ended (extra time included)"),
        Column("extra_time", "boolean", "True where extra time was played"),
        Column("home_penalties", "Int64", "home side's shoot-out score; <NA> without one"),
        Column("away_penalties", "Int64", "visitors' shoot-out score; <NA> without one"),
        Column(
            "venue",
            "string",
            "stadium where recorded (a one-match final: the season's final venue); <NA> otherwise",
        ),
        Column("neutral", "boolean", "True for a match at a neutral ground"),
        Column("attendance", "Int64", "spectators, where most sources agree; <NA> otherwise"),
    ),
)


def _goals(score: Score | None) -> tuple[int | None, int | None]:
    return (None, None) if score is None else (score.home, score.away)


def matches_frame(season: Season) -> pd.DataFrame:
    """``MATCHES`` for ``season``: every leg of every tie, ordered by round, tie, leg."""
    return MATCHES.build(matches_rows(season))


def matches_rows(season: Season) -> list[dict[str, Any]]:
    """The rows of ``MATCHES`` as plain values (dates as ``datetime.date``, None where missing);
    the exporters write these, so a CSV export and the DataFrame have the same columns."""
    association = {c.name: c.association for c in season.clubs}
    order = {key: i for i, key in enumerate(season.rules)}
    ties = sorted(season.ties, key=lambda t: (order.get(t.round, len(order)), t.number))
    rows: list[dict[str, Any]] = []
    final = list(season.rules)[-1] if season.rules else None
    for tie in ties:
        for n, leg in enumerate(tie.legs, 1):
            venue = leg.venue
            if venue is None and tie.round == final and len(tie.legs) == 1:
                venue = season.final_venue or None
            et_half = _goals(leg.extra_time_half)
            aet = _goals(leg.after_extra_time)
            pens = _goals(leg.penalties)
            rows.append(
                {
                    "round": str(tie.round),
                    "tie": tie.number,
                    "leg": n,
                    "date": leg.date,
                    "home": leg.home,
                    "away": leg.away,
                    "home_association": association.get(leg.home),
                    "away_association": association.get(leg.away),
                    "home_goals_90": leg.regular.home,
                    "away_goals_90": leg.regular.away,
                    "home_goals_et_half": et_half[0],
                    "away_goals_et_half": et_half[1],
                    "home_goals_aet": aet[0],
                    "away_goals_aet": aet[1],
                    "home_goals": leg.final.home,
                    "away_goals": leg.final.away,
                    "extra_time": leg.extra_time_played,
                    "home_penalties": pens[0],
                    "away_penalties": pens[1],
                    "venue": venue,
                    "neutral": leg.neutral,
                    "attendance": leg.attendance,
                }
            )
    return rows
