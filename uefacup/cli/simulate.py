"""``uefacup simulate``: each club's chances of every round and of the cup, by Monte Carlo.

``--pairs`` prints which clubs meet instead (``uefacup.report.pairs``). numpy, Dask and
matplotlib are imported inside the command only, so that the core install
(click and rich) can still load the CLI and run ``uefacup replay``.
"""

from __future__ import annotations

import csv
import json
import sys
from typing import TYPE_CHECKING, Any

import click

from uefacup.cli.app import club_option, format_option, main, season_option
from uefacup.errors import SimulationError
from uefacup.io.plot_path import check_plot_path

if TYPE_CHECKING:
    from rich.console import Console

    from uefacup.model import Season
    from uefacup.simulate.results import SimulationResult


@main.command("simulate")
@season_option
@click.option(
    "--runs",
    type=int,
    default=10_000,
    show_default=True,
    help="Seasons to simulate (at most 500,000,000).",
)
@click.option("--seed", type=int, default=None, help="Seed; the same seed gives the same table.")
@click.option(
    "--from",
    "from_round",
    default="start",
    show_default=True,
    metavar="ROUND",
    help="start, or a round (key, name or abbreviation: qf, r1, 'round of 16'): real results "
    "before it and its real draw.",
)
@click.option(
    "--model",
    default="coefficient",
    show_default=True,
    metavar="coefficient|dixon-coles|ratings",
    help="Where club strengths come from.",
)
@click.option(
    "--ratings", default=None, metavar="FILE", help="CSV club,rating or club,attack,defence."
)
@click.option(
    "--engine",
    type=click.Choice(["vectorised", "reference"]),
    default="vectorised",
    show_default=True,
    help="vectorised (numpy, fast) or reference (one season at a time, for checking).",
)
@click.option(
    "--workers",
    type=int,
    default=1,
    show_default=True,
    help="Local processes (capped at the usable cores).",
)
@click.option("--dask", "use_dask", is_flag=True, help="Run on Dask (a LocalCluster by default).")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Dask scheduler to use.")
@click.option(
    "--batch-size", type=int, default=None, help="Seasons per batch (default 5000, at most 100000)."
)
@format_option("text", "json", "csv")
@club_option
@click.option(
    "--plot",
    "plot_path",
    default=None,
    metavar="FILE.png|svg|pdf",
    help="Heat map to write: the clubs alive at the start point, with percentages.",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="With --plot: only the N clubs most likely to win (default: all alive, at most 40). "
    "With --pairs: the N likeliest pairs (default 20 in the table, all in JSON and CSV).",
)
@click.option(
    "--plot-bracket",
    "bracket_path",
    default=None,
    metavar="FILE.png|svg|pdf",
    help="With --from ROUND: the most likely path from that round's real draw, as a bracket.",
)
@click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="ROUND.KEY=VALUE",
    help="Simulate under another tie rule, as replay --set (repeatable).",
)
@click.option(
    "--rules",
    "rules_file",
    default=None,
    metavar="FILE",
    help='TOML file of tie rules by round key (or "*"), as replay --rules.',
)
@click.option(
    "--pairs",
    "pairs",
    is_flag=False,
    flag_value="*",
    default=None,
    metavar='["CLUB,CLUB"]',
    help="Which clubs meet, and in which round, instead of the club table: the likeliest "
    "pairs; with --club, that club's likeliest opponents; with two names, that pair.",
)
def simulate_command(
    season: str,
    runs: int,
    seed: int | None,
    from_round: str,
    model: str,
    ratings: str | None,
    engine: str,
    workers: int,
    use_dask: bool,
    scheduler: str | None,
    batch_size: int | None,
    fmt: str,
    clubs: tuple[str, ...],
    plot_path: str | None,
    top: int | None,
    bracket_path: str | None,
    overrides: tuple[str, ...],
    rules_file: str | None,
    pairs: str | None,
) -> None:
    """Simulate the season many times; print each club's chance of reaching every round.

    Probabilities of each round sum to its number of places (82, 96, 48, 32, 16, 8, 4, 2) and
    the champion's to 1. With --from ROUND the model's tie forecasts for the rest of the real
    season are also scored (Brier, log loss) against a coin flip and a coefficient-only rule.
    """
    try:
        from uefacup.simulate.runner import BATCH_SIZE, simulate
    except ImportError as exc:
        raise SimulationError(f"simulate needs numpy: pip install 'uefacup[sim]' ({exc})") from None
    if batch_size is None:
        batch_size = BATCH_SIZE
    for path in (plot_path, bracket_path):
        if path:
            check_plot_path(path)  # before the run, not after an hour of it
    from uefacup.io.season_folder import load_season
    from uefacup.report.console import make_console

    data = load_season(season)
    only = [data.club(name).name for name in clubs] or None  # before the wait: a typo fails fast
    pair = _pair(data, pairs, only) if pairs is not None else None
    if from_round.casefold() == "start":
        from_round = "start"
    else:
        from uefacup.names.rounds import UnknownRoundError, season_round

        try:
            from_round = season_round(data, from_round)
        except UnknownRoundError as exc:
            raise UnknownRoundError(f"--from: {exc}") from None
    if bracket_path and from_round == "start":
        raise SimulationError("--plot-bracket starts from a real draw: add --from ROUND")
    rules = None
    if overrides or rules_file is not None:
        from pathlib import Path

        from uefacup.whatif import apply_overrides, parse_override, read_rules_file

        items = [parse_override(t) for t in overrides]
        if rules_file is not None:
            items += read_rules_file(Path(rules_file))
        rules = apply_overrides(data.format, items)
    err = make_console(stderr=True)
    workers = _cap_workers(workers, bool(scheduler), err)
    progress_ctx: Any = None
    advance = None
    if err.is_terminal and runs > 0:
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        progress_ctx = Progress(
            TextColumn("simulating"),
            BarColumn(),
            TextColumn("{task.completed:,}/{task.total:,} seasons"),
            TimeRemainingColumn(),
            console=err,
            transient=True,
        )
        task = progress_ctx.add_task("seasons", total=runs)

        def advance(n: int) -> None:
            progress_ctx.advance(task, n)

    kwargs: dict[str, Any] = {
        "runs": runs,
        "seed": seed,
        "from_round": from_round,
        "model": model,
        "ratings": ratings,
        "engine": engine,
        "workers": workers,
        "dask": use_dask,
        "scheduler": scheduler,
        "batch_size": batch_size,
        "progress": advance,
        "rules": rules,
        "pairs": pairs is not None,
    }
    if progress_ctx is not None:
        with progress_ctx:
            result = simulate(data, **kwargs)
    else:
        result = simulate(data, **kwargs)
    if result.runs:
        shorts = {r.key: r.short for r in data.format}
        if pairs is not None:
            from uefacup.report.pairs import render_pairs

            render_pairs(result, fmt, shorts, clubs=only or (), pair=pair, top=top)
        else:
            _render(result, fmt, shorts, only)
        if plot_path:
            from uefacup.simulate.plot import plot_heatmap

            plot_heatmap(result, plot_path, top=top)
        if bracket_path:
            from uefacup.pictures.canvas import save
            from uefacup.pictures.sim_bracket import simulated_bracket_figure

            save(simulated_bracket_figure(result, data), bracket_path)
    if result.interrupted:
        click.echo(
            f"uefacup: interrupted: {result.runs:,} of {result.requested:,} seasons finished"
            + (" (results above are for those)" if result.runs else ""),
            err=True,
        )
        sys.exit(130)


