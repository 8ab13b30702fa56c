"""Draws held together: the fourth round with the quarter-finals, the semi-finals with the final.

Issue: "From the quarter-finals the draw is open: no seeding, no association protection. The
fourth-round and quarter-final draws are held together, and so are the semi-finals and the
final. The final's nominal home side is drawn."
"""

from __future__ import annotations

import json
import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import invoke_cli
from uefacup import load_season
from uefacup.draw import (
    DrawDay,
    DrawResult,
    draw_season_day,
    draw_season_round,
    held_with,
    replay,
    season_teams,
    winner_placeholder,
)
from uefacup.errors import DrawError
from uefacup.format import Format
from uefacup.model import Round, Season


@pytest.fixture(scope="module")
def season() -> Season:
    return load_season("2002-03")


HELD_WITH = {Round.FOURTH: Round.QUARTER_FINAL, Round.SEMI_FINAL: Round.FINAL}
"""Seed texts: the fourth-round and quarter-final draws were made on 13 December 2002, the
semi-final and final draws on 21 March 2003."""


def with_held(season: Season, key: str, held: tuple[str, ...]) -> Season:
    """The season with ``key``'s draw holding ``held`` with it (the format changed in code)."""
    rounds = tuple(
        replace(r, draw=replace(r.draw, held_with=held)) if r.key == key else r
        for r in season.format
    )
    return replace(season, format=Format(rounds))


@pytest.mark.parametrize("round_", list(Round), ids=lambda r: r.value)
def test_the_format_says_which_draws_were_held_together(season: Season, round_: Round) -> None:
    assert held_with(season, round_) == HELD_WITH.get(round_)


def check_open_draw_of_winners(before: DrawResult, after: DrawResult) -> None:
    """``after`` pairs every winner of ``before``'s ties exactly once, in one open bowl."""
    winners = sorted(winner_placeholder(t) for t in before.ties)
    drawn = sorted(c for t in after.ties for c in (t.home, t.away))
    assert drawn == winners
    assert not after.rules.seeded and not after.rules.constraints.associations
    bowl = list(winners)
    for ball in after.log:  # every ball came from every placeholder still in the bowl
        assert sorted(ball.options) == sorted(bowl) and not ball.closed
        bowl.remove(ball.club)
    assert [b.club for b in after.log if b.role == "home"] == [t.home for t in after.ties]
    assert replay(after) == after.ties


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.integers(0, 2**32 - 1))
def test_fourth_round_draw_also_draws_the_quarter_finals(season: Season, seed: int) -> None:
    day = draw_season_day(season, Round.FOURTH, random.Random(seed), seed=seed)
    alone = draw_season_round(season, Round.FOURTH, random.Random(seed), seed=seed)
    assert day.result.ties == alone.ties and day.result.log == alone.log
    assert day.then is not None and day.then.then is None
    assert day.then.result.round == "quarter-final" and len(day.then.result.ties) == 4
    assert day.then.placements == ()
    check_open_draw_of_winners(day.result, day.then.result)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.integers(0, 2**32 - 1))
def test_semi_final_draw_also_draws_the_finals_nominal_home_side(season: Season, seed: int) -> None:
    day = draw_season_day(season, Round.SEMI_FINAL, random.Random(seed), seed=seed)
    assert day.then is not None and day.then.then is None
    final = day.then.result
    assert final.round == "final" and final.rules.single_match and len(final.ties) == 1
    check_open_draw_of_winners(day.result, final)
    assert final.ties[0].home == final.log[0].club  # the first ball is the nominal home side


