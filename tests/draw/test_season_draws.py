"""The real 2002-03 pots and ties, read through the season loader.

Skipped with a reason where the season loader is unavailable.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uefacup.draw import draw_season_round, season_teams, seed_pots
from uefacup.model import Round, Season

season_folder = pytest.importorskip("uefacup.io.season_folder")

SOURCES = Path(__file__).resolve().parents[3] / "shared" / "sources"
CSV_NAMES = {  # the CSV prints names without diacritics / in local spelling
    "Alaves": "Alavés",
    "Malaga": "Málaga",
    "Besiktas": "Beşiktaş",
    "Wisla Krakow": "Wisła Kraków",
    "Fenerbahce": "Fenerbahçe",
    "Sparta Praha": "Sparta Prague",
    "Slavia Praha": "Slavia Prague",
    "Legia Warszawa": "Legia Warsaw",
}


@pytest.fixture(scope="module")
def season() -> Season:
    loaded: Season = season_folder.load_season("2002-03")
    return loaded


def test_real_qualifying_ties_pair_seeded_with_unseeded_of_other_associations(
    season: Season,
) -> None:
    """Seed 003: seeded v unseeded by 2002 coefficient; no two clubs of one association."""
    pots = seed_pots(season_teams(season, Round.QUALIFYING))
    assert len(pots.seeded) == len(pots.unseeded) == 41
    seeded = {t.name for t in pots.seeded}
    ties = season.ties_of(Round.QUALIFYING)
    assert len(ties) == 41
    for tie in ties:
        assert len(seeded & set(tie.clubs)) == 1, tie.describe()
        assert season.club(tie.first).association != season.club(tie.second).association


def test_real_second_round_pairs_the_listed_seeded_and_unseeded_clubs(season: Season) -> None:
    path = SOURCES / "club-coefficients-2002-partial.csv"
    if not path.exists():
        pytest.skip("shared sources not present")
    status = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["seeded_in_second_round"]:
                status[CSV_NAMES.get(row["club"], row["club"])] = row["seeded_in_second_round"]
    ties = season.ties_of(Round.SECOND)
    names = {c for t in ties for c in t.clubs}
    assert set(status) <= names, set(status) - names
    for tie in ties:
        marks = [status.get(c) for c in tie.clubs]
        assert marks.count("yes") == 1, tie.describe()
        assert "yes" in marks and marks.count("no") <= 1
        assert season.club(tie.first).association != season.club(tie.second).association


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_real_qualifying_draw_never_deadlocks_or_breaks_a_rule(season: Season, seed: int) -> None:
    result = draw_season_round(season, Round.QUALIFYING, random.Random(seed), seed=seed)
    assert len(result.ties) == 41
    seeded = {t.name: g.number for g in result.groups for t in g.seeded}
    unseeded = {t.name: g.number for g in result.groups for t in g.unseeded}
    for tie in result.ties:
        s = tie.home if tie.home in seeded else tie.away
        u = tie.away if s == tie.home else tie.home
        assert seeded[s] == unseeded[u] == tie.group
        assert season.club(s).association != season.club(u).association


def test_later_rounds_need_coefficients_or_an_explicit_fallback(season: Season) -> None:
    from uefacup.errors import DrawError

    with pytest.raises(DrawError, match="no club coefficient"):
        draw_season_round(season, Round.SECOND, random.Random(1))
    result = draw_season_round(season, Round.SECOND, random.Random(1), fallback_coefficient=0.0)
    assert len(result.ties) == 24
    final = draw_season_round(season, Round.FINAL, random.Random(1))
    assert {final.ties[0].home, final.ties[0].away} == set(season.ties_of(Round.FINAL)[0].clubs)
