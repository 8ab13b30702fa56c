"""The 8 v 8 draws of the shared pot file in one process: ``_fastprob.solve_small`` (the plain-
Python forward pass every pot of up to eight teams takes) against the recursion of the
pure-Python solver that served them before (``python_pairing_probabilities``), CPU seconds,
with the largest difference between the two matrices.

    python benchmarks/draw_small_solvers.py [--file F]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from uefacup.draw import _fastprob
from uefacup.draw.files import all_entries
from uefacup.draw.probabilities import python_pairing_probabilities

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "shared" / "draws" / "uefa-knockout-draws.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    args = parser.parse_args()
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    entries = all_entries(json.loads(args.file.read_text("utf-8")), str(args.file))
    small = [e for e in entries if len(e.pots.seeded) == 8]
    print(f"load {load}; {len(small)} draws of 8 v 8")
    new_total = old_total = worst_new = worst_old = diff = 0.0
    for entry in small:
        began = time.process_time()
        new = _fastprob.solve_small(entry.pots, entry.constraints)
        middle = time.process_time()
        old = python_pairing_probabilities(entry.pots, entry.constraints)
        ended = time.process_time()
        new_total += middle - began
        old_total += ended - middle
        worst_new = max(worst_new, middle - began)
        worst_old = max(worst_old, ended - middle)
        pairs = zip(new, old, strict=True)
        diff = max(diff, *(abs(a - b) for r, s in pairs for a, b in zip(r, s, strict=True)))
    print(f"solve_small: {new_total:.2f} CPU s in all, worst {worst_new:.3f} s")
    print(f"python solver: {old_total:.2f} CPU s in all, worst {worst_old:.3f} s")
    print(f"ratio {old_total / new_total:.1f}x; largest difference {diff:.1e}")
    print(f"load after {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")


if __name__ == "__main__":
    main()