def test_the_final_home_side_and_quarter_final_pairs_vary_with_the_seed(season: Season) -> None:
    homes = set()
    brackets = set()
    for seed in range(40):
        semis = draw_season_day(season, Round.SEMI_FINAL, random.Random(seed))
        assert semis.then is not None
        final = semis.then.result.ties[0]
        homes.add(final.home == winner_placeholder(semis.result.ties[0]))
        fourth = draw_season_day(season, Round.FOURTH, random.Random(seed))
        assert fourth.then is not None
        brackets.add(frozenset(frozenset((t.home, t.away)) for t in fourth.then.result.ties))
    assert homes == {True, False}  # either semi-final's winner can be the nominal home side
    assert len(brackets) > 20


@pytest.mark.parametrize("round_", [Round.QUARTER_FINAL, Round.FINAL], ids=lambda r: r.value)
def test_quarter_finals_and_final_alone_still_use_the_real_clubs(
    season: Season, round_: Round
) -> None:
    day = draw_season_day(season, round_, random.Random(3), seed=3)
    assert day.then is None and day.placements == ()
    assert day.result == draw_season_round(season, round_, random.Random(3), seed=3)
    drawn = sorted(c for t in day.result.ties for c in (t.home, t.away))
    assert drawn == sorted(t.name for t in season_teams(season, round_))
    assert not any(c.startswith("Winner of") for c in drawn)


def test_a_seeded_draw_held_with_an_earlier_one_is_refused(season: Season) -> None:
    """Held together with the third round, the fourth round could not be seeded: its clubs'
    coefficients are not known before the third round is played."""
    moved = with_held(season, Round.THIRD, (Round.FOURTH,))
    assert held_with(moved, Round.THIRD) == Round.FOURTH
    with pytest.raises(DrawError, match="fourth draw is held with the third draw"):
        draw_season_day(moved, Round.THIRD, random.Random(1))


def test_a_season_with_separate_draw_dates_draws_one_round(season: Season) -> None:
    separate = with_held(season, Round.FOURTH, ())
    assert held_with(separate, Round.FOURTH) is None
    assert draw_season_day(separate, Round.FOURTH, random.Random(1)).then is None


def test_json_keeps_the_round_keys_and_adds_then(season: Season) -> None:
    code, out, _ = invoke_cli("draw", "fourth", "--seed", "21", "--format", "json")
    assert code == 0
    data = json.loads(out)
    alone = draw_season_round(season, Round.FOURTH, random.Random(21), seed=21).to_json()
    assert {k: data[k] for k in ("round", "seed", "ties", "log")} == alone
    assert set(data["then"]) == {"round", "ties", "log"}
    assert data["then"]["round"] == "quarter-final" and len(data["then"]["ties"]) == 4
    assert all(set(t) == {"home", "away"} for t in data["then"]["ties"])
    assert invoke_cli("draw", "fourth", "--seed", "21", "--format", "json")[1] == out
    code, out, _ = invoke_cli("draw", "semi-final", "--seed", "21", "--format", "json")
    data = json.loads(out)
    assert data["then"]["round"] == "final" and len(data["then"]["ties"]) == 1
    for alone_round in ("quarter-final", "final"):
        code, out, _ = invoke_cli("draw", alone_round, "--seed", "21", "--format", "json")
        assert code == 0 and set(json.loads(out)) == {"round", "seed", "ties", "log"}


def test_text_shows_both_draws() -> None:
    code, out, _ = invoke_cli("draw", "semi-final", "--seed", "5", "--show-log")
    assert code == 0
    assert "Draw: semi-final (seed 5)" in out
    assert "Drawn the same day: final" in out and "Home (nominal)" in out
    assert "Draw log: semi-final" in out and "Draw log: final" in out
    assert out.count("Winner of") >= 2
    code, out, _ = invoke_cli("draw", "fourth", "--seed", "5")
    assert code == 0 and "Drawn the same day: quarter-final" in out


def test_draw_day_lists_its_draws_in_order(season: Season) -> None:
    day: DrawDay = draw_season_day(season, Round.SEMI_FINAL, random.Random(8), seed=8)
    assert [d.round for d in day.draws] == ["semi-final", "final"]
    assert all(d.seed == 8 for d in day.draws)
