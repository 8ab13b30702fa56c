"""What ``simulate --pairs`` costs the season kernel, and what the default run pays for it.

Times the compiled season loop alone (``program.run_program``, one process, CPU seconds from
``time.process_time`` so that other sessions' load moves the figures less), 2002-03 from the
entry list, in batches of the default size: the default run (no meetings array) and the run
counting pairs, interleaved ``--repeat`` times. ``--default-only`` times just the default run,
so the same script can time a checkout without ``--pairs`` (``PYTHONPATH=OTHER_TREE``) for a
before/after comparison in the same minutes.

    python benchmarks/simulate_pairs.py --runs 100000 --repeat 5
    PYTHONPATH=/path/to/main python benchmarks/simulate_pairs.py --default-only
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any

import uefacup
from uefacup.io.season_folder import load_season
from uefacup.simulate import program as prog
from uefacup.simulate.backends import batches
from uefacup.simulate.plan import build_plan
from uefacup.simulate.runner import BATCH_SIZE
from uefacup.simulate.strengths import coefficient_model


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--default-only", action="store_true")
    args = parser.parse_args()
    season = load_season("2002-03")
    plan = build_plan(season)
    program = prog.compile_program(plan, coefficient_model(season))
    work = batches(args.runs, 1, BATCH_SIZE)
    has_pairs = hasattr(prog, "new_meets") and not args.default_only

    def run(pairs: bool) -> float:
        began = time.process_time()
        for batch in work:
            extra: list[Any] = [prog.new_meets(plan)] if pairs else []
            prog.run_program(plan, program, batch.seasons, batch.seed, *extra)
        return time.process_time() - began

    run(False)  # compile or load the kernel, warm the caches
    if has_pairs:
        run(True)
    times: dict[str, list[float]] = {"default": [], "pairs": []}
    for _ in range(args.repeat):
        times["default"].append(run(False))
        if has_pairs:
            times["pairs"].append(run(True))
    print(f"package: {Path(uefacup.__file__).parent}")
    print(f"load {_load()}; {args.runs:,} seasons from the entry list, batches of {BATCH_SIZE}")
    for name, values in times.items():
        if values:
            best, median = min(values), statistics.median(values)
            print(
                f"{name:<8} CPU s best {best:.3f} median {median:.3f}  "
                f"({args.runs / best:,.0f} seasons/s at best)"
            )
    if has_pairs:
        ratio = min(times["pairs"]) / min(times["default"])
        print(f"pairs / default (best): {ratio:.3f}")


if __name__ == "__main__":
    main()
