"""Export in the layout of the ``champs`` table of the engsoccerdata R package.

``champs`` (European Cup and Champions League results) has one row per match with 23 columns;
writing a UEFA Cup season in the same columns lets code written for that table read it. Only the
column names and their documented meanings are taken from the package; the values follow them:

* ``Date`` ISO date; ``Season`` the season's starting year (2002 for 2002-03);
* ``round`` this package's round key (``qualifying`` … ``final``); ``leg`` 1 or 2, ``NA`` for a
  one-match tie;
* ``FT`` the 90-minute score "h-v"; ``HT`` the half-time score: not recorded here, ``NA``;
* ``aet`` "aet" where extra time was played, else ``NA``; ``pens`` the shoot-out score "h-v",
  or "away goals" where away goals decided the tie, else ``NA``;
* ``hgoal``/``vgoal`` 90-minute goals; ``aethgoal``/``aetvgoal`` goals *in* extra time only
  (``NA`` without it); ``tothgoal``/``totvgoal`` both together;
* ``FTagg_home``/``FTagg_visitor``: the tie's 90-minute goals of this match's home and visiting
  club over all its legs; ``totagg_home``/``totagg_visitor`` the same with extra time;
* ``tiewinner`` the club that went through; ``hcountry``/``vcountry`` the clubs' associations
  (names, where the R package has codes).

Missing values are written ``NA``, as R writes them.
"""

from __future__ import annotations

from typing import Any

from uefacup.model import DecidedBy, Leg, Season
from uefacup.rules.ties import resolve_tie

__all__ = ["CHAMPS_COLUMNS", "champs_rows"]

CHAMPS_COLUMNS = (
    "Date",
    "Season",
    "round",
    "leg",
    "home",
    "visitor",
    "FT",
    "HT",
    "aet",
    "pens",
    "hgoal",
    "vgoal",
    "FTagg_home",
    "FTagg_visitor",
    "aethgoal",
    "aetvgoal",
    "tothgoal",
    "totvgoal",
    "totagg_home",
    "totagg_visitor",
    "tiewinner",
    "hcountry",
    "vcountry",
)
"""The columns of engsoccerdata's ``champs``, in its order."""

NA = "NA"


def _start_year(key: str) -> Any:
    head = key.split("-", 1)[0]
    return int(head) if head.isdigit() else NA


def _regular(leg: Leg, club: str) -> int:
    return leg.regular.home if club == leg.home else leg.regular.away


def champs_rows(season: Season) -> list[dict[str, Any]]:
    """One ``champs`` row per leg of ``season``, in round, tie and leg order."""
    association = {c.name: c.association for c in season.clubs}
    order = {key: i for i, key in enumerate(season.rules)}
    year = _start_year(season.key)
    rows: list[dict[str, Any]] = []
    for tie in sorted(season.ties, key=lambda t: (order.get(t.round, len(order)), t.number)):
        outcome = resolve_tie(tie.legs, season.rules_for(tie.round))
        for n, leg in enumerate(tie.legs, 1):
            h, v = leg.home, leg.away
            et = leg.extra_time_played
            ft_h = sum(_regular(x, h) for x in tie.legs)
            ft_v = sum(_regular(x, v) for x in tie.legs)
            tot_h = sum(x.goals_for(h) for x in tie.legs)
            tot_v = sum(x.goals_for(v) for x in tie.legs)
            pens: str = NA
            if leg.penalties is not None:
                pens = f"{leg.penalties.home}-{leg.penalties.away}"
            elif outcome.decided_by in (DecidedBy.AWAY_GOALS, DecidedBy.AWAY_GOALS_EXTRA_TIME):
                pens = "away goals" if n == len(tie.legs) else NA
            rows.append(
                {
                    "Date": leg.date.isoformat() if leg.date else NA,
                    "Season": year,
                    "round": str(tie.round),
                    "leg": n if len(tie.legs) > 1 else NA,
                    "home": h,
                    "visitor": v,
                    "FT": f"{leg.regular.home}-{leg.regular.away}",
                    "HT": NA,
                    "aet": "aet" if leg.extra_time_played else NA,
                    "pens": pens,
                    "hgoal": leg.regular.home,
                    "vgoal": leg.regular.away,
                    "FTagg_home": ft_h,
                    "FTagg_visitor": ft_v,
                    "aethgoal": leg.final.home - leg.regular.home if et else NA,
                    "aetvgoal": leg.final.away - leg.regular.away if et else NA,
                    "tothgoal": leg.final.home,
                    "totvgoal": leg.final.away,
                    "totagg_home": tot_h,
                    "totagg_visitor": tot_v,
                    "tiewinner": outcome.winner,
                    "hcountry": association.get(h, NA),
                    "vcountry": association.get(v, NA),
                }
            )
    return rows
