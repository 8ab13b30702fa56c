"""Run many random mutations outside pytest, to hunt for tracebacks before the test's budget.

python tests/fuzz/driver.py N SEED      (prints each bad run's mutation and stderr)
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.fuzz.check import run_and_check
from tests.fuzz.mutations import BAD_ARGUMENTS, COMMANDS, FILES, KINDS, NASTY, Mutation
from uefacup.io.season_folder import season_path


def main(count: int, seed: int) -> None:
    rng = random.Random(seed)
    bad = 0
    codes: dict[int | None, int] = {}
    for n in range(count):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "fz"
            shutil.copytree(season_path("2002-03"), folder)
            mutations = [
                Mutation(
                    rng.choice(FILES),
                    rng.choice(KINDS),
                    rng.randrange(10_000),
                    rng.randrange(20),
                    rng.choice(NASTY),
                )
                for _ in range(rng.randint(1, 3))
            ]
            for m in mutations:
                m.apply(folder)
            bad_args = rng.random() < 0.15
            args = rng.choice(BAD_ARGUMENTS) if bad_args else rng.choice(COMMANDS)
            code, problem = run_and_check(
                [*args, "--season", str(folder)]
                if args[0] in ("replay", "entry-list", "draw", "simulate")
                else list(args),
                folder,
            )
            codes[code] = codes.get(code, 0) + 1
            if problem:
                bad += 1
                print(f"#{n} {mutations} {args}\n{problem}\n", flush=True)
    print(f"{bad} bad of {count}; exit statuses {codes}")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
