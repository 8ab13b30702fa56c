"""``uefacup draw --pots FILE --probabilities``: a pot file's exact pairing odds, printed.

Kept apart from ``cli.draw`` (the command and the drawing by lot) so that the odds path
imports, and on a fresh tree compiles, only what it uses: the whole process for a round of 16
is to take less time than the published calculator's (issue 17).
"""

from __future__ import annotations

import json
import os
import sys
import threading
from typing import TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:
    from uefacup.draw.files import PotsEntry
    from uefacup.draw.odds import PairingOdds


SLOW_PYTHON_POT = 10
"""Pots larger than this take the pure-Python solver long enough to warn (16 v 16: minutes)."""


def _solve_watched(entry: PotsEntry) -> PairingOdds:
    """The exact odds, computed in a worker thread while this one watches.

    Why a thread: the main thread stays free to take Ctrl-C at once (the solver may be deep
    in compiled code or a long recursion) and to draw the progress display. A large problem is
    announced first with the bound of ``state_bound``. Ctrl-C prints one line and ends the
    process with status 130; ``os._exit`` because the solver's threads cannot be stopped
    half-way through a state and need not be: nothing is written.

    Pots of up to ``SMALL_POT`` teams are solved in this thread instead: milliseconds of plain
    Python (Ctrl-C interrupts it directly), so a worker, a progress display and a size
    warning would only add their own cost to a command that should start and end at once.
    """
    from uefacup.draw._fastprob import SMALL_POT
    from uefacup.draw.odds import pairing_odds

    if len(entry.pots.seeded) <= SMALL_POT:
        try:
            return pairing_odds(entry)
        except KeyboardInterrupt:
            _interrupted()
    from uefacup.draw.estimate import LARGE_STATE_SPACE, state_bound

    bound = state_bound(entry.pots, entry.constraints)
    if bound > LARGE_STATE_SPACE:
        click.echo(
            f"warning: {len(entry.pots.unseeded)} v {len(entry.pots.seeded)} may visit up to "
            f"{bound:.1e} draw states (an upper bound); the exact odds may take very long or "
            "run out of memory (Ctrl-C stops)",
            err=True,
        )
    outcome: list[PairingOdds] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            outcome.append(pairing_odds(entry))
        except BaseException as exc:  # re-raised in the main thread below
            failure.append(exc)

    worker = threading.Thread(target=work, name="uefacup-probabilities", daemon=True)
    try:
        worker.start()
        if _maybe_terminal():
            _wait_with_spinner(worker)
        else:
            _wait(worker)
    except KeyboardInterrupt:
        _interrupted()
    if failure:
        raise failure[0]
    return outcome[0]


def _interrupted() -> NoReturn:
    """Ctrl-C while the odds are computed: one line, status 130, nothing written."""
    sys.stdout.flush()
    sys.stderr.write("uefacup: interrupted: exact probabilities not finished\n")
    sys.stderr.flush()
    os._exit(130)


def _wait(worker: threading.Thread) -> None:
    while worker.is_alive():
        worker.join(0.1)  # a bare join would hold Ctrl-C until the end


def _maybe_terminal() -> bool:
    """False when rich would certainly not draw on stderr (not a terminal, and neither of the
    variables that make rich treat any stream as one is set): then rich is not imported at
    all, which is a fifth of the time of a whole ``--format json`` process for a round of 16."""
    forced = os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE")
    return bool(forced) or sys.stderr.isatty()


def _wait_with_spinner(worker: threading.Thread) -> None:
    """``_wait``, with a spinner and the time elapsed on stderr when it is a terminal."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    err = Console(stderr=True, highlight=False)
    if not err.is_terminal:
        _wait(worker)
        return
    columns = (SpinnerColumn(), TextColumn("exact probabilities"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True):
        _wait(worker)


def print_pot_odds(entry: PotsEntry, fmt: str) -> PairingOdds:
    """The exact pairing odds of a pot file's draw: JSON, a grid, or (too narrow for a grid)
    each unseeded team's opponents in order; returns them for ``--plot``."""
    from uefacup.draw.probabilities import compile_pending, engine_for

    if engine_for(entry.pots) == "python" and len(entry.pots.seeded) > SLOW_PYTHON_POT:
        # the pure-Python solver needs minutes for a round of 32: say so before the wait
        click.echo(
            f"note: {len(entry.pots.seeded)} v {len(entry.pots.unseeded)} on the pure-Python "
            "solver can take minutes; pip install 'uefacup[fast]' for the compiled engine",
            err=True,
        )
    elif compile_pending(entry.pots):
        click.echo(
            "note: compiling the probability engine for this machine, once (about half a minute)",
            err=True,
        )
    odds = _solve_watched(entry)
    matrix = odds.probabilities
    seeded, unseeded = list(odds.seeded), list(odds.unseeded)
    if fmt == "json":
        click.echo(json.dumps(odds.to_dict(), ensure_ascii=False, indent=2))
        return odds
    from uefacup.report.columns import Column, fit
    from uefacup.report.console import GAP, make_console, print_table

    console = make_console()
    title = f"Pairing probabilities (%): {entry.label}"
    grid = [
        Column("Unseeded", unseeded, min_width=12),
        *(
            Column(str(k), ["-" if p == 0 else f"{100 * p:.1f}" for p in column], numeric=True)
            for k, column in enumerate(zip(*matrix, strict=True), 1)
        ),
    ]
    layout = fit(grid, console.width, GAP)
    if layout.fits and not layout.dropped:
        legend = "; ".join(f"{k} {n}" for k, n in enumerate(seeded, 1))
        print_table(console, grid, title=title, caption=f"Columns (seeded): {legend}")
        return odds
    # too narrow for a grid (16 v 16 on 80 columns): each unseeded team, its opponents in order,
    # broken only between two opponents so that a name never parts from its probability
    room = max(console.width - GAP - max(map(len, ["Unseeded", *unseeded])), 20)
    lists = []
    for row in matrix:
        ranked = sorted(zip(row, seeded, strict=True), key=lambda x: (-x[0], x[1]))
        lists.append(_pack([f"{s} {100 * p:.1f}" for p, s in ranked if p > 0], room))
    print_table(
        console,
        [Column("Unseeded", unseeded), Column("Opponents, most likely first (%)", lists)],
        title=title,
    )
    return odds


def _pack(items: list[str], width: int, sep: str = " · ") -> str:
    """``items`` joined by ``sep``, on lines of at most ``width`` characters (an item longer
    than that gets a line of its own); lines end with the separator's dot."""
    lines: list[str] = []
    line = ""
    for item in items:
        if line and len(line) + len(sep) + len(item) > width:
            lines.append(line + sep.rstrip())
            line = item
        else:
            line = f"{line}{sep}{item}" if line else item
    return "\n".join([*lines, line])
