"""The sequential draw of one round, its log, and the replay that audits a log.

Procedure of a seeded round (qualifying to fourth round), group by group in group order:

1. The first ball is drawn uniformly from every club of the group still in the bowls (both
   pots; with ``first_ball="unseeded"``, from the unseeded pot only, as in the modern knockout
   draws). That club hosts the first leg: "the first team to be drawn played the first leg at
   home".
2. Its opponent is drawn uniformly from the other pot of the same group, among the clubs that
   (a) the round allows it to meet (not the same association, group or forbidden pair), and
   (b) leave the rest of the group still completable: the engine looks for a complete pairing
   of the remaining clubs before the ball goes in the bowl, so a dead end is never visible.
3. Repeat until the group is empty, then move to the next group.

Open rounds (quarter-finals, semi-finals): one bowl with every club, no seeding and no
protection; balls are drawn in pairs, the first of each pair at home. The final is drawn the
same way with two balls: the first is the nominal home side.

Every ball is logged with the options that were open and, for each club that was not, the
constraint that closed it. ``replay_log`` re-runs the procedure feeding it the logged balls
instead of random numbers and fails on the first ball that is not among the options the rules
give at that point, so a log proves its own draw.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from uefacup.draw.groups import DrawGroup
from uefacup.draw.matching import bit_indices, perfect_matching, unmatched_row
from uefacup.draw.teams import Constraints, Team, compatibility
from uefacup.errors import DrawError

Pot = Literal["seeded", "unseeded", "open"]


@dataclass(frozen=True, slots=True)
class DrawRules:
    """How one round is drawn; per-season data, so other seasons can differ."""

    seeded: bool = True
    """Seeded v unseeded within a group; False: one open bowl."""
    constraints: Constraints = field(default_factory=lambda: Constraints(groups=False))
    """What keeps two clubs apart (seeded rounds only)."""
    group_sizes: tuple[int, ...] | None = None
    """Sizes of the draw groups; None: a single group with every club."""
    first_ball: Literal["any", "unseeded"] = "any"
    """Where each tie's first ball (the host) comes from in a seeded round."""
    single_match: bool = False
    """One match (the final): the first ball is the nominal home side."""

    def __post_init__(self) -> None:
        if not self.seeded and self.constraints != Constraints.open():
            raise DrawError("an open draw has no seeding and no protection; drop the constraints")


@dataclass(frozen=True, slots=True)
class Pairing:
    """A drawn tie: ``home`` was drawn first and hosts the first leg (or the final)."""

    home: str
    away: str
    group: int | None = None


