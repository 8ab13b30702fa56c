"""``uefacup draw``: draw a round of a season, or draw / compute the odds of a pot file."""

from __future__ import annotations

import json
import math
import os
import random
import sys
import threading
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from uefacup.cli.app import format_option, main, season_option
from uefacup.draw import (
    DrawDay,
    DrawResult,
    DrawRules,
    Placement,
    PotsEntry,
    draw_round,
    draw_season_day,
    load_pots_file,
)
from uefacup.draw.estimate import LARGE_STATE_SPACE, state_bound
from uefacup.draw.odds import PairingOdds, pairing_odds
from uefacup.draw.probabilities import compile_pending, engine_for
from uefacup.errors import DrawError
from uefacup.format.rounds import RoundFormat, Venue
from uefacup.model import Season


@main.command("draw")
@click.argument("round_name", metavar="ROUND", required=False)
@season_option
@click.option(
    "--pots",
    "pots_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Pot file (JSON) instead of a season round.",
)
@click.option(
    "--index", type=int, help="With a file of 'draws': the draw at this position (0-based)."
)
@click.option(
    "--select",
    metavar="SEASON/COMPETITION",
    help="With a file of 'draws': the draw of that season and competition, e.g. 2017/18/el.",
)
@click.option(
    "--probabilities",
    is_flag=True,
    help="Pairing odds instead of one draw: exact for --pots, Monte Carlo for a season round.",
)
@click.option(
    "--runs",
    type=int,
    default=10_000,
    show_default=True,
    help="With ROUND --probabilities: draws to run (the standard error is shown).",
)
@click.option("--seed", type=int, help="Random seed (default: a fresh one, printed with the draw).")
@click.option(
    "--fallback-coefficient",
    type=float,
    help="Coefficient for clubs that have none; overrides the season's fallback rule "
    "(without either, such clubs are an error).",
)
@click.option(
    "--group-sizes",
    metavar="N,N,...",
    help="Draw-group sizes of a seeded round (default: 9x8+10 in qualifying, else one group).",
)
@click.option("--show-log", is_flag=True, help="Text output: also print every ball.")
@click.option(
    "--plot",
    "plot_path",
    default=None,
    metavar="FILE.png|svg",
    help="With --probabilities: also draw the matrix as an annotated heat map.",
)
@format_option("text", "json")
def draw_command(
    round_name: str | None,
    season: str,
    pots_path: Path | None,
    index: int | None,
    select: str | None,
    probabilities: bool,
    runs: int,
    seed: int | None,
    fallback_coefficient: float | None,
    group_sizes: str | None,
    show_log: bool,
    fmt: str,
    plot_path: str | None,
) -> None:
    """Draw ROUND of a season, or the pots of a file with --pots.

    \b
    uefacup draw qualifying --seed 7          the 2002-03 qualifying round
    uefacup draw --pots p.json --seed 7       a two-pot draw (unseeded ball first, at home)
    uefacup draw --pots p.json --probabilities
    uefacup draw --pots uefa-knockout-draws.json --select 2017/18/el --probabilities

    A pot file is one draw object {"seeded": [...], "unseeded": [...]} whose teams have
    "name", "association" and "group" (null allowed), or a file {"draws": [...]} of such
    objects, from which --index N (0-based) or --select SEASON/COMPETITION picks one (split at
    the last slash). Teams sharing an association or a non-empty group never meet.

    Clubs without a club coefficient are seeded by the season's fallback rule
    ([draw.missing_coefficient] in season.toml; 2002-03: a third of the association's
    coefficient) unless --fallback-coefficient is given. Draws the season held together are
    made together: ROUND fourth also draws the quarter-finals, semi-final also the final's
    nominal home side, between "Winner of A v B" placeholders.

    The same seed gives the same draws on every machine. JSON: {"round", "seed", "ties":
    [{"home", "away"}], "log": [...]}, plus "fallback": [{"club", "coefficient", "rule",
    "how"}] where clubs were seeded on a fallback value and "then": {"round", "ties", "log"}
    for the draw held together with it (the top-level seed drives both); with --probabilities
    {"seeded", "unseeded", "probabilities"} with one row per unseeded team and one column per
    seeded team.
    """
    if (round_name is None) == (pots_path is None):
        raise DrawError("give either a ROUND or --pots FILE (not both)")
    if pots_path is None and (index is not None or select is not None):
        raise DrawError("--index and --select need --pots FILE")
    if pots_path is None and probabilities:
        from uefacup.cli.draw_odds import print_season_odds
        from uefacup.io.season_folder import load_season

        assert round_name is not None
        data = load_season(season)
        start = 0 if seed is None else seed
        print_season_odds(data, _round_key(data, round_name), runs, start, fmt)
        return
    if plot_path is not None and not probabilities:
        raise DrawError("--plot draws the pairing probabilities: add --probabilities")
    if seed is not None and seed < 0:
        # random.Random(-n) is random.Random(n): two seeds would give one draw
        raise DrawError(f"--seed must be a non-negative integer, not {seed}")
    sizes = _sizes(group_sizes)
    if fallback_coefficient is not None and not (
        math.isfinite(fallback_coefficient) and fallback_coefficient >= 0
    ):
        raise DrawError(
            f"--fallback-coefficient must be a finite number, 0 or more, not {fallback_coefficient}"
        )
    if pots_path is not None:
        entry = load_pots_file(pots_path, index=index, select=select)
        if probabilities:
            odds = _print_probabilities(entry, fmt)
            if plot_path is not None:
                odds.plot(plot_path)
            return
        if sizes is not None:
            raise DrawError("--group-sizes applies to season rounds, not pot files")
        if fallback_coefficient is not None:
            raise DrawError("--fallback-coefficient applies to season rounds, not pot files")
    names: dict[str, str] = {}
    host: dict[str, str] = {}
    if seed is None:
        seed = random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    if pots_path is not None:
        rules = DrawRules(seeded=True, constraints=entry.constraints, first_ball="unseeded")
        day = DrawDay(draw_round(entry.pots, rules, rng, round_name=entry.label, seed=seed))
    else:
        from uefacup.io.season_folder import load_season

        assert round_name is not None
        data = load_season(season)
        names = {r.key: r.name for r in data.format}
        host = {r.key: _host_heading(r) for r in data.format}
        try:
            day = draw_season_day(
                data,
                _round_key(data, round_name),
                rng,
                seed=seed,
                group_sizes=sizes,
                fallback_coefficient=fallback_coefficient,
            )
        except DrawError as exc:
            # name what the user gave: the sizes asked for, or the round of that season
            given = f"--group-sizes {group_sizes}" if sizes is not None else f"--season {season}"
            raise DrawError(f"draw {round_name} ({given}): {exc}") from None
    if fmt == "json":
        click.echo(json.dumps(day.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_day(day, show_log, names, host)


def _sizes(text: str | None) -> tuple[int, ...] | None:
    if text is None:
        return None
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise DrawError(f"--group-sizes must be comma-separated integers, got {text!r}") from None
    if any(size <= 0 or size % 2 for size in sizes):
        raise DrawError(f"--group-sizes must be positive even numbers, got {text!r}")
    return sizes


def _host_heading(rnd: RoundFormat) -> str:
    """What the first club drawn is: the first leg's host, the one match's, or nominal only."""
    if rnd.legs == 2:
        return "Home (first leg)"
    return "Home (nominal)" if rnd.venue is Venue.NEUTRAL else "Home"


def _round_key(season: Season, text: str) -> str:
    """The season's round of that key or name (any case)."""
    for rnd in season.format:
        if text.casefold() in (rnd.key.casefold(), rnd.name.casefold()):
            return rnd.key
    raise DrawError(f"unknown round {text!r}; the season's rounds: {', '.join(season.format.keys)}")


def _print_day(day: DrawDay, show_log: bool, names: dict[str, str], host: dict[str, str]) -> None:
    """The round's draw, the clubs seeded on a fallback value, then the draws held with it."""
    console = Console(highlight=False)
    title = f"Draw: {day.result.round} (seed {day.result.seed})"
    _print_draw(console, day.result, title, show_log, host.get(day.result.round, ""))
    if day.placements:
        _print_placements(console, day.placements)
    before = day.result.round
    then = day.then
    while then is not None:
        title = (
            f"Drawn the same day: {then.result.round}, between the winners of the "
            f"{names.get(before, before).lower()} (seed {then.result.seed}, continued)"
        )
        _print_draw(console, then.result, title, show_log, host.get(then.result.round, ""))
        before, then = then.result.round, then.then


def _print_placements(console: Console, placements: tuple[Placement, ...]) -> None:
    table = Table(title="Seeded without a club coefficient of their own")
    table.add_column("Club")
    table.add_column("Seeded on", justify="right")
    table.add_column("How")
    for placement in placements:
        table.add_row(placement.club, f"{placement.coefficient:.3f}", placement.how)
    console.print(table)


def _print_draw(
    console: Console, result: DrawResult, title: str, show_log: bool, home: str = ""
) -> None:
    """``home``: the heading of the first-drawn club's column (a pot file: first leg)."""
    table = Table(title=title)
    grouped = any(t.group is not None for t in result.ties) and len(result.groups) > 1
    if grouped:
        table.add_column("Group", justify="right")
    table.add_column(home or "Home (first leg)")
    table.add_column("Away")
    for tie in result.ties:
        cells = [tie.home, tie.away]
        table.add_row(*([str(tie.group)] if grouped else []), *cells)
    console.print(table)
    if show_log:
        log = Table(title=f"Draw log: {result.round}")
        for name in ("Step", "Group", "Pot", "Ball", "Open options", "Closed"):
            log.add_column(name)
        for ball in result.log:
            log.add_row(
                str(ball.step),
                "" if ball.group is None else str(ball.group),
                ball.pot,
                ball.club,
                ", ".join(ball.options),
                "; ".join(f"{c}: {r}" for c, r in ball.closed),
            )
        console.print(log)


SLOW_PYTHON_POT = 10
"""Pots larger than this take the pure-Python solver long enough to warn (16 v 16: minutes)."""


def _solve_watched(entry: PotsEntry) -> PairingOdds:
    """The exact odds, computed in a worker thread while this one watches.

    Why a thread: the main thread stays free to take Ctrl-C at once (the solver may be deep
    in compiled code or a long recursion) and to draw the progress display. A large problem is
    announced first with the bound of ``state_bound``. Ctrl-C prints one line and ends the
    process with status 130; ``os._exit`` because the solver's threads cannot be stopped
    half-way through a state and need not be: nothing is written.
    """
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
    err = Console(stderr=True, highlight=False)
    try:
        worker.start()
        if err.is_terminal:
            columns = (SpinnerColumn(), TextColumn("exact probabilities"), TimeElapsedColumn())
            with Progress(*columns, console=err, transient=True):
                _wait(worker)
        else:
            _wait(worker)
    except KeyboardInterrupt:
        sys.stdout.flush()
        sys.stderr.write("uefacup: interrupted: exact probabilities not finished\n")
        sys.stderr.flush()
        os._exit(130)
    if failure:
        raise failure[0]
    return outcome[0]


def _wait(worker: threading.Thread) -> None:
    while worker.is_alive():
        worker.join(0.1)  # a bare join would hold Ctrl-C until the end


def _print_probabilities(entry: PotsEntry, fmt: str) -> PairingOdds:
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
    console = Console(highlight=False)
    title = f"Pairing probabilities (%): {entry.label}"
    # a grid needs the names plus about seven characters a seeded column; on a narrower
    # terminal (16 v 16 on 80 columns) each unseeded team gets its opponents as a sorted list
    if max(map(len, unseeded)) + 7 * len(seeded) + 4 > console.width:
        table = Table(title=title)
        table.add_column("Unseeded")
        table.add_column("Opponents, most likely first (%)")
        for name, row in zip(unseeded, matrix, strict=True):
            ranked = sorted(zip(row, seeded, strict=True), key=lambda x: (-x[0], x[1]))
            table.add_row(name, " · ".join(f"{s} {100 * p:.1f}" for p, s in ranked if p > 0))
        console.print(table)
        return odds
    table = Table(
        title=title,
        caption="Columns (seeded): " + "; ".join(f"{k} {n}" for k, n in enumerate(seeded, 1)),
    )
    table.add_column("Unseeded")
    for k in range(1, len(seeded) + 1):
        table.add_column(str(k), justify="right")
    for name, row in zip(unseeded, matrix, strict=True):
        table.add_row(name, *("-" if p == 0 else f"{100 * p:.1f}" for p in row))
    console.print(table)
    return odds
