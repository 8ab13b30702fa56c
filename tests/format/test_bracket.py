"""The recorded season must be one bracket.

Issue 13: "Each round's clubs are exactly the winners of the round before plus that round's
entrants. A club that lost cannot appear later." Issue 14 names what slipped through before:
"the loser of a semi-final placed in the final makes Lazio champion" and "a club knocked out in
the qualifying round plays on". Each case below edits one row of a copy of 2002-03 and expects
the loader, and the real ``uefacup replay`` process, to refuse it with a line naming the tie.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import replace_line
from uefacup import DataError, load_season


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_season(folder)
    return list(info.value.problems)


def test_the_loser_of_a_semi_final_cannot_play_the_final(season_copy: Path) -> None:
    """Porto beat Lazio 4-1, 0-0 (seed 001); Lazio in the final is a bracket error."""
    replace_line(
        season_copy / "matches.csv",
        # the final with its nominal home side Celtic (NOTES.md, sources.csv wp-en-final)
        'final,1,1,2003-05-21,Celtic,Porto,2-2,2-3,2-2,,"001 (result); nominal home side Celtic: '
        "wp-en-final, ie-final, tsp21; 90-minute score: ie-final-90, parcarsport-final; winner in"
        ' the second half of extra time: wp-en-final-m, parcarsport-final (115 minutes)"',
        "final,1,1,2003-05-21,Celtic,Lazio,2-2,2-3,2-2,,001",
    )
    problems = problems_of(season_copy)
    assert "matches.csv: final tie 1 (Celtic v Lazio): Lazio was knocked out before" in problems
    assert "matches.csv: final: no tie for Porto, who reached it" in problems
    done = subprocess.run(
        [sys.executable, "-m", "uefacup", "replay", "--season", str(season_copy)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "Lazio was knocked out before" in done.stderr
    assert all(
        line.startswith("uefacup: error: matches.csv: ") for line in done.stderr.splitlines()
    )


def test_a_club_knocked_out_in_qualifying_cannot_play_on(season_copy: Path) -> None:
    """Encamp lost 0-5, 0-8 to Zenit in the qualifying round (seed 000)."""
    matches = season_copy / "matches.csv"
    replace_line(
        matches,
        "first,1,1,2002-09-19,CSKA Moscow,Parma,1-1,,,,000",
        "first,1,1,2002-09-19,Encamp,Parma,1-1,,,,000",
    )
    replace_line(
        matches,
        "first,1,2,2002-10-03,Parma,CSKA Moscow,3-2,,,,000",
        "first,1,2,2002-10-03,Parma,Encamp,3-2,,,,000",
    )
    problems = problems_of(season_copy)
    assert "matches.csv: first tie 1 (Encamp v Parma): Encamp was knocked out before" in problems
    assert (
        "matches.csv: first: no tie for CSKA Moscow, who reached it (the second round has ties)"
    ) in problems


def test_a_club_cannot_play_before_the_round_it_enters(season_copy: Path) -> None:
    """Porto entered in the first round (seed 002); it cannot play a qualifying tie."""
    matches = season_copy / "matches.csv"
    replace_line(
        matches,
        "qualifying,1,1,2002-08-15,Encamp,Zenit Saint Petersburg,0-5,,,,000",
        "qualifying,1,1,2002-08-15,Encamp,Porto,0-5,,,,000",
    )
    replace_line(
        matches,
        "qualifying,1,2,2002-08-29,Zenit Saint Petersburg,Encamp,8-0,,,,000",
        "qualifying,1,2,2002-08-29,Porto,Encamp,8-0,,,,000",
    )
    problems = problems_of(season_copy)
    assert "matches.csv: qualifying tie 1 (Encamp v Porto): Porto enters in a later round" in (
        problems
    )


def drop_matches(folder: Path, *prefixes: str) -> None:
    """Delete the rows of matches.csv starting with ``prefixes``, and the sourced facts about
    those matches in match_facts.csv (same leading round,tie,leg columns)."""
    for name in ("matches.csv", "match_facts.csv"):
        path = folder / name
        lines = path.read_text("utf-8").splitlines()
        path.write_text("\n".join(x for x in lines if not x.startswith(prefixes)) + "\n", "utf-8")


def test_a_deleted_tie_leaves_clubs_without_a_tie(season_copy: Path) -> None:
    """Issue 14: "a deleted tie or round is never compared" with the bracket."""
    drop_matches(season_copy, "semi-final,1,")
    problems = problems_of(season_copy)
    assert (
        "matches.csv: semi-final: no tie for Boavista, Celtic, who reached it (the final round "
        "has ties)"
    ) in problems


def test_a_round_cannot_be_played_before_the_one_before_it_is_complete(
    season_copy: Path,
) -> None:
    drop_matches(season_copy, "quarter-final,")
    problems = problems_of(season_copy)
    assert problems == ["matches.csv: semi-final has ties but the quarter-final round has none"]


def test_a_season_in_progress_is_a_valid_bracket(season_copy: Path) -> None:
    """A season being played has its rounds filled in order: the rounds after the last one
    played are simply empty (the live season issue builds on this)."""
    drop_matches(season_copy, "quarter-final,", "semi-final,", "final,")
    # ... and has neither the final scorer table nor the season's stated totals yet (issue 14:
    # with them, the missing rounds would be a discrepancy the loader refuses)
    (season_copy / "scorers.csv").unlink()
    toml = season_copy / "season.toml"
    text = toml.read_text("utf-8")
    start = text.index("[stated]")
    toml.write_text(text[:start] + text[text.index("\n\n", start) :], "utf-8")
    season = load_season(season_copy)
    assert {t.round for t in season.ties} == {"qualifying", "first", "second", "third", "fourth"}
