"""``uefacup replay``: the recorded season, round by round, with its statistics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from uefacup.cli.app import club_option, format_option, main, season_option
from uefacup.errors import SimulationError, UefaCupError


@main.command("replay")
@season_option
@format_option("text", "json", "csv")
@club_option
@click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="ROUND.KEY=VALUE",
    help="Replay under another tie rule, e.g. final.extra_time=golden_goal or "
    "'*.away_goals=false' (repeatable).",
)
@click.option(
    "--rules",
    "rules_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help='TOML file of tie rules by round key (or "*"), applied like --set.',
)
@click.option(
    "--plot",
    "plot_path",
    default=None,
    metavar="FILE.png|svg",
    help="Also draw the bracket (from the round of 16 unless --plot-from says otherwise).",
)
@click.option("--plot-from", default=None, metavar="ROUND", help="First round of the bracket.")
def replay_command(
    season: str,
    fmt: str,
    clubs: tuple[str, ...],
    overrides: tuple[str, ...],
    rules_file: Path | None,
    plot_path: str | None,
    plot_from: str | None,
) -> None:
    """Replay a season from its data: every tie, the final and the statistics.

    Winners are computed from the leg scores under the season's rules, never read from the
    data. JSON keys are documented in the README. CSV has one row per tie (the ties table of
    the README: aggregate, winner, decided_by); one row per leg is ``uefacup export``'s
    matches.csv. With --club, only the ties of those clubs (in JSON and CSV too; in JSON each
    round keeps only those ties and rounds without one are left out).

    With --set or --rules, every real tie is decided again under the changed rules, and the
    ties decided differently are listed. Where the new rule needs play that never happened
    (extra time after a tie that away goals decided, say), the tie is settled by the match
    model from the 90-minute score and shown with each club's chance.
    """
    from uefacup.io.season_folder import load_season
    from uefacup.replay import replay
    from uefacup.report.console import make_console
    from uefacup.report.replay_report import render_replay, replay_to_dict

    if plot_from is not None and plot_path is None:
        raise click.UsageError("--plot-from needs --plot FILE")
    if overrides or rules_file is not None:
        if fmt == "csv" or plot_path is not None:
            raise click.UsageError(
                "--format csv and --plot apply to the replay under the season's own rules, "
                "not with --set/--rules"
            )
        if clubs:
            raise UefaCupError("--club applies to the plain replay, not to --set or --rules")
        _what_if(season, fmt, overrides, rules_file)
        return
    data = load_season(season)
    only = {data.club(name).name for name in clubs} or None
    result = replay(data)
    if plot_path is not None:
        from uefacup.pictures.bracket import bracket_figure
        from uefacup.pictures.canvas import save

        save(bracket_figure(result, plot_from), plot_path)
    if fmt == "json":
        doc = replay_to_dict(result)
        if only is not None:
            doc["rounds"] = [
                {**r, "ties": kept}
                for r in doc["rounds"]
                if (kept := [t for t in r["ties"] if {t["winner"], t["loser"]} & only])
            ]
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        from uefacup.frames.ties import TIES, ties_rows
        from uefacup.io.export.tables import csv_text

        rows = ties_rows(result)
        if only is not None:
            rows = [r for r in rows if {r["winner"], r["loser"]} & only]
        click.echo(csv_text(TIES, rows), nl=False)
    else:
        render_replay(result, make_console(), only)


def _what_if(season: str, fmt: str, texts: tuple[str, ...], rules_file: Path | None) -> None:
    from uefacup.io.season_folder import load_season
    from uefacup.report.console import make_console
    from uefacup.report.whatif_report import render_whatif
    from uefacup.whatif import parse_override, read_rules_file, to_dict, what_if

    items = [parse_override(t) for t in texts]
    if rules_file is not None:
        items += read_rules_file(rules_file)
    data = load_season(season)
    models: dict[str, Any] = {}

    def settle(legs: Any, rules: Any, neutral: bool) -> tuple[dict[str, float], str]:
        try:
            from uefacup.simulate.settle import settle_tie
            from uefacup.simulate.strengths import coefficient_model
        except ImportError as exc:
            raise SimulationError(
                f"settling a tie by the model needs numpy: pip install 'uefacup[sim]' ({exc})"
            ) from None
        if "model" not in models:
            models["model"] = coefficient_model(data)
        model = models["model"]
        return settle_tie(legs, rules, neutral, model), model.description

    result = what_if(data, items, settle)
    if fmt == "json":
        click.echo(json.dumps(to_dict(result), ensure_ascii=False, indent=2))
    else:
        render_whatif(result, make_console())
