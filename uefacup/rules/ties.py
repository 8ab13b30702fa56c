"""Deciding a tie from its recorded legs, and refusing recorded ties the rules make impossible.

The module is pure: scores in, a ``TieOutcome`` or a ``TieError`` out. Replay, the importers and
the simulator all go through ``resolve_tie`` so that a tie is decided by exactly one piece of
code, and a source that contradicts the rules (extra time nobody needed, a shoot-out that could
not end on that score) is caught where the data comes in rather than in a report.

The tie-break order is read from the season's ``RuleSet`` instead of being hard-wired, because it
is what changes between seasons: golden or silver goal, away goals counted in extra time or not,
one match or two. A tie is decided at three moments of its deciding match (after normal time,
after extra time, after the shoot-out); at each moment the side ahead on aggregate, or failing
that on away goals where the rules count them, goes through, and anything recorded after the
moment that settled the tie is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from itertools import pairwise

from uefacup.errors import TieError
from uefacup.model import DecidedBy, ExtraTime, Leg, RuleSet, Score, Tie, TieOutcome

__all__ = ["aggregate", "away_goals", "resolve_tie", "shootout_possible", "validate_tie"]

SHOOTOUT_KICKS = 5
"""Kicks per side before sudden death; the one constant the simulators' shoot-out model uses."""
_KICKS = SHOOTOUT_KICKS
_Fail = Callable[[str], TieError]


def aggregate(legs: Sequence[Leg], club: str) -> int:
    """Goals ``club`` scored over ``legs``, extra time included (what the rules compare first)."""
    return sum(leg.goals_for(club) for leg in legs)


def away_goals(legs: Sequence[Leg], club: str, *, extra_time: bool = True) -> int:
    """Goals ``club`` scored as the visiting side; with ``extra_time`` False only 90-minute ones.

    Extra-time goals are a separate switch because some seasons do not let them count double.
    """
    return sum((leg.final if extra_time else leg.regular).away for leg in legs if leg.away == club)


def shootout_possible(winner_goals: int, loser_goals: int) -> bool:
    """Whether a penalty shoot-out can end ``winner_goals``-``loser_goals``.

    Sources do print impossible shoot-out scores (a typo, or goals of the match added in), so the
    importers use this to flag them. The answer comes from playing out every kick sequence rather
    than from a hand-made list, so it cannot drift from the stopping rule.
    """
    if loser_goals < 0 or winner_goals <= loser_goals:
        return False
    return (winner_goals, loser_goals) in _shootout_results(winner_goals)


@cache
def _shootout_results(cap: int) -> frozenset[tuple[int, int]]:
    """Every (winner, loser) score a shoot-out can end on with no side above ``cap`` goals.

    Sides kick alternately, five each, and stop as soon as one side cannot catch up even if it
    scores every remaining kick of its five; when level after five each, pairs of kicks follow
    until one pair is split. The first kicker is called A; the other order gives the mirror image,
    and results are stored as (winner, loser), so A-first covers both. Sudden-death states differ
    only in kicks taken, which the stopping rule ignores, so those are folded onto five each: this
    keeps the search finite although a shoot-out can be arbitrarily long.
    """
    results: set[tuple[int, int]] = set()
    start = (0, 0, 0, 0)  # goals A, goals B, kicks A, kicks B
    seen = {start}
    todo = [start]
    while todo:
        a, b, ka, kb = todo.pop()
        if max(ka, kb) <= _KICKS:
            over = a > b + _KICKS - kb or b > a + _KICKS - ka
        else:
            over = ka == kb and a != b
        if over:
            results.add((max(a, b), min(a, b)))
            continue
        for scored in (0, 1):
            nxt = (a + scored, b, ka + 1, kb) if ka == kb else (a, b + scored, ka, kb + 1)
            if nxt[2] == nxt[3] > _KICKS:
                nxt = (nxt[0], nxt[1], _KICKS, _KICKS)
            if max(nxt[0], nxt[1]) <= cap and nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return frozenset(results)