def _pair(data: Season, value: str, only: list[str] | None) -> tuple[str, str] | None:
    """``--pairs`` alone (None: every pair) or "CLUB,CLUB" (two clubs, canonical names)."""
    from uefacup.errors import UnknownClubError

    if value == "*":
        return None
    names = [n.strip() for n in value.split(",")]
    if len(names) != 2 or not all(names):
        raise SimulationError(
            f'--pairs: give two clubs separated by a comma ("Lazio,Porto"), not {value!r}'
        )
    if only:
        raise SimulationError("--pairs CLUB,CLUB names its clubs: leave out --club")
    found = []
    for name in names:
        try:
            found.append(data.club(name).name)
        except UnknownClubError as exc:
            raise UnknownClubError(exc.name, "--pairs") from None
    if found[0] == found[1]:
        raise SimulationError(f"--pairs: {found[0]} twice; name two different clubs")
    return found[0], found[1]


def _cap_workers(workers: int, remote: bool, err: Console) -> int:
    """More local workers than usable cores only queue: cap them, and say so on stderr."""
    from uefacup.draw.cores import usable_cores
    from uefacup.simulate.limits import WORKER_FACTOR

    cores = usable_cores()
    if remote or workers <= cores or workers > WORKER_FACTOR * cores:
        return workers  # the library refuses the absurd counts with its own message
    err.print(f"note: --workers {workers} capped at the {cores} usable core(s)")
    return cores


