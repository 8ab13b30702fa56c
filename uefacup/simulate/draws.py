"""How each simulated round is drawn, and the draw of the reference engine: the package's own.

``DrawSpec`` is the small description of one round's draw that both engines read: seeded or
open, the fixed draw groups where the round's clubs are known before the season is simulated,
whether clubs of one association are kept apart, extra forbidden pairs (club indices), and
where a one-match tie is played. ``draw_specs`` builds them from the ``SeasonPlan`` (this is
the one adapter to change when the plan carries per-round draw descriptions).

The reference engine draws with the package itself: ``uefacup.draw.groups.form_groups`` (which
runs ``check_drawable``) and ``uefacup.draw.procedure.draw_groups``, the code behind ``uefacup
draw``, on ``Team`` objects made from the plan. The compiled engine (``uefacup.kernels.season``)
runs the same procedure on bit sets; where a group cannot be completed it stops, and
``refuse`` raises what ``uefacup draw`` raises for those pots (``DrawError``, same words), so
both engines refuse a draw the same way. Nothing is waived.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from uefacup.draw.groups import DrawGroup, form_groups
from uefacup.draw.procedure import DrawRules, draw_groups
from uefacup.draw.teams import Constraints, Pots, Team, check_drawable
from uefacup.errors import DrawError
from uefacup.simulate.model import IntArray
from uefacup.simulate.plan import SeasonPlan

__all__ = [
    "DrawSpec",
    "check_groups",
    "conflict_matrix",
    "draw_one",
    "draw_specs",
    "form_fixed_groups",
    "group_rows",
    "pots_of",
    "refuse",
    "round_keys",
    "sample_draws",
]


@dataclass(frozen=True, eq=False)
class DrawSpec:
    """One round's draw, in club indices."""

    seeded: bool
    associations_apart: bool = False
    forbidden: tuple[tuple[int, int], ...] = ()
    groups: tuple[tuple[IntArray, IntArray], ...] = ()
    """Fixed groups (seeded, unseeded) when the round's clubs are known; () = one group."""
    group_sizes: tuple[int, ...] = ()
    """Group sizes of a round whose clubs are not known in advance (formed per season)."""
    first_drawn_home: bool = False
    """A one-match tie at the first-drawn club's ground; False: at a neutral ground."""


def round_keys(plan: SeasonPlan) -> list[str]:
    """The simulated rounds in playing order, from the plan's start to the final."""
    return list(plan.keys[plan.order(plan.start) :])


def draw_specs(plan: SeasonPlan) -> dict[str, DrawSpec]:
    """Each simulated round's draw, read from the plan (the season's format).

    Seeded or open, associations apart or not and the forbidden pairs come from the round's
    ``DrawFormat``; the fixed groups are those the plan formed for a round whose clubs are
    known in advance; a one-match round is played where its ``venue`` says. A round with
    group sizes whose clubs are only known during the simulation is refused by the compiled
    engine (``program``); the reference engine forms its groups with the package's
    ``form_groups``.
    """
    specs = {}
    for key in round_keys(plan):
        draw = plan.draw(key)
        forbidden = plan.forbidden.get(key)
        specs[key] = DrawSpec(
            seeded=draw.seeded,
            associations_apart=draw.seeded and draw.associations_apart,
            forbidden=() if forbidden is None else tuple((int(a), int(b)) for a, b in forbidden),
            groups=plan.groups.get(key, ()),
            group_sizes=draw.group_sizes if key not in plan.groups else (),
            first_drawn_home=not plan.neutral(key),
        )
    return specs


def _team(plan: SeasonPlan, club: int) -> Team:
    return Team(plan.clubs[club], f"association {int(plan.association[club])}")


def _constraints(plan: SeasonPlan, spec: DrawSpec) -> Constraints:
    if not spec.seeded:
        return Constraints.open()
    return Constraints(associations=spec.associations_apart, groups=False).with_pairs(
        (plan.clubs[a], plan.clubs[b]) for a, b in spec.forbidden
    )


def pots_of(plan: SeasonPlan, clubs: Sequence[int]) -> Pots:
    """A seeded round's pots: its clubs by seeding rank, the top half seeded."""
    ranked = sorted((int(c) for c in clubs), key=lambda c: int(plan.seed_rank[c]))
    half = len(ranked) // 2
    return Pots(
        tuple(_team(plan, c) for c in ranked[:half]),
        tuple(_team(plan, c) for c in ranked[half:]),
    )


def refuse(plan: SeasonPlan, key: str, spec: DrawSpec, seeded: Sequence[int], unseeded:
           Sequence[int]) -> DrawError:  # fmt: skip
    """The error ``uefacup draw`` gives for pots with no complete pairing (``check_drawable``'s
    words), for a simulated draw that stopped on them."""
    pots = Pots(tuple(_team(plan, c) for c in seeded), tuple(_team(plan, c) for c in unseeded))
    try:
        check_drawable(pots, _constraints(plan, spec))
    except DrawError as exc:
        return DrawError(f"simulated {key} draw: {exc}")
    return DrawError(f"simulated {key} draw: a draw group cannot be completed")


