"""``uefacup replay``: the recorded season, round by round, with its statistics."""

from __future__ import annotations

import json

import click

from uefacup.cli.app import format_option, main, season_option


@main.command("replay")
@season_option
@format_option("text", "json")
def replay_command(season: str, fmt: str) -> None:
    """Replay a season from its data: every tie, the final and the statistics.

    Winners are computed from the leg scores under the season's rules, never read from the
    data. JSON keys are documented in the README.
    """
    from uefacup.io.season_folder import load_season
    from uefacup.replay import replay
    from uefacup.report.console import make_console
    from uefacup.report.replay_report import render_replay, replay_to_dict

    result = replay(load_season(season))
    if fmt == "json":
        click.echo(json.dumps(replay_to_dict(result), ensure_ascii=False, indent=2))
    else:
        render_replay(result, make_console())
