"""The engine's thread count follows the cores the process may use, not the machine's."""

from __future__ import annotations

from pathlib import Path

import pytest

from uefacup.draw import cores
from uefacup.draw.cores import cpu_quota, parse_cfs, parse_cpu_max, usable_cores


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("max 100000\n", None),
        ("150000 100000\n", 1.5),
        ("50000 100000", 0.5),
        ("200000 100000", 2.0),
        ("garbage", None),
        ("0 100000", None),
        ("x 100000", None),
    ],
)
def test_cgroup_v2_cpu_max(text: str, expected: float | None) -> None:
    assert parse_cpu_max(text) == expected


def test_cgroup_v1_quota() -> None:
    assert parse_cfs("-1\n", "100000\n") is None
    assert parse_cfs("100000\n", "100000\n") == 1.0
    assert parse_cfs("250000", "100000") == 2.5
    assert parse_cfs("", "100000") is None


def _affinity(monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    monkeypatch.setattr(cores.os, "sched_getaffinity", lambda pid: set(range(count)), raising=False)


def test_a_quota_below_two_cores_gives_one_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two threads under a 1.5-core quota would spin on each other's states for time slices."""
    _affinity(monkeypatch, 8)
    (tmp_path / "cpu.max").write_text("150000 100000\n")
    assert cpu_quota(tmp_path) == 1.5
    assert usable_cores(tmp_path) == 1


def test_cgroup_v1_files_are_read_when_there_is_no_cpu_max(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _affinity(monkeypatch, 8)
    (tmp_path / "cpu").mkdir()
    (tmp_path / "cpu" / "cpu.cfs_quota_us").write_text("300000\n")
    (tmp_path / "cpu" / "cpu.cfs_period_us").write_text("100000\n")
    assert usable_cores(tmp_path) == 3


def test_affinity_caps_the_count_and_no_quota_leaves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _affinity(monkeypatch, 1)
    assert usable_cores(tmp_path) == 1  # (no cgroup files at all: no quota)
    _affinity(monkeypatch, 4)
    (tmp_path / "cpu.max").write_text("max 100000\n")
    assert usable_cores(tmp_path) == 4


def test_a_tiny_quota_still_gives_one_core(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _affinity(monkeypatch, 2)
    (tmp_path / "cpu.max").write_text("20000 100000\n")
    assert usable_cores(tmp_path) == 1


def test_the_engine_takes_its_thread_count_from_the_usable_cores() -> None:
    from uefacup.draw import _fastprob

    threads = _fastprob.THREADS
    assert threads == min(2, usable_cores())
    assert threads >= 1
