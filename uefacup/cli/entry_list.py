"""``uefacup entry-list``: the season's entrants derived from its access list and domestic facts.

The list is computed, never read from clubs.csv, so a changed input file shows its effect here.
``--explain`` says per association how each berth was filled; with ``--format json|csv`` the
explanation goes to stderr so that stdout stays machine-readable.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import click
from rich.console import Console
from rich.table import Table

from uefacup.cli.app import format_option, main, season_option
from uefacup.errors import DataError
from uefacup.io.entry_inputs import ACCESS_FILE, load_entry_inputs
from uefacup.io.season_folder import load_season, season_path
from uefacup.rules.access import round_name
from uefacup.rules.consistency import entrant_problems
from uefacup.rules.entry_list import EntryInputs, EntryList, derive_entry_list

FIELDS = ("club", "association", "round", "label")


def _check_entrants(season: str, inputs: EntryInputs, result: EntryList, what_if: bool) -> None:
    """Every derived entrant must be a club of the season's clubs.csv (DataError otherwise): a
    misspelt club in domestic.csv would otherwise enter the list unnoticed. ``--what-if`` only
    names them, for deliberate changes of the domestic facts."""
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
    _emit(rows, fmt, lambda: _render_tables(result, Console(highlight=False)))
    if explain:
        console = Console(
            highlight=False, stderr=fmt != "text", width=200 if fmt != "text" else None
        )
        _render_explanation(result, console)


def _recorded(season: str, fmt: str, explain: bool) -> None:
    """The entry list of a season that has no access list, as its clubs.csv records it."""
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
        console = Console(highlight=False)
        for rnd in data.format:
            entering = [c for c in clubs if c.round == rnd.key]
            if not entering:
                continue
            table = Table(title=f"{rnd.name} ({len(entering)} clubs entering)")
            for name in ("Club", "Association", "Label"):
                table.add_column(name)
            for c in entering:
                table.add_row(c.name, c.association, c.label.value)
            console.print(table)

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
        table = Table(title=f"{_title(round_)} ({len(entries)} clubs entering)")
        for name in ("Club", "Association", "Label"):
            table.add_column(name)
        for e in entries:
            table.add_row(e.club, e.association, e.label.value)
        console.print(table)


def _title(round_: str) -> str:
    return round_name(round_).capitalize()


def _render_explanation(result: EntryList, console: Console) -> None:
    for title, lines in result.explain():
        console.print(f"[bold]{title}[/bold]")
        for line in lines:
            console.print(f"  {line}", markup=False)
