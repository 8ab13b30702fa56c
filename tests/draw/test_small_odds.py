"""The small-pot solver (``_smallprob.solve_small``, every pot of up to eight teams) against
independent references: odds worked out by hand, a naive enumeration of every draw with its
own completability test (``draw_helpers.brute_force``), and the canonical recursion of
``probabilities._Solver`` where enumeration is too slow (7 and 8 teams).

The solver counts interchangeable teams (same row, or same column, of allowed pairings) instead
of naming them, so the random pots here draw their labels from small alphabets: many teams
alike, some alike on one side only, and forbidden pairs that break a class apart.
"""

from __future__ import annotations

import random

import pytest
from draw_helpers import brute_force
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uefacup.draw._smallprob import LIMIT, solve_small
from uefacup.draw.probabilities import python_pairing_probabilities
from uefacup.draw.teams import Constraints, Pots, Team, check_drawable
from uefacup.errors import DrawError


def _pots(seeded: list[tuple[str, str | None]], unseeded: list[tuple[str, str | None]]) -> Pots:
    """Pots from (association, group) pairs; names S0.., U0.."""
    return Pots(
        tuple(Team(f"S{i}", a, None, g) for i, (a, g) in enumerate(seeded)),
        tuple(Team(f"U{i}", a, None, g) for i, (a, g) in enumerate(unseeded)),
    )


def test_three_by_three_worked_by_hand() -> None:
    """U0 may not meet S0 (same association); everything else is allowed.

    By hand: U0 drawn first (1/3) takes S1 or S2; U1 drawn first (1/3) takes any of the three,
    and after U1-S1 or U1-S2 the last two pairings are forced (U0 must avoid S0); U2 likewise.
    P(U0 v S1) = 1/3 * 1/2 + 2/3 * (1/3 * 1/2 + 1/3 * 1) = 1/2, so U0 meets S1 or S2 half the
    time each. P(U1 v S0) = 1/3 * 1/2 + 1/3 * 1/3 + 1/3 * 2/3 = 1/2, and S1, S2 share the rest
    of U1's row (they are alike: everybody may meet them). U1 and U2 are alike too.
    """
    pots = _pots([("A", None), ("B", None), ("C", None)], [("A", None), ("D", None), ("E", None)])
    got = solve_small(pots, Constraints())
    expected = [[0.0, 0.5, 0.5], [0.5, 0.25, 0.25], [0.5, 0.25, 0.25]]
    for row, want in zip(got, expected, strict=True):
        assert row == pytest.approx(want, abs=1e-15)


@pytest.mark.parametrize("n", range(1, LIMIT + 1))
def test_no_constraint_is_uniform(n: int) -> None:
    """With nothing forbidden every team is alike: each pairing has probability 1/n."""
    pots = _pots([("", None)] * n, [("", None)] * n)
    got = solve_small(pots, Constraints())
    assert all(v == pytest.approx(1 / n, abs=1e-15) for row in got for v in row)


labels = st.sampled_from(["", "A", "B"])
groups = st.sampled_from([None, "g1", "g2"])


@st.composite
def alike_instances(draw: st.DrawFn) -> tuple[Pots, Constraints]:
    """Up to six a pot, labels from tiny alphabets (many teams alike), a few forbidden pairs."""
    n = draw(st.integers(1, 6))
    seeded = [(draw(labels), draw(groups)) for _ in range(n)]
    unseeded = [(draw(labels), draw(groups)) for _ in range(n)]
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=2))
    constraints = Constraints().with_pairs((f"S{a}", f"U{b}") for a, b in pairs)
    return _pots(seeded, unseeded), constraints


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(alike_instances())
def test_equals_naive_enumeration(instance: tuple[Pots, Constraints]) -> None:
    pots, constraints = instance
    try:
        check_drawable(pots, constraints)
    except DrawError:
        return  # no complete pairing: the caller refuses such pots before solving
    reference = brute_force(pots, constraints)
    got = solve_small(pots, constraints)
    for row, ref_row in zip(got, reference, strict=True):
        assert row == pytest.approx([float(v) for v in ref_row], abs=1e-12)


def _random_pots(rng: random.Random, n: int, associations: int, grouped: bool) -> Pots:
    def side() -> list[tuple[str, str | None]]:
        return [
            (f"A{rng.randrange(associations)}", f"g{rng.randrange(n)}" if grouped else None)
            for _ in range(n)
        ]

    return _pots(side(), side())


@pytest.mark.parametrize("seed", range(12))
def test_seven_and_eight_equal_the_canonical_recursion(seed: int) -> None:
    """Pots of 7 and 8, from many teams alike (few associations, no groups) to none alike (a
    Champions League round of 16: origin groups and associations), against ``_Solver``."""
    rng = random.Random(seed)
    n = 7 + seed % 2
    while True:  # the first pots of this seed that have a complete pairing
        pots = _random_pots(rng, n, associations=2 + seed % 6, grouped=seed % 3 == 0)
        try:
            check_drawable(pots, Constraints())
            break
        except DrawError:
            continue
    got = solve_small(pots, Constraints())
    reference = python_pairing_probabilities(pots, Constraints())
    for row, ref_row in zip(got, reference, strict=True):
        assert row == pytest.approx(ref_row, abs=1e-12)


def test_refuses_pots_it_cannot_hold() -> None:
    big = _pots([("", None)] * (LIMIT + 1), [("", None)] * (LIMIT + 1))
    with pytest.raises(ValueError, match="at most 8"):
        solve_small(big, Constraints())
