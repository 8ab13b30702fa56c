"""The real 2002-03 pots and ties, read through the season loader.

Skipped with a reason where the season loader is unavailable.
"""

from __future__ import annotations

import random

import pytest
from draw_helpers import second_round_marks
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Snapshots
from tests.snapshots import render
from uefacup.draw import (
    DrawGroup,
    DrawResult,
    draw_groups,
    draw_season_round,
    season_teams,
    seed_pots,
)
from uefacup.draw.rounds import prepare_groups, rules_for
from uefacup.model import Round, Season

season_folder = pytest.importorskip("uefacup.io.season_folder")


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


@pytest.mark.shared
def test_real_second_round_pairs_the_listed_seeded_and_unseeded_clubs(season: Season) -> None:
    status = second_round_marks()
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
    """Without a season fallback rule, clubs without a coefficient are an error."""
    from dataclasses import replace

    from uefacup.errors import DrawError

    with pytest.raises(DrawError, match="no club coefficient"):
        draw_season_round(
            replace(season, coefficient_fallback=None), Round.SECOND, random.Random(1)
        )
    result = draw_season_round(season, Round.SECOND, random.Random(1), fallback_coefficient=0.0)
    assert len(result.ties) == 24
    final = draw_season_round(season, Round.FINAL, random.Random(1))
    assert {final.ties[0].home, final.ties[0].away} == set(season.ties_of(Round.FINAL)[0].clubs)


FALLBACK_COEFFICIENT = 10.0
"""Coefficient for the clubs the 2002 lists do not cover (first round onwards), as in
``uefacup draw first --seed 1 --fallback-coefficient 10``. It only moves those clubs in the
seeding order; every rule checked below holds whatever the pots are."""


def test_real_draws_and_logs_are_those_recorded_before_the_incremental_engine(
    season: Season, snapshot: Snapshots
) -> None:
    """The ties and the whole log (balls, open options, closures) of every real round for three
    seeds, against readable snapshots recorded with the engine as it was before the incremental
    matching (they reproduce the sha256 digests that were pinned here before): the faster
    engine draws the same ties and writes the same log for a given seed."""
    for round_ in Round:
        for seed in (1, 2, 2003):
            result = draw_season_round(
                season,
                round_,
                random.Random(seed),
                seed=seed,
                fallback_coefficient=FALLBACK_COEFFICIENT,
            )
            snapshot.check(f"draws/{round_.value}-{seed}.txt", render(result.to_json()))


@pytest.fixture(scope="module")
def prepared(season: Season) -> dict[Round, tuple[DrawGroup, ...]]:
    """Every round's draw groups, formed once: forming them uses no random number."""
    return {
        r: prepare_groups(
            season_teams(season, r),
            rules_for(season.format.round(r)),
            fallback_coefficient=FALLBACK_COEFFICIENT,
        )
        for r in Round
    }


def test_prepared_groups_draw_exactly_like_draw_season_round(
    season: Season, prepared: dict[Round, tuple[DrawGroup, ...]]
) -> None:
    for round_ in Round:
        for seed in (0, 5, 99):
            direct = draw_season_round(
                season, round_, random.Random(seed), fallback_coefficient=FALLBACK_COEFFICIENT
            )
            rules = rules_for(season.format.round(round_))
            via = draw_groups(prepared[round_], rules, random.Random(seed))
            assert direct.groups == via.groups and direct.log == via.log


def check_season_draw(season: Season, round_: Round, result: DrawResult) -> None:
    """Every club of the round once; seeded v unseeded of one group; associations apart."""
    clubs, association = _expected(season, round_)
    assert sorted(c for tie in result.ties for c in (tie.home, tie.away)) == clubs, round_
    homes = [b.club for b in result.log if b.role == "home"]
    assert homes == [t.home for t in result.ties]
    if not result.rules.seeded:
        assert len(result.groups) == 1 and all(not b.closed for b in result.log)
        return
    seeded = {t.name: g.number for g in result.groups for t in g.seeded}
    unseeded = {t.name: g.number for g in result.groups for t in g.unseeded}
    assert set(seeded).isdisjoint(unseeded)
    for tie in result.ties:
        if tie.home in seeded:
            s, u = tie.home, tie.away
        else:
            s, u = tie.away, tie.home
        assert s in seeded and u in unseeded, (round_, tie)
        assert seeded[s] == unseeded[u] == tie.group, (round_, tie)
        assert association[s] != association[u], (round_, tie)


_EXPECTED: dict[tuple[str, Round], tuple[list[str], dict[str, str]]] = {}


def _expected(season: Season, round_: Round) -> tuple[list[str], dict[str, str]]:
    """The round's clubs (sorted) and every club's association, read from the season."""
    key = (season.key, round_)
    if key not in _EXPECTED:
        clubs = sorted(t.name for t in season_teams(season, round_))
        _EXPECTED[key] = (clubs, {c.name: c.association for c in season.clubs})
    return _EXPECTED[key]


SEEDS = 10_000
"""Issue 4 asks for 10,000 seeds per round. All 8 rounds for 10,000 seeds take about 50 s on
the project's 2-core machine (benchmarks/README.md, "Sequential draw"), so this runs by default;
hypothesis, derandomized, draws 10,000 distinct seeds spread over the whole 32-bit range."""


@settings(max_examples=SEEDS, deadline=None, derandomize=True, database=None)
@given(st.integers(0, 2**32 - 1))
def test_every_round_of_2002_03_never_deadlocks_or_breaks_a_rule(
    season: Season, prepared: dict[Round, tuple[DrawGroup, ...]], seed: int
) -> None:
    """Issue 4: for each seed, every round from the qualifying round to the final is drawn from
    the season's clubs, each in its own groups and under its own 2002-03 rules."""
    for round_ in Round:
        rules = rules_for(season.format.round(round_))
        result = draw_groups(prepared[round_], rules, random.Random(seed), seed=seed)
        check_season_draw(season, round_, result)
