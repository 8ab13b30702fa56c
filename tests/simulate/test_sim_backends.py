"""Seeds, workers, Dask and Ctrl-C: the same seed gives the same counts on every backend."""

from __future__ import annotations

import numpy as np
import pytest

from uefacup.errors import SimulationError
from uefacup.model import Season
from uefacup.simulate import backends, simulate
from uefacup.simulate.backends import batches


def test_batches_cut_runs_and_spawn_seeds() -> None:
    work = batches(12_345, 1, 5_000)
    assert [b.seasons for b in work] == [5_000, 5_000, 2_345]
    assert len({tuple(b.seed.generate_state(2)) for b in work}) == 3
    with pytest.raises(SimulationError):
        batches(0, 1, 5_000)


def test_same_seed_same_result_whatever_the_workers(season: Season) -> None:
    one = simulate(season, runs=4_000, seed=21, batch_size=1_000, score=False)
    two = simulate(season, runs=4_000, seed=21, batch_size=1_000, workers=2, score=False)
    other = simulate(season, runs=4_000, seed=22, batch_size=1_000, score=False)
    assert np.array_equal(one.counts, two.counts)
    assert not np.array_equal(one.counts, other.counts)


def test_local_dask_cluster_matches_local_run(season: Season) -> None:
    pytest.importorskip("distributed")
    local = simulate(season, runs=3_000, seed=5, batch_size=1_000, score=False)
    dask = simulate(
        season, runs=3_000, seed=5, batch_size=1_000, dask=True, processes=False, score=False
    )
    assert np.array_equal(local.counts, dask.counts)


def test_unreachable_scheduler_is_a_clean_error(
    season: Season, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(backends, "CONNECT_TIMEOUT", 0.5)
    with pytest.raises(SimulationError, match="cannot reach the Dask scheduler"):
        simulate(season, runs=10, seed=1, scheduler="tcp://127.0.0.1:9")


def test_ctrl_c_keeps_finished_batches(season: Season) -> None:
    seen: list[int] = []

    def progress(n: int) -> None:
        seen.append(n)
        if len(seen) == 2:
            raise KeyboardInterrupt

    result = simulate(season, runs=5_000, seed=1, batch_size=1_000, progress=progress)
    assert result.interrupted and result.runs == 2_000 and result.requested == 5_000
    assert result.probabilities()[:, -1].sum() == pytest.approx(1.0)
    assert result.backtest is None
