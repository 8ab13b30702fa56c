"""Time and peak memory of exact pairing probabilities for every draw of the shared pot file.

Each draw runs in a fresh subprocess so that its peak RSS (``resource.getrusage``) is its own
and a slow draw can be cut off with ``--timeout``. ``--engine compiled`` (the default when numba
is installed) times ``uefacup.draw._fastprob``; the first column "load" is the import of numpy
and numba plus loading the cached machine code (a first run ever also compiles, ~15 s), the
"seconds" column the draw itself. ``--engine python`` times the pure-Python solver.
With ``--reference PATH/cldraw.js`` the published JavaScript calculator runs on the same draw
in the same session (node required) and the largest absolute difference between the two
matrices is printed.

With ``--repeat N`` each draw runs N times, each in its own process. "seconds" is then the
fastest run, followed by the median and the slowest, and "peak MB" is the largest. This machine's
load moves a run by up to half, so the spread shows whether a difference is real.

With ``--baseline DIR`` each run is paired with a run of the package found in DIR (a copy of
another version of the tree, put first on ``PYTHONPATH`` of its child), right after it, so that
both meet the same load: the row then ends with the baseline's fastest time, the ratio of the
two fastest times, and the largest difference between the two matrices. Run it twice after
changing either engine: the first run compiles.

    python benchmarks/draw_probabilities.py [--file F] [--only I,J] [--timeout S] [--repeat N]
                                            [--engine compiled|python] [--reference cldraw.js]
                                            [--baseline DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "shared" / "draws" / "uefa-knockout-draws.json"
HERE = Path(__file__).resolve().parent


def one(path: Path, index: int, engine: str) -> None:
    """Child mode: compute one draw, print a JSON line with seconds, states and peak RSS."""
    start = time.perf_counter()
    from uefacup.draw import _fastprob
    from uefacup.draw.files import load_pots_file
    from uefacup.draw.probabilities import _float_ratio, _Solver
    from uefacup.draw.teams import Constraints, Pots, Team

    entry = load_pots_file(path, index=index)
    if engine == "compiled":
        tiny = Pots((Team("S", "A"),), (Team("U", "B"),))
        _fastprob.solve(tiny, Constraints())  # loads (or compiles) the machine code
        loaded = time.perf_counter()
        matrix, states, _ = _fastprob.solve(entry.pots, entry.constraints)
    else:
        loaded = time.perf_counter()
        solver = _Solver(entry.pots, entry.constraints, _float_ratio)
        matrix = solver.run()
        states = len(solver.memo)
    seconds = time.perf_counter() - loaded
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {
        "load": loaded - start,
        "seconds": seconds,
        "states": states,
        "peak_mb": peak_mb,
        "matrix": matrix,
    }
    print(json.dumps(out))


def reference(cldraw: Path, draw: dict[str, object], timeout: float) -> dict[str, object] | None:
    try:
        done = subprocess.run(
            ["node", str(HERE / "cldraw_reference.js"), str(cldraw)],
            input=json.dumps(draw),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--only", help="comma-separated draw indices")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per draw")
    parser.add_argument("--reference", type=Path, help="path to the reference cldraw.js")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each draw (default 1)")
    parser.add_argument(
        "--engine",
        choices=["compiled", "python"],
        help="compiled (numba, default when installed) or python",
    )
    parser.add_argument("--baseline", type=Path, help="a tree to time in the same rounds")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine is None:
        from uefacup.draw import _fastprob

        args.engine = "compiled" if _fastprob.available() else "python"
    if args.one is not None:
        one(args.file, args.one, args.engine)
        return
    if args.repeat < 1:
        parser.error(f"--repeat must be at least 1, not {args.repeat}")
    draws = json.loads(args.file.read_text("utf-8"))["draws"]
    indices = [int(i) for i in args.only.split(",")] if args.only else range(len(draws))
    print(
        f"# python {sys.version.split()[0]}, engine {args.engine}, "
        f"timeout {args.timeout:.0f} s per draw",
        flush=True,
    )
    print(
        "index  draw                        size   load  seconds    states  peak MB  reference",
        flush=True,
    )
    for i in indices:
        d = draws[i]
        label = f"{d['competition']} {d['season']}"
        size = f"{len(d['seeded'])}x{len(d['unseeded'])}"
        runs = []
        base_runs = []
        try:
            for _ in range(args.repeat):
                runs.append(child(args.file, args.engine, i, args.timeout, None))
                if args.baseline:
                    base_runs.append(child(args.file, args.engine, i, args.timeout, args.baseline))
        except subprocess.TimeoutExpired:
            print(f"{i:5d}  {label:26s}  {size:5s}  > {args.timeout:.0f} (cut off)", flush=True)
            continue
        ours = min(runs, key=lambda run: float(run["seconds"]))
        times = sorted(float(run["seconds"]) for run in runs)
        spread = ""
        if len(runs) > 1:
            median = statistics.median(times)
            spread = f"  [{len(runs)} runs: median {median:.2f} s, slowest {times[-1]:.2f} s]"
        peak = max(float(run["peak_mb"]) for run in runs)
        ref = ""
        if args.reference:
            theirs = reference(args.reference, d, args.timeout)
            if theirs is None:
                ref = f"cldraw > {args.timeout:.0f} s"
            else:
                diff = max(
                    abs(a - b)
                    for ra, rb in zip(ours["matrix"], theirs["probabilities"], strict=True)  # type: ignore[call-overload]
                    for a, b in zip(ra, rb, strict=True)
                )
                ref = f"cldraw {theirs['seconds']:.2f} s, max |diff| {diff:.1e}"
        if base_runs:
            best = min(float(run["seconds"]) for run in base_runs)
            theirs_matrix = base_runs[0]["matrix"]
            diff = max(
                abs(a - b)
                for ra, rb in zip(ours["matrix"], theirs_matrix, strict=True)  # type: ignore[call-overload]
                for a, b in zip(ra, rb, strict=True)
            )
            base_peak = max(float(run["peak_mb"]) for run in base_runs)
            ref += (
                f"baseline {best:.2f} s {base_peak:.0f} MB, ratio {best / ours['seconds']:.2f},"
                f" max |diff| {diff:.1e}"
            )
        print(
            f"{i:5d}  {label:26s}  {size:5s}  {ours['load']:5.2f}  {ours['seconds']:7.2f}"
            f"  {ours['states']:8d}  {peak:7.0f}  {ref}{spread}",
            flush=True,
        )


def child(path: Path, engine: str, index: int, timeout: float, tree: Path | None) -> dict[str, Any]:
    """One draw in a fresh process (of the package in ``tree`` when given): its JSON line."""
    env = dict(os.environ)
    if tree is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(tree.resolve()), env.get("PYTHONPATH")) if p
        )
    done = subprocess.run(
        [sys.executable, __file__, "--file", str(path), "--engine", engine, "--one", str(index)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
        env=env,
    )
    out: dict[str, Any] = json.loads(done.stdout)
    return out


if __name__ == "__main__":
    main()
