"""Seeding: "teams were divided into seeded and unseeded teams, based on their UEFA club
coefficients" (seed text 003, "Seeding")."""

from __future__ import annotations

import pytest

from uefacup.draw import Team, seed_pots
from uefacup.errors import DrawError


def test_top_half_by_coefficient_is_seeded() -> None:
    teams = [Team(f"T{i}", "X", float(i)) for i in range(6)]
    pots = seed_pots(teams)
    assert [t.name for t in pots.seeded] == ["T5", "T4", "T3"]
    assert [t.name for t in pots.unseeded] == ["T2", "T1", "T0"]


def test_equal_coefficients_are_ordered_by_name() -> None:
    """Litex Lovech and CSKA Sofia share 14.582: name order puts CSKA first."""
    teams = [Team("Litex Lovech", "BUL", 14.582), Team("CSKA Sofia", "BUL", 14.582)]
    pots = seed_pots(teams)
    assert pots.seeded[0].name == "CSKA Sofia"
    assert pots.unseeded[0].name == "Litex Lovech"


def test_name_order_ignores_case() -> None:
    teams = [Team("b", "X", 1.0), Team("A", "Y", 1.0)]
    assert seed_pots(teams).seeded[0].name == "A"


def test_missing_coefficient_is_an_error_naming_the_club() -> None:
    with pytest.raises(DrawError, match="no club coefficient for Levski Sofia"):
        seed_pots([Team("Levski Sofia", "BUL"), Team("Lazio", "ITA", 106.334)])


def test_missing_coefficient_with_explicit_fallback() -> None:
    pots = seed_pots(
        [Team("Levski Sofia", "BUL"), Team("Lazio", "ITA", 106.3)], fallback_coefficient=0
    )
    assert pots.seeded[0].name == "Lazio"
    assert pots.unseeded[0].coefficient == 0


def test_odd_number_and_duplicates_are_errors() -> None:
    with pytest.raises(DrawError, match="odd number"):
        seed_pots([Team("A", "X", 1.0)])
    with pytest.raises(DrawError, match="twice"):
        seed_pots([Team("A", "X", 1.0), Team("A", "Y", 2.0)])
