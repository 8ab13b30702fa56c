"""Draws per second of the sequential draw, per round of 2002-03.

Times ``run_draw`` on each round's groups (formed once: forming them uses no random number),
one ``random.Random(seed)`` per draw. With ``--old DIR`` it also times an earlier engine, read
from ``DIR/procedure.py`` and ``DIR/matching.py`` (e.g. ``git show REV:uefacup/draw/...``), and
checks that both engines write identical logs for every seed timed.

    python benchmarks/draw_procedure.py --draws 2000 --old /tmp/olddraw --old-draws 20
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from uefacup.draw import procedure
from uefacup.draw.rounds import prepare_groups, rules_for, season_teams
from uefacup.io.season_folder import load_season
from uefacup.model import Round

FALLBACK_COEFFICIENT = 10.0  # as in `uefacup draw first --seed 1 --fallback-coefficient 10`


def load_old(folder: Path) -> ModuleType:
    """The earlier procedure module, importing the earlier matching module beside it."""
    spec = importlib.util.spec_from_file_location("old_draw_matching", folder / "matching.py")
    assert spec is not None and spec.loader is not None
    matching = importlib.util.module_from_spec(spec)
    sys.modules["old_draw_matching"] = matching
    spec.loader.exec_module(matching)
    source = (folder / "procedure.py").read_text(encoding="utf-8")
    source = source.replace("from uefacup.draw.matching import", "from old_draw_matching import")
    module = ModuleType("old_draw_procedure")
    sys.modules["old_draw_procedure"] = module
    exec(compile(source, str(folder / "procedure.py"), "exec"), module.__dict__)
    return module


def time_draws(engine: Any, groups: Any, rules: Any, draws: int) -> tuple[float, list[Any]]:
    logs = []
    start = time.perf_counter()
    for seed in range(draws):
        logs.append(engine.run_draw(groups, rules, engine.rng_chooser(random.Random(seed))))
    return time.perf_counter() - start, logs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=2000, help="draws per round, new engine")
    parser.add_argument("--old", type=Path, help="folder with the earlier procedure/matching")
    parser.add_argument("--old-draws", type=int, default=20, help="draws per round, old engine")
    args = parser.parse_args()
    old = load_old(args.old) if args.old else None
    season = load_season("2002-03")
    print(f"{'round':<14} {'clubs':>5} {'new draws/s':>12} {'old draws/s':>12} {'speed-up':>9}")
    total_new = 0.0
    for round_ in Round:
        rules = rules_for(round_)
        groups = prepare_groups(
            season_teams(season, round_), rules, fallback_coefficient=FALLBACK_COEFFICIENT
        )
        clubs = sum(len(g.teams) for g in groups)
        seconds, logs = time_draws(procedure, groups, rules, args.draws)
        total_new += seconds / args.draws
        new_rate = args.draws / seconds
        old_cell, ratio_cell = "", ""
        if old is not None:
            old_seconds, old_logs = time_draws(old, groups, rules, args.old_draws)
            for a, b in zip(old_logs, logs, strict=False):
                if [x.to_json() for x in a] != [x.to_json() for x in b]:
                    raise SystemExit(f"{round_.value}: the engines' logs differ")
            old_rate = args.old_draws / old_seconds
            old_cell, ratio_cell = f"{old_rate:,.1f}", f"{new_rate / old_rate:,.1f}x"
        print(f"{round_.value:<14} {clubs:>5} {new_rate:>12,.1f} {old_cell:>12} {ratio_cell:>9}")
    print(f"every round once, new engine: {total_new * 1000:.2f} ms per seed")


if __name__ == "__main__":
    main()
