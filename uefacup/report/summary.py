"""Short text and HTML summaries of the big objects, for ``repr`` and notebooks.

A dataclass repr of a season lists every club and leg (over 100,000 characters), which floods a
notebook cell; these summaries say in one line what the object is (season key, counts, champion)
and, as HTML, give the same with a small table. Nothing here raises: an object that cannot be
summarised fully (a season without a single final) is summarised without that part.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import TYPE_CHECKING

from uefacup.errors import UefaCupError
from uefacup.model import Season
from uefacup.rules.ties import resolve_tie

if TYPE_CHECKING:
    from uefacup.replay import SeasonReplay
    from uefacup.simulate.results import SimulationResult

__all__ = [
    "replay_html",
    "replay_repr",
    "round_name",
    "season_html",
    "season_repr",
    "simulation_html",
    "simulation_repr",
]


def round_name(season: Season, key: str) -> str:
    """The printable name of a round ("Quarter-finals"); the key itself where none is known."""
    try:
        return season.round_name(key)
    except KeyError:
        return str(key)


def _champion(season: Season) -> str | None:
    """The winner of the last round's single tie, or None where there is none to resolve."""
    keys = list(season.rules)
    if not keys:
        return None
    finals = season.ties_of(keys[-1])
    if len(finals) != 1:
        return None
    try:
        return resolve_tie(finals[0].legs, season.rules_for(keys[-1])).winner
    except UefaCupError:
        return None


def _counts(season: Season) -> tuple[int, int, int, int]:
    matches = sum(len(t.legs) for t in season.ties)
    associations = len({c.association for c in season.clubs})
    return len(season.clubs), associations, len(season.ties), matches


def season_repr(season: Season) -> str:
    """``<Season 2002-03 '2002–03 UEFA Cup': 145 clubs, ..., champion Porto>``."""
    clubs, associations, ties, matches = _counts(season)
    champion = _champion(season)
    tail = f"; champion {champion}" if champion else ""
    return (
        f"<Season {season.key} {season.title!r}: {clubs} clubs from {associations} "
        f"associations, {len(season.rules)} rounds, {ties} ties, {matches} matches{tail}>"
    )


def season_html(season: Season) -> str:
    """The summary line and a table of rounds: ties and matches in each."""
    ties = Counter(str(t.round) for t in season.ties)
    legs: Counter[str] = Counter()
    for t in season.ties:
        legs[str(t.round)] += len(t.legs)
    rows = "".join(
        f"<tr><td>{escape(round_name(season, str(k)))}</td>"
        f"<td>{ties[str(k)]}</td><td>{legs[str(k)]}</td></tr>"
        for k in season.rules
    )
    return (
        f"<p>{escape(season_repr(season))}</p>"
        "<table><thead><tr><th>round</th><th>ties</th><th>matches</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def replay_repr(rep: SeasonReplay) -> str:
    """``<SeasonReplay 2002-03: champion Porto, runner-up Celtic (3–2, silver_goal); ...>``."""
    final = rep.final.outcome
    ties = sum(len(r.ties) for r in rep.rounds)
    return (
        f"<SeasonReplay {rep.season.key}: champion {rep.champion}, runner-up {rep.runner_up} "
        f"({final.aggregate[0]}–{final.aggregate[1]}, {final.decided_by.value}); {ties} ties "
        f"in {len(rep.rounds)} rounds; proper: {rep.proper.matches} matches, "
        f"{rep.proper.goals} goals>"
    )


def replay_html(rep: SeasonReplay) -> str:
    """The summary line and a table of rounds: ties, and how many went each way."""
    body = []
    for r in rep.rounds:
        how = Counter(rt.outcome.decided_by.value for rt in r.ties)
        text = ", ".join(f"{k} {n}" for k, n in sorted(how.items(), key=lambda x: -x[1]))
        name = round_name(rep.season, str(r.round))
        body.append(
            f"<tr><td>{escape(name)}</td><td>{len(r.ties)}</td><td>{escape(text)}</td></tr>"
        )
    return (
        f"<p>{escape(replay_repr(rep))}</p>"
        "<table><thead><tr><th>round</th><th>ties</th><th>decided by</th></tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def simulation_repr(result: SimulationResult) -> str:
    """``<SimulationResult: 10,000 seasons from start, seed 7, model ...; favourite X 23.1%>``."""
    start = str(result.from_round) if result.from_round else "start"
    head = (
        f"<SimulationResult: {result.runs:,} seasons from {start}, seed {result.seed}, "
        f"{result.engine} engine, {len(result.clubs)} clubs"
    )
    if result.runs:
        best = result.chances()[0]
        head += f"; favourite {best.club} {100 * best.champion:.1f}%"
    return head + ">"


def simulation_html(result: SimulationResult, top: int = 10) -> str:
    """The summary line, the model, and the ``top`` clubs' chances of winning."""
    rows = "".join(
        f"<tr><td>{escape(c.club)}</td><td>{escape(c.association)}</td>"
        f"<td>{100 * c.champion:.1f}</td></tr>"
        for c in (result.chances()[:top] if result.runs else [])
    )
    return (
        f"<p>{escape(simulation_repr(result))}<br>model: {escape(result.model)}</p>"
        "<table><thead><tr><th>club</th><th>association</th><th>champion (%)</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
    )
