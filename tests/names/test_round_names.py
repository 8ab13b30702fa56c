"""Round names typed by people: any case, common abbreviations, derived from the season's rounds.

Issue 16: "Round names are accepted case-insensitively, with common abbreviations (`qf`,
`sf`)." The round lists below are written out by hand (not read from the package), one in the
2002-03 shape and one in a later shape with different keys, because keys are the season's
choice and the resolver may not assume any.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uefacup.names.rounds import UnknownRoundError, resolve_round

UEFA_2002 = [
    ("qualifying", "Qualifying round"),
    ("first", "First round"),
    ("second", "Second round"),
    ("third", "Third round"),
    ("fourth", "Fourth round"),
    ("quarter-final", "Quarter-finals"),
    ("semi-final", "Semi-finals"),
    ("final", "Final"),
]
CLUBS_2002 = {
    "qualifying": 82,
    "first": 96,
    "second": 48,
    "third": 32,
    "fourth": 16,
    "quarter-final": 8,
    "semi-final": 4,
    "final": 2,
}
LATER = [
    ("ko-playoff", "Knockout round play-offs"),
    ("r16", "Round of 16"),
    ("qf", "Quarter-finals"),
    ("sf", "Semi-finals"),
    ("f", "Final"),
]


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("qf", "quarter-final"),
        ("QF", "quarter-final"),
        ("sf", "semi-final"),
        ("f", "final"),
        ("q", "qualifying"),
        ("1", "first"),
        ("r1", "first"),
        ("R4", "fourth"),
        ("4th", "fourth"),
        ("first round", "first"),
        ("Quarter-finals", "quarter-final"),
        ("quarter final", "quarter-final"),
        ("QUARTERFINAL", "quarter-final"),
        ("semis", "semi-final"),
        ("finals", "final"),
        ("qual", "qualifying"),
        ("round-of-16", "fourth"),
        ("round of 32", "third"),
        ("last 8", "quarter-final"),
        ("r16", "fourth"),
    ],
)
def test_2002_03_round_names(typed: str, key: str) -> None:
    assert resolve_round(typed, UEFA_2002, CLUBS_2002) == key


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("round-of-16", "r16"),
        ("Round of 16", "r16"),
        ("R16", "r16"),
        ("quarter-finals", "qf"),
        ("semi", "sf"),
        ("final", "f"),
        ("F", "f"),
        ("play-offs", "ko-playoff"),
        ("knockout", "ko-playoff"),
        ("KO-PLAYOFF", "ko-playoff"),
    ],
)
def test_other_keys_take_the_same_abbreviations(typed: str, key: str) -> None:
    assert resolve_round(typed, LATER) == key


def test_a_form_two_rounds_share_names_neither() -> None:
    """ "first round" and "fourth round" both have the initials "fr"; the final and the first
    round both begin with "f", but "f" is the final's (an ordinal round is typed as a number)."""
    with pytest.raises(UnknownRoundError):
        resolve_round("fr", UEFA_2002)
    assert resolve_round("f", UEFA_2002) == "final"


def test_an_ambiguous_beginning_names_the_candidates() -> None:
    rounds = [("final-a", "Final A"), ("final-b", "Final B")]
    with pytest.raises(UnknownRoundError, match=r"ambiguous: it could be final-a, final-b$"):
        resolve_round("fina", rounds)
    inside = [("cup", "Cup final"), ("plate", "Plate final")]
    with pytest.raises(UnknownRoundError, match=r"it could be cup, plate$"):
        resolve_round("final", inside)


def test_unknown_is_one_line_listing_the_rounds() -> None:
    with pytest.raises(UnknownRoundError) as info:
        resolve_round("group stage", LATER)
    message = str(info.value)
    assert "\n" not in message
    assert message.endswith("ko-playoff, r16, qf, sf, f")


def _recase(text: str, flips: list[bool]) -> str:
    return "".join(
        c.upper() if up else c.lower() for c, up in zip(text, flips * len(text), strict=False)
    )


@given(st.sampled_from(UEFA_2002 + LATER), st.lists(st.booleans(), min_size=1, max_size=7))
def test_key_and_name_in_any_case(pair: tuple[str, str], flips: list[bool]) -> None:
    rounds = UEFA_2002 if pair in UEFA_2002 else LATER
    key, name = pair
    assert resolve_round(_recase(key, flips), rounds) == key
    assert resolve_round(_recase(name, flips), rounds) == key


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "uefacup", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_draw_takes_an_abbreviated_round() -> None:
    done = _cli("draw", "QF", "--seed", "1", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert '"round": "quarter-final"' in done.stdout


def test_simulate_from_takes_an_abbreviated_round() -> None:
    pytest.importorskip("numpy")
    done = _cli("simulate", "--from", "SF", "--runs", "50", "--seed", "1", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert '"from": "semi-final"' in done.stdout


@pytest.mark.parametrize("args", [("draw", "quartz"), ("simulate", "--from", "quartz")])
def test_unknown_round_on_the_command_line_is_one_line_exit_2(args: tuple[str, ...]) -> None:
    done = _cli(*args)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "unknown round 'quartz'" in done.stderr and "quarter-final" in done.stderr
