"""``uefacup draw``: draw a round of a season, or draw / compute the odds of a pot file."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

import click

from uefacup.cli.app import format_option, main, season_option
from uefacup.errors import DrawError

if TYPE_CHECKING:
    from rich.console import Console

    from uefacup.draw import DrawDay, DrawResult, Placement
    from uefacup.format.rounds import RoundFormat
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

    ROUND is a round of the season by key or name, in any case, or an abbreviation such as
    qf, sf, f, q, 1, r1 or "round of 16".

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
        from uefacup.draw.files import load_pots_file

        entry = load_pots_file(pots_path, index=index, select=select)
        if probabilities:
            from uefacup.cli.pot_odds import print_pot_odds

            odds = print_pot_odds(entry, fmt)
            if plot_path is not None:
                odds.plot(plot_path)
            return
        if sizes is not None:
            raise DrawError("--group-sizes applies to season rounds, not pot files")
        if fallback_coefficient is not None:
            raise DrawError("--fallback-coefficient applies to season rounds, not pot files")
    import random

    from uefacup.draw.rounds import DrawDay, draw_round, draw_season_day

    names: dict[str, str] = {}
    host: dict[str, str] = {}
    if seed is None:
        seed = random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    if pots_path is not None:
        from uefacup.draw.procedure import DrawRules

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
    from uefacup.format.rounds import Venue

    if rnd.legs == 2:
        return "Home (first leg)"
    return "Home (nominal)" if rnd.venue is Venue.NEUTRAL else "Home"


def _round_key(season: Season, text: str) -> str:
    """The season's round that ``text`` names: its key or name in any case, or a common
    abbreviation ("qf", "r1", "round of 16"); see ``uefacup.names.rounds``."""
    from uefacup.names.rounds import UnknownRoundError, season_round

    try:
        return season_round(season, text)
    except UnknownRoundError as exc:
        raise UnknownRoundError(f"ROUND: {exc}") from None  # name the argument it came from


def _print_day(day: DrawDay, show_log: bool, names: dict[str, str], host: dict[str, str]) -> None:
    """The round's draw, the clubs seeded on a fallback value, then the draws held with it."""
    from uefacup.report.console import make_console

    console = make_console()
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
    from uefacup.report.columns import Column
    from uefacup.report.console import print_table

    console.print()
    print_table(
        console,
        [
            Column("Club", [p.club for p in placements]),
            Column("Seeded on", [f"{p.coefficient:.3f}" for p in placements], numeric=True),
            Column("How", [p.how for p in placements]),
        ],
        title="Seeded without a club coefficient of their own",
    )


def _print_draw(
    console: Console, result: DrawResult, title: str, show_log: bool, home: str = ""
) -> None:
    """``home``: the heading of the first-drawn club's column (a pot file: first leg)."""
    from uefacup.report.columns import Column
    from uefacup.report.console import print_table

    grouped = any(t.group is not None for t in result.ties) and len(result.groups) > 1
    homes = [t.home for t in result.ties]
    columns = [
        *([Column("Group", [str(t.group) for t in result.ties], numeric=True)] if grouped else []),
        Column(home or "Home (first leg)", homes, short=Column("Home", homes)),
        Column("Away", [t.away for t in result.ties]),
    ]
    print_table(console, columns, title=title)
    if show_log:
        log = result.log
        console.print()
        print_table(
            console,
            [
                Column("Step", [str(b.step) for b in log], numeric=True),
                Column(
                    "Group", ["" if b.group is None else str(b.group) for b in log], numeric=True
                ),
                Column("Pot", [b.pot for b in log], min_width=8),
                Column("Ball", [b.club for b in log], min_width=12),
                Column("Open options", [", ".join(b.options) for b in log], min_width=16),
                Column("Closed", ["; ".join(f"{c}: {r}" for c, r in b.closed) for b in log]),
            ],
            title=f"Draw log: {result.round}",
        )
