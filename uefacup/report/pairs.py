"""``uefacup simulate --pairs``: which clubs meet, as a table, JSON or CSV.

Three questions, one report each:

* ``--pairs``: the pairings most likely to happen, across the field;
* ``--club X --pairs``: X's likeliest opponents (repeat ``--club`` for several clubs);
* ``--pairs "A,B"``: one pair, round by round, each figure with its standard error.

The table's ``Meet`` is the chance of meeting in any simulated round and ``±`` its Monte Carlo
standard error in percentage points; the per-round columns show only rounds in which a listed
pair met, and give way on a narrow terminal (the round with the fewest listed pairs first),
where ``Meet`` and ``±`` always stay. A real draw kept with ``--from`` makes its pairs certain: they
are not listed among the field's likeliest (a note counts them), but are shown for a club or a
pair asked for. JSON and CSV carry every pair that met (or ``--top N``), with per-round errors.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from uefacup.simulate.meetings import Meetings, PairChance
    from uefacup.simulate.results import SimulationResult

__all__ = ["TOP", "render_pairs"]

TOP = 20
"""Pairs the table lists unless ``--top`` says otherwise."""


def render_pairs(
    result: SimulationResult,
    fmt: str,
    shorts: dict[str, str],
    *,
    clubs: Sequence[str] = (),
    pair: tuple[str, str] | None = None,
    top: int | None = None,
) -> None:
    """Print the meetings of ``result`` (a run with pairs counted) in ``fmt``."""
    meetings = result.meetings()
    if pair is not None:
        chances = [meetings.pair(*pair)]
    else:
        limit = top if top is not None else (TOP if fmt == "text" else None)
        hide = fmt == "text" and not clubs and 0 < meetings.certain() < meetings.met()
        chances = meetings.top(limit, clubs=clubs, exclude_certain=hide)
    if fmt == "json":
        data: dict[str, Any] = {
            "runs": result.runs,
            "seed": result.seed,
            "from": result.from_round or "start",
            "engine": result.engine,
            "model": result.model,
            "interrupted": result.interrupted,
            "rounds": list(meetings.simulated),
            "pairs": meetings.to_json(chances),
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        click.echo(meetings.to_csv(chances), nl=False)
        return
    _text(result, meetings, chances, shorts, clubs, pair)


def _pct(p: float) -> str:
    if p == 0:
        return "-"
    if p == 1:
        return "100"
    return f"{100 * p:.1f}" if p >= 0.001 else "<0.1"


def _points(se: float) -> str:
    """A standard error in percentage points, two decimals (0.00 for a certainty)."""
    return f"{100 * se:.2f}"


def _text(
    result: SimulationResult,
    meetings: Meetings,
    chances: list[PairChance],
    shorts: dict[str, str],
    clubs: Sequence[str],
    pair: tuple[str, str] | None,
) -> None:
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
    names = dict(zip(result.rounds, result.round_names, strict=False))
    if pair is not None:
        c = chances[0]
        keys = list(meetings.simulated)
        print_table(
            console,
            [
                Column("Round", [names.get(k, k) for k in keys] + ["Any round"]),
                Column(
                    "Chance",
                    [_pct(c.rounds[k]) for k in keys] + [_pct(c.probability)],
                    numeric=True,
                ),
                Column(
                    "±", [_points(c.errors[k]) for k in keys] + [_points(c.stderr)], numeric=True
                ),
                Column(
                    "Seasons",
                    [f"{c.counts[k]:,}" for k in keys] + [f"{c.count:,}"],
                    numeric=True,
                    drop=1,
                ),
            ],
            title=f"Chance that {c.club_a} and {c.club_b} meet (%)",
            caption=f"from {start}; ±: one Monte Carlo standard error, in points",
        )
        return
    if not chances:
        print_wrapped(console, "no pair of clubs met in the simulated seasons", style="dim")
        return
    met = [k for k in meetings.simulated if any(c.counts[k] for c in chances)]
    busy = {k: sum(1 for c in chances if c.counts[k]) for k in met}
    # the round columns give way on a narrow terminal, the one with fewest pairs first
    rank = {k: i + 1 for i, k in enumerate(sorted(met, key=lambda k: (busy[k], met.index(k))))}
    one = len(clubs) == 1
    columns = [
        *([] if one else [Column("Club", [c.club_a for c in chances], min_width=8)]),
        Column("Opponent" if clubs else "Other club", [c.club_b for c in chances], min_width=8),
        Column("Meet", [_pct(c.probability) for c in chances], numeric=True),
        Column("±", [_points(c.stderr) for c in chances], numeric=True),
        *(
            Column(
                shorts.get(k) or k, [_pct(c.rounds[k]) for c in chances], numeric=True, drop=rank[k]
            )
            for k in met
        ),
    ]
    if clubs:
        who = ", ".join(clubs)
        title = f"Likeliest opponents of {who} (%)"
    else:
        title = "Likeliest meetings (%)"
    notes = [f"Meet: in any round from {start}; ±: its standard error, in points"]
    certain = meetings.certain()
    if not clubs and 0 < certain < meetings.met():
        notes.append(
            f"{certain} pairs drawn together in the real {names.get(start, start)} draw "
            "(certain to meet) are not listed"
        )
    print_table(console, columns, title=title, caption="; ".join(notes))
