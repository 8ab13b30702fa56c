"""How many cores this process may really use, for the threads of the probability engine.

``os.cpu_count()`` counts the machine's cores. A process pinned to fewer (``taskset``, a
cpuset) or held to a CPU quota (a container's ``--cpus``) gets less, and the engine's two
threads wait for each other by spinning. On one core a wait lasts whole time slices: under
``taskset -c 0`` two threads were 7-16 % slower than one on the shared draws, and under a
quota a throttled thread can hold the other up for a whole period. So the engine asks this
module, which takes the affinity mask and caps it by the cgroup quota (v2 ``cpu.max``, or v1
``cpu.cfs_quota_us`` over ``cpu.cfs_period_us``), rounded down: 1.5 cores of quota is one
thread's worth of time free of waiting.

Only the cgroup root the process sees is read (inside a container that is the container's
own); quotas set on a nested group are not looked for.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")


def parse_cpu_max(text: str) -> float | None:
    """Cores allowed by a cgroup v2 ``cpu.max`` line ("QUOTA PERIOD", QUOTA "max" for none)."""
    fields = text.split()
    if len(fields) != 2 or fields[0] == "max":
        return None
    try:
        quota, period = int(fields[0]), int(fields[1])
    except ValueError:
        return None
    return quota / period if quota > 0 and period > 0 else None


def parse_cfs(quota_text: str, period_text: str) -> float | None:
    """Cores allowed by cgroup v1's ``cpu.cfs_quota_us`` (-1 for none) and ``cpu.cfs_period_us``."""
    try:
        quota, period = int(quota_text.strip()), int(period_text.strip())
    except ValueError:
        return None
    return quota / period if quota > 0 and period > 0 else None


def cpu_quota(root: Path = CGROUP_ROOT) -> float | None:
    """The CPU quota in cores, None when there is none (or it cannot be read)."""
    try:
        return parse_cpu_max((root / "cpu.max").read_text())
    except OSError:
        pass
    try:
        return parse_cfs(
            (root / "cpu" / "cpu.cfs_quota_us").read_text(),
            (root / "cpu" / "cpu.cfs_period_us").read_text(),
        )
    except OSError:
        return None


def usable_cores(root: Path = CGROUP_ROOT) -> int:
    """Cores this process may run on (affinity), capped by the CPU quota; at least 1."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # (no affinity call on this platform)
        cores = os.cpu_count() or 1
    quota = cpu_quota(root)
    if quota is not None:
        cores = min(cores, math.floor(quota))
    return max(1, cores)
