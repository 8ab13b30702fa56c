"""What a season's files must mean: dates, coefficients, scorers, clubs, stated totals.

Each case breaks one fact of the real season and checks the one line that names it; the
expected lines are written out by hand from the change made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import assert_clean_error, replace_line, run_uefacup
from uefacup.io.season_folder import load_season
from uefacup.model import Scorer, Season
from uefacup.rules.consistency import (
    club_problems,
    coefficient_problems,
    date_problems,
    entrant_problems,
    scorer_problems,
    season_problems,
    stated_total_problems,
)


@pytest.fixture(scope="module")
def season() -> Season:
    return load_season()


def _edit_leg(season: Season, round_: str, number: int, leg: int, **change: object) -> Season:
    ties = []
    for tie in season.ties:
        if tie.round == round_ and tie.number == number:
            legs = list(tie.legs)
            legs[leg - 1] = replace(legs[leg - 1], **change)  # type: ignore[arg-type]
            tie = replace(tie, legs=tuple(legs))
        ties.append(tie)
    return replace(season, ties=tuple(ties))


def test_the_real_season_is_consistent(season: Season) -> None:
    assert season_problems(season) == []


def test_second_leg_before_the_first(season: Season) -> None:
    """Atyrau v Matador Púchov: first leg 15 August 2002, second leg moved to 14 August."""
    broken = _edit_leg(season, "qualifying", 3, 2, date=dt.date(2002, 8, 14))
    assert date_problems(broken) == [
        "matches.csv: qualifying tie 3 leg 2: dated 2002-08-14, not after leg 1 (2002-08-15)"
    ]


def test_leg_outside_its_round_or_the_season(season: Season) -> None:
    """The qualifying round was scheduled for 15 and 29 August 2002; with two weeks' slack a
    leg may be dated 1 to 12 September at the latest, and nothing before 1 August."""
    late = _edit_leg(season, "qualifying", 3, 2, date=dt.date(2002, 9, 13))
    assert date_problems(late) == [
        "matches.csv: qualifying tie 3 leg 2: dated 2002-09-13, outside its round's dates "
        "(2002-08-01 to 2002-09-12, season.toml [[schedule]] round 'qualifying')"
    ]
    early = _edit_leg(season, "qualifying", 3, 1, date=dt.date(2002, 7, 31))
    assert date_problems(early) == [
        "matches.csv: qualifying tie 3 leg 1: dated 2002-07-31, outside its round's dates "
        "(2002-08-01 to 2002-09-12, season.toml [[schedule]] round 'qualifying')"
    ]
    unscheduled = replace(season, schedule=tuple(e for e in season.schedule if e.round != "first"))
    first_tie = next(t for t in season.ties if t.round == "first")
    early_first = _edit_leg(unscheduled, "first", first_tie.number, 1, date=dt.date(2002, 7, 1))
    assert date_problems(early_first) == [
        f"matches.csv: first tie {first_tie.number} leg 1: dated 2002-07-01, before the season "
        "(first scheduled 2002-08-15, season.toml [[schedule]])"
    ]


@pytest.mark.parametrize(
    ("value", "what"),
    [
        (-1.5, "coefficient -1.5 is negative"),
        (float("nan"), "coefficient nan is not a finite number"),
        (float("inf"), "coefficient inf is not a finite number"),
    ],
)
def test_coefficients_finite_and_not_negative(season: Season, value: float, what: str) -> None:
    clubs = tuple(replace(c, coefficient=value) if c.name == "Porto" else c for c in season.clubs)
    assocs = tuple(
        replace(a, coefficient=value) if a.name == "Spain" else a for a in season.associations
    )
    assert coefficient_problems(replace(season, clubs=clubs, associations=assocs)) == [
        f"associations.csv: association 'Spain': {what}",
        f"clubs.csv: club 'Porto': {what}",
    ]


def test_scorers_goals_and_minutes_must_be_possible(season: Season) -> None:
    """Porto played 13 matches (first round to the final), two with extra time (the
    quarter-final second leg at Panathinaikos and the final): at most 13 x 90 + 2 x 30 = 1,230
    minutes; no club scores 500 goals in 13 matches."""
    porto_matches = sum(1 for t in season.ties for leg in t.legs if "Porto" in (leg.home, leg.away))
    assert porto_matches == 13
    rows = (
        Scorer("Derlei", "BRA", "Porto", 11, 1231),
        Scorer("Derlei", "BRA", "Porto", 11, 1230),
        Scorer("Nobody", "XXX", "Porto", -1, 10),
        Scorer("Greedy", "XXX", "Porto", 500, 10),
    )
    problems = scorer_problems(replace(season, scorers=rows))
    assert problems[0] == (
        "scorers.csv:2: Derlei (Porto): 1231 minutes, but the club played 13 matches "
        "(1230 minutes at most)"
    )
    assert problems[1] == "scorers.csv:3: Derlei (Porto): listed twice"
    assert problems[2] == "scorers.csv:4: Nobody (Porto): goals and minutes cannot be negative"
    assert problems[3].startswith("scorers.csv:5: Greedy (Porto): 500 goals, but the club scored")
    assert len(problems) == 4


def test_every_club_named_exists(season: Season) -> None:
    broken = _edit_leg(season, "qualifying", 3, 1, home="Atlantis FC")
    scorers = (Scorer("X", "XXX", "Ghost United", 1, 90),)
    assert club_problems(replace(broken, scorers=scorers)) == [
        "matches.csv: qualifying tie 3 leg 1: 'Atlantis FC' is not in clubs.csv",
        "scorers.csv:2: 'Ghost United' is not in clubs.csv",
    ]
    assert entrant_problems(season, [("Porto", "domestic.csv:9"), ("Basel", "")]) == [
        "domestic.csv: 'Basel' enters the derived entry list but is not in clubs.csv"
    ]


def test_stated_totals_agree_or_are_documented(season: Season) -> None:
    """205 matches and 576 goals in the competition proper (seed 001): a tie left out of the
    data no longer adds up, unless NOTES.md cites the discrepancy's key."""
    first_round_tie = next(t for t in season.ties if t.round == "first")
    fewer = replace(season, ties=tuple(t for t in season.ties if t is not first_round_tie))
    goals = sum(leg.final.home + leg.final.away for leg in first_round_tie.legs)
    problems = stated_total_problems(fewer)
    assert problems[0] == (
        "season.toml [stated] matches_proper: 205 stated, the data gives 203 "
        "(a known discrepancy is cited in NOTES.md as `total:matches_proper`)"
    )
    assert problems[1].startswith(
        f"season.toml [stated] goals_proper: 576 stated, the data gives {576 - goals} "
    )
    documented = replace(
        fewer,
        notes=fewer.notes + "\n`total:matches_proper` `total:goals_proper` "
        "`total:goals_per_match_proper`\n",
    )
    assert stated_total_problems(documented) == []
    odd = replace(season, facts={**season.facts, "stated": {"goals": 1, "teams": "many"}})
    assert stated_total_problems(odd) == [
        "season.toml [stated] goals: unknown total (known: matches_proper, goals_proper, "
        "goals_per_match_proper, teams, associations)",
        "season.toml [stated] teams: must be a number, not 'many'",
    ]


def test_loader_refuses_an_inconsistent_folder(season_copy: Path) -> None:
    """The real process: every problem on its own line naming the file, exit 2."""
    replace_line(
        season_copy / "matches.csv",
        "qualifying,3,2,2002-08-29,Matador Púchov,Atyrau,2-0,,,,000",
        "qualifying,3,2,2002-08-14,Matador Púchov,Atyrau,2-0,,,,000",
    )
    replace_line(
        season_copy / "scorers.csv",
        "Derlei,BRA,Porto,11,1159",
        "Derlei,BRA,Porto,-11,1159",
    )
    code, out, err = run_uefacup("replay", "--season", str(season_copy))
    assert_clean_error(code, err, lines=2)
    assert out == ""
    assert err.splitlines() == [
        "uefacup: error: matches.csv: qualifying tie 3 leg 2: dated 2002-08-14, not after leg 1 "
        "(2002-08-15)",
        "uefacup: error: scorers.csv:2: Derlei (Porto): goals and minutes cannot be negative",
    ]
