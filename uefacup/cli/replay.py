"""``uefacup replay``: the recorded season, round by round, with its statistics."""

from __future__ import annotations

import json

import click

from uefacup.cli.app import club_option, format_option, main, season_option


@main.command("replay")
@season_option
@format_option("text", "json")
@club_option
def replay_command(season: str, fmt: str, clubs: tuple[str, ...]) -> None:
    """Replay a season from its data: every tie, the final and the statistics.

    Winners are computed from the leg scores under the season's rules, never read from the
    data. JSON keys are documented in the README. With --club, only the ties of those clubs
    (in JSON: each round keeps only those ties; rounds without one are left out).
    """
    from uefacup.io.season_folder import load_season
    from uefacup.replay import replay
    from uefacup.report.console import make_console
    from uefacup.report.replay_report import render_replay, replay_to_dict

    data = load_season(season)
    only = {data.club(name).name for name in clubs} or None
    result = replay(data)
    if fmt == "json":
        doc = replay_to_dict(result)
        if only is not None:
            doc["rounds"] = [
                {**r, "ties": kept}
                for r in doc["rounds"]
                if (kept := [t for t in r["ties"] if {t["winner"], t["loser"]} & only])
            ]
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        render_replay(result, make_console(), only)
