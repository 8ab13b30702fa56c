"""Which clubs meet (``simulate(pairs=True)``): both engines, exact small cases, the counts.

Independent expectations:

* **Equal clubs, open draws.** In a knockout of 2^k clubs of equal strength, redrawn openly
  every round, every tie is a coin toss and every draw a uniform pairing, so by hand for 8
  clubs: a given pair meets in the quarter-finals with 1/7 (one of the 7 others is drawn);
  in the semi-finals with (6/7)(1/2)(1/2)(1/3) = 1/14 (not drawn together, both win, drawn
  together among 4); in the final with 1/28 (a club reaches the final with 1/4 and its
  opponent there is any of the 7 others alike). At all: 1/7 + 1/14 + 1/28 = 1/4 (= 2/n, the
  n - 1 matches shared evenly among the n (n - 1) / 2 pairs). For 4 clubs: 1/3, 1/6, 1/2.
* **Counting.** Every club that plays a round plays exactly one tie in it, so per club the
  sum over opponents of its meetings in round r equals the seasons in which it played round
  r (the club table's count), exactly, with both engines.
* **Engines.** The reference engine (the package's draw procedure and ``resolve_tie``, one
  season at a time) and the compiled kernel must give the same pair probabilities within five
  standard errors of their difference (as tests/simulate/test_sim_engines.py does for clubs).
* **Any format.** On random valid formats, a round's meetings are half its clubs, and a round
  that keeps one association's clubs apart never pairs two of them.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings

from tests.format.formats import seasons
from uefacup.errors import SimulationError
from uefacup.format.rounds import DrawFormat, Format, RoundFormat, Venue
from uefacup.model import Association, Club, ExtraTime, Label, RuleSet, Season
from uefacup.simulate import MatchModel, simulate
from uefacup.simulate.backends import batches, run_dask, run_local
from uefacup.simulate.plan import build_plan
from uefacup.simulate.results import SimulationResult


def _open_cup(n_clubs: int) -> Season:
    """n_clubs (4 or 8) in one-match ties at a neutral ground, every round an open draw."""
    keys = ["quarter-final", "semi-final", "final"][-(n_clubs.bit_length() - 1) :]
    rules = RuleSet(legs=1, away_goals=False, extra_time=ExtraTime.FULL, penalties=True)
    rounds = tuple(
        RoundFormat(
            key=k,
            name=k.title(),
            rules=rules,
            draw=DrawFormat(seeded=False, associations_apart=False),
            venue=Venue.NEUTRAL,
        )
        for k in keys
    )
    associations = tuple(Association(f"A{k}", k + 1, 10.0 + k, 2) for k in range(n_clubs))
    clubs = tuple(Club(f"C{k}", f"A{k}", keys[0], Label.FIRST, 20.0 + k) for k in range(n_clubs))
    return Season(
        key="open-cup",
        title="open cup",
        associations=associations,
        clubs=clubs,
        ties=(),
        format=Format(rounds),
    )


def _equal(season: Season) -> MatchModel:
    n = len(season.clubs)
    return MatchModel(
        clubs=tuple(c.name for c in season.clubs),
        attack=np.zeros(n),
        defence=np.zeros(n),
        mu=0.2,
        home_advantage=0.25,
        description="equal clubs",
    )


def _assert_all_pairs(result: SimulationResult, expected: dict[str, float]) -> None:
    meetings = result.meetings()
    runs = result.runs
    names = result.clubs
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            for key, p in expected.items():
                got = meetings.probability(a, b, None if key == "any" else key)
                se = np.sqrt(p * (1 - p) / runs)
                assert abs(got - p) < 5 * se, (a, b, key, got, p)


@pytest.mark.parametrize("engine, runs", [("vectorised", 40_000), ("reference", 3_000)])
def test_eight_equal_clubs_meet_as_worked_out_by_hand(engine: str, runs: int) -> None:
    season = _open_cup(8)
    result = simulate(
        season, runs=runs, seed=5, model=_equal(season), engine=engine, pairs=True, score=False
    )
    _assert_all_pairs(
        result, {"quarter-final": 1 / 7, "semi-final": 1 / 14, "final": 1 / 28, "any": 1 / 4}
    )


def test_four_equal_clubs_meet_as_worked_out_by_hand() -> None:
    season = _open_cup(4)
    result = simulate(season, runs=30_000, seed=2, model=_equal(season), pairs=True)
    _assert_all_pairs(result, {"semi-final": 1 / 3, "final": 1 / 6, "any": 1 / 2})


def _identity(result: SimulationResult) -> None:
    """Per club and simulated round: meetings with all opponents == seasons it played."""
    m = result.meetings()
    counts = m.counts
    assert not np.tril(counts.transpose(2, 0, 1)).any(), "only i < j is written"
    n = len(result.clubs)
    for r in range(m.first, len(result.rounds)):
        for club in range(n):
            met = sum(int(counts[min(club, o), max(club, o), r]) for o in range(n) if o != club)
            assert met == int(result.counts[club, r]), (result.clubs[club], result.rounds[r])
    for r in range(m.first):  # rounds before the start point were not simulated
        assert not counts[:, :, r].any()


def test_counts_identity_from_the_start(season: Season) -> None:
    _identity(simulate(season, runs=2_000, seed=4, pairs=True))


def test_counts_identity_reference_from_the_fourth_round(season: Season) -> None:
    _identity(
        simulate(season, runs=200, seed=4, pairs=True, engine="reference", from_round="fourth")
    )


def test_engines_agree_on_pairs(season: Season, model: MatchModel) -> None:
    """From the fourth round (the real draw, the real quarter-final bracket, then draws)."""
    plan = build_plan(season, "fourth")
    n_ref, n_vec = 3_000, 60_000
    ref_out = run_local("reference", plan, model, batches(n_ref, 7, n_ref), pairs=True)
    vec_out = run_local("vectorised", plan, model, batches(n_vec, 8, 10_000), pairs=True)
    assert ref_out.meets is not None and vec_out.meets is not None
    ref = ref_out.meets / n_ref
    vec = vec_out.meets / n_vec
    seen = (ref > 0) | (vec > 0)
    assert seen.sum() > 100  # real pairs of the draw, bracket pairs, drawn semi-finals, finals
    p = np.clip((ref + vec) / 2, 1 / n_ref, 1 - 1 / n_ref)
    z = np.abs(ref - vec) / np.sqrt(p * (1 - p) * (1 / n_ref + 1 / n_vec))
    worst = np.unravel_index(np.argmax(z), z.shape)
    assert z.max() < 5, (plan.clubs[worst[0]], plan.clubs[worst[1]], worst[2], ref[worst])


def test_counts_do_not_depend_on_workers_or_backend(season: Season, model: MatchModel) -> None:
    plan = build_plan(season, "third")
    work = batches(3_000, 11, 1_000)
    one = run_local("vectorised", plan, model, work, 1, pairs=True)
    two = run_local("vectorised", plan, model, work, 2, pairs=True)
    dask = run_dask("vectorised", plan, model, work, workers=2, processes=False, pairs=True)
    assert one.meets is not None and two.meets is not None and dask.meets is not None
    assert one.meets.sum() == 3_000 * (16 + 8 + 4 + 2 + 1)  # ties from the third round on
    assert np.array_equal(one.meets, two.meets)
    assert np.array_equal(one.meets, dask.meets)
    assert np.array_equal(one.counts, two.counts)


def test_without_pairs_nothing_is_counted(season: Season) -> None:
    result = simulate(season, runs=500, seed=1, from_round="final")
    assert result.meets is None
    with pytest.raises(SimulationError, match="pairs=True"):
        result.meetings()


def test_the_real_final_from_the_final(season: Season) -> None:
    """From the final its real pair, Porto v Celtic (the 2003 final), meets with certainty."""
    meetings = simulate(season, runs=300, seed=1, from_round="final", pairs=True).meetings()
    assert meetings.probability("Porto", "Celtic", "final") == 1
    assert meetings.probability("Celtic", "Porto") == 1
    assert meetings.pair("Porto", "Celtic").stderr == 0
    assert meetings.certain() == 1 and meetings.met() == 1
    assert meetings.probability("Porto", "Lazio") == 0


def test_frame_columns_and_rows(season: Season) -> None:
    pd = pytest.importorskip("pandas")
    from uefacup.frames.pairs import PAIRS

    result = simulate(season, runs=2_000, seed=3, from_round="semi-final", pairs=True)
    frame = result.meetings().to_frame()
    assert list(frame.columns) == list(PAIRS.dtypes())
    assert {c: str(t) for c, t in frame.dtypes.items()} == PAIRS.dtypes()
    # the real semi-finals: Porto v Lazio and Celtic v Boavista (2003); a final then joins
    # one club of each semi-final, so 2 semi-final pairs + 4 possible finals, each with `any`
    assert len(frame) == 2 * 2 + 4 * 2
    semi = frame[frame["round"] == "semi-final"]
    pairs = {frozenset((a, b)) for a, b in zip(semi["club_a"], semi["club_b"], strict=True)}
    assert pairs == {frozenset(("Porto", "Lazio")), frozenset(("Celtic", "Boavista"))}
    assert (semi["probability"] == 1).all() and (semi["stderr"] == 0).all()
    final = frame[frame["round"] == "final"]
    assert final["count"].sum() == 2_000
    row = final.iloc[0]
    p = row["count"] / 2_000
    assert row["probability"] == pytest.approx(p)
    assert row["stderr"] == pytest.approx(np.sqrt(p * (1 - p) / 2_000))
    assert isinstance(frame, pd.DataFrame)


@settings(max_examples=15, deadline=None, derandomize=True, database=None)
@given(seasons())
def test_pairs_on_any_format(season: Season) -> None:
    """Random valid formats (tests/format/formats.py), both engines: the counts identity, one
    tie per two clubs of a round, and the association rule ("clubs of one association kept
    apart") never broken in a round that has it."""
    for engine, runs in (("vectorised", 400), ("reference", 40)):
        result = simulate(season, runs=runs, seed=6, engine=engine, pairs=True, score=False)
        _identity(result)
        meets = result.meetings().counts
        assoc = [c.association for c in season.clubs]
        for r, rnd in enumerate(season.format):
            assert meets[:, :, r].sum() * 2 == result.counts[:, r].sum()
            if rnd.draw.associations_apart:
                i, j = np.nonzero(meets[:, :, r])
                assert all(assoc[a] != assoc[b] for a, b in zip(i, j, strict=True)), rnd.key
