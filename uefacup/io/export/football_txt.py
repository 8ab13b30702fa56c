"""Export a season as Football.TXT, the plain-text match format of the openfootball project.

The file follows the format's cup layout: a ``= Title`` line, then one heading a round and leg
(``▪ First round, 1st Leg``; a one-match round just ``▪ Final``), date lines (``Thu Aug 15
2002``) and one match a line, ``Home  v Away  score``, the names padded into columns and the
score at least two spaces after the visitors' name. Scores are written as the format writes
them:

* ``2-1``: the score after 90 minutes;
* ``3-2 a.e.t. (2-2)``: after extra time, the 90-minute score in brackets;
* ``1-1 a.e.t. (1-1), 1-4 pen.``: then a shoot-out (``1-1, 4-3 pen.`` where no extra time was
  played);
* ``[agg 3-6]`` after the second leg of a tie: the aggregate, home side of that leg first,
  extra time included;
* ``@ venue`` where the venue is recorded (a one-match final: the season's final venue).

One fact has no place in the format and is written as an addition inside the brackets: the
score after the first half of extra time, which a silver- or golden-goal rule needs (``3-2
a.e.t. (2-2; 2-2 at 105')``). ``uefacup import --from-football-txt`` reads all of it back.
Matches are listed in tie order within each leg, so the n-th match of the first and of the
second leg are the same tie.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from uefacup.model import Leg, Season, Tie
from uefacup.report.summary import round_name
from uefacup.rules.ties import aggregate

__all__ = ["football_txt", "leg_heading", "score_text", "txt_date"]

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ORDINAL = {1: "1st Leg", 2: "2nd Leg"}


def txt_date(day: dt.date) -> str:
    """``Thu Aug 15 2002`` (English names whatever the locale)."""
    return f"{_DAYS[day.weekday()]} {_MONTHS[day.month - 1]} {day.day} {day.year}"


def leg_heading(name: str, leg: int, legs: int) -> str:
    """``▪ First round, 1st Leg``; a one-match round: ``▪ Final``."""
    return f"▪ {name}, {_ORDINAL[leg]}" if legs > 1 else f"▪ {name}"


def score_text(leg: Leg) -> str:
    """The leg's score as Football.TXT writes it (see the module docstring)."""
    ft = f"{leg.regular.home}-{leg.regular.away}"
    if leg.after_extra_time is not None:
        inside = ft
        if leg.extra_time_half is not None:
            inside += f"; {leg.extra_time_half.home}-{leg.extra_time_half.away} at 105'"
        text = f"{leg.after_extra_time.home}-{leg.after_extra_time.away} a.e.t. ({inside})"
    else:
        text = ft
    if leg.penalties is not None:
        text += f", {leg.penalties.home}-{leg.penalties.away} pen."
    return text


def _line(tie: Tie, n: int, widths: tuple[int, int], venue: str | None) -> str:
    leg = tie.legs[n]
    text = f"    {leg.home.ljust(widths[0])}  v {leg.away.ljust(widths[1])}  {score_text(leg)}"
    if n == 1:
        text += f"  [agg {aggregate(tie.legs, leg.home)}-{aggregate(tie.legs, leg.away)}]"
    venue = leg.venue or venue
    if venue:
        text += f"  @ {venue}"
    return text


def football_txt(season: Season) -> str:
    """The whole season as one Football.TXT document."""
    lines = [
        f"= {season.title or season.key}",
        "",
        f"# exported by uefacup from season {season.key}; rounds in order: "
        + ", ".join(str(k) for k in season.rules),
    ]
    final = list(season.rules)[-1] if season.rules else None
    for key in season.rules:
        ties = sorted(season.ties_of(key), key=lambda t: t.number)
        if not ties:
            continue
        legs = max(len(t.legs) for t in ties)
        widths = (
            max(len(leg.home) for t in ties for leg in t.legs),
            max(len(leg.away) for t in ties for leg in t.legs),
        )
        for n in range(legs):
            lines += ["", "", leg_heading(round_name(season, str(key)), n + 1, legs)]
            played = [t for t in ties if len(t.legs) > n]
            for date, group in groupby(played, key=lambda t: t.legs[n].date):
                if date is not None:
                    lines.append(f"  {txt_date(date)}")
                lines.extend(
                    _line(t, n, widths, season.final_venue if key == final and legs == 1 else None)
                    for t in group
                )
    return "\n".join(lines) + "\n"
