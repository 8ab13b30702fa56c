"""Running batches of seasons: in this process, on local cores, or on a Dask cluster.

**Reproducibility.** ``runs`` is cut into batches of ``batch_size`` seasons (the last one
shorter) and batch ``i`` always draws from ``SeedSequence(seed).spawn(batches)[i]``. Counts are
integers and are summed, so the result depends on the seed, the runs and the batch size only,
not on how many workers there are, which backend ran them or in which order batches finished:
``--workers 1``, ``--workers 2`` and a Dask cluster give identical tables for the same seed.

**Memory.** A batch returns a (clubs x 9) array of counts; nothing per season is ever kept,
so memory is that of the batches in flight, whatever ``runs`` is.

**Interruption.** Ctrl-C stops the loop that collects batches: batches not started are
cancelled, and the result holds the seasons of the batches that finished (``interrupted`` set).
Pool workers ignore SIGINT so that only the parent decides what to do with it.

**Dask.** ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); connecting
times out after ``CONNECT_TIMEOUT`` seconds with a ``SimulationError``. Without an address a
``LocalCluster`` of ``workers`` single-threaded worker processes is started for the run and
closed after it (``processes=False`` runs it in threads, which the tests use).
"""

from __future__ import annotations

import importlib
import math
import signal
import sys
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any

import numpy as np

from uefacup.errors import SimulationError
from uefacup.simulate.model import MatchModel
from uefacup.simulate.plan import SeasonPlan
from uefacup.simulate.reference import run_seasons
from uefacup.simulate.vectorised import Counts, run_batch

__all__ = ["CONNECT_TIMEOUT", "ENGINES", "Batch", "Outcome", "batches", "run_dask", "run_local"]

CONNECT_TIMEOUT = 3.0
ENGINES = ("vectorised", "reference")
Progress = Callable[[int], None]


@dataclass(frozen=True)
class Batch:
    """One unit of work: ``seasons`` seasons from the ``index``-th child seed."""

    index: int
    seasons: int
    seed: np.random.SeedSequence


@dataclass(frozen=True)
class Outcome:
    counts: Counts
    runs: int
    interrupted: bool


def batches(runs: int, seed: int, batch_size: int) -> list[Batch]:
    """The fixed cut of ``runs`` into seeded batches (see the module docstring)."""
    if runs <= 0:
        raise SimulationError(f"--runs must be positive, not {runs}")
    if batch_size <= 0:
        raise SimulationError(f"--batch-size must be positive, not {batch_size}")
    count = math.ceil(runs / batch_size)
    children = np.random.SeedSequence(seed).spawn(count)
    return [
        Batch(i, min(batch_size, runs - i * batch_size), child) for i, child in enumerate(children)
    ]


def run_batch_with(engine: str, plan: SeasonPlan, model: MatchModel, batch: Batch) -> Counts:
    """Run one batch with the named engine; module-level so that it pickles for workers."""
    if engine == "reference":
        return run_seasons(plan, model, batch.seasons, batch.seed)
    return run_batch(plan, model, batch.seasons, batch.seed)


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_local(
    engine: str,
    plan: SeasonPlan,
    model: MatchModel,
    work: list[Batch],
    workers: int = 1,
    progress: Progress | None = None,
) -> Outcome:
    """Run ``work`` here (``workers`` 1) or on a pool of ``workers`` processes."""
    total = np.zeros((plan.n_clubs, len(plan.real_counts[0])), dtype=np.int64)
    done = 0
    if workers <= 1:
        try:
            for batch in work:
                total += run_batch_with(engine, plan, model, batch)
                done += batch.seasons
                if progress:
                    progress(batch.seasons)
        except KeyboardInterrupt:
            return Outcome(total, done, True)
        return Outcome(total, done, False)
    # fork: workers start in milliseconds and need no importable __main__; elsewhere spawn
    context = get_context("fork" if sys.platform == "linux" else "spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_ignore_sigint)
    pending: dict[Future[Counts], Batch] = {}
    queue = iter(work)
    try:
        _top_up(pool, pending, queue, engine, plan, model, 2 * workers)
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                batch = pending.pop(future)
                total += future.result()
                done += batch.seasons
                if progress:
                    progress(batch.seasons)
            _top_up(pool, pending, queue, engine, plan, model, 2 * workers)
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        return Outcome(total, done, True)
    pool.shutdown()
    return Outcome(total, done, False)


def _top_up(
    pool: ProcessPoolExecutor,
    pending: dict[Future[Counts], Batch],
    queue: Iterator[Batch],
    engine: str,
    plan: SeasonPlan,
    model: MatchModel,
    limit: int,
) -> None:
    """Keep at most ``limit`` batches in flight, so memory stays flat and Ctrl-C is quick."""
    while len(pending) < limit:
        batch = next(queue, None)
        if batch is None:
            return
        pending[pool.submit(run_batch_with, engine, plan, model, batch)] = batch


def run_dask(
    engine: str,
    plan: SeasonPlan,
    model: MatchModel,
    work: list[Batch],
    *,
    scheduler: str | None = None,
    workers: int = 1,
    processes: bool = True,
    progress: Progress | None = None,
) -> Outcome:
    """Run ``work`` on a Dask cluster (``scheduler`` address, or a LocalCluster)."""
    try:  # imported as a plain module object: distributed ships no type hints
        dist: Any = importlib.import_module("distributed")
    except ImportError as exc:  # pragma: no cover - the dask extra is missing
        raise SimulationError("Dask is not installed: pip install 'uefacup[dask]'") from exc
    cluster: Any = None
    try:
        if scheduler:
            client = dist.Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        else:
            cluster = dist.LocalCluster(
                n_workers=max(workers, 1),
                threads_per_worker=1,
                processes=processes,
                dashboard_address=None,
            )
            client = dist.Client(cluster, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as exc:  # unreachable or malformed
        where = scheduler or "a local cluster"
        raise SimulationError(
            f"--scheduler: cannot reach the Dask scheduler at {where}: {exc}"
        ) from None
    total = np.zeros((plan.n_clubs, len(plan.real_counts[0])), dtype=np.int64)
    done = 0
    try:
        shared_plan, shared_model = client.scatter([plan, model], broadcast=True)
        token = uuid.uuid4().hex
        futures = {
            client.submit(
                run_batch_with,
                engine,
                shared_plan,
                shared_model,
                b,
                key=f"uefacup-{token}-{b.index}",
            ): b
            for b in work
        }
        try:
            for future in dist.as_completed(list(futures), loop=client.loop):
                batch = futures[future]
                total += future.result()
                done += batch.seasons
                if progress:
                    progress(batch.seasons)
        except KeyboardInterrupt:
            client.cancel(list(futures))
            return Outcome(total, done, True)
        return Outcome(total, done, False)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
