"""Running batches of seasons: in this process, on local cores, or on a Dask cluster.

**Reproducibility.** ``runs`` is cut into batches of ``batch_size`` seasons (the last one
shorter) and batch ``i`` always draws from ``SeedSequence(seed).spawn(batches)[i]``. Counts are
integers and are summed, so the result depends on the seed, the runs and the batch size only,
not on how many workers there are, which backend ran them or in which order batches finished:
``--workers 1``, ``--workers 2`` and a Dask cluster give identical tables for the same seed.

**Memory.** A batch returns a (clubs x 9) array of counts; nothing per season is ever kept,
so memory is that of the batches in flight, whatever ``runs`` is. With ``pairs`` a batch also
returns its (clubs x clubs x 9) meetings (``program.Meets``, 1.5 MB for 2002-03), summed like
the counts; without it no such array is made anywhere.

**Interruption.** Ctrl-C stops the loop that collects batches: batches not started are
cancelled, and the result holds the seasons of the batches that finished (``interrupted`` set).
Pool workers ignore SIGINT so that only the parent decides what to do with it.

**Dask.** ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); connecting
times out after ``CONNECT_TIMEOUT`` seconds with a ``SimulationError``. Without an address a
``LocalCluster`` of ``workers`` single-threaded worker processes is started for the run and
closed after it (``processes=False`` runs it in threads, which the tests use).

**Dask workers and the allocator.** A Dask nanny starts its worker process with the
environment of ``distributed.nanny.pre-spawn-environ``, which by default sets glibc's
``MALLOC_TRIM_THRESHOLD_`` (65536). Setting it turns off glibc's dynamic mmap threshold, so
every large temporary array is mapped afresh: the numpy engine this package had before took
13 times the page faults and ran 1.3 times slower under it. The local cluster started here is
created with that key removed from the setting (after ``distributed`` is imported, which
would otherwise put the default back), so its workers run with glibc's own behaviour. For a
cluster of your own, start the workers without a nanny (``dask worker ADDRESS --no-nanny
--nthreads 1``), or remove the key from that setting in the workers' Dask configuration. The
compiled engine allocates a handful of arrays per batch, so the setting no longer costs it
much either way (benchmarks/README.md).
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
from uefacup.simulate.program import (
    Meets,
    SeasonProgram,
    compile_program,
    new_meets,
    run_program,
    warm_up,
)
from uefacup.simulate.reference import run_seasons
from uefacup.simulate.vectorised import Counts, run_batch

Tally = tuple[Counts, Meets | None]
"""What a batch returns: its counts, and its meetings when pairs were asked for."""

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
    meets: Meets | None = None
    """Summed meetings of the finished batches (``pairs`` runs only)."""


class _Sum:
    """Running totals of the batches collected so far (counts, and meetings if asked)."""

    def __init__(self, plan: SeasonPlan, pairs: bool) -> None:
        self.counts = np.zeros((plan.n_clubs, len(plan.real_counts[0])), dtype=np.int64)
        self.meets = new_meets(plan) if pairs else None
        self.runs = 0

    def add(self, tally: Tally, seasons: int) -> None:
        counts, meets = tally
        self.counts += counts
        if self.meets is not None and meets is not None:
            self.meets += meets
        self.runs += seasons

    def outcome(self, interrupted: bool) -> Outcome:
        return Outcome(self.counts, self.runs, interrupted, self.meets)


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


def run_batch_with(
    engine: str,
    plan: SeasonPlan,
    model: MatchModel,
    batch: Batch,
    program: SeasonProgram | None = None,
    pairs: bool = False,
) -> Tally:
    """Run one batch with the named engine; module-level so that it pickles for workers.

    ``program``: the compiled engine's program when the caller built it already (a worker gets
    copies of ``plan`` and ``model``, which would miss the cache of ``compile_program``).
    ``pairs``: also count which clubs met in which round."""
    meets = new_meets(plan) if pairs else None
    if engine == "reference":
        return run_seasons(plan, model, batch.seasons, batch.seed, meets), meets
    if program is None:
        return run_batch(plan, model, batch.seasons, batch.seed, meets), meets
    return run_program(plan, program, batch.seasons, batch.seed, meets), meets


_WORKER: dict[str, Any] = {}
"""What a pool worker runs batches with, set once per worker by ``_start_worker``."""


def _start_worker(
    engine: str,
    plan: SeasonPlan,
    model: MatchModel,
    program: SeasonProgram | None,
    pairs: bool = False,
) -> None:
    """Pool initializer: ignore Ctrl-C (the parent decides) and keep the work's fixed part, so
    that each task carries only its ``Batch``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER.update(engine=engine, plan=plan, model=model, program=program, pairs=pairs)


