"""The tie rule of ``uefacup.rules.ties`` over whole arrays of leg scores at once.

``resolve_tie`` decides one recorded tie; the simulators need the same decision for every cell
of a grid of possible scores (to turn a score distribution into exact probabilities) or for
millions of sampled ties. ``decide`` is that decision, step for step the body of
``ties._decide`` (the three moments of the deciding match: after normal time, after extra
time under the round's full / silver-goal / golden-goal rule, after the shoot-out; at each the
side ahead on aggregate, or failing that on away goals where the rules count them, goes
through), written with numpy masks instead of ``if``. It reads nothing but the ``RuleSet``.
A property test (tests/rules/test_tie_grid.py) builds real ``Leg`` objects from random cells
under random rule sets and checks that ``resolve_tie`` agrees leg for leg, winner and
``decided_by``; ``resolve_tie`` also refuses the legs if they record extra time or a shoot-out
that ``decide`` did not need, so a disagreement about *when* a tie is settled fails too.

Cells (arrays of one shape, or broadcastable):

* ``leg1``: the first leg, the first club at home (two-legged ties only; pass zeros for one);
* ``last``: the deciding match after 90 minutes. Its host is the second club in a two-legged
  tie and the first club in a one-match tie;
* ``et1`` / ``et2``: extra-time goals of the deciding match, each (host, visitor), in its two
  halves; full extra time counts both, the silver goal stops after ``et1`` when a side leads,
  the golden goal reads only ``et1``, which must hold at most one goal (the match ends at it);
* ``host_wins_shootout``: who would win a shoot-out.

Only what the rules reach is read: extra-time goals of a tie settled in normal time never
count, as they were never played.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from uefacup.model import DecidedBy, ExtraTime, RuleSet

__all__ = ["DECIDED_BY", "UNDECIDED", "Decision", "GridLegs", "decide"]

DECIDED_BY: tuple[DecidedBy, ...] = tuple(DecidedBy)
"""``Decision.decided_by`` holds positions in this tuple."""
UNDECIDED = -1
"""Code of a tie still level after everything the rules allow (no shoot-out: no decision)."""

Int = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]
Pair = tuple[npt.ArrayLike, npt.ArrayLike]


@dataclass(frozen=True)
class GridLegs:
    """Scores of every cell; see the module docstring. Each pair is (host, visitor)."""

    leg1: Pair
    last: Pair
    et1: Pair = (0, 0)
    et2: Pair = (0, 0)
    host_wins_shootout: npt.ArrayLike = True


@dataclass(frozen=True)
class Decision:
    """Per cell: does the first club go through, and how (a position in ``DECIDED_BY``)."""

    first_through: Bool
    decided_by: npt.NDArray[np.int8]


def _code(how: DecidedBy) -> int:
    return DECIDED_BY.index(how)


def decide(rules: RuleSet, cells: GridLegs) -> Decision:
    """The decision of ``resolve_tie`` for every cell of ``cells`` under ``rules``."""
    two = rules.legs == 2
    l1h, l1a = (np.asarray(x, dtype=np.int64) for x in cells.leg1)
    host, visitor = (np.asarray(x, dtype=np.int64) for x in cells.last)
    e1h, e1a = (np.asarray(x, dtype=np.int64) for x in cells.et1)
    e2h, e2a = (np.asarray(x, dtype=np.int64) for x in cells.et2)
    shootout = np.asarray(cells.host_wins_shootout, dtype=bool)
    shape = np.broadcast_shapes(
        l1h.shape, l1a.shape, host.shape, visitor.shape, e1h.shape, e1a.shape, e2h.shape,
        e2a.shape, shootout.shape,
    )  # fmt: skip

    def standing(
        goals_host: Int, goals_visitor: Int, count_away: bool, extra_time: bool
    ) -> tuple[Int, Bool]:
        """``ties._leader``: sign of the first club's lead (0 level) and whether on away goals.

        In a two-legged tie the first club is the deciding match's visitor: its aggregate is
        leg-one home goals plus its goals there, and its away goals are its goals there (with
        ``extra_time`` False only the 90-minute ones, ``regular`` holding those); the second
        club's away goals are its first-leg goals.
        """
        diff = (l1h + goals_visitor) - (l1a + goals_host) if two else goals_host - goals_visitor
        sign = np.sign(diff)
        on_away = np.zeros(shape, dtype=bool)
        if count_away:
            away_first = goals_visitor if extra_time else visitor
            away = np.sign(away_first - l1a)
            use = (sign == 0) & (away != 0)
            sign = np.where(use, away, sign)
            on_away = np.broadcast_to(use, shape)
        return np.broadcast_to(sign, shape), on_away

    first_through = np.zeros(shape, dtype=bool)
    decided_by = np.full(shape, UNDECIDED, dtype=np.int8)
    open_ = np.ones(shape, dtype=bool)

    def settle(sign: Int, code: npt.NDArray[np.int8] | int) -> None:
        """Cells still open where ``sign`` says someone leads are decided now with ``code``."""
        now = open_ & (sign != 0)
        first_through[now] = (sign > 0)[now]
        decided_by[now] = np.broadcast_to(code, shape)[now]
        open_[now] = False

    count_away = rules.away_goals and two
    sign, on_away = standing(host, visitor, count_away, extra_time=False)
    if two:
        regular = np.where(on_away, _code(DecidedBy.AWAY_GOALS), _code(DecidedBy.AGGREGATE))
        settle(sign, regular.astype(np.int8))
    else:
        settle(sign, _code(DecidedBy.SCORE))

    count_et_away = count_away and rules.away_goals_in_extra_time
    away_et = _code(DecidedBy.AWAY_GOALS_EXTRA_TIME)
    if rules.extra_time is ExtraTime.GOLDEN_GOAL:
        sign, on_away = standing(host + e1h, visitor + e1a, count_et_away, extra_time=True)
        settle(sign, np.where(on_away, away_et, _code(DecidedBy.GOLDEN_GOAL)).astype(np.int8))
    elif rules.extra_time is ExtraTime.SILVER_GOAL:
        how = _code(DecidedBy.SILVER_GOAL)
        sign, on_away = standing(host + e1h, visitor + e1a, count_et_away, extra_time=True)
        settle(sign, np.where(on_away, away_et, how).astype(np.int8))
        sign, on_away = standing(
            host + e1h + e2h, visitor + e1a + e2a, count_et_away, extra_time=True
        )
        # a lead taken in the second half was played out: the silver goal did not end it
        full = _code(DecidedBy.EXTRA_TIME)
        settle(sign, np.where(on_away, away_et, full).astype(np.int8))
    elif rules.extra_time is ExtraTime.FULL:
        how = _code(DecidedBy.EXTRA_TIME)
        sign, on_away = standing(
            host + e1h + e2h, visitor + e1a + e2a, count_et_away, extra_time=True
        )
        settle(sign, np.where(on_away, away_et, how).astype(np.int8))

    if rules.penalties:
        # the host of the deciding match is the second club in a two-legged tie
        first_wins_shootout = np.broadcast_to(~shootout if two else shootout, shape)
        settle(np.where(first_wins_shootout, 1, -1), _code(DecidedBy.PENALTIES))
    return Decision(first_through, decided_by)
