"""Regenerate the fictional example seasons' draws and results (their matches.csv).

The example seasons (uefacup/seasons/example-*) are made up. Their clubs.csv and season.toml
are written by hand; this script draws every round with the package's own draw procedure under
the season's format and plays each tie with a plain Poisson model, adding extra time and a
shoot-out only where the season's tie rules ask for them. Run from the repository root:

    python scripts/make_example_seasons.py

The seeds below made the shipped files.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
import tomllib
from pathlib import Path

from uefacup.draw.rounds import draw_round, rules_for
from uefacup.draw.teams import Team
from uefacup.errors import TieError
from uefacup.format.load import build_format, parse_season_file
from uefacup.format.rounds import Venue
from uefacup.model import ExtraTime, Leg, RuleSet, Score
from uefacup.rules.ties import resolve_tie

D = dt.date.fromisoformat
SEASONS = {
    "example-cup32": (
        13,
        {
            "round-of-32": [D("2030-09-18")],
            "round-of-16": [D("2030-10-23"), D("2030-11-06")],
            "quarter-final": [D("2031-03-06"), D("2031-03-20")],
            "semi-final": [D("2031-04-10"), D("2031-04-24")],
            "final": [D("2031-05-20")],
        },
    ),
    "example-two-legged-final": (
        1,
        {
            "first": [D("2030-09-17"), D("2030-10-01")],
            "second": [D("2030-10-22"), D("2030-11-05")],
            "quarter-final": [D("2031-03-04"), D("2031-03-18")],
            "semi-final": [D("2031-04-08"), D("2031-04-22")],
            "final": [D("2031-05-13"), D("2031-05-27")],
        },
    ),
}
SHOOTOUTS = [(4, 3), (5, 4), (3, 1), (4, 2), (5, 3), (6, 5), (3, 2)]
COLUMNS = ["round", "tie", "leg", "date", "home", "away", "score", "aet", "et_half", "pens"]


def poisson(rng: random.Random, lam: float) -> int:
    """Knuth's method: plenty for a few hundred matches."""
    limit, k, p = math.exp(-max(lam, 0.05)), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def leg(
    rng: random.Random, home: str, away: str, strength: dict[str, float], neutral: bool
) -> Score:
    edge = 0.0 if neutral else 0.25
    diff = (strength[home] - strength[away]) * 0.08
    return Score(poisson(rng, 1.1 + edge + diff), poisson(rng, 1.1 - edge / 2 - diff))


def play(
    rng: random.Random, a: str, b: str, rules: RuleSet, strength: dict[str, float], neutral: bool
) -> tuple[list[Leg], str]:
    """The legs of one tie, completed step by step until the season's rule decides it."""
    legs = [Leg(a, b, leg(rng, a, b, strength, False))] if rules.legs == 2 else []
    host, visitor = (b, a) if rules.legs == 2 else (a, b)
    last = Leg(host, visitor, leg(rng, host, visitor, strength, neutral))
    while True:
        try:
            return [*legs, last], resolve_tie([*legs, last], rules).winner
        except TieError:
            if last.after_extra_time is None and rules.extra_time is not ExtraTime.NONE:
                extra = Score(poisson(rng, 0.35), poisson(rng, 0.35))
                after = Score(last.regular.home + extra.home, last.regular.away + extra.away)
                last = Leg(host, visitor, last.regular, after)
            elif last.penalties is None:
                kicks = rng.choice(SHOOTOUTS)
                pens = Score(*kicks) if rng.random() < 0.5 else Score(kicks[1], kicks[0])
                last = Leg(host, visitor, last.regular, last.after_extra_time, None, pens)
            else:
                raise


def generate(folder: Path, seed: int, dates: dict[str, list[dt.date]]) -> str:
    spec, problems = parse_season_file(tomllib.loads((folder / "season.toml").read_text()))
    assert spec is not None, problems
    fmt = build_format(spec.format)
    with open(folder / "clubs.csv", encoding="utf-8") as f:
        clubs = list(csv.DictReader(f))
    info = {c["name"]: c for c in clubs}
    strength = {c["name"]: float(c["coefficient"]) / 10 for c in clubs}
    rng = random.Random(seed)
    rows: list[list[object]] = []
    alive: list[str] = []
    for rnd in fmt:
        names = alive + [c["name"] for c in clubs if c["round"] == rnd.key]
        teams = [Team(n, info[n]["association"], float(info[n]["coefficient"])) for n in names]
        neutral = rnd.legs == 1 and rnd.venue is Venue.NEUTRAL
        alive = []
        for number, pair in enumerate(draw_round(teams, rules_for(rnd), rng).ties, 1):
            legs, winner = play(rng, pair.home, pair.away, rnd.rules, strength, neutral)
            for i, played in enumerate(legs, 1):
                rows.append(
                    [
                        rnd.key,
                        number,
                        i,
                        dates[rnd.key][i - 1].isoformat(),
                        played.home,
                        played.away,
                        str(played.regular),
                        str(played.after_extra_time or ""),
                        "",
                        str(played.penalties or ""),
                    ]
                )
            alive.append(winner)
    with open(folder / "matches.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([*COLUMNS, "source"])
        writer.writerows([*row, "example"] for row in rows)
    return alive[0]


if __name__ == "__main__":
    for name, (seed, dates) in SEASONS.items():
        champion = generate(Path("uefacup/seasons") / name, seed, dates)
        print(f"{name}: {champion}")
