"""What a season's files must mean, beyond their shape: pure checks on a loaded ``Season``.

Each check returns a list of problems, one line each, naming the file and the row as a reader
finds it (``matches.csv: qualifying tie 3 leg 2: ...``); an empty list means consistent. The
loader runs ``season_problems`` after the schema and row checks, so a dataset that contradicts
itself never loads; the checks take no file and read no clock.

* Dates: the legs of a tie in order (a second leg strictly after the first); a leg of a round
  the schedule lists within ``SPAN_SLACK`` of that round's dates, and no leg before the
  season's first scheduled date (less the slack). A schedule may list only some rounds.
* Coefficients of clubs and associations finite and not negative.
* Scorers: goals and minutes not negative, minutes at most 90 a match the club played plus 30
  a match that went to extra time, goals at most the club's goals, no player listed twice.
* Clubs: every club named in a tie or the scorer table is in clubs.csv.
* Stated totals (season.toml ``[stated]``): the matches, goals and goals a match of the
  competition proper, the teams and associations agree with the data, unless NOTES.md
  documents the discrepancy by citing its key (``total:goals_proper``), the convention of
  ``check-sources``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable

from uefacup.model import Season, Tie

__all__ = [
    "SPAN_SLACK",
    "club_problems",
    "coefficient_problems",
    "date_problems",
    "entrant_problems",
    "scorer_problems",
    "season_problems",
    "stated_total_problems",
]

SPAN_SLACK = dt.timedelta(days=14)
"""How far from its round's scheduled dates a leg may be (a tie brought forward or put back
by two weeks: the 2002-03 data has none further than a day)."""

EXTRA_TIME_MINUTES = 30
"""The longest extra time any rule set plays (golden and silver goal end it sooner)."""


def season_problems(season: Season) -> list[str]:
    """Every problem of every check below, in a stable order."""
    return [
        *club_problems(season),
        *coefficient_problems(season),
        *date_problems(season),
        *scorer_problems(season),
        *stated_total_problems(season),
    ]


def _tie_name(tie: Tie) -> str:
    return f"{tie.round} tie {tie.number}"


def date_problems(season: Season) -> list[str]:
    """Legs of a tie in date order; a dated leg of a scheduled round within ``SPAN_SLACK`` of
    its round's scheduled dates, and none before the season's first scheduled date."""
    problems: list[str] = []
    windows = {
        str(entry.round): (min(entry.leg_dates) - SPAN_SLACK, max(entry.leg_dates) + SPAN_SLACK)
        for entry in season.schedule
        if entry.leg_dates
    }
    scheduled = [d for entry in season.schedule for d in entry.leg_dates]
    opening = min(scheduled) - SPAN_SLACK if scheduled else None
    for tie in season.ties:
        previous: dt.date | None = None
        window = windows.get(str(tie.round))
        for number, leg in enumerate(tie.legs, 1):
            where = f"matches.csv: {_tie_name(tie)} leg {number}"
            if leg.date is None:
                continue
            if previous is not None and leg.date <= previous:
                problems.append(
                    f"{where}: dated {leg.date}, not after leg {number - 1} ({previous})"
                )
            if window is not None and not window[0] <= leg.date <= window[1]:
                problems.append(
                    f"{where}: dated {leg.date}, outside its round's dates ({window[0]} to "
                    f"{window[1]}, season.toml [[schedule]] round {str(tie.round)!r})"
                )
            elif opening is not None and leg.date < opening:
                problems.append(
                    f"{where}: dated {leg.date}, before the season (first scheduled "
                    f"{opening + SPAN_SLACK}, season.toml [[schedule]])"
                )
            previous = leg.date
    return problems


def _bad_number(value: float | None) -> str | None:
    if value is None:
        return None
    if not math.isfinite(value):
        return f"coefficient {value} is not a finite number"
    if value < 0:
        return f"coefficient {value} is negative"
    return None


def coefficient_problems(season: Season) -> list[str]:
    """Club and association coefficients finite and not negative."""
    problems = [
        f"associations.csv: association {a.name!r}: {what}"
        for a in season.associations
        if (what := _bad_number(a.coefficient))
    ]
    problems += [
        f"clubs.csv: club {c.name!r}: {what}"
        for c in season.clubs
        if (what := _bad_number(c.coefficient))
    ]
    return problems


def _club_matches(season: Season) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Per club: matches played, of which with extra time, and goals scored (extra time in)."""
    played: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    goals: Counter[str] = Counter()
    for tie in season.ties:
        for leg in tie.legs:
            for club in (leg.home, leg.away):
                played[club] += 1
                extra[club] += leg.after_extra_time is not None
                goals[club] += leg.goals_for(club)
    return played, extra, goals


