"""Every 8 v 8 draw of the shared pot file as whole processes: ``uefacup draw`` against cldraw.

For each draw, ``uefacup draw --pots FILE --index I --probabilities --format json`` runs as a
fresh process (interpreter start, imports, the file, the solver, the JSON output), and so does
the published calculator, ``node benchmarks/cldraw_reference.js CLDRAW.js < draw.json``
(eminga/cldraw, not vendored: pass the path of its ``cldraw.js``). The two alternate, each
``--repeat`` times, and the best of each is compared; the largest absolute difference between
the two matrices is printed too. The machine's load is printed before and after, and so are
the best times of a bare ``python -c pass`` and ``node -e ""`` in the same run (each process's
floor).

Bytecode: an installed package has its ``.pyc`` files (pip writes them); a development tree
run with ``PYTHONDONTWRITEBYTECODE=1`` (as on the shared machine) would otherwise recompile
every module of the package on every run, some 20 ms that no user pays. So the script first
compiles the package in place (``compileall``, into ``__pycache__``, which git ignores);
``--no-compile`` skips that to measure the other case.

    python benchmarks/draw_small.py --cldraw /tmp/cldraw/cldraw.js --repeat 3
"""

from __future__ import annotations

import argparse
import compileall
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_FILE = HERE.parents[1] / "shared" / "draws" / "uefa-knockout-draws.json"


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _timed(args: list[str], stdin: Path | None = None) -> tuple[float, str]:
    began = time.perf_counter()
    with open(stdin or "/dev/null", "rb") as feed:
        done = subprocess.run(args, stdin=feed, capture_output=True, check=True)
    return time.perf_counter() - began, done.stdout.decode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cldraw", required=True, help="path of eminga/cldraw's cldraw.js")
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--no-compile", action="store_true", help="do not compile the package's bytecode first"
    )
    args = parser.parse_args()
    if not args.no_compile:
        import uefacup

        compileall.compile_dir(Path(uefacup.__file__).parent, quiet=1)
    draws = json.loads(args.file.read_text("utf-8"))["draws"]
    small = [i for i, d in enumerate(draws) if len(d["seeded"]) == 8]
    print(f"load before: {_load()}")
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for i in small:
            pots = Path(scratch) / f"{i}.json"
            pots.write_text(json.dumps(draws[i]), "utf-8")
            ours_cmd = [sys.executable, "-m", "uefacup", "draw", "--pots", str(args.file)]
            ours_cmd += ["--index", str(i), "--probabilities", "--format", "json"]
            node_cmd = ["node", str(HERE / "cldraw_reference.js"), args.cldraw]
            ours, theirs = [], []
            for _ in range(args.repeat):
                seconds, out = _timed(ours_cmd)
                ours.append(seconds)
                mine = json.loads(out)["probabilities"]
                seconds, out = _timed(node_cmd, pots)
                theirs.append(seconds)
                ref = json.loads(out)["probabilities"]
            pairs = zip(mine, ref, strict=True)
            diff = max(abs(a - b) for r, s in pairs for a, b in zip(r, s, strict=True))
            d = draws[i]
            rows.append((i, f"{d['competition']} {d['season']}", min(ours), min(theirs), diff))
    floors = {
        "python -c pass": [sys.executable, "-c", "pass"],
        'node -e ""': ["node", "-e", ""],
    }
    for name, command in floors.items():
        best = min(_timed(command)[0] for _ in range(max(args.repeat, 5)))
        print(f"{name}: best {best:.3f} s")
    print(f"load after: {_load()}")
    print(f"{'#':>3} {'draw':<14}{'uefacup s':>10}{'cldraw s':>10}{'ratio':>7}{'max diff':>10}")
    for i, label, ours_s, theirs_s, diff in rows:
        ratio = theirs_s / ours_s
        print(f"{i:>3} {label:<14}{ours_s:>10.3f}{theirs_s:>10.3f}{ratio:>7.2f}{diff:>10.1e}")
    faster = sum(1 for *_, o, t, _ in rows if o < t)
    print(
        f"uefacup faster on {faster} of {len(rows)} draws; total {sum(r[2] for r in rows):.2f} s "
        f"against {sum(r[3] for r in rows):.2f} s"
    )


if __name__ == "__main__":
    main()
