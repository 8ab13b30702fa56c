"""Rendering a ``SeasonReplay``: a JSON document with stable keys, and text for people.

Text uses rich tables on a terminal and plain aligned lines when piped, so that ``grep`` and
``diff`` on the output work and a terminal user still gets a readable table.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from rich.console import Console

from uefacup.model import DecidedBy, Leg, Scorer
from uefacup.replay import ResolvedTie, SeasonReplay
from uefacup.report.columns import Column
from uefacup.report.console import GAP, is_plain, print_pieces, print_table, print_wrapped

JSON_SCHEMA_VERSION = 2
"""2: legs gained "after_90" (the 90-minute score where extra time was played), "venue",
"neutral" and "attendance"; nothing was renamed or removed."""

_HOW = {
    DecidedBy.AGGREGATE: "on aggregate",
    DecidedBy.AWAY_GOALS: "on away goals",
    DecidedBy.EXTRA_TIME: "after extra time",
    DecidedBy.AWAY_GOALS_EXTRA_TIME: "on away goals after extra time",
    DecidedBy.PENALTIES: "on penalties",
    DecidedBy.SILVER_GOAL: "by a silver goal in extra time",
    DecidedBy.GOLDEN_GOAL: "by a golden goal in extra time",
    DecidedBy.SCORE: "in normal time",
}


def how(decided_by: DecidedBy) -> str:
    """Words for a ``DecidedBy`` as a sentence ends ("Porto won ... on penalties")."""
    return _HOW[decided_by]


def replay_to_dict(rep: SeasonReplay) -> dict[str, Any]:
    """The replay as JSON-ready data; the keys are documented in the README and never renamed."""
    stats = rep.proper
    return {
        "schema": JSON_SCHEMA_VERSION,
        "season": rep.season.key,
        "rounds": [
            {
                "key": r.round,
                "name": r.name,
                "ties": [_tie_dict(t) for t in r.ties],
            }
            for r in rep.rounds
        ],
        "champion": rep.champion,
        "runner_up": rep.runner_up,
        "final": {
            "venue": rep.season.final_venue,
            "date": _iso(rep.final.tie.legs[0]),
        },
        "stats": {
            "matches": stats.matches,
            "goals": stats.goals,
            "goals_per_match": round(stats.goals_per_match, 2),
            "attendance": rep.season.attendance,
            "top_scorers": [
                {
                    "player": s.player,
                    "nationality": s.nationality or None,
                    "club": s.club,
                    "goals": s.goals,
                    "minutes": s.minutes,
                }
                for s in rep.top_scorers
            ],
            "qualifying": {
                "matches": rep.qualifying.matches,
                "goals": rep.qualifying.goals,
                "goals_per_match": round(rep.qualifying.goals_per_match, 2),
            },
        },
    }


def _iso(leg: Leg) -> str | None:
    return leg.date.isoformat() if leg.date else None


def _tie_dict(rt: ResolvedTie) -> dict[str, Any]:
    out = rt.outcome
    return {
        "legs": [
            {
                "home": leg.home,
                "away": leg.away,
                "home_goals": leg.final.home,
                "away_goals": leg.final.away,
                "extra_time": leg.extra_time_played,
                "penalties": [leg.penalties.home, leg.penalties.away] if leg.penalties else None,
                "date": _iso(leg),
                "after_90": [leg.regular.home, leg.regular.away] if leg.extra_time_played else None,
                "venue": leg.venue,
                "neutral": leg.neutral,
                "attendance": leg.attendance,
            }
            for leg in rt.tie.legs
        ],
        "aggregate": list(out.aggregate),
        "winner": out.winner,
        "loser": out.loser,
        "decided_by": out.decided_by.value,
    }


def _leg_text(leg: Leg) -> str:
    text = f"{leg.home} {leg.final.home}-{leg.final.away} {leg.away}"
    if leg.extra_time_played:
        text += f" (a.e.t., {leg.regular} after 90')"
    if leg.penalties:
        text += f", {leg.penalties} pens"
    return text


def _result_text(rt: ResolvedTie) -> str:
    """Winner first where goals decided it ("Porto won 4-1 on aggregate"), else the level
    aggregate and the tie-break ("1-1 agg; Livingston on away goals")."""
    out = rt.outcome
    a, b = out.aggregate
    w, lose = (a, b) if out.winner == rt.tie.first else (b, a)
    if out.decided_by is DecidedBy.AGGREGATE:
        return f"{out.winner} won {w}-{lose} on aggregate"
    if out.decided_by is DecidedBy.SCORE:
        return f"{out.winner} won {w}-{lose}"
    agg = f"{a}-{b} agg" if len(rt.tie.legs) > 1 else f"{w}-{lose}"
    return f"{agg}; {out.winner} {how(out.decided_by)}"


def render_replay(
    rep: SeasonReplay, console: Console, clubs: Collection[str] | None = None
) -> None:
    """Every round, the final, then the statistics: tables on a terminal, lines when piped.

    ``clubs``: show only the ties these clubs played (and skip the statistics), for
    ``replay --club``.
    """
    plain = is_plain(console)
    header = f"{rep.season.title}: replayed from the season's data"
    print_wrapped(console, header, style="bold")
    for r in rep.rounds:
        ties = [rt for rt in r.ties if clubs is None or set(rt.tie.clubs) & set(clubs)]
        if not ties:
            continue
        count = len(r.ties)
        title = f"{r.name} ({count} tie{'s' if count != 1 else ''})"
        if plain:
            console.print()
            print_wrapped(console, f"== {title} ==")
            for rt in ties:
                legs = [_leg_text(leg) for leg in rt.tie.legs]
                pieces = [f"{rt.tie.number:>3}. {legs[0]}", *(f"| {x}" for x in legs[1:])]
                print_pieces(console, [*pieces, f"=> {_result_text(rt)}"], hanging=5)
            continue
        console.print()
        print_table(console, _tie_columns(ties, console.width), title=title)
    if clubs is not None and not set(rep.final.tie.clubs) & set(clubs):
        return
    summary = _final_text(rep)
    console.print()
    print_wrapped(console, summary, style="bold")
    if clubs is None:
        _render_stats(rep, console)


def _final_text(rep: SeasonReplay) -> str:
    """ "Final, Seville, 21 May 2003: Porto 3-2 Celtic (a.e.t., ...). Porto beat Celtic ..."."""
    final = rep.final
    legs = final.tie.legs
    if len(legs) == 1:
        leg = legs[0]
        where = [rep.season.final_venue, leg.date.strftime("%d %B %Y") if leg.date else ""]
        head = ", ".join(["Final", *(w for w in where if w)])
        played = _leg_text(leg)
    else:
        head = "Final (two legs)"
        played = "; ".join(_leg_text(leg) for leg in legs)
    return f"{head}: {played}. {rep.champion} beat {rep.runner_up} {how(final.outcome.decided_by)}."


def _tie_columns(ties: list[ResolvedTie], width: int) -> list[Column]:
    """#, first leg, second leg, result; where the legs side by side would wrap, both legs in
    one column, a line each (a leg reads better whole than cut in two)."""
    legs = [[_leg_text(leg) for leg in rt.tie.legs] for rt in ties]
    number = Column("#", [str(rt.tie.number) for rt in ties], numeric=True)
    result = Column("Result", [_result_text(rt) for rt in ties], min_width=14)
    if all(len(x) == 1 for x in legs):
        return [number, Column("Match", [x[0] for x in legs]), result]
    apart = [
        number,
        Column("First leg", [x[0] for x in legs]),
        Column("Second leg", [x[1] if len(x) > 1 else "" for x in legs]),
        result,
    ]
    if sum(c.natural() for c in apart) + GAP * (len(apart) - 1) <= width:
        return apart
    return [number, Column("Legs", ["\n".join(x) for x in legs]), result]


def _render_stats(rep: SeasonReplay, console: Console) -> None:
    p, q = rep.proper, rep.qualifying
    att = f"{rep.season.attendance:,}" if rep.season.attendance is not None else "unknown"
    fmt = rep.season.format
    proper = [r.name for r in fmt if r.proper]
    before = [r.name for r in fmt if not r.proper]
    span = f"{proper[0].lower()} to {proper[-1].lower()}" if len(proper) > 1 else proper[0]
    console.print()
    print_wrapped(console, f"Statistics (competition proper, {span}):")
    print_wrapped(
        console,
        f"matches {p.matches}, goals {p.goals}, goals per match {p.goals_per_match:.2f}, "
        f"attendance {att}",
        indent=2,
    )
    if before:
        print_wrapped(
            console,
            f"{', '.join(before)}: matches {q.matches}, goals {q.goals}, "
            f"goals per match {q.goals_per_match:.2f}",
        )
    if not rep.top_scorers:
        return
    ranked = _ranked(rep)
    if is_plain(console):
        print_wrapped(console, "Top scorers (goals, then fewer minutes):")
        for rank, s in ranked:
            print_wrapped(
                console,
                f"{rank:>2}. {s.player} ({s.club}) {s.goals} goals, {s.minutes} min",
                indent=2,
            )
        return
    console.print()
    print_table(
        console,
        [
            Column("Rank", [str(rank) for rank, _ in ranked], numeric=True),
            Column("Player", [s.player for _, s in ranked]),
            Column("Club", [s.club for _, s in ranked]),
            Column("Goals", [str(s.goals) for _, s in ranked], numeric=True),
            Column("Minutes", [f"{s.minutes:,}" for _, s in ranked], numeric=True),
        ],
        title="Top scorers",
    )


def _ranked(rep: SeasonReplay) -> list[tuple[int, Scorer]]:
    """Competition ranking (1, 2, 2, 4) on goals and minutes together."""
    out: list[tuple[int, Scorer]] = []
    prev: tuple[int, int] | None = None
    rank = 0
    for i, s in enumerate(rep.top_scorers, start=1):
        key = (s.goals, s.minutes)
        if key != prev:
            rank = i
        prev = key
        out.append((rank, s))
    return out
