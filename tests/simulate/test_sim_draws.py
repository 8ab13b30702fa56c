"""The simulated draws obey exactly what ``uefacup draw`` obeys, and refuse what it refuses.

The compiled engine's draw (``sample_draws``, the code ``run_seasons`` runs) is checked against
the rules themselves (seeded v unseeded, one association per tie, groups, forbidden pairs) and,
statistically, against the package's draw procedure (``uefacup.draw``) run on the same clubs:
pairing frequencies must agree within five standard errors.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from uefacup.draw.teams import Constraints, Pots, Team, check_drawable
from uefacup.errors import DrawError
from uefacup.model import Round, Season
from uefacup.simulate.draws import DrawSpec, draw_one, draw_specs, sample_draws
from uefacup.simulate.model import MatchModel
from uefacup.simulate.plan import SeasonPlan, build_plan

SEEDED = DrawSpec(seeded=True, associations_apart=True)


def _pairs(first: np.ndarray, second: np.ndarray, n: int) -> np.ndarray:
    """(clubs, clubs) count of draws in which first[i] hosted second[i]."""
    out = np.zeros((n, n))
    np.add.at(out, (first.ravel(), second.ravel()), 1)
    return out


def _agree(p_a: np.ndarray, n_a: int, p_b: np.ndarray, n_b: int) -> None:
    p = np.clip((p_a + p_b) / 2, 1 / min(n_a, n_b), 1)
    z = np.abs(p_a - p_b) / np.sqrt(p * (1 - p) * (1 / n_a + 1 / n_b))
    assert z.max() < 5, z.max()


TEN_GROUPS = (8, 8, 8, 8, 8, 8, 8, 8, 8, 10)


def _in_ten_groups(season: Season) -> Season:
    """2002-03 with its qualifying round drawn in nine groups of eight and one of ten, as the
    seeds describe it (the embedded season draws it as one pool: the groups' members are not
    known, NOTES.md "Real draws"); the groups are then the draw module's own."""
    rounds = tuple(
        replace(r, draw=replace(r.draw, group_sizes=TEN_GROUPS)) if r.key == "qualifying" else r
        for r in season.format.rounds
    )
    return replace(season, format=replace(season.format, rounds=rounds))


def test_qualifying_draw_keeps_every_rule(season: Season) -> None:
    """Seeded v unseeded within the draw module's ten groups, never one association."""
    plan = build_plan(_in_ten_groups(season))
    spec = draw_specs(plan)["qualifying"]
    groups = spec.groups
    assert sorted(len(s) + len(u) for s, u in groups) == [8] * 9 + [10]
    group_of = {int(c): g for g, (s, u) in enumerate(groups) for c in (*s, *u)}
    seeded = {int(c) for s, _ in groups for c in s}
    clubs = plan.entrants[Round.QUALIFYING]
    first, second = sample_draws(plan, "qualifying", spec, clubs, 2_000, 1)
    assert (plan.association[first] != plan.association[second]).all()
    for x, y in zip(first[:200].ravel(), second[:200].ravel(), strict=True):
        assert group_of[int(x)] == group_of[int(y)]
        assert (int(x) in seeded) != (int(y) in seeded)
    for row in range(50):
        assert sorted([*first[row], *second[row]]) == sorted(int(c) for c in clubs)
    home_seeded = np.isin(first, list(seeded)).mean()
    assert 0.45 < home_seeded < 0.55  # the first ball comes from either pot


def _crowded(season: Season) -> tuple[SeasonPlan, np.ndarray]:
    """16 clubs, 8 of them from one association: each must meet an outsider."""
    plan = build_plan(season)
    assoc = plan.association.copy()
    clubs = np.arange(16)
    assoc[clubs[:8]] = 0
    assoc[clubs[8:]] = np.arange(1, 9)
    return replace(plan, association=assoc), clubs


def test_tight_draw_is_forced_in_both_engines(season: Season) -> None:
    plan, clubs = _crowded(season)
    first, second = sample_draws(plan, "fourth", SEEDED, clubs, 2_000, 5)
    a = plan.association
    assert (a[first] != a[second]).all()
    rng = np.random.default_rng(5)
    for _ in range(30):
        assert all(a[x] != a[y] for x, y in draw_one(plan, "fourth", SEEDED, clubs, rng))


def test_open_draw_allows_one_association(season: Season) -> None:
    plan, clubs = _crowded(season)
    first, second = sample_draws(plan, "quarter-final", DrawSpec(seeded=False), clubs[:8], 400, 1)
    assert (plan.association[first] == plan.association[second]).any()
    assert sorted(np.concatenate([first[0], second[0]])) == list(range(8))


def test_draw_matches_the_draw_module_on_the_fourth_round(season: Season) -> None:
    """Same pairing and home frequencies as ``uefacup.draw`` on the real fourth round's clubs,
    seeded the same way (clubs without a coefficient by the season's rule)."""
    from uefacup.draw.rounds import draw_round as package_draw
    from uefacup.draw.rounds import rules_for, season_fallback, season_teams

    plan = build_plan(season)
    index = {n: i for i, n in enumerate(plan.clubs)}
    names = [c for t in season.ties_of(Round.FOURTH) for c in t.clubs]
    teams = season_teams(season, Round.FOURTH)
    fallback = season_fallback(season)
    n_pkg, n_sim = 3_000, 60_000
    rng = np.random.default_rng(17)
    pkg = np.zeros((plan.n_clubs, plan.n_clubs))
    for _ in range(n_pkg):
        for tie in package_draw(
            teams, rules_for(season.format.round(Round.FOURTH)), rng, fallback=fallback
        ).ties:
            pkg[index[tie.home], index[tie.away]] += 1
    clubs = [index[n] for n in names]
    first, second = sample_draws(plan, "fourth", SEEDED, clubs, n_sim, 17)
    _agree(pkg / n_pkg, n_pkg, _pairs(first, second, plan.n_clubs) / n_sim, n_sim)


