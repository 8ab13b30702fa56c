"""``uefacup entry-list``: the season's entrants derived from its access list and domestic facts.

The list is computed, never read from clubs.csv, so a changed input file shows its effect here.
``--explain`` says per association how each berth was filled; with ``--format json|csv`` the
explanation goes to stderr so that stdout stays machine-readable.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import click

from uefacup.cli.app import format_option, main, season_option
from uefacup.errors import DataError

if TYPE_CHECKING:
    from rich.console import Console

    from uefacup.rules.entry_list import EntryInputs, EntryList

FIELDS = ("club", "association", "round", "label")


def _check_entrants(season: str, inputs: EntryInputs, result: EntryList, what_if: bool) -> None:
    """Every derived entrant must be a club of the season's clubs.csv (DataError otherwise): a
    misspelt club in domestic.csv would otherwise enter the list unnoticed. ``--what-if`` only
    names them, for deliberate changes of the domestic facts."""
    from uefacup.io.season_folder import load_season
    from uefacup.rules.consistency import entrant_problems

    where = {f.club: f.where for f in inputs.facts if f.club}
    problems = entrant_problems(
        load_season(season), ((e.club, where.get(e.club, "")) for e in result.entries)
    )
    if problems and not what_if:
        raise DataError(problems)
    for problem in problems:
        click.echo(f"note: {problem} (--what-if)", err=True)


@main.command("entry-list")
@season_option
@format_option("text", "json", "csv")
@click.option("--explain", is_flag=True, help="Say per association how each berth was filled.")
@click.option(
    "--what-if",
    is_flag=True,
    help="Derive even when an entrant is not in clubs.csv (changed domestic facts); each such "
    "club is named on stderr instead of refused.",
)
def entry_list_command(season: str, fmt: str, explain: bool, what_if: bool) -> None:
    """Derive the season's entry list (club, association, entry round, label).

    A season without an access list (access.toml) cannot be derived: its entry list is shown as
    clubs.csv records it, with a note on stderr.
    """
    from uefacup.io.entry_inputs import ACCESS_FILE, load_entry_inputs
    from uefacup.io.season_folder import season_path
    from uefacup.report.console import make_console
    from uefacup.rules.entry_list import derive_entry_list

    folder = season_path(season)
    if not (folder / ACCESS_FILE).is_file():
        _recorded(season, fmt, explain)
        return
    inputs = load_entry_inputs(season)
    result = derive_entry_list(inputs)
    _check_entrants(season, inputs, result, what_if)
    rows = [
        {
            "club": e.club,
            "association": e.association,
            "round": e.round,
            "label": e.label.value,
        }
        for e in result.entries
    ]
    _emit(rows, fmt, lambda: _render_tables(result, make_console()))
    if explain:
        # beside JSON or CSV the explanation goes to stderr, keeping stdout machine-readable
        _render_explanation(result, make_console(stderr=fmt != "text"))


def _recorded(season: str, fmt: str, explain: bool) -> None:
    """The entry list of a season that has no access list, as its clubs.csv records it."""
    from uefacup.io.entry_inputs import ACCESS_FILE
    from uefacup.io.season_folder import load_season
    from uefacup.report.console import make_console

    data = load_season(season)
    click.echo(
        f"note: season {data.key} has no access list ({ACCESS_FILE}); showing the entry list "
        "recorded in clubs.csv, not a derived one",
        err=True,
    )
    if explain:
        click.echo("note: --explain needs an access list; nothing to explain", err=True)
    order = {key: i for i, key in enumerate(data.format.keys)}
    clubs = sorted(data.clubs, key=lambda c: (order[c.round], c.association, c.name))
    rows = [
        {"club": c.name, "association": c.association, "round": c.round, "label": c.label.value}
        for c in clubs
    ]

    def text() -> None:
        console = make_console()
        for rnd in data.format:
            entering = [c for c in clubs if c.round == rnd.key]
            if entering:
                _print_round(
                    console,
                    f"{rnd.name} ({len(entering)} clubs entering)",
                    [(c.name, c.association, c.label.value) for c in entering],
                )

    _emit(rows, fmt, text)


def _emit(rows: list[dict[str, str]], fmt: str, text: Callable[[], None]) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buffer.getvalue(), nl=False)
    else:
        text()


def _render_tables(result: EntryList, console: Console) -> None:
    """One table per round in the order clubs enter; counts in the titles for checking."""
    order = list(result.counts.sizes)
    entering = {e.round for e in result.entries}
    for round_ in sorted(
        entering, key=lambda r: order.index(r) if r in order else -1, reverse=True
    ):
        entries = result.in_round(round_)
        _print_round(
            console,
            f"{_title(round_)} ({len(entries)} clubs entering)",
            [(e.club, e.association, e.label.value) for e in entries],
        )


def _print_round(console: Console, title: str, rows: Sequence[tuple[str, str, str]]) -> None:
    from uefacup.report.columns import Column
    from uefacup.report.console import print_table

    columns = [
        Column("Club", [r[0] for r in rows]),
        Column("Association", [r[1] for r in rows]),
        Column("Label", [r[2] for r in rows]),
    ]
    print_table(console, columns, title=title)
    console.print()


def _title(round_: str) -> str:
    from uefacup.rules.access import round_name

    return round_name(round_).capitalize()


def _render_explanation(result: EntryList, console: Console) -> None:
    from uefacup.report.console import print_wrapped

    for title, lines in result.explain():
        print_wrapped(console, title, style="bold")
        for line in lines:
            print_wrapped(console, line, indent=2)
