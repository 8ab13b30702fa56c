"""``uefacup import``: a season folder from a results file and the format of a named season."""

from __future__ import annotations

import click

from uefacup.cli.app import main
from uefacup.errors import SeasonError


@main.command("import")
@click.option(
    "--from-csv", "from_csv", metavar="FILE", help="A flat CSV of results, one row a leg."
)
@click.option(
    "--from-football-txt", "from_txt", metavar="FILE", help="A Football.TXT file (openfootball)."
)
@click.option(
    "--format-of",
    "format_of",
    required=True,
    metavar="SEASON|PATH",
    help="Season whose format (rounds, tie rules, draws) and club facts the import takes.",
)
@click.option("--out", "out", required=True, metavar="DIR", help="New season folder to write.")
@click.option("--key", default=None, help="Season key (default: the folder's name).")
@click.option("--title", default=None, help="Season title (default: the file's, or the key).")
@click.option(
    "--clubs",
    "clubs_file",
    default=None,
    metavar="FILE",
    help="CSV club,association,label[,coefficient,coefficient_source] for clubs the format "
    "season does not know (the export's clubs.csv has these columns).",
)
def import_command(
    from_csv: str | None,
    from_txt: str | None,
    format_of: str,
    out: str,
    key: str | None,
    title: str | None,
    clubs_file: str | None,
) -> None:
    """Build a season folder from a results file, then check it like any season.

    \b
    uefacup export --format csv --out exp && \\
      uefacup import --from-csv exp/matches.csv --format-of 2002-03 --out my-season
    uefacup import --from-football-txt cup.txt --format-of example-cup32 --out my-cup

    The CSV needs round, home, away, home_goals_90 and away_goals_90 (the export's matches.csv
    has them and more: tie, leg, date, extra time, penalties, associations). Football.TXT round
    headings are the format's round names. Clubs enter at the first round they play; their
    association, label and coefficient come from the file, --clubs or the format season.
    """
    from uefacup.io.importers import import_season

    if (from_csv is None) == (from_txt is None):
        raise SeasonError("give one of --from-csv FILE or --from-football-txt FILE")
    path, kind = (from_csv, "csv") if from_csv is not None else (from_txt, "football.txt")
    assert path is not None
    season = import_season(
        path, kind, format_of=format_of, out=out, key=key, title=title, clubs_file=clubs_file
    )
    click.echo(
        f"{out}: season {season.key}, {len(season.clubs)} clubs, {len(season.ties)} ties "
        f"({sum(len(t.legs) for t in season.ties)} matches); try: uefacup replay --season {out}"
    )
