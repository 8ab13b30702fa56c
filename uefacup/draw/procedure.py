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
from typing import Any, Literal

from uefacup.draw.groups import DrawGroup
from uefacup.draw.matching import unmatched_row
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
    seeded, unseeded = list(group.seeded), list(group.unseeded)
    constraints = rules.constraints
    if len(seeded) != len(unseeded):
        raise DrawError(f"group {group.number}: {len(seeded)} seeded v {len(unseeded)} unseeded")
    while seeded:
        if rules.first_ball == "unseeded":
            bowl: list[Team] = list(unseeded)
            pot: Pot = "unseeded"
        else:
            bowl = seeded + unseeded
            pot = "open"
        first = _pick(
            choose,
            Ball(len(log) + 1, group.number, pot, "", "home", tuple(t.name for t in bowl)),
        )
        log.append(first)
        host = next(t for t in bowl if t.name == first.club)
        host_seeded = host in seeded
        own, other = (seeded, unseeded) if host_seeded else (unseeded, seeded)
        own.remove(host)
        options: list[Team] = []
        closed: list[tuple[str, str]] = []
        for candidate in other:
            reason = constraints.reason(host, candidate)
            if reason is None:
                rest = [t for t in other if t is not candidate]
                adj = compatibility(own, rest, constraints)
                left = unmatched_row(adj, (1 << len(own)) - 1, (1 << len(rest)) - 1)
                if left is not None:
                    reason = f"would leave {own[left].name} without an opponent"
            if reason is None:
                options.append(candidate)
            else:
                closed.append((candidate.name, reason))
        if not options:
            raise DrawError(
                f"group {group.number}: no opponent left for {host.name}; the group cannot be "
                "completed"
            )
        second = _pick(
            choose,
            Ball(
                len(log) + 1,
                group.number,
                "unseeded" if host_seeded else "seeded",
                "",
                "away",
                tuple(t.name for t in options),
                tuple(closed),
            ),
        )
        log.append(second)
        other.remove(next(t for t in options if t.name == second.club))


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
