"""Seeding clubs that have no club coefficient by the season's documented fallback rule.

Issue: "Split the clubs of a round into seeded and unseeded by club coefficient at the time of
the draw: the top half is seeded. Document and test how equal coefficients are ordered. A club
with no known coefficient is a clear error, unless the season supplies a documented fallback."
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from fractions import Fraction

import pytest
from draw_helpers import second_round_marks

from tests.conftest import invoke_cli
from uefacup import load_season
from uefacup.draw import (
    Placement,
    Team,
    draw_season_day,
    draw_season_round,
    season_fallback,
    season_teams,
    seed_pots,
)
from uefacup.errors import DrawError
from uefacup.model import CoefficientFallback, Round, Season

SEEDED_ROUNDS = (Round.FIRST, Round.SECOND, Round.THIRD, Round.FOURTH)


@pytest.fixture(scope="module")
def season() -> Season:
    return load_season("2002-03")


def share_rule(share: Fraction) -> CoefficientFallback:
    return CoefficientFallback(share)


def test_season_supplies_a_third_of_the_association_coefficient(season: Season) -> None:
    assert season.coefficient_fallback == CoefficientFallback(Fraction(1, 3))
    rule = season.coefficient_fallback
    assert rule is not None
    assert rule.coefficient(51.288) == 17.096  # exact, then rounded once
    assert rule.coefficient(None) == 0.0
    assert CoefficientFallback(Fraction(1, 2)).coefficient(3.0) == 1.5


def test_rule_rejects_a_share_outside_zero_to_one() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        CoefficientFallback(Fraction(3, 2))
    with pytest.raises(ValueError, match="unknown coefficient fallback rule"):
        CoefficientFallback(Fraction(1, 3), rule="guess")


@pytest.mark.parametrize("round_", SEEDED_ROUNDS, ids=lambda r: r.value)
def test_every_club_without_a_coefficient_is_placed_on_a_third_of_its_association(
    season: Season, round_: Round
) -> None:
    teams = season_teams(season, round_)
    missing = {t.name for t in teams if t.coefficient is None}
    assert missing  # the rule is needed in every seeded round from the first on
    pots = seed_pots(teams, fallback=season_fallback(season))
    association = {a.name: a.coefficient for a in season.associations}
    club_association = {c.name: c.association for c in season.clubs}
    assert {p.club for p in pots.placements} == missing
    for placement in pots.placements:
        expected = Fraction(repr(association[club_association[placement.club]])) / 3
        assert placement.coefficient == float(expected)
        assert placement.rule == "association-share"
        assert placement.how.startswith("1/3 of " + club_association[placement.club])
    by_name = {t.name: t for t in pots.teams}
    assert all(by_name[p.club].coefficient == p.coefficient for p in pots.placements)
    order = [t.name for t in pots.teams]
    assert [p.club for p in pots.placements] == sorted(
        (p.club for p in pots.placements), key=order.index
    )


@pytest.mark.parametrize("round_", SEEDED_ROUNDS, ids=lambda r: r.value)
def test_a_placed_club_ranks_above_a_known_one_only_when_its_floor_is_higher(
    season: Season, round_: Round
) -> None:
    """The fallback is a lower bound: a club without a coefficient is put above a club with
    one only where the bound itself is already higher than that club's coefficient."""
    teams = season_teams(season, round_)
    pots = seed_pots(teams, fallback=season_fallback(season))
    order = [t.name for t in pots.teams]
    value = {p.club: p.coefficient for p in pots.placements}
    for known in teams:
        if known.coefficient is None:
            continue
        for club, floor in value.items():
            above = order.index(club) < order.index(known.name)
            assert above == (floor > known.coefficient), (club, known.name)


def test_equal_value_puts_the_club_with_its_own_coefficient_first() -> None:
    """Equal coefficients: a known coefficient before a fallback value, then by name."""
    rule = share_rule(Fraction(1, 3))

    def place(team: Team) -> Placement:
        return Placement(team.name, rule.coefficient(3.0), rule.rule, "a third of 3.0")

    teams = [
        Team("Alpha", "X"),  # placed on 1.0
        Team("Zulu", "Y", 1.0),  # known 1.0
        Team("Beta", "X"),  # placed on 1.0
        Team("Yankee", "Z", 0.5),
    ]
    pots = seed_pots(teams, fallback=place)
    assert [t.name for t in pots.teams] == ["Zulu", "Alpha", "Beta", "Yankee"]
    assert [p.club for p in pots.placements] == ["Alpha", "Beta"]
    # an explicit value ties the same way
    explicit = seed_pots(teams, fallback_coefficient=1.0, fallback=place)
    assert [t.name for t in explicit.teams] == ["Zulu", "Alpha", "Beta", "Yankee"]