@dataclass(frozen=True, slots=True)
class Ball:
    """One ball of the draw and the situation it was drawn in."""

    step: int
    group: int | None
    pot: Pot
    club: str
    role: Literal["home", "away"]
    options: tuple[str, ...]
    closed: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "step": self.step,
            "group": self.group,
            "pot": self.pot,
            "ball": self.club,
            "role": self.role,
            "options": list(self.options),
            "closed": [{"club": c, "reason": r} for c, r in self.closed],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Ball:
        try:
            return cls(
                step=int(data["step"]),
                group=None if data.get("group") is None else int(data["group"]),
                pot=data["pot"],
                club=str(data["ball"]),
                role=data["role"],
                options=tuple(str(o) for o in data["options"]),
                closed=tuple((str(c["club"]), str(c["reason"])) for c in data.get("closed", [])),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise DrawError(f"malformed draw log entry {data!r}: {exc}") from None


@dataclass(frozen=True)
class DrawResult:
    """A complete draw: the ties in drawing order and the log that produced them."""

    round: str
    seed: int | None
    ties: tuple[Pairing, ...]
    log: tuple[Ball, ...]
    groups: tuple[DrawGroup, ...]
    rules: DrawRules

    def to_json(self) -> dict[str, object]:
        return {
            "round": self.round,
            "seed": self.seed,
            "ties": [{"home": t.home, "away": t.away} for t in self.ties],
            "log": [b.to_json() for b in self.log],
        }


Chooser = Callable[[Ball], int]
"""Given a ball's situation (``club`` still empty), the index of the option drawn."""


def rng_chooser(rng: random.Random | Any) -> Chooser:
    """Draw uniformly with ``rng``: a ``random.Random`` or a ``numpy.random.Generator``.

    Only ``randrange``/``integers`` are used, both stable for a given seed across machines.
    """
    if isinstance(rng, random.Random):
        return lambda ball: rng.randrange(len(ball.options))
    if hasattr(rng, "integers"):
        return lambda ball: int(rng.integers(len(ball.options)))
    raise DrawError(f"not a random source: {rng!r} (use random.Random or numpy Generator)")


def run_draw(groups: Sequence[DrawGroup], rules: DrawRules, choose: Chooser) -> list[Ball]:
    """Run the procedure; the balls in order. ``choose`` supplies every random decision."""
    log: list[Ball] = []
    for group in groups:
        if rules.seeded:
            _seeded_group(group, rules, choose, log)
        else:
            _open_group(group, choose, log)
    return log


def _pick(choose: Chooser, ball: Ball) -> Ball:
    index = choose(ball)
    if not 0 <= index < len(ball.options):
        raise DrawError(
            f"step {ball.step}: ball index {index} outside the {len(ball.options)} open"
        )
    return Ball(
        ball.step, ball.group, ball.pot, ball.options[index], ball.role, ball.options, ball.closed
    )


def _seeded_group(group: DrawGroup, rules: DrawRules, choose: Chooser, log: list[Ball]) -> None:
    """Draw one seeded group, keeping a perfect matching of the clubs still in the bowls.

    Which opponents keep the group completable is read off that matching instead of being
    recomputed per candidate: with ``mate`` a perfect matching of the remaining clubs, host ``h``
    may meet an allowed ``c`` iff ``c`` is ``h``'s mate or ``c``'s mate can reach ``h`` along
    "x may take y's mate" steps (an alternating cycle through the edge ``h``-``c``). One search
    backwards from ``h`` finds every such club, so a ball costs O(clubs) bitset steps; after the
    ball, the matching is repaired along the path found. Only the clubs that the matching closes
    are handed to ``unmatched_row``, for the same witness in the log as a search from scratch.
    """
    n = len(group.seeded)
    if n != len(group.unseeded):
        raise DrawError(f"group {group.number}: {n} seeded v {len(group.unseeded)} unseeded")
    constraints = rules.constraints
    pots = (group.seeded, group.unseeded)
    adjacency, names, matching = _group_tables(group, constraints)
    perfect = matching is not None
    # mates[0][i]: the unseeded partner of seeded i; mates[1][j]: the seeded partner of unseeded j.
    mates = (list(matching[0]), list(matching[1])) if matching is not None else ([], [])
    remaining = (list(range(n)), list(range(n)))  # indices still in each bowl, in pot order
    left = [(1 << n) - 1, (1 << n) - 1]  # the same as bitsets
    unseeded_first = rules.first_ball == "unseeded"
    while remaining[0]:
        unseeded_names = [names[1][j] for j in remaining[1]]
        if unseeded_first:
            in_seeded_pot = 0
            bowl = tuple(unseeded_names)
            pot: Pot = "unseeded"
        else:
            in_seeded_pot = len(remaining[0])
            bowl = tuple([names[0][i] for i in remaining[0]] + unseeded_names)
            pot = "open"
        first = _pick(choose, Ball(len(log) + 1, group.number, pot, "", "home", bowl))
        log.append(first)
        index = bowl.index(first.club)
        if index < in_seeded_pot:
            side, h = 0, remaining[0][index]
        else:
            side, h = 1, remaining[1][index - in_seeded_pot]
        other_side = 1 - side
        other_adj = adjacency[other_side]
        own_mate, other_mate = mates[side], mates[other_side]
        own_left = left[side]
        # Clubs of the host's bowl that can reach h (step[x]: x's next club on the way), and
        # the set of their mates: exactly the opponents that keep the group completable.
        reach = 1 << h
        completing = 0
        step: dict[int, int] = {}
        frontier = [h] if perfect else []
        while frontier:
            y = frontier.pop()
            completing |= 1 << own_mate[y]
            new = other_adj[own_mate[y]] & own_left & ~reach
            reach |= new
            while new:
                low = new & -new
                new ^= low
                x = low.bit_length() - 1
                step[x] = y
                frontier.append(x)
        remaining[side].remove(h)
        left[side] = own_left & ~(1 << h)
        host = pots[side][h]
        allowed = adjacency[side][h]
        open_ = allowed & completing
        options = [c for c in remaining[other_side] if open_ >> c & 1]
        if not options:
            raise DrawError(
                f"group {group.number}: no opponent left for {host.name}; the group cannot be "
                "completed"
            )
        closed: list[tuple[str, str]] = []
        for c in remaining[other_side]:
            if open_ >> c & 1:
                continue
            candidate = pots[other_side][c]
            if allowed >> c & 1:
                reason: str | None = _witness(pots, side, left, c, constraints)
            else:
                reason = constraints.reason(host, candidate)  # not None: tags and reasons agree
            closed.append((candidate.name, reason or "forbidden"))
        second = _pick(
            choose,
            Ball(
                len(log) + 1,
                group.number,
                "unseeded" if side == 0 else "seeded",
                "",
                "away",
                tuple(names[other_side][c] for c in options),
                tuple(closed),
            ),
        )
        log.append(second)
        c = options[second.options.index(second.club)]
        remaining[other_side].remove(c)
        left[other_side] &= ~(1 << c)
        # Rotate the alternating cycle h-c, c-x, x-mate(step[x]), ..., -mate(h) into the matching.
        x = other_mate[c]
        while x != h:
            y = step[x]
            partner = own_mate[y]
            own_mate[x] = partner
            other_mate[partner] = x
            x = y


@lru_cache(maxsize=64)
def _group_tables(
    group: DrawGroup, constraints: Constraints
) -> tuple[
    tuple[tuple[int, ...], tuple[int, ...]],
    tuple[tuple[str, ...], tuple[str, ...]],
    tuple[tuple[int, ...], tuple[int, ...]] | None,
]:
    """What a group's draw starts from: who may meet whom (bitsets, seeded rows then unseeded
    rows), the names, and a perfect matching as partner lists (None: the group has none).

    Cached because repeated draws of one round (a season simulation, the property test) start
    from the same groups; everything returned is immutable.
    """
    n = len(group.seeded)
    adj_s = compatibility(group.seeded, group.unseeded, constraints)
    adj_u = [0] * n
    for i, row in enumerate(adj_s):
        for j in bit_indices(row):
            adj_u[j] |= 1 << i
    full = (1 << n) - 1
    owner = perfect_matching(adj_u, full, full)  # seeded column -> unseeded row
    matching = None
    if owner is not None and len(owner) == n:
        mate_s = [0] * n
        mate_u = [0] * n
        for i, j in owner.items():
            mate_s[i], mate_u[j] = j, i
        matching = (tuple(mate_s), tuple(mate_u))
    names = (tuple(t.name for t in group.seeded), tuple(t.name for t in group.unseeded))
    return (tuple(adj_s), tuple(adj_u)), names, matching


def _witness(
    pots: tuple[Sequence[Team], Sequence[Team]],
    side: int,
    left: list[int],
    candidate: int,
    constraints: Constraints,
) -> str:
    """Why drawing ``candidate`` would strand a club: the first club a from-scratch search
    leaves without an opponent (the host's bowl without the host, the other without the ball)."""
    own = [pots[side][i] for i in bit_indices(left[side])]
    rest = [pots[1 - side][j] for j in bit_indices(left[1 - side]) if j != candidate]
    adj = compatibility(own, rest, constraints)
    stranded = unmatched_row(adj, (1 << len(own)) - 1, (1 << len(rest)) - 1)
    if stranded is None:  # cannot happen: the matching said no pairing exists
        raise DrawError(f"draw engine inconsistency at {pots[1 - side][candidate].name}")
    return f"would leave {own[stranded].name} without an opponent"


def _open_group(group: DrawGroup, choose: Chooser, log: list[Ball]) -> None:
    bowl = [t.name for t in group.teams]
    if len(bowl) % 2:
        raise DrawError(f"an odd number of clubs ({len(bowl)}) cannot be paired")
    while bowl:
        role: Literal["home", "away"] = "home" if len(bowl) % 2 == 0 else "away"
        ball = _pick(choose, Ball(len(log) + 1, None, "open", "", role, tuple(bowl)))
        log.append(ball)
        bowl.remove(ball.club)


def pairings(log: Sequence[Ball]) -> tuple[Pairing, ...]:
    """The ties a log describes: each home ball with the away ball after it."""
    out = []
    for home, away in zip(log[::2], log[1::2], strict=True):
        if home.role != "home" or away.role != "away":
            raise DrawError(f"step {home.step}: balls out of home/away order")
        out.append(Pairing(home.club, away.club, home.group))
    return tuple(out)


def draw_groups(
    groups: Sequence[DrawGroup],
    rules: DrawRules,
    rng: random.Random | Any,
    *,
    round_name: str = "",
    seed: int | None = None,
) -> DrawResult:
    """Draw already formed groups with ``rng``; ``seed`` is only recorded in the result."""
    log = run_draw(groups, rules, rng_chooser(rng))
    return DrawResult(round_name, seed, pairings(log), tuple(log), tuple(groups), rules)


def replay_log(
    groups: Sequence[DrawGroup], rules: DrawRules, log: Sequence[Ball]
) -> tuple[Pairing, ...]:
    """Re-run the procedure with the logged balls; the ties, or DrawError at the first misfit.

    A logged ball must be among the options the rules leave open at that point, and the logged
    options and closures must be exactly those the engine computes.
    """
    entries = iter(log)

    def choose(ball: Ball) -> int:
        recorded = next(entries, None)
        if recorded is None:
            raise DrawError(f"the log ends before step {ball.step}")
        where = f"step {ball.step}"
        if recorded.options != ball.options or recorded.closed != ball.closed:
            raise DrawError(f"{where}: logged options differ from those the rules give")
        if recorded.club not in ball.options:
            raise DrawError(f"{where}: {recorded.club} was not an open option")
        return ball.options.index(recorded.club)

    balls = run_draw(groups, rules, choose)
    if next(entries, None) is not None:
        raise DrawError(f"the log has balls after the last of the {len(balls)} steps")
    return pairings(balls)


def replay(result: DrawResult) -> tuple[Pairing, ...]:
    """``replay_log`` of a draw's own groups, rules and log."""
    return replay_log(result.groups, result.rules, result.log)
