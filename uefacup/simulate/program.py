"""A season plan and a match model compiled into the arrays the season kernel runs.

Built once per simulation (``compile_program``, cached per plan and model, and built in the
parent before a process pool forks so that workers inherit it): per round, how its ties are
made (``DrawSpec`` from ``draws.draw_specs``, the real draw kept, or the real bracket), a
matrix of which clubs may not meet, and the index of its exact tie table
(``tie_table.tie_table``, one per distinct rule set and venue). ``run_program`` then adds
batches of seasons to a counts array; memory is the program plus one (clubs x rounds) array,
whatever the number of seasons. Asked for pairs (``simulate --pairs``), a batch also fills a
(clubs x clubs x rounds) array of meetings (``new_meets``; 1.5 MB for 2002-03), still
independent of the number of seasons.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from uefacup.errors import SimulationError
from uefacup.model import RuleSet
from uefacup.simulate.draws import (
    DrawSpec,
    check_groups,
    conflict_matrix,
    draw_specs,
    form_fixed_groups,
    refuse,
    round_keys,
)
from uefacup.simulate.model import FloatArray, IntArray, MatchModel
from uefacup.simulate.plan import SeasonPlan
from uefacup.simulate.tie_table import tie_table

__all__ = ["Meets", "SeasonProgram", "compile_program", "new_meets", "run_program", "warm_up"]

Counts = npt.NDArray[np.int64]
Meets = npt.NDArray[np.int64]
"""Ties per pair of clubs and round: ``[i, j, column]`` with ``i < j`` (club indices of the
plan); the lower triangle stays 0. Columns are the season's rounds (no champion column)."""

_NO_MEETS = np.zeros((0, 0, 0), np.int64)


@dataclass(frozen=True, eq=False)
class SeasonProgram:
    """The kernel's arguments (see ``uefacup.kernels.season.run_seasons``) and what is needed
    to map its counts back onto the plan's columns and to word a refusal."""

    keys: tuple[str, ...]
    specs: tuple[DrawSpec, ...]
    columns: IntArray
    start: IntArray
    mode: IntArray
    seeded: npt.NDArray[np.bool_]
    apart: npt.NDArray[np.bool_]
    plain: npt.NDArray[np.bool_]
    association: IntArray
    conflict: npt.NDArray[np.bool_]
    group_offsets: IntArray
    group_members: IntArray
    pair_offsets: IntArray
    pairs: IntArray
    entrant_offsets: IntArray
    entrants: IntArray
    seed_rank: IntArray
    table_of: IntArray
    tables: FloatArray


def compile_program(plan: SeasonPlan, model: MatchModel) -> SeasonProgram:
    """The program for ``plan`` and ``model`` (cached: the tables take a fraction of a second)."""
    return _compiled(plan, model)


