"""What-if replays: the real results under other tie rules.

Issue 16: "``uefacup replay --set ROUND.KEY=VALUE`` (repeatable) or ``--rules FILE`` replays the
real results under other tie rules. Ties whose winner changes are marked. Where the new rule
needs play that never happened (extra time that was not played, a shoot-out), the tie is
settled by the match model. It is shown as such, with the probability of each outcome."
Expected values are worked out by hand from the recorded legs, quoted in each test; the model's
probabilities are checked against a plain simulation written in the test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from uefacup import DataError, load_season
from uefacup.model import DecidedBy, ExtraTime, Leg, RuleSet, Score
from uefacup.simulate.settle import settle_tie
from uefacup.simulate.strengths import coefficient_model
from uefacup.whatif import Override, parse_override, what_if


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "uefacup", *args], capture_output=True, text=True, timeout=300
    )


def no_settle(*_: object) -> tuple[dict[str, float], str]:
    raise AssertionError("no tie should need the model here")


def test_parse_override_reads_values_as_toml_would() -> None:
    assert parse_override("final.extra_time=golden_goal") == Override(
        "final", "extra_time", "golden_goal", "--set 'final.extra_time=golden_goal'"
    )
    assert parse_override("*.away_goals=false").value is False
    assert parse_override("first.extra_time_minutes=20").value == 20


def test_golden_goal_final_keeps_porto_with_a_golden_goal() -> None:
    """Final: Porto 2-2 Celtic after 90 minutes, 2-2 at the half of extra time, 3-2 at the end.
    One goal in extra time, Porto's: under the golden-goal rule it ends the match the same."""
    result = what_if(load_season(), [parse_override("final.extra_time=golden_goal")], no_settle)
    final = next(t for t in result.ties if t.round == "final")
    assert final.outcome is not None
    assert (final.outcome.winner, final.outcome.decided_by) == ("Porto", DecidedBy.GOLDEN_GOAL)
    assert not final.changed
    assert result.changed == (final,)  # the only tie decided differently


def test_away_goals_turned_on_ends_a_tie_earlier() -> None:
    """example-two-legged-final, final: Riverton 2-1 Riverbury, Riverbury 1-0 Riverton, then
    extra time (1-0) and a shoot-out. Counting away goals, Riverbury's one goal at Riverton
    (against none) settles it after 90 minutes of the second leg: the recorded extra time and
    shoot-out never happen."""
    season = load_season("example-two-legged-final")
    result = what_if(season, [parse_override("final.away_goals=true")], no_settle)
    final = next(t for t in result.ties if t.round == "final")
    assert final.outcome is not None
    assert final.outcome.winner == "Riverbury"
    assert final.outcome.decided_by is DecidedBy.AWAY_GOALS
    assert final.outcome.penalties is None


def naive_settle(lh: float, la: float, minutes: int, n: int, seed: int) -> float:
    """P(home side of the deciding match goes through) from a level tie, by plain sampling:
    full extra time of ``minutes`` at the 90-minute rates scaled, then a fair shoot-out."""
    rng = np.random.default_rng(seed)
    scale = minutes / 90
    home = rng.poisson(lh * scale, n)
    away = rng.poisson(la * scale, n)
    coin = rng.random(n) < 0.5
    return float(np.mean(np.where(home == away, coin, home > away)))


def test_settled_tie_matches_a_plain_simulation() -> None:
    """Vaduz 1-1 Livingston, Livingston 0-0 Vaduz (qualifying tie 15): Livingston went through
    on away goals. Without away goals the tie is level after 180 minutes and needs the extra
    time it never had. A one-match, one-club-at-home case: no away goals in extra time, so the
    plain simulation above is the rule."""
    season = load_season()
    model = coefficient_model(season)
    legs = [
        Leg("Vaduz", "Livingston", Score(1, 1)),
        Leg("Livingston", "Vaduz", Score(0, 0)),
    ]
    rules = RuleSet(away_goals=False, away_goals_in_extra_time=False, extra_time=ExtraTime.FULL)
    exact = settle_tie(legs, rules, False, model)
    index = {c: i for i, c in enumerate(model.clubs)}
    lh, la = model.goal_means_one(index["Livingston"], index["Vaduz"])
    n = 400_000
    sampled = naive_settle(lh, la, 30, n, seed=3)
    assert exact["Livingston"] == pytest.approx(sampled, abs=5 * 0.5 / np.sqrt(n))
    assert exact["Livingston"] + exact["Vaduz"] == pytest.approx(1.0, abs=1e-9)