def scorer_problems(season: Season) -> list[str]:
    """Goals and minutes a scorer could have: see the module docstring."""
    problems: list[str] = []
    played, extra, goals = _club_matches(season)
    seen: set[tuple[str, str]] = set()
    for row, scorer in enumerate(season.scorers, 2):
        where = f"scorers.csv:{row}: {scorer.player} ({scorer.club})"
        if (scorer.player, scorer.club) in seen:
            problems.append(f"{where}: listed twice")
        seen.add((scorer.player, scorer.club))
        if scorer.goals < 0 or scorer.minutes < 0:
            problems.append(f"{where}: goals and minutes cannot be negative")
            continue
        most = 90 * played[scorer.club] + EXTRA_TIME_MINUTES * extra[scorer.club]
        if scorer.minutes > most:
            problems.append(
                f"{where}: {scorer.minutes} minutes, but the club played {played[scorer.club]} "
                f"matches ({most} minutes at most)"
            )
        if scorer.goals > goals[scorer.club]:
            problems.append(
                f"{where}: {scorer.goals} goals, but the club scored {goals[scorer.club]}"
            )
    return problems


def club_problems(season: Season) -> list[str]:
    """Every club named in a tie or in the scorer table is a club of clubs.csv."""
    known = {c.name for c in season.clubs}
    problems: list[str] = []
    for tie in season.ties:
        for number, leg in enumerate(tie.legs, 1):
            for club in (leg.home, leg.away):
                if club not in known:
                    problems.append(
                        f"matches.csv: {_tie_name(tie)} leg {number}: {club!r} is not in clubs.csv"
                    )
    for row, scorer in enumerate(season.scorers, 2):
        if scorer.club not in known:
            problems.append(f"scorers.csv:{row}: {scorer.club!r} is not in clubs.csv")
    return problems


def entrant_problems(season: Season, entrants: Iterable[tuple[str, str]]) -> list[str]:
    """Derived entrants (club, where its fact is: ``domestic.csv:12``) that clubs.csv lacks:
    a club the derivation lets in must be a club of the season."""
    known = {c.name for c in season.clubs} | {a for c in season.clubs for a in c.aliases}
    return [
        f"{where or 'domestic.csv'}: {club!r} enters the derived entry list but is not in clubs.csv"
        for club, where in entrants
        if club not in known
    ]


def _totals(season: Season) -> dict[str, float]:
    proper = [t for t in season.ties if season.format.round(t.round).proper]
    matches = sum(len(t.legs) for t in proper)
    goals = sum(leg.final.home + leg.final.away for t in proper for leg in t.legs)
    return {
        "matches_proper": matches,
        "goals_proper": goals,
        "goals_per_match_proper": round(goals / matches, 2) if matches else 0.0,
        "teams": len(season.clubs),
        "associations": len({c.association for c in season.clubs}),
    }


def stated_total_problems(season: Season) -> list[str]:
    """``[stated]`` totals that the data does not add up to, and NOTES.md does not explain."""
    stated = season.facts.get("stated")
    if not isinstance(stated, dict):
        return []
    problems: list[str] = []
    totals = _totals(season)
    for key, value in stated.items():
        where = f"season.toml [stated] {key}"
        if key not in totals:
            known = ", ".join(totals)
            problems.append(f"{where}: unknown total (known: {known})")
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.append(f"{where}: must be a number, not {value!r}")
            continue
        if value == totals[key] or f"`total:{key}`" in season.notes:
            continue
        problems.append(
            f"{where}: {value} stated, the data gives {totals[key]} "
            f"(a known discrepancy is cited in NOTES.md as `total:{key}`)"
        )
    return problems