def test_explicit_fallback_coefficient_overrides_the_season_rule(season: Season) -> None:
    teams = season_teams(season, Round.FIRST)
    pots = seed_pots(teams, fallback_coefficient=40.0, fallback=season_fallback(season))
    assert {p.rule for p in pots.placements} == {"explicit"}
    assert {p.coefficient for p in pots.placements} == {40.0}
    default = seed_pots(teams, fallback=season_fallback(season))
    assert {t.name for t in pots.seeded} != {t.name for t in default.seeded}


@pytest.mark.shared
def test_second_round_split_is_the_real_one_from_the_sources(season: Season) -> None:
    """The one round whose real split the sources give: the rule reproduces it exactly."""
    marked = {club for club, mark in second_round_marks().items() if mark == "yes"}
    pots = seed_pots(season_teams(season, Round.SECOND), fallback=season_fallback(season))
    assert {t.name for t in pots.seeded} == marked
    assert {p.club for p in pots.placements} <= {t.name for t in pots.unseeded}


def test_without_the_rule_the_error_names_every_club(season: Season) -> None:
    bare = replace(season, coefficient_fallback=None)
    missing = [t.name for t in season_teams(season, Round.FIRST) if t.coefficient is None]
    with pytest.raises(DrawError) as info:
        draw_season_round(bare, Round.FIRST, random.Random(1))
    message = str(info.value)
    assert "no club coefficient" in message and "[draw.missing_coefficient]" in message
    assert all(name in message for name in missing)
    # an explicit value still works without the rule, and records itself
    day = draw_season_day(bare, Round.FIRST, random.Random(1), fallback_coefficient=0.0)
    assert {p.rule for p in day.placements} == {"explicit"}
    assert len(day.placements) == len(missing) == 7  # clubs.csv: 7 first-round clubs lack one


def test_rule_is_used_by_default_and_the_override_changes_the_pots(season: Season) -> None:
    by_rule = draw_season_day(season, Round.FIRST, random.Random(4), seed=4)
    assert {p.rule for p in by_rule.placements} == {"association-share"}
    assert by_rule.result == draw_season_round(season, Round.FIRST, random.Random(4), seed=4)
    seeded = {t.name for g in by_rule.result.groups for t in g.seeded}
    assert "Chievo" in seeded and "Skoda Xanthi" not in seeded
    assert "Iraklis" in seeded  # its pot is recorded (draw_groups.csv), not placed
    overridden = draw_season_day(
        season, Round.FIRST, random.Random(4), seed=4, fallback_coefficient=100.0
    )
    seeded = {t.name for g in overridden.result.groups for t in g.seeded}
    assert "Skoda Xanthi" in seeded


@pytest.mark.parametrize("round_", [r.value for r in SEEDED_ROUNDS if r is not Round.SECOND])
def test_cli_draws_seeded_rounds_without_a_flag(round_: str) -> None:
    """The second round is left out: its real pots are recorded (draw_groups.csv), so nobody
    is seeded on a fallback value there."""
    code, out, err = invoke_cli("draw", round_, "--seed", "9", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert {"round", "seed", "ties", "log", "fallback"} <= set(data)
    assert data["round"] == round_ and data["seed"] == 9
    for entry in data["fallback"]:
        assert set(entry) == {"club", "coefficient", "rule", "how"}
        assert entry["rule"] == "association-share"
    drawn = {c for tie in data["ties"] for c in (tie["home"], tie["away"])}
    assert {e["club"] for e in data["fallback"]} <= drawn


def test_cli_override_records_the_explicit_value_and_text_lists_the_placements() -> None:
    code, out, _ = invoke_cli(
        "draw", "first", "--seed", "1", "--fallback-coefficient", "10", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert len(data["fallback"]) == 7
    assert {(e["rule"], e["coefficient"]) for e in data["fallback"]} == {("explicit", 10.0)}
    code, out, _ = invoke_cli("draw", "third", "--seed", "1")
    assert code == 0
    assert "Seeded without a club coefficient" in out and "Denizlispor" in out
    assert "1/3 of Turkey's association coefficient" in " ".join(out.split())


def test_cli_qualifying_json_keeps_exactly_the_old_keys() -> None:
    """Every qualifying club has a coefficient: nothing placed, no extra key."""
    code, out, _ = invoke_cli("draw", "qualifying", "--seed", "2", "--format", "json")
    assert code == 0 and set(json.loads(out)) == {"round", "seed", "ties", "log"}


def test_an_association_without_a_coefficient_places_its_clubs_on_zero(season: Season) -> None:
    """Kazakhstan is outside the 2001 ranking: the only bound left is 0, and the log says so."""
    place = season_fallback(season)
    assert place is not None
    placement = place(Team("Kairat", "Kazakhstan"))
    assert placement.coefficient == 0.0
    assert placement.how == "Kazakhstan has no coefficient: seeded on 0"
    assert place(Team("Lazio II", "Italy")).coefficient == float(Fraction("56.239") / 3)