def test_no_away_goals_marks_every_tie_away_goals_decided() -> None:
    """Every tie the real rules decided on away goals is level without them and needs extra
    time that was never played: each is settled by the model and marked."""
    season = load_season()
    calls: list[str] = []

    def settle(legs: list[Leg], rules: RuleSet, neutral: bool) -> tuple[dict[str, float], str]:
        calls.append(legs[0].home)
        return {legs[0].home: 0.5, legs[0].away: 0.5}, "coin"

    result = what_if(season, [parse_override("*.away_goals=false")], settle)
    away = [t for t in result.ties if t.real.decided_by is DecidedBy.AWAY_GOALS]
    assert away and all(t.settled_by_model and t.changed for t in away)
    assert sorted(calls) == sorted(t.first for t in result.ties if t.settled_by_model)


def test_cli_what_if_json_marks_the_changed_ties() -> None:
    done = run("replay", "--set", "*.away_goals=false", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    settled = [t for t in data["ties"] if t["settled_by_model"]]
    assert settled and all(t["changed"] for t in settled)
    assert all(sum(t["chances"].values()) == pytest.approx(1.0, abs=1e-6) for t in settled)
    vaduz = next(t for t in data["ties"] if t["first"] == "Vaduz")
    assert vaduz["real"] == {"winner": "Livingston", "decided_by": "away_goals"}


def test_rules_file_applies_like_set(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[final]\nextra_time = "golden_goal"\n', "utf-8")
    done = run("replay", "--rules", str(rules))
    assert done.returncode == 0, done.stderr
    assert "Porto by a golden goal in extra time" in done.stdout


@pytest.mark.parametrize(
    ("arg", "line"),
    [
        ("final.legs=2", "--set 'final.legs=2': 'legs' cannot be changed in a replay"),
        ("last.extra_time=full", "--set 'last.extra_time=full': unknown round 'last'"),
        ("final.extra_time=sudden", "--set 'final.extra_time=sudden': must be 'none', 'full'"),
        ("final.away_goals=maybe", "--set 'final.away_goals=maybe': must be true or false"),
        ("extra_time", "--set 'extra_time': expected ROUND.KEY=VALUE"),
    ],
)
def test_bad_override_is_one_line_and_status_2(arg: str, line: str) -> None:
    done = run("replay", "--set", arg)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"uefacup: error: {line}"), lines


def test_every_bad_override_is_reported_at_once() -> None:
    with pytest.raises(DataError) as info:
        what_if(
            load_season(),
            [parse_override("final.legs=2"), parse_override("semi.away_goals=false")],
            no_settle,
        )
    assert len(info.value.problems) == 2


def test_simulate_takes_the_same_overrides() -> None:
    """The changed rules reach the simulated rounds; the real ones are not decided again."""
    from uefacup.simulate.plan import build_plan
    from uefacup.whatif import apply_overrides

    season = load_season()
    rules = apply_overrides(season.format, [parse_override("*.away_goals=false")])
    plan = build_plan(season, "fourth", rules)
    assert not any(r.away_goals for r in plan.rules.values())
    assert build_plan(season, "fourth").rules["fourth"].away_goals
    done = run(
        "simulate",
        "--runs",
        "2000",
        "--seed",
        "1",
        "--set",
        "*.away_goals=false",
        "--format",
        "json",
    )
    assert done.returncode == 0, done.stderr
    clubs = json.loads(done.stdout)["clubs"]
    assert sum(c["champion"] for c in clubs) == pytest.approx(1.0)
    refused = run("simulate", "--runs", "10", "--set", "final.legs=2")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
