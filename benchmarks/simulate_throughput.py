"""Full seasons per second (qualifying draw to final), vectorised v reference engine.

Every season starts from the entry list: all draws and all 287 matches are simulated. The
vectorised engine is timed in this process (``--workers 1``) and on a process pool
(``--workers N``); the reference engine in this process. Peak memory is the largest traced
allocation (numpy reports to ``tracemalloc``) while running one batch, and the peak resident
set size of the process and of its pool workers.

    python benchmarks/simulate_throughput.py --runs 200000 --reference-runs 300 --workers 2
"""

from __future__ import annotations

import argparse
import os
import resource
import time
import tracemalloc

from uefacup.io.season_folder import load_season
from uefacup.simulate.backends import batches, run_local
from uefacup.simulate.plan import build_plan
from uefacup.simulate.runner import BATCH_SIZE
from uefacup.simulate.strengths import coefficient_model
from uefacup.simulate.vectorised import run_batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200_000)
    parser.add_argument("--reference-runs", type=int, default=300)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--seed", type=int, default=2003)
    args = parser.parse_args()

    season = load_season("2002-03")
    model = coefficient_model(season)
    plan = build_plan(season)
    run_batch(plan, model, 500, batches(500, 0, 500)[0].seed)  # warm-up (imports, caches)

    tracemalloc.start()
    run_batch(plan, model, args.batch_size, batches(1, 0, 1)[0].seed)
    _, peak_batch = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    rows = []
    work = batches(args.runs, args.seed, args.batch_size)
    for workers in sorted({1, args.workers}):
        began = time.perf_counter()
        out = run_local("vectorised", plan, model, work, workers)
        seconds = time.perf_counter() - began
        assert out.runs == args.runs
        rows.append((f"vectorised, {workers} worker(s)", args.runs, seconds))
    began = time.perf_counter()
    ref = run_local("reference", plan, model, batches(args.reference_runs, args.seed, 100))
    seconds = time.perf_counter() - began
    assert ref.runs == args.reference_runs
    rows.append(("reference, 1 worker", args.reference_runs, seconds))

    print(f"cpu count {os.cpu_count()}, batch size {args.batch_size}, seed {args.seed}")
    print(f"{'engine':<28}{'seasons':>10}{'seconds':>10}{'seasons/s':>12}")
    for name, runs, secs in rows:
        print(f"{name:<28}{runs:>10,}{secs:>10.2f}{runs / secs:>12,.0f}")
    best = max(r / s for _, r, s in rows[:-1])
    reference = rows[-1][1] / rows[-1][2]
    print(f"speed-up of the best vectorised run over the reference: {best / reference:,.0f}x")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak traced allocation of one batch: {peak_batch / 2**20:.1f} MiB")
    print(f"peak RSS: this process {own:.0f} MiB, largest pool worker {kids:.0f} MiB")


if __name__ == "__main__":
    main()
