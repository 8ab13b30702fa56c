"""CPU seconds of each phase of a simulation, in one process: the CLI's imports, the season,
the model, the plan, the exact tie tables, loading the compiled kernel, and 100,000 seasons.
The serial phases (everything but the seasons) are what a second worker cannot share; CPU
seconds rather than wall time because the shared machine's load moves wall time by 2-3x.

    python benchmarks/simulate_phases.py
"""

from __future__ import annotations

import importlib
import time


def main() -> None:
    began = time.process_time()
    importlib.import_module("uefacup.cli")  # what `uefacup simulate` imports before it starts
    from uefacup.io.season_folder import load_season
    from uefacup.simulate.backends import batches
    from uefacup.simulate.plan import build_plan
    from uefacup.simulate.program import compile_program, run_program, warm_up
    from uefacup.simulate.runner import build_model

    marks = [("imports", time.process_time())]
    season = load_season("2002-03")
    marks.append(("season", time.process_time()))
    model = build_model(season, "coefficient", None)
    marks.append(("model", time.process_time()))
    plan = build_plan(season, None)
    marks.append(("plan", time.process_time()))
    program = compile_program(plan, model)
    marks.append(("tie tables", time.process_time()))
    warm_up(plan, program)
    marks.append(("kernel load", time.process_time()))
    for batch in batches(100_000, 1, 5_000):
        run_program(plan, program, batch.seasons, batch.seed)
    marks.append(("100k seasons", time.process_time()))
    previous = began
    for name, mark in marks:
        print(f"{name:<14}{mark - previous:>7.2f} CPU s")
        previous = mark


if __name__ == "__main__":
    main()
