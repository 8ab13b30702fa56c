"""The draw: seeded v unseeded, no same-association ties before the quarter-finals."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from uefacup.model import Round, Season
from uefacup.simulate.draws import draw_round, draw_round_one
from uefacup.simulate.plan import SeasonPlan, build_plan


def test_vectorised_seeded_draw_respects_the_rules(season: Season) -> None:
    plan = build_plan(season)
    clubs = np.broadcast_to(plan.entrants[Round.QUALIFYING], (2_000, 82)).copy()
    first, second = draw_round(Round.QUALIFYING, clubs, plan, np.random.default_rng(0))
    assert (plan.association[first] != plan.association[second]).all()
    ranks = plan.seed_rank[clubs]
    cutoff = np.sort(ranks, axis=1)[:, 40][:, None]
    seeded_first = plan.seed_rank[first] <= cutoff
    seeded_second = plan.seed_rank[second] <= cutoff
    assert (seeded_first ^ seeded_second).all()
    for row in range(20):
        assert sorted([*first[row], *second[row]]) == sorted(clubs[row])
    home_seeded = seeded_first.mean()
    assert 0.45 < home_seeded < 0.55


def _crowded(season: Season) -> tuple[SeasonPlan, np.ndarray]:
    """16 clubs, 8 of them from one association: the draw must pair each with an outsider."""
    plan = build_plan(season)
    assoc = plan.association.copy()
    clubs = np.arange(16)
    assoc[clubs[:8]] = 0
    assoc[clubs[8:]] = np.arange(1, 9)
    return replace(plan, association=assoc), clubs


def test_completable_draw_is_forced_when_tight(season: Season) -> None:
    plan, clubs = _crowded(season)
    rng = np.random.default_rng(5)
    for round_ in (Round.THIRD, Round.FOURTH):
        rows = np.broadcast_to(clubs, (500, 16)).copy()
        first, second = draw_round(round_, rows, plan, rng)
        a = plan.association
        assert (a[first] != a[second]).all()
        for _ in range(50):
            pairs = draw_round_one(round_, list(clubs), plan, rng)
            assert all(a[x] != a[y] for x, y in pairs)


def test_open_draw_allows_same_association(season: Season) -> None:
    plan, clubs = _crowded(season)
    rows = np.broadcast_to(clubs[:8], (200, 8)).copy()
    first, second = draw_round(Round.QUARTER_FINAL, rows, plan, np.random.default_rng(1))
    assert (first >= 0).all() and sorted(np.concatenate([first[0], second[0]])) == list(range(8))


def test_fourth_round_pairing_frequencies_match_between_engines(season: Season) -> None:
    """Pairing frequencies of the restricted draw: vectorised v ball-by-ball."""
    plan = build_plan(season)
    fourth = [c for t in season.ties_of(Round.FOURTH) for c in t.clubs]
    index = {n: i for i, n in enumerate(plan.clubs)}
    clubs = np.array([index[c] for c in fourth])
    n_vec, n_ref = 40_000, 4_000
    rng = np.random.default_rng(9)
    first, second = draw_round(Round.FOURTH, np.broadcast_to(clubs, (n_vec, 16)).copy(), plan, rng)
    a, b = clubs[0], clubs[1]
    vec = np.mean(((first == a) & (second == b)).any(1) | ((first == b) & (second == a)).any(1))
    hits = 0
    for _ in range(n_ref):
        pairs = draw_round_one(Round.FOURTH, list(clubs), plan, rng)
        hits += any({x, y} == {a, b} for x, y in pairs)
    ref = hits / n_ref
    se = np.sqrt(vec * (1 - vec) * (1 / n_ref + 1 / n_vec))
    assert abs(vec - ref) < 5 * se


def test_qualifying_draw_stays_within_the_draw_modules_groups(season: Season) -> None:
    plan = build_plan(season)
    groups = plan.groups[Round.QUALIFYING]
    assert sorted(len(s) + len(u) for s, u in groups) == [8] * 9 + [10]
    group_of = {int(c): g for g, (s, u) in enumerate(groups) for c in (*s, *u)}
    seeded = {int(c) for s, _ in groups for c in s}
    clubs = np.broadcast_to(plan.entrants[Round.QUALIFYING], (500, 82)).copy()
    first, second = draw_round(Round.QUALIFYING, clubs, plan, np.random.default_rng(2))
    for x, y in zip(first.ravel(), second.ravel(), strict=True):
        assert group_of[int(x)] == group_of[int(y)]
        assert (int(x) in seeded) != (int(y) in seeded)
    pairs = draw_round_one(
        Round.QUALIFYING, list(plan.entrants[Round.QUALIFYING]), plan, np.random.default_rng(3)
    )
    assert all(group_of[x] == group_of[y] for x, y in pairs) and len(pairs) == 41


def test_vectorised_draw_matches_the_draw_module(season: Season) -> None:
    """Same pairing and home frequencies as ``uefacup.draw`` on the real fourth round's clubs,
    seeded the same way (clubs without a coefficient by the season's rule)."""
    from uefacup.draw.rounds import draw_round as package_draw
    from uefacup.draw.rounds import rules_for, season_fallback, season_teams

    plan = build_plan(season)
    index = {n: i for i, n in enumerate(plan.clubs)}
    names = [c for t in season.ties_of(Round.FOURTH) for c in t.clubs]
    teams = season_teams(season, Round.FOURTH)
    assert [t.name for t in teams] == names
    fallback = season_fallback(season)
    n_pkg, n_vec = 3_000, 60_000
    rng = np.random.default_rng(17)
    pkg = np.zeros((len(plan.clubs), len(plan.clubs)))
    for _ in range(n_pkg):
        for tie in package_draw(
            teams, rules_for(season.format.round(Round.FOURTH)), rng, fallback=fallback
        ).ties:
            pkg[index[tie.home], index[tie.away]] += 1
    clubs = np.broadcast_to([index[n] for n in names], (n_vec, 16)).copy()
    first, second = draw_round(Round.FOURTH, clubs, plan, rng)
    vec = np.zeros_like(pkg)
    np.add.at(vec, (first.ravel(), second.ravel()), 1)
    p_pkg, p_vec = pkg / n_pkg, vec / n_vec
    p = np.clip((p_pkg + p_vec) / 2, 1 / n_pkg, 1)
    z = np.abs(p_pkg - p_vec) / np.sqrt(p * (1 - p) * (1 / n_pkg + 1 / n_vec))
    assert z.max() < 5


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