def test_forbidden_pairs_are_kept_apart_like_the_draw_module(season: Season) -> None:
    """Extra forbidden pairs (the general matching path of the kernel): never drawn, and the
    pairing frequencies are those of the package's procedure with the same constraints."""
    plan = build_plan(season)
    index = {n: i for i, n in enumerate(plan.clubs)}
    clubs = [index[c] for t in season.ties_of(Round.FOURTH) for c in t.clubs]
    ranked = sorted(clubs, key=lambda c: int(plan.seed_rank[c]))
    top, bottom = ranked[:8], ranked[8:]
    forbidden = tuple((top[i], bottom[j]) for i in range(4) for j in range(4) if i != j)
    spec = DrawSpec(seeded=True, associations_apart=True, forbidden=forbidden)
    n_ref, n_sim = 2_000, 40_000
    first, second = sample_draws(plan, "fourth", spec, clubs, n_sim, 3)
    banned = {frozenset(p) for p in forbidden}
    hits = {frozenset((int(x), int(y))) for x, y in zip(first.ravel(), second.ravel(), strict=True)}
    assert not hits & banned
    rng = np.random.default_rng(4)
    ref = np.zeros((plan.n_clubs, plan.n_clubs))
    for _ in range(n_ref):
        for x, y in draw_one(plan, "fourth", spec, clubs, rng):
            ref[x, y] += 1
    _agree(ref / n_ref, n_ref, _pairs(first, second, plan.n_clubs) / n_sim, n_sim)


def test_an_impossible_draw_is_refused_as_uefacup_draw_refuses_it(season: Season) -> None:
    """Nine clubs of one association among 16: no complete pairing keeps them apart. The
    package refuses such pots (``check_drawable``); both engines raise the same words."""
    plan, clubs = _crowded(season)
    assoc = plan.association.copy()
    assoc[clubs[8]] = 0
    plan = replace(plan, association=assoc)
    ranked = sorted(clubs, key=lambda c: int(plan.seed_rank[c]))
    pots = Pots(
        tuple(Team(plan.clubs[c], str(assoc[c])) for c in ranked[:8]),
        tuple(Team(plan.clubs[c], str(assoc[c])) for c in ranked[8:]),
    )
    with pytest.raises(DrawError) as package:
        check_drawable(pots, Constraints(associations=True, groups=False))
    expected = f"simulated fourth draw: {package.value}"
    with pytest.raises(DrawError) as compiled:
        sample_draws(plan, "fourth", SEEDED, clubs, 10, 1)
    with pytest.raises(DrawError) as reference:
        draw_one(plan, "fourth", SEEDED, clubs, np.random.default_rng(1))
    assert str(compiled.value) == str(reference.value) == expected


def test_simulated_pots_are_the_pots_uefacup_draw_seeds(season: Season) -> None:
    """A simulated first round seeds the same clubs as ``uefacup draw first``: clubs without a
    coefficient are placed by the season's documented rule in both, not by the simulation's
    association prior (which only sets match strengths)."""
    from uefacup.draw.rounds import season_fallback, season_teams
    from uefacup.draw.teams import seed_pots

    plan = build_plan(season)
    index = {n: i for i, n in enumerate(plan.clubs)}
    teams = season_teams(season, Round.FIRST)
    assert any(t.coefficient is None for t in teams)
    pots = seed_pots(teams, fallback=season_fallback(season))
    order = sorted((index[t.name] for t in teams), key=lambda c: int(plan.seed_rank[c]))
    half = len(order) // 2
    assert {plan.clubs[c] for c in order[:half]} == {t.name for t in pots.seeded}
    assert [plan.clubs[c] for c in order] == [t.name for t in (*pots.seeded, *pots.unseeded)]


def test_first_round_groups_that_cannot_be_formed_are_refused_alike(
    season: Season, model: MatchModel
) -> None:
    """The first round's groups are formed by the package (``form_groups``); where it refuses
    the pots (fifty of the 82 qualifying clubs of one association), both engines raise its
    ``DrawError`` with the same words, before any season is played."""
    from uefacup.simulate.program import compile_program

    plan = build_plan(_in_ten_groups(season))
    clubs = [int(c) for c in plan.entrants["qualifying"]]
    assoc = plan.association.copy()
    assoc[clubs[:50]] = 0
    plan = replace(plan, association=assoc, groups={})
    spec = draw_specs(plan)["qualifying"]
    assert spec.group_sizes and not spec.groups
    with pytest.raises(DrawError) as compiled:
        compile_program(plan, model)
    with pytest.raises(DrawError) as reference:
        draw_one(plan, "qualifying", spec, clubs, np.random.default_rng(1))
    assert str(compiled.value) == str(reference.value)
    assert str(compiled.value).startswith("simulated qualifying draw: ")
