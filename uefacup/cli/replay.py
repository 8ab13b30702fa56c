"""``uefacup replay``: the recorded season, round by round, with its statistics."""

from __future__ import annotations

import json

import click
from rich.console import Console

from uefacup.cli.app import format_option, main, season_option
from uefacup.io.season_folder import load_season
from uefacup.replay import replay
from uefacup.report.replay_report import render_replay, replay_to_dict


@main.command("replay")
@season_option
@format_option("text", "json", "csv")
@click.option(
    "--plot",
    "plot_path",
    default=None,
    metavar="FILE.png|svg",
    help="Also draw the bracket (from the round of 16 unless --plot-from says otherwise).",
)
@click.option("--plot-from", default=None, metavar="ROUND", help="First round of the bracket.")
def replay_command(season: str, fmt: str, plot_path: str | None, plot_from: str | None) -> None:
    """Replay a season from its data: every tie, the final and the statistics.

    Winners are computed from the leg scores under the season's rules, never read from the
    data. JSON keys are documented in the README. CSV has one row per tie (the ties table of
    the README: aggregate, winner, decided_by); one row per leg is ``uefacup export``'s
    matches.csv.
    """
    result = replay(load_season(season))
    if plot_path is not None:
        from uefacup.pictures.bracket import bracket_figure
        from uefacup.pictures.canvas import save

        save(bracket_figure(result, plot_from), plot_path)
    elif plot_from is not None:
        raise click.UsageError("--plot-from needs --plot FILE")
    if fmt == "json":
        click.echo(json.dumps(replay_to_dict(result), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        from uefacup.frames.ties import TIES, ties_rows
        from uefacup.io.export.tables import csv_text

        click.echo(csv_text(TIES, ties_rows(result)), nl=False)
    else:
        render_replay(result, Console(highlight=False))
