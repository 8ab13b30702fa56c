"""Tests of the tie rules, named after the rule each one checks.

Rule sentences are quoted from the season's seed texts (qualifying-round "Format" section and the
season overview) so that a failing test points at the sentence it defends.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from uefacup.errors import TieError
from uefacup.model import DecidedBy, ExtraTime, Leg, Round, RuleSet, Score, Tie, TieOutcome
from uefacup.rules.ties import (
    aggregate,
    away_goals,
    resolve_tie,
    shootout_possible,
    validate_tie,
)

A, B = "Alpha", "Beta"
SEASON = RuleSet()  # 2002-03 two-legged rounds: away goals, also in extra time; full ET; pens
FINAL = RuleSet(legs=1, away_goals=False, extra_time=ExtraTime.SILVER_GOAL)
GOLDEN = RuleSet(legs=1, away_goals=False, extra_time=ExtraTime.GOLDEN_GOAL)

goals = st.integers(min_value=0, max_value=6)
scores = st.builds(Score, goals, goals)


def two_legs(
    first: Score,
    second: Score,
    *,
    aet: Score | None = None,
    half: Score | None = None,
    pens: Score | None = None,
    home: str = A,
    away: str = B,
) -> list[Leg]:
    """``home`` v ``away`` then the return leg; extra time and pens belong to the second leg."""
    return [
        Leg(home, away, first),
        Leg(away, home, second, after_extra_time=aet, extra_time_half=half, penalties=pens),
    ]


def one_leg(
    regular: Score,
    *,
    aet: Score | None = None,
    half: Score | None = None,
    pens: Score | None = None,
) -> list[Leg]:
    return [Leg(A, B, regular, after_extra_time=aet, extra_time_half=half, penalties=pens)]


def tally(legs: Iterable[Leg], club: str) -> tuple[int, int]:
    """(goals, away goals) of ``club``, extra time included: the test's own count, read straight
    off each leg's final score, so that the rules under test are checked against it and not
    against their own helpers (``aggregate``, ``away_goals``)."""
    goals = away = 0
    for leg in legs:
        final = leg.after_extra_time or leg.regular
        if leg.home == club:
            goals += final.home
        elif leg.away == club:
            goals += final.away
            away += final.away
    return goals, away


def settled(legs: Iterable[Leg]) -> bool:
    """Whether aggregate or away goals separate the clubs (no extra time needed)."""
    legs = list(legs)
    return tally(legs, A) != tally(legs, B)


def tie(legs: Iterable[Leg], number: int = 7) -> Tie:
    return Tie(Round.QUALIFYING, number, tuple(legs))


def play_shootout(kicks: Iterable[bool]) -> tuple[int, int]:
    """A shoot-out played forward kick by kick (independent of the module's search).

    Once the given kicks run out, alternate scored/missed so that sudden death ends.
    """
    stream: Iterator[bool] = itertools.chain(kicks, itertools.cycle([True, False]))
    scored, taken = [0, 0], [0, 0]
    while True:
        for side in (0, 1):
            scored[side] += next(stream)
            taken[side] += 1
            if max(taken) <= 5:
                left = [5 - taken[0], 5 - taken[1]]
                if scored[0] + left[0] < scored[1] or scored[1] + left[1] < scored[0]:
                    return scored[0], scored[1]
        if taken[1] > 5 and scored[0] != scored[1]:
            return scored[0], scored[1]


def mirrored(legs: Iterable[Leg]) -> list[Leg]:
    """The same matches with the two clubs' names exchanged: each side is now the other."""
    swap = {A: B, B: A}
    return [
        Leg(
            swap[leg.home],
            swap[leg.away],
            leg.regular,
            after_extra_time=leg.after_extra_time,
            extra_time_half=leg.extra_time_half,
            penalties=leg.penalties,
        )
        for leg in legs
    ]


@st.composite
def decided_two_leg_ties(draw: st.DrawFn) -> list[Leg]:
    """Complete, valid two-legged ties under the season's rules, built step by step."""
    first, second = draw(scores), draw(scores)
    legs = two_legs(first, second)
    if settled(legs):
        return legs
    et_home, et_away = draw(st.integers(0, 3)), draw(st.integers(0, 3))
    aet = Score(second.home + et_home, second.away + et_away)
    pens = None
    if et_home == et_away == 0:
        home_pens, away_pens = play_shootout(draw(st.lists(st.booleans(), max_size=30)))
        pens = Score(home_pens, away_pens)
    return two_legs(first, second, aet=aet, pens=pens)


# --- property-based tests, one per rule -------------------------------------------------------


@given(scores, scores)
def test_more_aggregate_goals_always_wins(first: Score, second: Score) -> None:
    """ "The team that scored more goals on aggregate over the two legs advanced to the next
    round." The side with more aggregate goals always wins when aggregates differ."""
    legs = two_legs(first, second)
    a_goals = first.home + second.away  # A at home first, away second
    b_goals = first.away + second.home
    assume(a_goals != b_goals)
    outcome = resolve_tie(legs, SEASON)
    assert outcome.decided_by is DecidedBy.AGGREGATE
    assert outcome.winner == (A if a_goals > b_goals else B)
    assert outcome.aggregate == (a_goals, b_goals)


@given(goals, goals, goals)
def test_away_goals_rule(a_home: int, b_away: int, a_away: int) -> None:
    """ "If the aggregate score was level, the away goals rule was applied, i.e., the team that
    scored more goals away from home over the two legs advanced." """
    b_home = a_home + a_away - b_away  # the score that levels the aggregate
    assume(b_home >= 0 and a_away != b_away)
    outcome = resolve_tie(two_legs(Score(a_home, b_away), Score(b_home, a_away)), SEASON)
    assert outcome.decided_by is DecidedBy.AWAY_GOALS
    assert outcome.winner == (A if a_away > b_away else B)


@given(goals, goals, st.integers(1, 4))
def test_away_goals_after_extra_time(x: int, y: int, et_each: int) -> None:
    """ "The away goals rule was again applied after extra time, i.e., if there were goals scored
    during extra time and the aggregate score was still level, the visiting team advanced by
    virtue of more away goals scored." """
    # x-y then y-x: level on aggregate and on away goals after 180 minutes.
    aet = Score(x + et_each, y + et_each)
    outcome = resolve_tie(two_legs(Score(x, y), Score(x, y), aet=aet), SEASON)
    assert outcome.decided_by is DecidedBy.AWAY_GOALS_EXTRA_TIME
    assert outcome.winner == A  # A is the visitor in the second leg


@given(goals, goals, st.integers(0, 4), st.integers(0, 4))
def test_more_goals_in_extra_time_wins(x: int, y: int, et_home: int, et_away: int) -> None:
    """ "If away goals were also equal, then thirty minutes of extra time were played, divided into
    two fifteen-minute halves." The side ahead on aggregate after extra time goes through."""
    assume(et_home != et_away)
    aet = Score(x + et_home, y + et_away)
    outcome = resolve_tie(two_legs(Score(x, y), Score(x, y), aet=aet), SEASON)
    assert outcome.decided_by is DecidedBy.EXTRA_TIME
    assert outcome.winner == (B if et_home > et_away else A)


@given(scores, scores, scores)
def test_extra_time_only_when_level_after_180_minutes(
    first: Score, second: Score, aet_extra: Score
) -> None:
    """ "If away goals were also equal, then thirty minutes of extra time were played" - so
    extra time recorded in a tie settled on aggregate or away goals is an error."""
    legs = two_legs(first, second)
    assume(settled(legs))
    aet = Score(second.home + aet_extra.home, second.away + aet_extra.away)
    with pytest.raises(TieError, match="extra time recorded but not required"):
        resolve_tie(two_legs(first, second, aet=aet), SEASON)


@given(decided_two_leg_ties())
def test_penalties_only_when_level(legs: list[Leg]) -> None:
    """ "If no goals were scored during extra time, the tie was decided by penalty shoot-out."
    A shoot-out decides a tie exactly when it is level on aggregate and away goals after extra
    time, and a shoot-out added to any other tie is refused."""
    outcome = resolve_tie(legs, SEASON)
    level = not settled(legs)
    assert (outcome.decided_by is DecidedBy.PENALTIES) == level
    if not level:
        with_pens = [
            legs[0],
            Leg(B, A, legs[1].regular, legs[1].after_extra_time, None, Score(5, 4)),
        ]
        with pytest.raises(TieError, match="shoot-out recorded"):
            resolve_tie(with_pens, SEASON)


@given(decided_two_leg_ties())
def test_swapping_home_mirrors_outcome(legs: list[Leg]) -> None:
    """ "each tie was played over two legs, with each team playing one leg at home." The rules
    favour neither club: exchanging the clubs in both legs mirrors the outcome."""
    outcome = resolve_tie(legs, SEASON)
    swapped = resolve_tie(mirrored(legs), SEASON)
    assert (swapped.winner, swapped.loser) == (outcome.loser, outcome.winner)
    assert swapped.decided_by is outcome.decided_by
    # (first club, second club) is positional: the same numbers now belong to the other name.
    assert swapped.aggregate == outcome.aggregate
    assert swapped.penalties == outcome.penalties


@given(scores, scores)
def test_order_of_legs_does_not_change_a_180_minute_result(first: Score, second: Score) -> None:
    """ "The team that scored more goals on aggregate over the two legs advanced" - aggregate
    and away goals do not depend on which leg was played first."""
    legs = two_legs(first, second)
    assume(settled(legs))
    flipped = two_legs(second, first, home=B, away=A)
    assert resolve_tie(legs, SEASON).winner == resolve_tie(flipped, SEASON).winner


@given(st.lists(st.booleans(), max_size=40))
def test_every_played_shootout_is_possible(kicks: list[bool]) -> None:
    """ "the tie was decided by penalty shoot-out": any shoot-out played kick by kick ends on a
    score ``shootout_possible`` accepts."""
    first, second = play_shootout(kicks)
    assert first != second
    assert shootout_possible(max(first, second), min(first, second))


@given(st.integers(0, 15), st.integers(0, 15))
def test_shootout_scores_are_best_of_five_then_sudden_death(winner: int, loser: int) -> None:
    """Past five kicks each only sudden death is left, so the margin is one; inside five a side
    stops once it cannot catch up, so no margin exceeds three."""
    if shootout_possible(winner, loser):
        assert loser < winner <= loser + 3
        assert winner <= 5 or winner == loser + 1
    if winner == loser + 1:
        assert shootout_possible(winner, loser)


@given(goals, goals, st.integers(0, 2), st.lists(st.booleans(), max_size=30))
def test_one_match_tie_is_mirror_symmetric(x: int, y: int, golden: int, kicks: list[bool]) -> None:
    """ "teams played against each other over two legs on a home-and-away basis, except for the
    one-match final." A one-match tie favours neither side either (golden-goal rules here)."""
    regular = Score(x, y)
    if x != y:
        legs = one_leg(regular)
    elif golden:
        legs = one_leg(regular, aet=Score(x + (golden == 1), y + (golden == 2)))
    else:
        legs = one_leg(regular, aet=regular, pens=Score(*play_shootout(kicks)))
    outcome = resolve_tie(legs, GOLDEN)
    swapped = resolve_tie(mirrored(legs), GOLDEN)
    assert (swapped.winner, swapped.loser) == (outcome.loser, outcome.winner)
    assert swapped.decided_by is outcome.decided_by
    expected = {0: DecidedBy.PENALTIES, 1: DecidedBy.GOLDEN_GOAL, 2: DecidedBy.GOLDEN_GOAL}
    assert outcome.decided_by is (DecidedBy.SCORE if x != y else expected[golden])


# --- the season's real ties ---------------------------------------------------------------------


def test_livingston_beat_vaduz_on_away_goals() -> None:
    """Vaduz 1-1 Livingston, Livingston 0-0 Vaduz: "1–1 on aggregate; Livingston won on away
    goals." """
    legs = (Leg("Vaduz", "Livingston", Score(1, 1)), Leg("Livingston", "Vaduz", Score(0, 0)))
    outcome = validate_tie(tie(legs), SEASON, recorded_winner="Livingston")
    assert outcome == TieOutcome("Livingston", "Vaduz", DecidedBy.AWAY_GOALS, (1, 1))


def test_sarajevo_beat_sigma_olomouc_on_penalties_after_goalless_extra_time() -> None:
    """Sigma Olomouc 2-1 Sarajevo, Sarajevo 2-1 Sigma Olomouc: "Sarajevo won 5–3 on penalties."
    "If no goals were scored during extra time, the tie was decided by penalty shoot-out." """
    legs = (
        Leg("Sigma Olomouc", "Sarajevo", Score(2, 1)),
        Leg(
            "Sarajevo",
            "Sigma Olomouc",
            Score(2, 1),
            after_extra_time=Score(2, 1),
            penalties=Score(5, 3),
        ),
    )
    outcome = validate_tie(tie(legs), SEASON, recorded_winner="Sarajevo")
    assert outcome.winner == "Sarajevo"
    assert outcome.decided_by is DecidedBy.PENALTIES
    assert outcome.aggregate == (3, 3)
    assert outcome.penalties == (3, 5)  # (first club, second club), like the aggregate


def test_porto_beat_celtic_in_the_final_after_extra_time() -> None:
    """ "Porto won 3–2 after silver goal extra time": 2-2 after 90 minutes, 2-2 at the half of
    extra time, 3-2 at its end. Issue 15: "silver goal" only where the silver-goal rule actually
    ended the match; Porto's goal came in the second half, which was played out, so the rule
    did not end it and the tie was won after extra time (NOTES.md, "The final")."""
    final = Leg(
        "Porto",
        "Celtic",
        Score(2, 2),
        after_extra_time=Score(3, 2),
        extra_time_half=Score(2, 2),
        neutral=True,
    )
    outcome = validate_tie(Tie(Round.FINAL, 1, (final,)), FINAL, recorded_winner="Porto")
    assert outcome == TieOutcome("Porto", "Celtic", DecidedBy.EXTRA_TIME, (3, 2))


# --- unit tests, branch by branch ---------------------------------------------------------------


def test_aggregate_and_away_goal_helpers() -> None:
    """Alpha 2-1 Beta, then Beta 1-1 Alpha after extra time (1-0 after 90): worked by hand,
    Alpha 2+1 = 3 and Beta 1+1 = 2 with extra time; Alpha's one away goal came in extra time,
    Beta's one in the first leg."""
    legs = two_legs(Score(2, 1), Score(1, 0), aet=Score(1, 1))
    assert (aggregate(legs, A), aggregate(legs, B)) == (3, 2)
    assert away_goals(legs, A) == 1
    assert away_goals(legs, A, extra_time=False) == 0
    assert away_goals(legs, B) == 1
    assert tally(legs, A) == (3, 1) and tally(legs, B) == (2, 1)  # the oracle agrees


def test_one_match_won_in_ninety_minutes_is_score() -> None:
    assert resolve_tie(one_leg(Score(1, 0)), FINAL).decided_by is DecidedBy.SCORE
    assert resolve_tie(one_leg(Score(0, 2)), FINAL).winner == B


def test_one_match_with_full_extra_time() -> None:
    rules = RuleSet(legs=1, away_goals=False)
    outcome = resolve_tie(one_leg(Score(1, 1), aet=Score(3, 2)), rules)
    assert (outcome.winner, outcome.decided_by) == (A, DecidedBy.EXTRA_TIME)


def test_one_match_without_extra_time_goes_straight_to_penalties() -> None:
    rules = RuleSet(legs=1, extra_time=ExtraTime.NONE)
    outcome = resolve_tie(one_leg(Score(0, 0), pens=Score(2, 4)), rules)
    assert (outcome.winner, outcome.decided_by, outcome.penalties) == (
        B,
        DecidedBy.PENALTIES,
        (2, 4),
    )
    with pytest.raises(TieError, match="the rules have none"):
        resolve_tie(one_leg(Score(0, 0), aet=Score(0, 0), pens=Score(2, 4)), rules)


def test_golden_goal() -> None:
    """Under the golden goal the first goal of extra time ends the match."""
    outcome = resolve_tie(one_leg(Score(1, 1), aet=Score(1, 2)), GOLDEN)
    assert (outcome.winner, outcome.decided_by) == (B, DecidedBy.GOLDEN_GOAL)
    scoreless = resolve_tie(one_leg(Score(1, 1), aet=Score(1, 1), pens=Score(4, 3)), GOLDEN)
    assert scoreless.decided_by is DecidedBy.PENALTIES


def test_golden_goal_refuses_a_second_extra_time_goal() -> None:
    with pytest.raises(TieError, match="golden goal"):
        validate_tie(tie(one_leg(Score(1, 1), aet=Score(3, 1))), GOLDEN)
    with pytest.raises(TieError, match="golden goal"):
        validate_tie(tie(one_leg(Score(1, 1), aet=Score(2, 2), pens=Score(4, 3))), GOLDEN)


def test_golden_goal_in_a_two_legged_tie() -> None:
    rules = RuleSet(extra_time=ExtraTime.GOLDEN_GOAL)
    outcome = resolve_tie(two_legs(Score(1, 0), Score(1, 0), aet=Score(2, 0)), rules)
    assert (outcome.winner, outcome.decided_by) == (B, DecidedBy.GOLDEN_GOAL)


def test_silver_goal_in_first_half_of_extra_time() -> None:
    legs = one_leg(Score(1, 1), half=Score(1, 2), aet=Score(1, 2))
    outcome = resolve_tie(legs, FINAL)
    assert (outcome.winner, outcome.decided_by) == (B, DecidedBy.SILVER_GOAL)


def test_lead_taken_in_the_second_half_under_the_silver_goal_is_extra_time() -> None:
    """The silver goal ends the match only at the half of extra time; a lead taken after it
    is played out to the end, so the rule did not decide the tie (issue 15)."""
    legs = one_leg(Score(0, 0), half=Score(1, 1), aet=Score(2, 1))
    outcome = resolve_tie(legs, FINAL)
    assert (outcome.winner, outcome.decided_by) == (A, DecidedBy.EXTRA_TIME)


def test_silver_goal_without_half_time_score_decides_but_not_as_a_silver_goal() -> None:
    """Without the score at the half, the data cannot show that the rule ended the match."""
    outcome = resolve_tie(one_leg(Score(0, 0), aet=Score(0, 1)), FINAL)
    assert (outcome.winner, outcome.decided_by) == (B, DecidedBy.EXTRA_TIME)


def test_silver_goal_match_ends_when_a_side_leads_at_the_half() -> None:
    legs = one_leg(Score(1, 1), half=Score(2, 1), aet=Score(3, 1))
    with pytest.raises(TieError, match=r"silver goal: Alpha led at the half .* final score is 3-1"):
        validate_tie(tie(legs), FINAL)
    level_again = one_leg(Score(1, 1), half=Score(2, 1), aet=Score(2, 2), pens=Score(3, 1))
    with pytest.raises(TieError, match="silver goal"):
        validate_tie(tie(level_again), FINAL)


def test_silver_goal_level_after_extra_time_goes_to_penalties() -> None:
    legs = one_leg(Score(2, 2), half=Score(2, 2), aet=Score(3, 3), pens=Score(5, 4))
    outcome = resolve_tie(legs, FINAL)
    assert (outcome.winner, outcome.decided_by, outcome.penalties) == (
        A,
        DecidedBy.PENALTIES,
        (5, 4),
    )


def test_silver_goal_in_two_legs_counts_away_goals_at_the_half() -> None:
    """A visitor level on aggregate but ahead on extra-time away goals leads at the half."""
    rules = RuleSet(extra_time=ExtraTime.SILVER_GOAL)
    legs = two_legs(Score(1, 1), Score(1, 1), half=Score(2, 2), aet=Score(2, 2))
    outcome = resolve_tie(legs, rules)
    assert (outcome.winner, outcome.decided_by) == (A, DecidedBy.AWAY_GOALS_EXTRA_TIME)
    with pytest.raises(TieError, match="silver goal"):
        resolve_tie(two_legs(Score(1, 1), Score(1, 1), half=Score(2, 2), aet=Score(3, 2)), rules)


def test_no_away_goals_rule_sends_level_aggregate_to_extra_time() -> None:
    rules = RuleSet(away_goals=False)
    with pytest.raises(TieError, match="no extra-time score recorded"):
        resolve_tie(two_legs(Score(1, 1), Score(0, 0)), rules)
    outcome = resolve_tie(two_legs(Score(1, 1), Score(0, 0), aet=Score(1, 0)), rules)
    assert (outcome.winner, outcome.decided_by) == (B, DecidedBy.EXTRA_TIME)
    et_draw = two_legs(Score(1, 1), Score(0, 0), aet=Score(1, 1), pens=Score(3, 4))
    assert resolve_tie(et_draw, rules).decided_by is DecidedBy.PENALTIES


def test_away_goals_not_counted_in_extra_time() -> None:
    rules = RuleSet(away_goals_in_extra_time=False)
    legs = two_legs(Score(1, 0), Score(1, 0), aet=Score(2, 1), pens=Score(4, 2))
    outcome = resolve_tie(legs, rules)
    assert (outcome.winner, outcome.decided_by) == (B, DecidedBy.PENALTIES)
    assert outcome.penalties == (2, 4)
    with pytest.raises(TieError, match="no shoot-out recorded"):
        resolve_tie(two_legs(Score(1, 0), Score(1, 0), aet=Score(2, 1)), rules)


def test_goalless_extra_time_needs_a_shootout() -> None:
    with pytest.raises(TieError, match="no shoot-out recorded"):
        validate_tie(tie(two_legs(Score(0, 0), Score(0, 0), aet=Score(0, 0))), SEASON)


def test_level_tie_without_shootout_in_the_rules() -> None:
    rules = RuleSet(penalties=False)
    with pytest.raises(TieError, match="no shoot-out; replays are not modelled"):
        resolve_tie(two_legs(Score(0, 0), Score(0, 0), aet=Score(0, 0), pens=Score(5, 4)), rules)


@pytest.mark.parametrize(
    ("winner", "loser", "possible"),
    [
        (5, 3, True),
        (3, 0, True),
        (4, 1, True),
        (5, 4, True),
        (1, 0, True),
        (11, 10, True),
        (4, 0, False),
        (5, 2, False),
        (6, 3, False),
        (10, 8, False),
        (4, 4, False),
        (0, 0, False),
        (3, 5, False),
        (1, -1, False),
    ],
)
def test_shootout_possible(winner: int, loser: int, possible: bool) -> None:
    assert shootout_possible(winner, loser) is possible


# --- validation errors --------------------------------------------------------------------------


def test_three_legs_is_an_error() -> None:
    legs = [*two_legs(Score(1, 0), Score(1, 0)), Leg(A, B, Score(1, 0))]
    with pytest.raises(TieError, match=r"^qualifying tie 7 \(Alpha v Beta\): 3 leg\(s\)"):
        validate_tie(tie(legs), SEASON)


def test_one_leg_where_two_are_played_is_an_error() -> None:
    with pytest.raises(TieError, match="1 leg"):
        resolve_tie(one_leg(Score(1, 0)), SEASON)
    with pytest.raises(TieError, match="0 leg"):
        resolve_tie([], SEASON)


def test_second_leg_must_swap_home_and_away() -> None:
    legs = [Leg(A, B, Score(1, 0)), Leg(A, B, Score(1, 0))]
    with pytest.raises(TieError, match="it must be Beta v Alpha"):
        validate_tie(tie(legs), SEASON)


def test_club_never_plays_itself() -> None:
    with pytest.raises(TieError, match="Alpha cannot play itself"):
        validate_tie(tie([Leg(A, A, Score(1, 0))]), FINAL)


def test_extra_time_only_in_the_deciding_match() -> None:
    legs = [Leg(A, B, Score(1, 1), after_extra_time=Score(1, 1)), Leg(B, A, Score(0, 0))]
    with pytest.raises(TieError, match="first leg"):
        validate_tie(tie(legs), SEASON)


def test_extra_time_when_not_required() -> None:
    with pytest.raises(TieError, match="extra time recorded but not required"):
        validate_tie(tie(two_legs(Score(1, 1), Score(0, 0), aet=Score(0, 0))), SEASON)
    with pytest.raises(TieError, match="extra time recorded but not required"):
        validate_tie(tie(one_leg(Score(2, 1), aet=Score(2, 1))), FINAL)


def test_missing_extra_time_when_required() -> None:
    with pytest.raises(TieError, match="the rules require extra time"):
        validate_tie(tie(one_leg(Score(1, 1), pens=Score(4, 3))), FINAL)


def test_extra_time_scores_cannot_go_backwards() -> None:
    with pytest.raises(TieError, match="go backwards"):
        validate_tie(tie(one_leg(Score(1, 1), aet=Score(0, 2))), FINAL)
    with pytest.raises(TieError, match="go backwards"):
        validate_tie(tie(one_leg(Score(1, 1), half=Score(2, 1), aet=Score(1, 2))), FINAL)
    with pytest.raises(TieError, match="without an extra-time score"):
        validate_tie(tie(one_leg(Score(1, 1), half=Score(1, 1))), FINAL)


def test_shootout_for_a_tie_that_was_not_level() -> None:
    with pytest.raises(TieError, match="shoot-out recorded but the tie was not level"):
        validate_tie(tie(two_legs(Score(2, 0), Score(1, 0), pens=Score(5, 4))), SEASON)
    with pytest.raises(TieError, match="shoot-out recorded but extra time decided the tie"):
        validate_tie(
            tie(two_legs(Score(0, 0), Score(0, 0), aet=Score(1, 0), pens=Score(5, 4))), SEASON
        )


@pytest.mark.parametrize("pens", [Score(10, 8), Score(6, 3), Score(3, 6), Score(4, 4)])
def test_impossible_shootout_score(pens: Score) -> None:
    legs = two_legs(Score(0, 0), Score(0, 0), aet=Score(0, 0), pens=pens)
    with pytest.raises(
        TieError, match=rf"^qualifying tie 7 \(Alpha v Beta\): shoot-out score {pens}"
    ):
        validate_tie(tie(legs), SEASON)


def test_recorded_winner_wrong() -> None:
    legs = two_legs(Score(1, 1), Score(0, 0))
    with pytest.raises(TieError, match=r"recorded winner Alpha disagrees.*Beta went through"):
        validate_tie(tie(legs), SEASON, recorded_winner=A)
    with pytest.raises(TieError, match="Gamma is not one of the two clubs"):
        validate_tie(tie(legs), SEASON, recorded_winner="Gamma")
    assert validate_tie(tie(legs), SEASON, recorded_winner=B).winner == B


def test_resolve_tie_names_the_clubs_in_errors() -> None:
    with pytest.raises(TieError, match=r"^tie Alpha v Beta: "):
        resolve_tie(two_legs(Score(0, 0), Score(0, 0)), SEASON)
