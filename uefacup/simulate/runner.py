"""The one-call API: ``simulate(season, runs=..., ...)`` -> ``SimulationResult``.

It validates the arguments (every bad one is a ``SimulationError``), builds the model and the
plan, cuts the runs into seeded batches and hands them to a backend; ``uefacup simulate`` is a
thin layer over it. ``seed`` None draws a fresh seed from the OS and records it in the result,
so any run can be repeated exactly.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from uefacup.draw.cores import usable_cores
from uefacup.errors import SimulationError
from uefacup.format.rounds import Format
from uefacup.model import RoundKey, Season
from uefacup.simulate.backends import ENGINES, batches, run_dask, run_local
from uefacup.simulate.backtest import backtest
from uefacup.simulate.fitting import dixon_coles_model
from uefacup.simulate.limits import (
    DEFAULT_BATCH_SIZE,
    check_batching,
    check_scheduler,
    check_workers,
)
from uefacup.simulate.model import MatchModel
from uefacup.simulate.plan import build_plan, parse_from
from uefacup.simulate.ratings import ratings_model
from uefacup.simulate.results import SimulationResult
from uefacup.simulate.strengths import coefficient_model

__all__ = ["BATCH_SIZE", "MODELS", "build_model", "simulate"]

MODELS = ("coefficient", "dixon-coles", "ratings")
BATCH_SIZE = DEFAULT_BATCH_SIZE
"""Seasons per batch: the fastest size measured (larger ones fall out of the CPU caches)."""


def build_model(
    season: Season, name: str, from_round: RoundKey | None, ratings: Path | str | None = None
) -> MatchModel:
    """The named match model (see ``MODELS``) for a run from ``from_round``."""
    if name == "ratings" or ratings is not None:
        if ratings is None:
            raise SimulationError("--model ratings needs --ratings FILE")
        if name not in ("ratings", "coefficient"):
            raise SimulationError(f"--ratings cannot be combined with --model {name}")
        return ratings_model(season, ratings)
    if name == "coefficient":
        return coefficient_model(season)
    if name == "dixon-coles":
        return dixon_coles_model(season, from_round)
    raise SimulationError(f"--model: unknown model {name!r}; choose one of {', '.join(MODELS)}")


def simulate(
    season: Season,
    *,
    runs: int = 10_000,
    seed: int | None = None,
    from_round: RoundKey | None = None,
    model: str | MatchModel = "coefficient",
    ratings: Path | str | None = None,
    engine: str = "vectorised",
    workers: int = 1,
    dask: bool = False,
    scheduler: str | None = None,
    processes: bool = True,
    batch_size: int = BATCH_SIZE,
    score: bool = True,
    progress: Callable[[int], None] | None = None,
    rules: Format | None = None,
    pairs: bool = False,
) -> SimulationResult:
    """Simulate ``runs`` seasons; see the module docstring and ``backends`` for the options.

    ``dask`` (or a ``scheduler`` address) runs on Dask; otherwise ``workers`` > 1 uses a local
    process pool. ``score`` adds the backtest when starting from a real round. ``rules`` is a
    changed format (``uefacup.whatif.apply_overrides``) for the simulated rounds; the real
    results kept before ``from_round`` are not decided again, and no backtest is scored.
    Requests the machine cannot serve are refused before any work (``limits``). ``pairs``
    also counts which clubs meet in which round (``SimulationResult.meetings()``); it costs a
    (clubs x clubs x rounds) array per batch in flight and nothing when off.
    """
    if isinstance(runs, bool) or not isinstance(runs, int) or runs <= 0:
        raise SimulationError(f"--runs must be a positive number of seasons, not {runs}")
    check_batching(runs, batch_size)
    if not scheduler:  # a remote cluster's size is not this machine's business
        check_workers(workers, usable_cores())
    else:
        check_scheduler(scheduler)
    if engine not in ENGINES:
        raise SimulationError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if seed is None:
        seed = int(np.random.SeedSequence().generate_state(1, np.uint64)[0] >> 1)
    elif seed < 0:
        raise SimulationError(f"--seed must be a non-negative integer, not {seed}")
    start = parse_from(season, from_round)
    match_model = (
        model if isinstance(model, MatchModel) else build_model(season, model, start, ratings)
    )
    plan = build_plan(season, start, rules)
    work = batches(runs, seed, batch_size)
    began = time.perf_counter()
    if dask or scheduler:
        outcome = run_dask(
            engine,
            plan,
            match_model,
            work,
            scheduler=scheduler,
            workers=workers,
            processes=processes,
            progress=progress,
            pairs=pairs,
        )
    else:
        outcome = run_local(engine, plan, match_model, work, workers, progress, pairs)
    seconds = time.perf_counter() - began
    report = None
    if score and rules is None and start is not None and not outcome.interrupted:
        report = backtest(season, match_model, start, seed)
    return SimulationResult(
        clubs=plan.clubs,
        rounds=plan.keys,
        associations=tuple(season.club(c).association for c in plan.clubs),
        counts=outcome.counts,
        runs=outcome.runs,
        requested=runs,
        seed=seed,
        from_round=start,
        engine=engine,
        model=match_model.description,
        interrupted=outcome.interrupted,
        seconds=seconds,
        backtest=report,
        season=season.key,
        season_title=season.title,
        round_names=tuple(season.round_name(k) for k in plan.keys),
        meets=outcome.meets,
    )
