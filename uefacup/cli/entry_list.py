"""``uefacup entry-list``: the season's entrants derived from its access list and domestic facts.

The list is computed, never read from clubs.csv, so a changed input file shows its effect here.
``--explain`` says per association how each berth was filled; with ``--format json|csv`` the
explanation goes to stderr so that stdout stays machine-readable.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

import click

from uefacup.cli.app import format_option, main, season_option

if TYPE_CHECKING:
    from rich.console import Console

    from uefacup.rules.entry_list import EntryList

FIELDS = ("club", "association", "round", "label")


@main.command("entry-list")
@season_option
@format_option("text", "json", "csv")
@click.option("--explain", is_flag=True, help="Say per association how each berth was filled.")
def entry_list_command(season: str, fmt: str, explain: bool) -> None:
    """Derive the season's entry list (club, association, entry round, label)."""
    from rich.console import Console

    from uefacup.io.entry_inputs import load_entry_inputs
    from uefacup.rules.entry_list import derive_entry_list

    result = derive_entry_list(load_entry_inputs(season))
    rows = [
        {
            "club": e.club,
            "association": e.association,
            "round": e.round,
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
    from rich.table import Table

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
    from uefacup.rules.access import round_name

    return round_name(round_).capitalize()


def _render_explanation(result: EntryList, console: Console) -> None:
    for title, lines in result.explain():
        console.print(f"[bold]{title}[/bold]")
        for line in lines:
            console.print(f"  {line}", markup=False)
