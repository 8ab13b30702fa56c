"""Whether the compiled engine gives the one-thread result bit for bit on two threads.

Solves one draw of the shared pot file once on one thread, then ``--runs`` times on two, and
prints every run that differs, with the largest difference. Not a timing: the two threads
share one memo and each may work out a state first, so a sum that depended on which thread
made it would show here now and then (see benchmarks/README.md, ninth session).

    python benchmarks/draw_threads.py [--index 24] [--runs 20] [--file F]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from uefacup.draw import _probengine
from uefacup.draw.files import load_pots_file

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "shared" / "draws" / "uefa-knockout-draws.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--index", type=int, default=24, help="draw index (24: el 2015/16)")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    entry = load_pots_file(args.file, index=args.index)
    pots, constraints = entry.pots, entry.constraints
    n = len(pots.seeded)
    rows = [
        sum(1 << j for j, s in enumerate(pots.seeded) if not constraints.allowed(u, s))
        for u in pots.unseeded
    ]
    cols = [sum(1 << i for i in range(n) if rows[i] >> j & 1) for j in range(n)]
    fu, fs = np.array(rows, np.int64), np.array(cols, np.int64)
    alone, _, _ = _probengine._solve(fu, fs, n, n, 1)
    differ = 0
    for run in range(args.runs):
        together, _, _ = _probengine._solve(fu, fs, n, n, 2)
        gap = float(np.abs(together - alone).max())
        if gap != 0.0:
            differ += 1
            print(f"run {run}: largest difference {gap:.1e}", flush=True)
    print(f"draw {args.index}: {differ} of {args.runs} two-thread runs differ from one thread")


if __name__ == "__main__":
    main()
