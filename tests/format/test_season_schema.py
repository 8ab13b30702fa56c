"""season.toml is validated strictly: every problem one line naming the file, table and key.

Issue 13: "Wrong types, unknown or misspelt keys, and impossible combinations are errors.
Examples: a two-legged round with legs = 2.9; a seeded round with an odd pot; group sizes that
do not add up." Issue 13 also names the silent failures this prevents: renaming ``extra_time``
in the final's table turned the silver-goal final into full extra time, and
``away_goals = "no"`` read as true.

The error tests run the real ``uefacup`` process, so a traceback cannot hide.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from uefacup import DataError, load_season

FINAL_TABLE = """key = "final"
name = "Final"
legs = 1
venue = "neutral"
away_goals = false
away_goals_in_extra_time = false
extra_time = "silver_goal"
"""


QUALIFYING_DRAW = "groups of our making.\ndraw = { seeded = true, associations_apart = true }"
"""The end of the qualifying round's draw in the embedded season.toml (no groups: NOTES.md)."""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "uefacup", *args], capture_output=True, text=True, timeout=120
    )


def edit(folder: Path, old: str, new: str) -> Path:
    toml = folder / "season.toml"
    text = toml.read_text("utf-8")
    assert text.count(old) == 1, old
    toml.write_text(text.replace(old, new), "utf-8")
    return folder


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_season(folder)
    return list(info.value.problems)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'extra_time = "silver_goal"',
            'extra_tme = "silver_goal"',
            "season.toml [[format.round]] #8 (final) extra_tme: unknown key "
            "(did you mean 'extra_time'?)",
        ),
        (
            'away_goals = false\naway_goals_in_extra_time = false\nextra_time = "silver_goal"',
            'away_goals = "no"\naway_goals_in_extra_time = false\nextra_time = "silver_goal"',
            "season.toml [[format.round]] #8 (final) away_goals: must be true or false, got 'no'",
        ),
        (
            'legs = 1\nvenue = "neutral"',
            'legs = 2.9\nvenue = "neutral"',
            "season.toml [[format.round]] #8 (final) legs: must be 1 or 2, got 2.9",
        ),
        (
            QUALIFYING_DRAW,
            QUALIFYING_DRAW.replace("true, a", "true, groups = [8, 8, 8, 8, 8, 8, 8, 8, 7, 11], a"),
            "season.toml [[format.round]] #1 (qualifying) draw.groups[9]: a group of 7 clubs "
            "cannot be split into equal seeded and unseeded pots",
        ),
        (
            QUALIFYING_DRAW,
            QUALIFYING_DRAW.replace("true, a", "true, groups = [8, 8, 8, 8, 8, 8, 8, 8, 8, 8], a"),
            "season.toml [[format.round]] #1 (qualifying) draw.groups: add up to 80, but the "
            "round has 82 clubs",
        ),
        (
            'legs = 1\nvenue = "neutral"',
            "legs = 1",
            "season.toml [[format.round]] #8 (final) venue: a one-leg round needs venue",
        ),
        (
            'draw = { seeded = false, held_with = ["final"] }',
            'draw = { seeded = false, held_with = ["quarter-final"] }',
            "season.toml [[format.round]] #7 (semi-final) draw.held_with: must name the rounds "
            "straight after this one, in order (final), got quarter-final",
        ),
        (
            'name = "Third round"\nentrants = 8\n'
            "draw = { seeded = true, associations_apart = true }",
            'name = "Third round"\nentrants = 8\ndraw = { seeded = true, associations_apart = '
            'true, held_with = ["fourth"] }',
            "season.toml [[format.round]] #4 (third) draw.held_with: 'fourth' is seeded, but a "
            "draw held before its clubs are known cannot be seeded",
        ),
        (
            "entrants = 55",
            "entrants = 56",
            "season.toml [[format.round]] #2 (first) entrants: says 56, clubs.csv has 55 clubs",
        ),
        (
            'draw = { seeded = false }\n\n[[format.round]]\nkey = "semi-final"',
            "draw = { seeded = false, associations_apart = true }\n\n[[format.round]]\n"
            'key = "semi-final"',
            "season.toml [[format.round]] #6 (quarter-final) draw.associations_apart: only a "
            "seeded draw keeps apart",
        ),
    ],
)
def test_each_bad_value_is_one_line_naming_the_key(
    season_copy: Path, old: str, new: str, expected: str
) -> None:
    problems = problems_of(edit(season_copy, old, new))
    assert any(p.startswith(expected) for p in problems), problems


