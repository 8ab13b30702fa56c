"""The compiled engine with and without ``MALLOC_TRIM_THRESHOLD_=65536`` (what a Dask nanny sets
for its worker): CPU seconds and minor page faults of 100,000 seasons, each setting in fresh
processes, alternating.

    python benchmarks/simulate_malloc.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = """
import json, resource, time
from uefacup.io.season_folder import load_season
from uefacup.simulate.backends import batches
from uefacup.simulate.plan import build_plan
from uefacup.simulate.program import compile_program, run_program, warm_up
from uefacup.simulate.strengths import coefficient_model
season = load_season("2002-03")
plan = build_plan(season)
program = compile_program(plan, coefficient_model(season))
warm_up(plan, program)
before = resource.getrusage(resource.RUSAGE_SELF)
began = time.process_time()
for batch in batches(100_000, 1, 5_000):
    run_program(plan, program, batch.seasons, batch.seed)
after = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps([time.process_time() - began, after.ru_minflt - before.ru_minflt]))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    plain = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    nanny = {**plain, "MALLOC_TRIM_THRESHOLD_": "65536"}
    print(f"load {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    for _ in range(args.repeat):
        for name, env in (("glibc default", plain), ("MALLOC_TRIM_THRESHOLD_=65536", nanny)):
            out = subprocess.run(
                [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True
            )
            cpu, faults = json.loads(out.stdout)
            print(f"{name:<30}{cpu:>7.2f} CPU s{faults:>8} minor faults")


if __name__ == "__main__":
    main()