def form_fixed_groups(
    plan: SeasonPlan, key: str, spec: DrawSpec, clubs: Sequence[int]
) -> DrawSpec:
    """``spec`` with its ``group_sizes`` turned into fixed groups of ``clubs`` (a round whose
    clubs are known before the season is simulated), formed by the package's ``form_groups``;
    where it refuses the pots, its ``DrawError`` (the words of ``uefacup draw``)."""
    try:
        formed = form_groups(pots_of(plan, clubs), spec.group_sizes, _constraints(plan, spec))
    except DrawError as exc:
        raise DrawError(f"simulated {key} draw: {exc}") from None
    index = {name: i for i, name in enumerate(plan.clubs)}
    groups = tuple(
        (
            np.array([index[t.name] for t in g.seeded], dtype=np.int64),
            np.array([index[t.name] for t in g.unseeded], dtype=np.int64),
        )
        for g in formed
    )
    return replace(spec, groups=groups, group_sizes=())


def check_groups(plan: SeasonPlan, key: str, spec: DrawSpec) -> None:
    """Refuse fixed groups that cannot be completed, before any season is simulated."""
    for seeded, unseeded in spec.groups:
        pots = Pots(
            tuple(_team(plan, int(c)) for c in seeded),
            tuple(_team(plan, int(c)) for c in unseeded),
        )
        try:
            check_drawable(pots, _constraints(plan, spec))
        except DrawError as exc:
            raise DrawError(f"simulated {key} draw: {exc}") from None


def draw_one(
    plan: SeasonPlan, key: str, spec: DrawSpec, clubs: Sequence[int], rng: np.random.Generator
) -> list[tuple[int, int]]:
    """One season's draw of a round with the package's procedure: (first, second) pairs, the
    first club drawn first (at home in the first leg)."""
    index = {name: i for i, name in enumerate(plan.clubs)}
    constraints = _constraints(plan, spec)
    rules = DrawRules(seeded=spec.seeded, constraints=constraints)
    if not spec.seeded:
        groups: tuple[DrawGroup, ...] = (
            DrawGroup(1, (), tuple(_team(plan, int(c)) for c in clubs)),
        )
    elif spec.groups:
        groups = tuple(
            DrawGroup(
                g + 1,
                tuple(_team(plan, int(c)) for c in seeded),
                tuple(_team(plan, int(c)) for c in unseeded),
            )
            for g, (seeded, unseeded) in enumerate(spec.groups)
        )
    else:
        try:
            sizes = spec.group_sizes or None
            groups = form_groups(pots_of(plan, clubs), sizes, constraints)
        except DrawError as exc:
            raise DrawError(f"simulated {key} draw: {exc}") from None
    result = draw_groups(groups, rules, rng)
    return [(index[t.home], index[t.away]) for t in result.ties]


def conflict_matrix(plan: SeasonPlan, spec: DrawSpec) -> npt.NDArray[np.bool_]:
    """(clubs, clubs): True where two clubs may not meet in this round's draw."""
    n = plan.n_clubs
    conflict = np.zeros((n, n), bool)
    if spec.seeded and spec.associations_apart:
        conflict |= plan.association[:, None] == plan.association[None, :]
    for a, b in spec.forbidden:
        conflict[a, b] = conflict[b, a] = True
    return conflict


def group_rows(spec: DrawSpec) -> IntArray:
    """The fixed groups as the kernel reads them: rows (ties, seeded..., unseeded...), padded."""
    width = 1 + 2 * max((len(s) for s, _ in spec.groups), default=0)
    rows = np.zeros((len(spec.groups), width), np.int64)
    for g, (seeded, unseeded) in enumerate(spec.groups):
        row = [len(seeded), *map(int, seeded), *map(int, unseeded)]
        rows[g, : len(row)] = row
    return rows


def sample_draws(
    plan: SeasonPlan, key: str, spec: DrawSpec, clubs: Sequence[int], times: int, seed: int
) -> tuple[IntArray, IntArray]:
    """The compiled engine's draw of one round, ``times`` times: (first, second), each
    (times, ties), the first club drawn first. Refuses pots that cannot be completed with the
    package's ``DrawError``, as ``uefacup draw`` does."""
    from uefacup.kernels.season import draw_many

    check_groups(plan, key, spec)
    members = np.asarray(clubs, dtype=np.int64)
    ties = members.size // 2
    first = np.zeros((times, ties), np.int64)
    second = np.zeros((times, ties), np.int64)
    state = np.random.SeedSequence(seed).generate_state(1, np.uint64)[0]
    bad = draw_many(
        times,
        state,
        members,
        spec.seeded,
        spec.associations_apart,
        not spec.forbidden,
        np.ascontiguousarray(plan.association, dtype=np.int64),
        conflict_matrix(plan, spec),
        group_rows(spec),
        np.ascontiguousarray(plan.seed_rank, dtype=np.int64),
        first,
        second,
    )
    if bad >= 0:
        pots = pots_of(plan, [int(c) for c in members])
        index = {name: i for i, name in enumerate(plan.clubs)}
        raise refuse(
            plan,
            key,
            spec,
            [index[t.name] for t in pots.seeded],
            [index[t.name] for t in pots.unseeded],
        )
    return first, second