def _run_in_worker(batch: Batch) -> Tally:
    return run_batch_with(
        _WORKER["engine"],
        _WORKER["plan"],
        _WORKER["model"],
        batch,
        _WORKER["program"],
        _WORKER["pairs"],
    )


def run_local(
    engine: str,
    plan: SeasonPlan,
    model: MatchModel,
    work: list[Batch],
    workers: int = 1,
    progress: Progress | None = None,
    pairs: bool = False,
) -> Outcome:
    """Run ``work`` here (``workers`` 1) or on a pool of ``workers`` processes; ``pairs``:
    also count the meetings."""
    total = _Sum(plan, pairs)
    # tables and draw specs once, here; workers inherit them (fork) or get them once (spawn)
    program = compile_program(plan, model) if engine != "reference" else None
    if program is not None and workers > 1:
        warm_up(plan, program)
    if workers <= 1:
        try:
            for batch in work:
                tally = run_batch_with(engine, plan, model, batch, program, pairs)
                total.add(tally, batch.seasons)
                if progress:
                    progress(batch.seasons)
        except KeyboardInterrupt:
            return total.outcome(True)
        return total.outcome(False)
    # fork: workers start in milliseconds and need no importable __main__; elsewhere spawn
    context = get_context("fork" if sys.platform == "linux" else "spawn")
    pool = ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(engine, plan, model, program, pairs),
    )
    pending: dict[Future[Tally], Batch] = {}
    queue = iter(work)
    try:
        _top_up(pool, pending, queue, 2 * workers)
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                batch = pending.pop(future)
                total.add(future.result(), batch.seasons)
                if progress:
                    progress(batch.seasons)
            _top_up(pool, pending, queue, 2 * workers)
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        return total.outcome(True)
    pool.shutdown()
    return total.outcome(False)


def _top_up(
    pool: ProcessPoolExecutor,
    pending: dict[Future[Tally], Batch],
    queue: Iterator[Batch],
    limit: int,
) -> None:
    """Keep at most ``limit`` batches in flight, so memory stays flat and Ctrl-C is quick."""
    while len(pending) < limit:
        batch = next(queue, None)
        if batch is None:
            return
        pending[pool.submit(_run_in_worker, batch)] = batch


def _plain_allocator() -> Any:
    """A Dask configuration context whose nannies spawn workers without
    ``MALLOC_TRIM_THRESHOLD_`` (see the module docstring); ``distributed`` is imported first."""
    dask: Any = importlib.import_module("dask")
    key = "distributed.nanny.pre-spawn-environ"
    environ = dict(dask.config.get(key, default={}))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return dask.config.set({key: environ})


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
    pairs: bool = False,
) -> Outcome:
    """Run ``work`` on a Dask cluster (``scheduler`` address, or a LocalCluster); ``pairs``:
    also count the meetings."""
    try:  # imported as a plain module object: distributed ships no type hints
        dist: Any = importlib.import_module("distributed")
    except ImportError as exc:  # pragma: no cover - the dask extra is missing
        raise SimulationError("Dask is not installed: pip install 'uefacup[dask]'") from exc
    cluster: Any = None
    try:
        if scheduler:
            client = dist.Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        else:
            with _plain_allocator():
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
    total = _Sum(plan, pairs)
    try:
        program = compile_program(plan, model) if engine != "reference" else None
        shared_plan, shared_model, shared_program = client.scatter(
            [plan, model, program], broadcast=True
        )
        token = uuid.uuid4().hex
        futures = {
            client.submit(
                run_batch_with,
                engine,
                shared_plan,
                shared_model,
                b,
                shared_program,
                pairs,
                key=f"uefacup-{token}-{b.index}",
            ): b
            for b in work
        }
        try:
            for future in dist.as_completed(list(futures), loop=client.loop):
                batch = futures[future]
                total.add(future.result(), batch.seasons)
                if progress:
                    progress(batch.seasons)
        except KeyboardInterrupt:
            client.cancel(list(futures))
            return total.outcome(True)
        return total.outcome(False)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
