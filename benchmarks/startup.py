"""Start-up time of the CLI against bare Python, measured in the same run.

Each command runs as a whole new process (``python -m uefacup ...``, output to /dev/null),
``--repeat`` times, the commands interleaved round by round so that a noisy minute on this
shared machine hits all of them alike. Printed per command: best and median wall time, and
both minus the bare interpreter's (``python -c pass``), which is what the targets of issues 16
and 17 are about: ``--help`` within 0.3 s of bare Python, ``replay`` within 0.5 s.

    python benchmarks/startup.py --repeat 15
    python benchmarks/startup.py --repeat 15 --pots /work/shared/draws/uefa-knockout-draws.json

With ``--pots`` (a draws file; the default is the shared one when present) it also times one
draw of the 8 v 8 pot at ``--index`` and that pot's exact pairing probabilities. With
``--baseline DIR`` (a checkout of another version, e.g. ``git archive <commit> | tar -x -C
DIR``) the same commands also run on that tree (``PYTHONPATH=DIR``) in the same rounds, so a
before/after ratio comes from one run.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED_POTS = Path("/work/shared/draws/uefa-knockout-draws.json")

TARGETS = {"uefacup --help": 0.3, "uefacup replay": 0.5}
"""Seconds above bare Python that a command may take (issue 16 item 6, issue 17 target 2)."""


def commands(pots: Path | None, index: int) -> dict[str, list[str]]:
    py = [sys.executable]
    out = {
        "python -c pass": [*py, "-c", "pass"],
        "uefacup --help": [*py, "-m", "uefacup", "--help"],
        "uefacup replay": [*py, "-m", "uefacup", "replay"],
    }
    if pots is not None:
        where = ["--pots", str(pots), "--index", str(index)]
        draw = [*py, "-m", "uefacup", "draw", *where]
        out["uefacup draw --pots (8 v 8, one draw)"] = [*draw, "--seed", "1"]
        out["uefacup draw --pots --probabilities"] = [*draw, "--probabilities"]
    return out


def time_once(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, from the child's rusage) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # from a neutral folder: ``python -m`` puts the working directory first on sys.path,
    # which would shadow the --baseline tree (or the installed package) with a checkout
    subprocess.run(
        argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        env=env,
        cwd=tempfile.gettempdir(),
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs of each command")
    parser.add_argument(
        "--pots",
        type=Path,
        default=SHARED_POTS if SHARED_POTS.exists() else None,
        help="draws file for the draw commands (omit the draw commands when absent)",
    )
    parser.add_argument("--index", type=int, default=0, help="the 8 v 8 draw in --pots")
    parser.add_argument("--no-draws", action="store_true", help="leave the draw commands out")
    parser.add_argument("--baseline", type=Path, help="another source tree to time alongside")
    args = parser.parse_args()
    pots = None if args.no_draws else args.pots
    runs: dict[str, tuple[list[str], dict[str, str] | None]] = {
        name: (argv, None) for name, argv in commands(pots, args.index).items()
    }
    if args.baseline is not None:
        env = {**os.environ, "PYTHONPATH": str(args.baseline.resolve())}
        for name, argv in commands(pots, args.index).items():
            if name != "python -c pass":
                runs[f"baseline: {name.removeprefix('uefacup ')}"] = (argv, env)
    for argv, env in runs.values():  # warm the file cache and numba's cache once, untimed
        time_once(argv, env)
    times: dict[str, list[float]] = {name: [] for name in runs}
    cpus: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, (argv, env) in runs.items():
            wall, cpu = time_once(argv, env)
            times[name].append(wall)
            cpus[name].append(cpu)
    base = "python -c pass"
    base_best, base_median = min(times[base]), statistics.median(times[base])
    base_cpu = statistics.median(cpus[base])
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{args.repeat} runs each, interleaved; python {sys.version.split()[0]}; load {load}")
    print(
        "wall seconds (best, median, each minus python's) and CPU seconds (median, minus python's)"
    )
    print(
        f"{'command':<38} {'best':>6} {'median':>6} {'best-py':>7} {'med-py':>6} "
        f"{'cpu':>6} {'cpu-py':>6}  target"
    )
    for name, values in times.items():
        best, median = min(values), statistics.median(values)
        cpu = statistics.median(cpus[name])
        target = TARGETS.get(name)
        verdict = ""
        if target is not None:
            met = "met" if median - base_median <= target else "NOT met"
            best_met = "met" if best - base_best <= target else "NOT met"
            verdict = f"<= {target} s: median {met}, best {best_met}"
        print(
            f"{name:<38} {best:6.3f} {median:6.3f} {best - base_best:7.3f} "
            f"{median - base_median:6.3f} {cpu:6.3f} {cpu - base_cpu:6.3f}  {verdict}"
        )


if __name__ == "__main__":
    main()