def test_misspelt_key_fails_the_real_command_with_status_2(season_copy: Path) -> None:
    """The silent failure of issue 13: the final's ``extra_time`` renamed."""
    edit(season_copy, 'extra_time = "silver_goal"', 'extratime = "silver_goal"')
    done = run("replay", "--season", str(season_copy))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        "uefacup: error: season.toml [[format.round]] #8 (final) extratime: unknown key (did you "
        "mean 'extra_time'?); known: legs, away_goals, away_goals_in_extra_time, extra_time, "
        "extra_time_minutes, penalties, key, name, short, proper, venue, entrants, draw"
    ]


def test_every_problem_is_listed_at_once(season_copy: Path) -> None:
    edit(season_copy, "legs = 1\n", "legs = 3\n")
    edit(season_copy, 'name = "Semi-finals"', 'name = "Semi-finals"\nlegz = 2')
    edit(season_copy, 'draw_place = "Monaco"', 'draw_place = "Monaco"\nweekday = "Friday"')
    done = run("replay", "--season", str(season_copy))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 3, lines
    assert lines[0].startswith("uefacup: error: season.toml [[schedule]] #2 weekday: unknown key")
    assert lines[1].startswith("uefacup: error: season.toml [[format.round]] #7 (semi-final) legz")
    assert lines[2] == (
        "uefacup: error: season.toml [[format.round]] #8 (final) legs: must be 1 or 2, got 3"
    )


def test_a_truncated_file_loses_its_format_and_says_so(season_copy: Path) -> None:
    """Issue 14: "a truncated season.toml loads, with its later tables gone"."""
    toml = season_copy / "season.toml"
    text = toml.read_text("utf-8")
    toml.write_text(text[: text.index("[format.defaults]")], "utf-8")
    assert problems_of(season_copy) == ["season.toml format: required key is missing"]


def test_clubs_must_enter_a_round_of_the_format(season_copy: Path) -> None:
    clubs = season_copy / "clubs.csv"
    text = clubs.read_text("utf-8")
    clubs.write_text(text.replace("Ipswich Town,England,qualifying", "Ipswich Town,England,prelim"))
    problems = problems_of(season_copy)
    assert problems == [
        "clubs.csv:2: club 'Ipswich Town': unknown round 'prelim' (rounds: qualifying, first, "
        "second, third, fourth, quarter-final, semi-final, final)"
    ]


def test_a_forbidden_pair_must_name_clubs_of_the_season(season_copy: Path) -> None:
    edit(
        season_copy,
        'name = "Second round"\ndraw = { seeded = true, associations_apart = true }',
        'name = "Second round"\ndraw = { seeded = true, associations_apart = true, '
        'forbidden_pairs = [["Celtic", "Rangerz"]] }',
    )
    assert problems_of(season_copy) == [
        "season.toml [[format.round]] #3 (second) draw.forbidden_pairs: unknown club 'Rangerz'"
    ]


def test_schedule_names_rounds_of_the_format(season_copy: Path) -> None:
    edit(season_copy, 'round = "third"\ndraw_date', 'round = "3rd"\ndraw_date')
    problems = problems_of(season_copy)
    assert problems[0].startswith("season.toml [[schedule]] #4 round: unknown round '3rd'")
