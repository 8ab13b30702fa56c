"""``uefacup check-sources``: every disagreement between the seed texts and the dataset."""

from __future__ import annotations

import json
import sys

import click

from uefacup.cli.app import format_option, main, season_option


@main.command("check-sources")
@season_option
@click.option(
    "--seeds",
    "seeds_dir",
    default=None,
    metavar="DIR",
    help="Folder of seed texts (default: $UEFACUP_SEEDS, then ../shared/seeds).",
)
@format_option("text", "json")
def check_sources_command(season: str, seeds_dir: str | None, fmt: str) -> None:
    """Reconcile the seed sources and the match facts with the season's data; list disagreements.

    Each disagreement carries a key; the season's NOTES.md cites that key where it records the
    decision. Exit status 1 when a disagreement is not documented there, 0 otherwise.
    """
    from uefacup.io.season_folder import load_season_with_aliases
    from uefacup.io.seeds import find_seeds, read_seeds
    from uefacup.reconcile import reconcile
    from uefacup.reconcile_facts import folder_fact_discrepancies
    from uefacup.report.columns import Column, fit
    from uefacup.report.console import GAP, is_plain, make_console, print_table, print_wrapped

    loaded = load_season_with_aliases(season)
    items = reconcile(loaded.season, loaded.aliases, read_seeds(find_seeds(seeds_dir)))
    items += folder_fact_discrepancies(loaded.path)
    notes = loaded.season.notes
    undocumented = [d for d in items if not d.documented_in(notes)]
    if fmt == "json":
        payload = [
            {
                "key": d.key,
                "kind": d.kind,
                "subject": d.subject,
                "source": d.source,
                "stated": d.stated,
                "dataset": d.dataset,
                "documented": d.documented_in(notes),
            }
            for d in items
        ]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        console = make_console()
        title = f"{len(items)} disagreements between sources and dataset"
        documented = ["yes" if d.documented_in(notes) else "NO" for d in items]
        warn = ["" if mark == "yes" else "bold red" for mark in documented]
        columns = [
            Column("Kind", [d.kind for d in items], min_width=8),
            Column("Subject", [d.subject for d in items], min_width=12),
            Column("Source says", [d.stated for d in items], min_width=8),
            Column("Dataset", [d.dataset for d in items], min_width=8),
            Column("Source", [d.source for d in items], min_width=8),
            Column(
                "In NOTES",
                documented,
                short=Column("NOTES", documented, styles=warn),
                styles=warn,
            ),
        ]
        if not is_plain(console) and fit(columns, console.width, GAP).fits:
            print_table(console, columns, title=title)
        else:
            # piped, or a terminal too narrow for six columns: a paragraph per disagreement
            print_wrapped(console, title, style="bold")
            for d in items:
                mark = "" if d.documented_in(notes) else "  [not in NOTES]"
                print_wrapped(
                    console,
                    f"- {d.kind}: {d.subject}: {d.source} says {d.stated}; "
                    f"dataset: {d.dataset}  (key {d.key}){mark}",
                    hanging=2,
                )
        click.echo(f"{len(items) - len(undocumented)} of {len(items)} documented in NOTES.md")
    if undocumented:
        sys.exit(1)