@lru_cache(maxsize=4)
def _compiled(plan: SeasonPlan, model: MatchModel) -> SeasonProgram:
    keys = round_keys(plan)
    specs = draw_specs(plan)
    n = plan.n_clubs
    mode = np.zeros(len(keys), np.int64)
    seeded = np.zeros(len(keys), bool)
    apart = np.zeros(len(keys), bool)
    plain = np.ones(len(keys), bool)
    conflict = np.zeros((len(keys), n, n), bool)
    groups: list[list[int]] = []
    group_offsets = [0]
    pair_offsets = [0]
    pairs: list[int] = []
    entrant_offsets = [0]
    entrants: list[int] = []
    table_keys: dict[tuple[RuleSet, bool], int] = {}
    table_of = np.zeros(len(keys), np.int64)
    widest = 0
    for r, key in enumerate(keys):
        spec = specs[key]
        if r == 0 and key not in plan.fixed and spec.seeded and spec.group_sizes:
            # the first round's clubs are known: its groups are formed once, by the package
            clubs = [int(c) for c in plan.start_participants]
            spec = specs[key] = form_fixed_groups(plan, key, spec, clubs)
        if r:
            entrants += [int(c) for c in plan.entrants[key]]
        entrant_offsets.append(len(entrants))
        if key in plan.fixed:
            mode[r] = 1
            pairs += [int(c) for c in plan.fixed[key].ravel()]
        elif key in plan.bracket and r:
            mode[r] = 2
            pairs += [int(c) for c in plan.bracket[key].ravel()]
        else:
            seeded[r] = spec.seeded
            if spec.seeded:
                if spec.group_sizes:
                    raise SimulationError(
                        f"the {key} draw is made in groups formed from clubs known only during "
                        "the season; the compiled engine does not form such groups: use "
                        "--engine reference"
                    )
                check_groups(plan, key, spec)
                apart[r] = spec.associations_apart
                plain[r] = not spec.forbidden
                conflict[r] = conflict_matrix(plan, spec)
                for seeded_clubs, unseeded_clubs in spec.groups:
                    groups.append(
                        [len(seeded_clubs), *map(int, seeded_clubs), *map(int, unseeded_clubs)]
                    )
                    if spec.forbidden:
                        widest = max(widest, len(seeded_clubs))
                if not spec.groups and spec.forbidden:
                    widest = max(widest, plan.size(key) // 2)
        pair_offsets.append(len(pairs))
        group_offsets.append(len(groups))
        rules = plan.rules[key]
        venue = (rules, rules.legs == 1 and not spec.first_drawn_home)
        table_of[r] = table_keys.setdefault(venue, len(table_keys))
    entrant_offsets.append(len(entrants))
    try:
        from uefacup.kernels.season import MAX_POT
    except ImportError as exc:  # numba missing: a clean error, the reference engine still runs
        raise SimulationError(
            f"the default engine needs numba ({exc}): pip install 'uefacup[sim]', or use "
            "--engine reference"
        ) from None

    if widest > MAX_POT:
        raise SimulationError(
            f"a seeded draw with forbidden pairs of {widest} ties in one group is more than "
            f"the compiled engine's {MAX_POT}; use --engine reference"
        )
    width = 1 + 2 * max((row[0] for row in groups), default=0)
    members = np.zeros((len(groups), width), np.int64)
    for g, row in enumerate(groups):
        members[g, : len(row)] = row
    tables = np.stack(
        [tie_table(model, rules, neutral=neutral).first_through for rules, neutral in table_keys]
    )
    first = keys[0]
    columns = np.array([plan.order(k) for k in keys] + [plan.champion], np.int64)
    start = plan.fixed[first].ravel() if first in plan.fixed else plan.start_participants
    return SeasonProgram(
        keys=tuple(keys),
        specs=tuple(specs[k] for k in keys),
        columns=columns,
        start=np.ascontiguousarray(start, dtype=np.int64),
        mode=mode,
        seeded=seeded,
        apart=apart,
        plain=plain,
        association=np.ascontiguousarray(plan.association, dtype=np.int64),
        conflict=conflict,
        group_offsets=np.array(group_offsets, np.int64),
        group_members=members,
        pair_offsets=np.array(pair_offsets, np.int64),
        pairs=np.array(pairs, np.int64),
        entrant_offsets=np.array(entrant_offsets, np.int64),
        entrants=np.array(entrants, np.int64),
        seed_rank=np.ascontiguousarray(plan.seed_rank, dtype=np.int64),
        table_of=table_of,
        tables=np.ascontiguousarray(tables),
    )


def warm_up(plan: SeasonPlan, program: SeasonProgram) -> None:
    """Compile the kernel, or load it from numba's cache, in this process (zero seasons): a
    pool forked afterwards inherits it instead of compiling once per worker."""
    run_program(plan, program, 0, np.random.SeedSequence(0))


def new_meets(plan: SeasonPlan) -> Meets:
    """An empty meetings array for ``plan`` (see ``Meets``)."""
    return np.zeros((plan.n_clubs, plan.n_clubs, len(plan.rounds)), np.int64)


def run_program(
    plan: SeasonPlan,
    program: SeasonProgram,
    seasons: int,
    seed: np.random.SeedSequence,
    meets: Meets | None = None,
) -> Counts:
    """(clubs, 9) counts of ``seasons`` seasons, the plan's real rounds included.

    ``meets`` (from ``new_meets``), when given, also receives every simulated tie's pair of
    clubs (the rounds from the plan's start on; real ties before it are not counted).
    """
    from uefacup.kernels.season import run_seasons

    rounds = len(program.keys)
    raw = np.zeros((plan.n_clubs, rounds + 1), np.int64)
    error = np.full(3 + plan.n_clubs, -1, np.int64)
    state = seed.generate_state(1, np.uint64)[0]
    run_seasons(
        seasons,
        state,
        program.start,
        program.mode,
        program.seeded,
        program.apart,
        program.plain,
        program.association,
        program.conflict,
        program.group_offsets,
        program.group_members,
        program.pair_offsets,
        program.pairs,
        program.entrant_offsets,
        program.entrants,
        program.seed_rank,
        program.table_of,
        program.tables,
        raw,
        error,
        _NO_MEETS if meets is None else meets,
        int(program.columns[0]),
    )
    if error[0] >= 0:
        raise _refusal(plan, program, error)
    counts: Counts = plan.real_counts * seasons
    counts[:, program.columns] += raw
    return counts


def _refusal(plan: SeasonPlan, program: SeasonProgram, error: IntArray) -> Exception:
    """The draw a season could not complete, in the words of ``uefacup draw`` for its pots."""
    r = int(error[0])
    key, spec = program.keys[r], program.specs[r]
    if program.group_offsets[r + 1] > program.group_offsets[r]:  # checked when built
        return SimulationError(f"simulated {key} draw: a fixed draw group cannot be completed")
    size = int(error[1])
    clubs = [int(c) for c in error[3 : 3 + size]]
    return refuse(plan, key, spec, clubs[: size // 2], clubs[size // 2 :])
