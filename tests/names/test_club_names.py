"""Club names typed by people resolve through the season's names and aliases, in any case.

Issue 16: "`season.club("celtic")` or "FC Porto": names are case- and alias-sensitive" and
"Club names resolve through the alias table, case-insensitively, in the CLI and the library.
Add the common English variants ("FC Porto", "Celtic FC")."
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import invoke_cli
from uefacup import load_season
from uefacup.errors import UnknownClubError

SEASON = load_season("2002-03")
NAMES = sorted(c.name for c in SEASON.clubs)


@pytest.mark.parametrize(
    ("typed", "club"),
    [
        ("celtic", "Celtic"),
        ("CELTIC", "Celtic"),
        ("FC Porto", "Porto"),
        ("fc porto", "Porto"),
        ("Celtic FC", "Celtic"),
        ("SS Lazio", "Lazio"),
        ("besiktas", "Beşiktaş"),
        ("Besiktas JK", "Beşiktaş"),
        ("Dynamo Kiev", "Dynamo Kyiv"),
        ("Sporting Lisbon", "Sporting CP"),
        ("PSG", "Paris Saint-Germain"),
        ("paris saint germain", "Paris Saint-Germain"),
        ("Paris", "Paris Saint-Germain"),  # the first word of one club only
        ("Wisla Krakow", "Wisła Kraków"),
        ("ПОРТУ", "Porto"),  # the Kazakh list's spelling, already in aliases.csv
    ],
)
def test_season_club_takes_any_case_and_alias(typed: str, club: str) -> None:
    assert SEASON.club(typed).name == club


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@given(st.sampled_from(NAMES), st.booleans(), st.booleans())
def test_every_club_in_any_case_and_without_accents(name: str, upper: bool, plain: bool) -> None:
    typed = name.upper() if upper else name.lower()
    if plain:
        typed = _strip_accents(typed)
    assert SEASON.club(typed).name == name


def test_an_ambiguous_name_lists_the_clubs_on_one_line() -> None:
    with pytest.raises(UnknownClubError) as info:
        SEASON.club("Dinamo")
    message = str(info.value)
    assert "\n" not in message
    for club in ("Dinamo Minsk", "Dinamo Tbilisi", "Dinamo Zagreb"):
        assert club in message


def test_an_unknown_name_is_a_key_error_with_close_matches() -> None:
    with pytest.raises(KeyError) as info:
        SEASON.club("Portoo")
    assert str(info.value) == "unknown club 'Portoo'; close: Porto"


def test_replay_club_shows_only_that_clubs_ties() -> None:
    """Celtic's 2002-03 run: Sūduva, Blackburn Rovers, Celta Vigo, VfB Stuttgart, Liverpool,
    Boavista, then the final against Porto: seven ties."""
    code, out, _ = invoke_cli("replay", "--club", "celtic fc", "--format", "json")
    assert code == 0
    ties = [t for r in json.loads(out)["rounds"] for t in r["ties"]]
    opponents = [t["loser"] if t["winner"] == "Celtic" else t["winner"] for t in ties]
    assert opponents == [
        "Sūduva",
        "Blackburn Rovers",
        "Celta Vigo",
        "VfB Stuttgart",
        "Liverpool",
        "Boavista",
        "Porto",
    ]
    code, text, _ = invoke_cli("replay", "--club", "celtic fc")
    assert code == 0
    first_legs = [line for line in text.splitlines() if re.match(r"\s*\d+\. ", line)]
    assert len(first_legs) == 7 and all("Celtic" in line for line in first_legs)
    assert "Top scorers" not in text


def test_simulate_club_shows_that_clubs_row() -> None:
    pytest.importorskip("numpy")
    args = ("simulate", "--runs", "100", "--seed", "3", "--club", "SS Lazio")
    code, out, _ = invoke_cli(*args, "--format", "json")
    assert code == 0
    assert [c["club"] for c in json.loads(out)["clubs"]] == ["Lazio"]
    code, csv_text, _ = invoke_cli(*args, "--format", "csv")
    assert code == 0 and [line.split(",")[0] for line in csv_text.splitlines()] == ["club", "Lazio"]
    code, text, _ = invoke_cli(*args)
    assert code == 0
    rows = [line for line in text.splitlines() if line.startswith(("Lazio", "Porto", "Celtic"))]
    assert len(rows) == 1 and rows[0].startswith("Lazio")


@pytest.mark.parametrize("command", ["replay", "simulate"])
def test_unknown_club_on_the_command_line_is_one_line_exit_2(command: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "uefacup", command, "--club", "Dinamo"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "ambiguous" in done.stderr and "Dinamo Zagreb" in done.stderr
