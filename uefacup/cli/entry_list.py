"""``uefacup entry-list``: the season's entrants derived from its access list and domestic facts.

The list is computed, never read from clubs.csv, so a changed input file shows its effect here.
``--explain`` says per association how each berth was filled; with ``--format json|csv`` the
explanation goes to stderr so that stdout stays machine-readable.
"""

from __future__ import annotations

import csv
import io
import json

import click
from rich.console import Console
from rich.table import Table

from uefacup.cli.app import format_option, main, season_option
from uefacup.errors import DataError
from uefacup.io.entry_inputs import load_entry_inputs
from uefacup.io.season_folder import load_season
from uefacup.model import Round
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
    """Derive the season's entry list (club, association, entry round, label)."""
    inputs = load_entry_inputs(season)
    result = derive_entry_list(inputs)
    _check_entrants(season, inputs, result, what_if)
    rows = [
        {
            "club": e.club,
            "association": e.association,
            "round": e.round.value,
            "label": e.label.value,
        }
        for e in result.entries
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buffer.getvalue(), nl=False)
    else:
        _render_tables(result, Console(highlight=False))
    if explain:
        console = Console(
            highlight=False, stderr=fmt != "text", width=200 if fmt != "text" else None
        )
        _render_explanation(result, console)


def _render_tables(result: EntryList, console: Console) -> None:
    """One table per round in the order clubs enter; counts in the titles for checking."""
    for round_ in sorted({e.round for e in result.entries}, key=lambda r: r.order, reverse=True):
        entries = result.in_round(round_)
        table = Table(title=f"{_title(round_)} ({len(entries)} clubs entering)")
        for name in ("Club", "Association", "Label"):
            table.add_column(name)
        for e in entries:
            table.add_row(e.club, e.association, e.label.value)
        console.print(table)


def _title(round_: Round) -> str:
    return round_name(round_).capitalize()


def _render_explanation(result: EntryList, console: Console) -> None:
    for title, lines in result.explain():
        console.print(f"[bold]{title}[/bold]")
        for line in lines:
            console.print(f"  {line}", markup=False)
