"""A real Dask cluster: a ``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1.

The processes are started here and ended by their PIDs in the fixture's teardown. The workers
run without a nanny (``--no-nanny``), the way the backends module tells users to start them so
that glibc keeps its own allocator behaviour; the counts must equal those of a local
``--workers 2`` run with the same seed, bit for bit (the batches and their seeds do not depend
on where they run).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from uefacup.model import Season
from uefacup.simulate import backends, simulate

distributed = pytest.importorskip("distributed")

_START_TIMEOUT = 90.0


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[str]:
    """The scheduler's address, once two workers have joined it."""
    file = tmp_path / "scheduler.json"
    env = dict(os.environ)
    common = ["--no-dashboard"]
    procs: list[subprocess.Popen[bytes]] = []
    log = (tmp_path / "dask.log").open("wb")
    try:
        scheduler = [sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1"]
        scheduler += ["--port", "0", "--scheduler-file", str(file), *common]
        procs.append(subprocess.Popen(scheduler, stdout=log, stderr=log, env=env))
        deadline = time.monotonic() + _START_TIMEOUT
        while not file.exists() or not file.read_text().strip():
            if time.monotonic() > deadline or procs[0].poll() is not None:
                pytest.fail("the dask scheduler did not start")
            time.sleep(0.2)
        address = json.loads(file.read_text())["address"]
        worker = [sys.executable, "-m", "dask", "worker", address, "--host", "127.0.0.1"]
        worker += ["--nthreads", "1", "--no-nanny", *common]
        for _ in range(2):
            procs.append(subprocess.Popen(worker, stdout=log, stderr=log, env=env))
        client = distributed.Client(address, timeout=30, set_as_default=False)
        try:
            client.wait_for_workers(2, timeout=_START_TIMEOUT)
            environ = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
        finally:
            client.close()
        assert len(environ) == 2
        if "MALLOC_TRIM_THRESHOLD_" not in os.environ:  # no nanny: nothing sets it
            assert list(environ.values()) == [None, None]
        yield address
    finally:
        _stop(procs)
        log.close()


def test_scheduler_and_two_worker_processes_match_two_local_workers(
    season: Season, cluster: str
) -> None:
    local = simulate(season, runs=6_000, seed=9, batch_size=1_000, workers=2, score=False)
    remote = simulate(season, runs=6_000, seed=9, batch_size=1_000, scheduler=cluster, score=False)
    assert remote.runs == 6_000
    assert np.array_equal(local.counts, remote.counts)


def test_local_cluster_workers_keep_glibcs_allocator() -> None:
    """The nanny's default sets MALLOC_TRIM_THRESHOLD_ in its worker's environment; the
    cluster the backends start removes it (a worker process of a real LocalCluster asked)."""
    with backends._plain_allocator():
        cluster = distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        )
    try:
        client = distributed.Client(cluster, set_as_default=False)
        try:
            values = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
        finally:
            client.close()
    finally:
        cluster.close()
    assert list(values.values()) == [None]
