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
    from uefacup.io.entry_inputs import load_entry_inputs
    from uefacup.report.console import make_console
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
        _render_tables(result, make_console())
    if explain:
        # beside JSON or CSV the explanation goes to stderr, keeping stdout machine-readable
        _render_explanation(result, make_console(stderr=fmt != "text"))


def _render_tables(result: EntryList, console: Console) -> None:
    """One table per round in the order clubs enter; counts in the titles for checking."""
    from uefacup.report.columns import Column
    from uefacup.report.console import print_table

    order = list(result.counts.sizes)
    entering = {e.round for e in result.entries}
    for round_ in sorted(
        entering, key=lambda r: order.index(r) if r in order else -1, reverse=True
    ):
        entries = result.in_round(round_)
        columns = [
            Column("Club", [e.club for e in entries]),
            Column("Association", [e.association for e in entries]),
            Column("Label", [e.label.value for e in entries]),
        ]
        print_table(console, columns, title=f"{_title(round_)} ({len(entries)} clubs entering)")
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
