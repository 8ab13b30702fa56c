"""Draw groups: "nine groups of eight teams and one group of ten teams), each containing an
equal number of seeded and unseeded teams" and formed "to avoid pairing of teams from the same
association" (seed text 003)."""

from __future__ import annotations

import pytest
from draw_helpers import synthetic_qualifying_teams
from hypothesis import given, settings
from hypothesis import strategies as st

from uefacup.draw import Constraints, Pots, Team, form_groups, seed_pots
from uefacup.draw.groups import completable
from uefacup.errors import DrawError

QUALIFYING_GROUP_SIZES = (8,) * 9 + (10,)
"""Seed text 003, quoted above (the sizes only; season.toml draws the round as one pool because
the members are unknown, NOTES.md "Real draws")."""

PROTECT = Constraints(associations=True, groups=False)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000))
def test_every_group_admits_a_complete_pairing(builder_seed: int) -> None:
    pots = seed_pots(synthetic_qualifying_teams(builder_seed))
    groups = form_groups(pots, QUALIFYING_GROUP_SIZES, PROTECT)
    assert [len(g.teams) for g in groups] == list(QUALIFYING_GROUP_SIZES)
    assert all(len(g.seeded) == len(g.unseeded) for g in groups)
    assert sorted(t.name for g in groups for t in g.seeded) == sorted(t.name for t in pots.seeded)
    assert all(completable(g.seeded, g.unseeded, PROTECT) for g in groups)


def test_conflicting_block_is_repaired_by_a_swap() -> None:
    seeded = (Team("S1", "A", 9), Team("S2", "A", 8), Team("S3", "B", 7), Team("S4", "C", 6))
    unseeded = (Team("U1", "A", 5), Team("U2", "D", 4), Team("U3", "E", 3), Team("U4", "F", 2))
    groups = form_groups(Pots(seeded, unseeded), (4, 4), PROTECT)
    assert all(completable(g.seeded, g.unseeded, PROTECT) for g in groups)
    assert "U1" not in {t.name for t in groups[0].unseeded}


def test_bad_sizes_and_impossible_pots() -> None:
    pots = Pots((Team("S", "A", 2),), (Team("U", "B", 1),))
    with pytest.raises(DrawError, match="add up"):
        form_groups(pots, (4,), PROTECT)
    with pytest.raises(DrawError, match="even"):
        form_groups(pots, (1, 1), PROTECT)
    clash = Pots((Team("S", "A", 2),), (Team("U", "A", 1),))
    with pytest.raises(DrawError, match="U has no possible opponent"):
        form_groups(clash, None, PROTECT)
    stuck = Pots(
        (Team("S1", "A", 3), Team("S2", "B", 2), Team("S3", "B", 1)),
        (Team("U1", "B", 1), Team("U2", "B", 1), Team("U3", "A", 1)),
    )
    with pytest.raises(DrawError, match="cannot be completed"):
        form_groups(stuck, None, PROTECT)
