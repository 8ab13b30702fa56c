"""The two example seasons shipped with the package: any format of the family works everywhere.

Issue 13: "Ship two small example seasons inside the package and use them in the README and the
tests: a 32-club cup with a one-leg first round and no qualifying round; a season with no
away-goals rule and a two-legged final." Expected values are worked out by hand from the rows of
the seasons' matches.csv, quoted in each test.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import replace_line
from uefacup import DataError, load_season, replay
from uefacup.draw.procedure import draw_groups
from uefacup.draw.rounds import draw_season_day, prepare_groups, rules_for
from uefacup.draw.teams import Team
from uefacup.model import DecidedBy
from uefacup.simulate.runner import simulate

CUP32 = "example-cup32"
SHIELD = "example-two-legged-final"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "uefacup", *args], capture_output=True, text=True, timeout=300
    )


def outcome(season: str, round_: str, club: str) -> tuple[str, DecidedBy]:
    result = replay(load_season(season))
    for rnd in result.rounds:
        for rt in rnd.ties:
            if rnd.round == round_ and club in rt.tie.clubs:
                return rt.outcome.winner, rt.outcome.decided_by
    raise AssertionError(f"{club} has no {round_} tie")


def test_cup32_final_without_extra_time_goes_straight_to_penalties() -> None:
    """final,1,1: Oldton 0-0 Northton, no extra time, shoot-out 2-4: Northton win."""
    result = replay(load_season(CUP32))
    assert (result.champion, result.runner_up) == ("Northton", "Oldton")
    assert result.final.outcome.decided_by is DecidedBy.PENALTIES
    assert result.final.tie.legs[0].after_extra_time is None


def test_cup32_away_goal_in_extra_time() -> None:
    """round-of-16,5: Westfield 1-0 Oldford; Oldford 1-0 Westfield after 90, 2-1 after extra
    time. 2-2 on aggregate; Westfield scored one away goal (in extra time), Oldford none."""
    assert outcome(CUP32, "round-of-16", "Westfield") == (
        "Westfield",
        DecidedBy.AWAY_GOALS_EXTRA_TIME,
    )


def test_cup32_one_leg_first_round_is_decided_in_one_match() -> None:
    """round-of-32,9: Westfield 2-1 Eastsead at Westfield's ground (the club drawn first)."""
    assert outcome(CUP32, "round-of-32", "Westfield") == ("Westfield", DecidedBy.SCORE)
    season = load_season(CUP32)
    assert len(season.ties_of("round-of-32")) == 16
    assert all(len(t.legs) == 1 for t in season.ties_of("round-of-32"))


def test_shield_two_legged_final_without_away_goals() -> None:
    """final: Riverton 2-1 Riverbury, Riverbury 1-0 Riverton (1-0 after extra time too),
    shoot-out 4-3 to Riverbury. Riverbury's away goal does not count in this season."""
    result = replay(load_season(SHIELD))
    assert result.champion == "Riverbury"
    assert result.final.outcome.decided_by is DecidedBy.PENALTIES
    assert result.final.outcome.aggregate == (2, 2)
    assert len(result.final.tie.legs) == 2


def test_extra_time_in_a_final_that_has_none_is_refused(tmp_path: Path) -> None:
    """season.toml: the cup's final has extra_time = "none"; a recorded a.e.t. score is wrong."""
    import shutil

    from uefacup.io.season_folder import season_path

    folder = tmp_path / CUP32
    shutil.copytree(season_path(CUP32), folder)
    replace_line(
        folder / "matches.csv",
        "final,1,1,2031-05-20,Oldton,Northton,0-0,,,2-4,example",
        "final,1,1,2031-05-20,Oldton,Northton,0-0,0-0,,2-4,example",
    )
    with pytest.raises(DataError) as info:
        load_season(folder)
    assert len(info.value.problems) == 1
    assert "extra time" in info.value.problems[0] and "final tie 1" in info.value.problems[0]


@pytest.mark.parametrize("season", [CUP32, SHIELD])
@pytest.mark.parametrize("engine", ["vectorised", "reference"])
def test_simulation_from_every_round_fills_every_place(season: str, engine: str) -> None:
    data = load_season(season)
    places = {}
    size = 0
    for rnd in data.format:  # winners of the round before plus the round's entrants
        size = size // 2 + sum(1 for c in data.clubs if c.round == rnd.key)
        places[rnd.key] = size
    runs = 2_000 if engine == "vectorised" else 200
    for start in ("start", *data.format.keys):
        result = simulate(data, runs=runs, seed=5, from_round=start, engine=engine, score=False)
        p = result.probabilities()
        for k, key in enumerate(result.rounds):
            assert p[:, k].sum() == pytest.approx(places[key], abs=1e-9), (start, key)
        assert p[:, -1].sum() == pytest.approx(1.0)


def test_simulate_cli_runs_each_example_from_its_start() -> None:
    for season in (CUP32, SHIELD):
        done = run(
            "simulate", "--season", season, "--runs", "500", "--seed", "1", "--format", "json"
        )
        assert done.returncode == 0, done.stderr
        data = json.loads(done.stdout)
        assert sum(c["champion"] for c in data["clubs"]) == pytest.approx(1.0)


def test_cup32_draws_held_the_same_day() -> None:
    """season.toml: the quarter-final draw holds the semi-final draw with it."""
    season = load_season(CUP32)
    day = draw_season_day(season, "quarter-final", random.Random(4), seed=4)
    assert day.then is not None and day.then.result.round == "semi-final"
    clubs = [c for t in day.then.result.ties for c in (t.home, t.away)]
    assert len(clubs) == 4 and all(c.startswith("Winner of ") for c in clubs)


def test_shield_forbidden_pair_is_never_drawn() -> None:
    """season.toml: Harbour United and Old Quay may not meet in the second round. Both entered
    in the first round. In a second round of the eight entrants, these two and six other
    first-round clubs, one is seeded and the other not, so only the pair rule keeps them apart;
    it does, and the draw still pairs every club."""
    season = load_season(SHIELD)
    rnd = season.format.round("second")
    entrants = [c for c in season.clubs if c.round == "second"]
    others = [c for c in season.clubs if c.round == "first"]
    pair = [c for c in others if c.name in ("Harbour United", "Old Quay")]
    rest = [c for c in others if c not in pair][:6]
    pool = [Team(c.name, c.association, c.coefficient) for c in [*entrants, *pair, *rest]]
    rules = rules_for(rnd)
    (group,) = prepare_groups(pool, rules)
    seeded = {t.name for t in group.seeded}
    assert ("Harbour United" in seeded) != ("Old Quay" in seeded)
    for seed in range(300):
        ties = draw_groups((group,), rules, random.Random(seed)).ties
        assert len(ties) == 8
        assert all({t.home, t.away} != {"Harbour United", "Old Quay"} for t in ties)


def test_entry_list_of_a_season_without_access_list_is_its_clubs_file() -> None:
    done = run("entry-list", "--season", SHIELD, "--format", "csv")
    assert done.returncode == 0
    rows = done.stdout.splitlines()
    assert rows[0] == "club,association,round,label"
    assert len(rows) == 1 + 24
    assert sum(1 for r in rows[1:] if r.split(",")[2] == "second") == 8
    assert "no access list" in done.stderr
