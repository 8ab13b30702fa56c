"""``uefacup export``: a season written as CSV, NDJSON, JSON, Football.TXT or engsoccerdata."""

from __future__ import annotations

import click

from uefacup.cli.app import LazyChoice, main, season_option


@main.command("export")
@season_option
@click.option(
    "--format",
    "fmt",
    type=LazyChoice("uefacup.io.export", "FORMATS"),
    required=True,
    help="csv/ndjson: matches, ties and clubs tables; json: one document; football.txt: "
    "openfootball's text format; engsoccerdata: the columns of the R package's champs table.",
)
@click.option(
    "--out",
    "out",
    required=True,
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Folder to write into (created if missing; files of the same name are replaced).",
)
def export_command(season: str, fmt: str, out: str) -> None:
    """Export a season's matches, ties and clubs for other tools; prints the files written.

    The columns of the CSV, NDJSON and JSON tables are the DataFrame columns documented in the
    README (one row per leg in matches, one per tie in ties).
    """
    from uefacup.io.export import export_season
    from uefacup.io.season_folder import load_season

    for path in export_season(load_season(season), fmt, out):
        click.echo(str(path))