def _render(
    result: SimulationResult, fmt: str, shorts: dict[str, str], only: list[str] | None
) -> None:
    """The table (or JSON, CSV); ``only``: just these clubs' rows (``--club``)."""
    if fmt == "json":
        data = result.to_dict()
        if only is not None:
            data["clubs"] = [c for c in data["clubs"] if c["club"] in only]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        lines = result.to_csv().splitlines(keepends=True)
        if only is not None:  # the club is the first field (quoted where it holds a comma)
            lines = lines[:1] + [x for x in lines[1:] if next(csv.reader([x]))[0] in only]
        click.echo("".join(lines), nl=False)
        return
    from uefacup.report.columns import Column
    from uefacup.report.console import make_console, print_table, print_wrapped

    console = make_console()
    start = result.from_round or "start"
    print_wrapped(
        console,
        f"{result.runs:,} seasons from {start}, seed {result.seed}, {result.engine} engine, "
        f"{result.seconds:.1f} s",
    )
    print_wrapped(console, f"model: {result.model}")
    first = result.from_round or result.rounds[0]
    rounds = list(result.rounds[result.rounds.index(first) :])
    rows = [
        c
        for c in result.chances()
        if any(c.rounds[k] for k in rounds) and (only is None or c.club in only)
    ]
    # out before the start: nothing to show. On 80 columns the association goes first, then
    # the names wrap; the percentages never shrink.
    columns = [
        Column("Club", [c.club for c in rows], wrap=False),
        Column("Association", [c.association for c in rows], drop=1),
        *(
            Column(shorts.get(k) or k, [_pct(c.rounds[k]) for c in rows], numeric=True)
            for k in rounds
        ),
        Column("Win", [_pct(c.champion) for c in rows], numeric=True),
    ]
    print_table(console, columns, title="Chance of reaching each round (%)")
    if only is not None:
        gone = [name for name in only if name not in {c.club for c in rows}]
        if gone:
            print_wrapped(console, f"out before the {first}: {', '.join(gone)}", style="dim")
    if result.backtest:
        _render_backtest(result.backtest, console)


def _pct(p: float) -> str:
    if p == 0:
        return "-"
    if p == 1:
        return "100"
    return f"{100 * p:.1f}" if p >= 0.001 else "<0.1"


def _render_backtest(report: dict[str, Any], console: Console) -> None:
    from uefacup.report.columns import Column
    from uefacup.report.console import print_table

    names = {"model": "this model", "coefficient": "coefficient only", "coin_flip": "coin flip"}
    scores = [report["scores"][key] for key in names]
    print_table(
        console,
        [
            Column("Forecast", list(names.values())),
            Column("Brier", [f"{s['brier']:.4f}" for s in scores], numeric=True),
            Column("Log loss", [f"{s['log_loss']:.4f}" for s in scores], numeric=True),
        ],
        title=f"Backtest on the {report['ties']} real ties from {report['from']}",
        caption="scores of P(first club goes through); lower is better",
    )