def resolve_tie(legs: Sequence[Leg], rules: RuleSet) -> TieOutcome:
    """Decide a tie from its legs (in playing order) under ``rules``.

    The legs must hold exactly what the rules needed: extra time and a shoot-out where the tie
    was still level, and nothing after the moment the tie was settled. Anything else raises
    ``TieError``, because an outcome guessed from inconsistent data would spread silently into
    replays and statistics.
    """
    where = f"tie {legs[0].home} v {legs[0].away}" if legs else "tie"
    return _decide(legs, rules, where)


def validate_tie(tie: Tie, rules: RuleSet, recorded_winner: str | None = None) -> TieOutcome:
    """Check a recorded tie against its round's rules and return its outcome.

    Every ``TieError`` names the tie with ``tie.describe()`` so that a user can find the line of
    the data file; ``recorded_winner`` (the source's own statement of who went through) must
    agree with what the scores decide.
    """
    outcome = _decide(tie.legs, rules, tie.describe())
    if recorded_winner is not None and recorded_winner != outcome.winner:
        if recorded_winner not in (outcome.winner, outcome.loser):
            problem = f"recorded winner {recorded_winner} is not one of the two clubs"
        else:
            problem = (
                f"recorded winner {recorded_winner} disagrees with the scores, by which "
                f"{outcome.winner} went through ({outcome.decided_by.value}, aggregate "
                f"{outcome.aggregate[0]}-{outcome.aggregate[1]})"
            )
        raise TieError(f"{tie.describe()}: {problem}")
    return outcome


def _decide(legs: Sequence[Leg], rules: RuleSet, where: str) -> TieOutcome:
    """Shared body of ``resolve_tie`` and ``validate_tie``; ``where`` prefixes every error."""

    def fail(problem: str) -> TieError:
        return TieError(f"{where}: {problem}")

    if len(legs) != rules.legs:
        raise fail(f"{len(legs)} leg(s) recorded but the rules play {rules.legs}")
    for number, leg in enumerate(legs, 1):
        if leg.home == leg.away:
            raise fail(f"leg {number}: {leg.home} cannot play itself")
    first, second = legs[0].home, legs[0].away
    if len(legs) == 2 and (legs[1].home, legs[1].away) != (second, first):
        raise fail(
            f"second leg is {legs[1].home} v {legs[1].away}; it must be {second} v {first}, "
            "each club playing one leg at home"
        )
    for leg in legs[:-1]:
        if leg.extra_time_played or leg.extra_time_half is not None or leg.penalties is not None:
            raise fail(
                "extra time or a shoot-out recorded in the first leg; only the deciding "
                "match can have them"
            )
    last = legs[-1]
    _check_extra_time_scores(last, fail)

    def at(moment: Score) -> list[Leg]:
        """The legs as they stood when the deciding match showed ``moment``."""
        stood = replace(last, after_extra_time=moment, extra_time_half=None, penalties=None)
        return [*legs[:-1], stood]

    def outcome(winner: str, how: DecidedBy, pens: tuple[int, int] | None = None) -> TieOutcome:
        return TieOutcome(
            winner=winner,
            loser=second if winner == first else first,
            decided_by=how,
            aggregate=(aggregate(legs, first), aggregate(legs, second)),
            penalties=pens,
        )

    count_away = rules.away_goals and len(legs) == 2
    leader, on_away = _leader(at(last.regular), first, second, count_away, extra_time=False)
    if leader is not None:
        if last.extra_time_played:
            raise fail(
                f"extra time recorded but not required: {_state(at(last.regular), first, second)}"
            )
        if last.penalties is not None:
            raise fail(
                f"shoot-out recorded but the tie was not level: {_state(legs, first, second)}"
            )
        if len(legs) == 1:
            return outcome(leader, DecidedBy.SCORE)
        return outcome(leader, DecidedBy.AWAY_GOALS if on_away else DecidedBy.AGGREGATE)

    count_et_away = count_away and rules.away_goals_in_extra_time
    if rules.extra_time is ExtraTime.NONE:
        if last.extra_time_played:
            raise fail("extra time recorded but the rules have none")
    elif last.after_extra_time is None:
        raise fail(
            f"level after normal time ({_state(legs, first, second)}) but no extra-time "
            f"score recorded; the rules require extra time"
        )
    else:
        end = last.after_extra_time
        et_goals = end.home + end.away - last.regular.home - last.regular.away
        half = last.extra_time_half
        if rules.extra_time is ExtraTime.GOLDEN_GOAL and et_goals > 1:
            raise fail(
                f"golden goal ends the match at the first goal of extra time, but extra "
                f"time went from {last.regular} to {end} ({et_goals} goals)"
            )
        if rules.extra_time is ExtraTime.SILVER_GOAL and half is not None:
            half_leader, _ = _leader(at(half), first, second, count_et_away, extra_time=True)
            if half_leader is not None and end != half:
                raise fail(
                    f"silver goal: {half_leader} led at the half of extra time ({half}) "
                    f"so the match ended there, but the final score is {end}"
                )
        leader, on_away = _leader(at(end), first, second, count_et_away, extra_time=True)
        if leader is not None:
            if last.penalties is not None:
                raise fail(
                    f"shoot-out recorded but extra time decided the tie: "
                    f"{_state(legs, first, second)}"
                )
            how = {
                ExtraTime.FULL: DecidedBy.EXTRA_TIME,
                ExtraTime.SILVER_GOAL: DecidedBy.SILVER_GOAL,
                ExtraTime.GOLDEN_GOAL: DecidedBy.GOLDEN_GOAL,
            }[rules.extra_time]
            if how is DecidedBy.SILVER_GOAL and not (half is not None and half == end):
                # the silver goal ends a match only at the half of extra time; a lead taken
                # later (or at a half the data does not give) was played out to the end
                how = DecidedBy.EXTRA_TIME
            return outcome(leader, DecidedBy.AWAY_GOALS_EXTRA_TIME if on_away else how)

    if not rules.penalties:
        raise fail(
            f"still level ({_state(legs, first, second)}) and the rules have no "
            "shoot-out; replays are not modelled"
        )
    pens = last.penalties
    if pens is None:
        raise fail(
            f"still level after everything before penalties ({_state(legs, first, second)}) "
            "but no shoot-out recorded"
        )
    if not shootout_possible(max(pens.home, pens.away), min(pens.home, pens.away)):
        raise fail(
            f"shoot-out score {pens} cannot happen: five kicks each, stopping once a side "
            "cannot catch up, then sudden death in pairs"
        )
    by_club = {last.home: pens.home, last.away: pens.away}
    winner = last.home if pens.home > pens.away else last.away
    return outcome(winner, DecidedBy.PENALTIES, (by_club[first], by_club[second]))


