"""``tie_grid.decide`` is ``resolve_tie`` over arrays: the one tie rule, checked leg for leg.

Every example draws a random rule set (one or two legs, away goals on or off, in extra time
or not, no/full/silver-goal/golden-goal extra time of any length, shoot-out or none) and a
random cell of scores. The cell is turned into real ``Leg`` objects the way a season records
them, with extra time and a shoot-out only where ``decide`` says the tie got that far, and
``resolve_tie`` decides them. It must name the same winner and the same ``decided_by``; and
because ``resolve_tie`` refuses extra time or a shoot-out that nobody needed (and demands
them where the tie was level), a grid that settled a tie at the wrong moment fails as well.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uefacup.errors import TieError
from uefacup.model import DecidedBy, ExtraTime, Leg, RuleSet, Score
from uefacup.rules.tie_grid import DECIDED_BY, UNDECIDED, GridLegs, decide
from uefacup.rules.ties import resolve_tie

A, B = "Alpha", "Beta"
goals = st.integers(min_value=0, max_value=4)

rule_sets = st.builds(
    RuleSet,
    legs=st.sampled_from([1, 2]),
    away_goals=st.booleans(),
    away_goals_in_extra_time=st.booleans(),
    extra_time=st.sampled_from(list(ExtraTime)),
    extra_time_minutes=st.sampled_from([20, 30]),
    penalties=st.booleans(),
)

_EXTRA = {
    DecidedBy.EXTRA_TIME,
    DecidedBy.SILVER_GOAL,
    DecidedBy.GOLDEN_GOAL,
    DecidedBy.AWAY_GOALS_EXTRA_TIME,
}


@st.composite
def cells(draw: st.DrawFn) -> tuple[RuleSet, GridLegs]:
    rules = draw(rule_sets)
    leg1 = (draw(goals), draw(goals)) if rules.legs == 2 else (0, 0)
    last = (draw(goals), draw(goals))
    if rules.extra_time is ExtraTime.GOLDEN_GOAL:  # the match ends at the first goal
        et1 = draw(st.sampled_from([(0, 0), (1, 0), (0, 1)]))
        et2 = (0, 0)
    else:
        et1 = (draw(goals), draw(goals))
        et2 = (draw(goals), draw(goals))
    return rules, GridLegs(leg1, last, et1, et2, draw(st.booleans()))


def _legs(rules: RuleSet, cell: GridLegs, how: DecidedBy | None) -> list[Leg]:
    """The legs as recorded, played only as far as the decision says the tie went."""
    (l1h, l1a), (h, v) = cell.leg1, cell.last
    (e1h, e1a), (e2h, e2a) = cell.et1, cell.et2
    earlier = [Leg(A, B, Score(int(l1h), int(l1a)))] if rules.legs == 2 else []
    host, visitor = (B, A) if rules.legs == 2 else (A, B)
    regular = Score(int(h), int(v))
    if how in (DecidedBy.AGGREGATE, DecidedBy.AWAY_GOALS, DecidedBy.SCORE):
        return [*earlier, Leg(host, visitor, regular)]
    half: Score | None = None
    aet: Score | None = None
    if rules.extra_time is ExtraTime.FULL:
        aet = Score(int(h + e1h + e2h), int(v + e1a + e2a))
    elif rules.extra_time is ExtraTime.GOLDEN_GOAL:
        aet = Score(int(h + e1h), int(v + e1a))
    elif rules.extra_time is ExtraTime.SILVER_GOAL:
        half = Score(int(h + e1h), int(v + e1a))
        first_half_only = RuleSet(
            rules.legs, rules.away_goals, rules.away_goals_in_extra_time, rules.extra_time,
            rules.extra_time_minutes, penalties=False,
        )  # fmt: skip
        at_half = decide(first_half_only, GridLegs(cell.leg1, cell.last, cell.et1, (0, 0)))
        ended = DECIDED_BY[int(at_half.decided_by)] in _EXTRA
        aet = half if ended else Score(int(half.home + e2h), int(half.away + e2a))
    pens = None
    if how is DecidedBy.PENALTIES:
        pens = Score(4, 3) if bool(cell.host_wins_shootout) else Score(3, 4)
    last = Leg(host, visitor, regular, after_extra_time=aet, extra_time_half=half, penalties=pens)
    return [*earlier, last]


@settings(max_examples=400)
@given(cells())
def test_resolve_tie_agrees_with_the_grid_leg_for_leg(example: tuple[RuleSet, GridLegs]) -> None:
    """The rule ("the side ahead on aggregate, or failing that on away goals where the rules
    count them, goes through" at each moment of the deciding match) decided twice."""
    rules, cell = example
    grid = decide(rules, cell)
    code = int(grid.decided_by)
    if code == UNDECIDED:
        with pytest.raises(TieError, match="no shoot-out"):
            resolve_tie(_legs(rules, cell, None), rules)
        return
    how = DECIDED_BY[code]
    outcome = resolve_tie(_legs(rules, cell, how), rules)
    assert outcome.decided_by is how
    assert outcome.winner == (A if bool(grid.first_through) else B)


def test_grid_decides_a_whole_array_like_cell_by_cell() -> None:
    """One call over a 4-d grid of leg scores equals the cell-by-cell calls."""
    rules = RuleSet()
    a, b, c, d = np.ix_(*(np.arange(4),) * 4)
    whole = decide(rules, GridLegs((a, b), (c, d)))
    for cell in [(0, 0, 0, 0), (1, 0, 2, 1), (2, 2, 1, 1), (3, 1, 1, 3)]:
        one = decide(rules, GridLegs(cell[:2], cell[2:]))
        assert whole.first_through[cell] == one.first_through
        assert whole.decided_by[cell] == one.decided_by


def test_away_goals_worked_by_hand() -> None:
    """Alpha wins 2-1 at home and loses 1-2 at Beta: 3-3, one away goal each, level. Alpha's
    goal in extra time makes it 4-3 on aggregate (extra time); a 1-1 extra time leaves 4-4
    with Alpha's away goals 2 against Beta's 1 (away goals in extra time)."""
    out = decide(RuleSet(), GridLegs((2, 1), (2, 1), (0, 1), (0, 0)))
    assert bool(out.first_through)
    assert DECIDED_BY[int(out.decided_by)] is DecidedBy.EXTRA_TIME
    # 1-1 in extra time: level 4-4, Alpha's away goals 2 v Beta's 1: away goals in extra time
    out = decide(RuleSet(), GridLegs((2, 1), (2, 1), (1, 1), (0, 0)))
    assert bool(out.first_through)
    assert DECIDED_BY[int(out.decided_by)] is DecidedBy.AWAY_GOALS_EXTRA_TIME
