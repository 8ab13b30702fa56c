"""The whole ``uefacup simulate`` command, timed as a user runs it, against the reference engine.

Each run is a fresh process (``python -m uefacup simulate ...``): interpreter start, imports,
the season, the model fit, the exact tie tables, the process pool, every draw from the
qualifying round to the final, and the JSON output. The naive baseline is the reference
engine (one season at a time, the package's draw procedure on every round, ``resolve_tie`` on
every simulated tie) through the same command, in the same minutes. The machine's load
(``/proc/loadavg``) is printed before and after, and the CPU seconds of the command (user +
system, all its processes) beside the wall time, because wall time on a shared machine says
little by itself.

    python benchmarks/simulate_command.py --runs 200000 --workers 2 --repeat 5
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _run(args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "uefacup", "simulate", *args],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reference-runs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    common = ["--seed", str(args.seed), "--format", "json", "--workers", str(args.workers)]
    print(f"load before: {_load()}")
    _run(["--runs", "1000", *common])  # numba's cache and the OS file cache warm
    fast = [_run(["--runs", str(args.runs), *common]) for _ in range(args.repeat)]
    ref = [
        _run(["--runs", str(args.reference_runs), "--engine", "reference", *common])
        for _ in range(max(1, args.repeat // 2))
    ]
    print(f"load after: {_load()}")
    walls = [w for w, _ in fast]
    print(f"{'command':<44}{'runs':>9}{'best s':>8}{'median s':>10}{'CPU s':>8}{'seasons/s':>11}")
    best = min(walls)
    cpu = statistics.median(c for _, c in fast)
    print(
        f"{'simulate (vectorised) --workers ' + str(args.workers):<44}{args.runs:>9,}"
        f"{best:>8.2f}{statistics.median(walls):>10.2f}{cpu:>8.2f}{args.runs / best:>11,.0f}"
    )
    ref_best = min(w for w, _ in ref)
    ref_cpu = statistics.median(c for _, c in ref)
    print(
        f"{'simulate --engine reference --workers ' + str(args.workers):<44}"
        f"{args.reference_runs:>9,}{ref_best:>8.2f}{statistics.median(w for w, _ in ref):>10.2f}"
        f"{ref_cpu:>8.2f}{args.reference_runs / ref_best:>11,.1f}"
    )
    ratio = (args.runs / best) / (args.reference_runs / ref_best)
    print(f"whole-command seasons/s, vectorised over reference: {ratio:,.0f}x")


if __name__ == "__main__":
    main()
