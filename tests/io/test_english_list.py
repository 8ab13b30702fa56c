"""The English match-list format: `Home 2-1 Away` legs plus a "won ... on ..." line."""

from __future__ import annotations

from pathlib import Path

import pytest

from uefacup import ParseError
from uefacup.io.english_list import (
    parse_coefficient_table,
    parse_english_matches,
    parse_page_ranking,
)

SAMPLE = """==Matches==

Vaduz 1-1 Livingston

Livingston 0-0 Vaduz
1–1 on aggregate; Livingston won on away goals.
----

Sigma Olomouc 2-1 Sarajevo

Sarajevo 2-1 Sigma Olomouc
2–2 on aggregate; Sarajevo won 5–3 on penalties.
----
Litex Lovech 5-0 Atlantas
Atlantas 1-3 Litex Lovech
Litex Lovech won 8–1 on aggregate.
A total of 145 teams took part.
"""


def test_three_kinds_of_result_line() -> None:
    vaduz, sigma, litex = parse_english_matches(SAMPLE)
    assert (vaduz.winner, vaduz.method, vaduz.stated_aggregate) == (
        "Livingston",
        "away goals",
        (1, 1),
    )
    assert (sigma.method, sigma.stated_penalties) == ("penalties", (5, 3))
    assert litex.legs[1].home == "Atlantas" and litex.legs[1].away_goals == 3
    assert litex.stated_aggregate == (8, 1)


def test_tie_without_result_line_is_an_error() -> None:
    with pytest.raises(ParseError, match="without a result line"):
        parse_english_matches("==Matches==\nA 1-0 B\nB 0-0 A\n")


def test_missing_section() -> None:
    with pytest.raises(ParseError, match="no '==Matches==' section"):
        parse_english_matches("nothing here")


def test_coefficient_and_ranking_rows() -> None:
    assert parse_coefficient_table("| Ipswich Town | 32.729 |") == [("Ipswich Town", 32.729, 1)]
    rank = parse_page_ranking(
        "23 Federal Republic of Yugoslavia Yugoslavia 15.415\n17 Switzerland Switzerland 21.865"
    )
    assert rank[23][0] == "Yugoslavia" and rank[17][:2] == ("Switzerland", 21.865)


def test_real_match_list_has_41_ties(seeds_dir: Path) -> None:
    """Seed-reading test: seed 003 lists all 41 qualifying-round ties."""
    text = next(seeds_dir.glob("003_*.txt")).read_text("utf-8")
    assert len(parse_english_matches(text)) == 41