def _check_extra_time_scores(leg: Leg, fail: _Fail) -> None:
    """Extra-time scores must extend the 90-minute one: goals are never taken away."""
    if leg.after_extra_time is None:
        if leg.extra_time_half is not None:
            raise fail(
                f"score at the half of extra time ({leg.extra_time_half}) recorded "
                "without an extra-time score"
            )
        return
    steps = [leg.regular, leg.extra_time_half, leg.after_extra_time]
    known = [s for s in steps if s is not None]
    for before, after in pairwise(known):
        if after.home < before.home or after.away < before.away:
            raise fail(f"extra-time scores {' -> '.join(map(str, known))} go backwards")


def _leader(
    legs: Sequence[Leg], first: str, second: str, count_away: bool, *, extra_time: bool
) -> tuple[str | None, bool]:
    """The club ahead (None if level) and whether it is ahead only on away goals."""
    diff = aggregate(legs, first) - aggregate(legs, second)
    if diff:
        return (first if diff > 0 else second), False
    if count_away:
        diff = away_goals(legs, first, extra_time=extra_time) - away_goals(
            legs, second, extra_time=extra_time
        )
        if diff:
            return (first if diff > 0 else second), True
    return None, False


def _state(legs: Sequence[Leg], first: str, second: str) -> str:
    """The tie's standing in words, for error messages."""
    text = f"{first} {aggregate(legs, first)}-{aggregate(legs, second)} {second}"
    if len(legs) == 2:
        text += f" on aggregate, away goals {away_goals(legs, first)}-{away_goals(legs, second)}"
    return text
