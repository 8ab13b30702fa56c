"""Exact odds under the calculator's procedure: "draw an unseeded team uniformly, then its
opponent uniformly among the seeded teams that keep the draw completable"."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from draw_helpers import brute_force
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import need_shared
from uefacup.draw import (
    Constraints,
    Pots,
    Team,
    exact_pairing_probabilities,
    pairing_probabilities,
)
from uefacup.draw import _fastprob as facade
from uefacup.draw import _probengine as fastprob
from uefacup.draw.files import all_entries
from uefacup.draw.probabilities import python_pairing_probabilities
from uefacup.errors import DrawError

SHARED = Path(__file__).resolve().parents[3] / "shared" / "draws" / "uefa-knockout-draws.json"

labels = st.sampled_from(["", "A", "B", "C"])
groups = st.sampled_from([None, "g1", "g2", "g3"])


@st.composite
def instances(draw: st.DrawFn) -> tuple[Pots, Constraints]:
    n = draw(st.integers(1, 6))

    def team(prefix: str, i: int) -> Team:
        return Team(f"{prefix}{i}", draw(labels), None, draw(groups))

    pots = Pots(tuple(team("S", i) for i in range(n)), tuple(team("U", i) for i in range(n)))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3))
    constraints = Constraints().with_pairs((f"S{a}", f"U{b}") for a, b in pairs)
    return pots, constraints


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_exact_probabilities_equal_brute_force(instance: tuple[Pots, Constraints]) -> None:
    pots, constraints = instance
    reference = brute_force(pots, constraints)
    if all(v == 0 for row in reference for v in row):
        with pytest.raises(DrawError):
            pairing_probabilities(pots, constraints)
        return
    exact = exact_pairing_probabilities(pots, constraints)
    floats = pairing_probabilities(pots, constraints)
    assert exact == reference
    n = len(pots.seeded)
    for i in range(n):
        for j in range(n):
            assert abs(floats[i][j] - float(reference[i][j])) < 1e-12
            if not constraints.allowed(pots.unseeded[i], pots.seeded[j]):
                assert exact[i][j] == 0
    for i in range(n):
        assert sum(exact[i]) == 1
        assert sum(exact[k][i] for k in range(n)) == 1


def test_one_forced_pairing() -> None:
    pots = Pots((Team("S1", "A"), Team("S2", "B")), (Team("U1", "A"), Team("U2", "C")))
    assert exact_pairing_probabilities(pots) == [[0, 1], [1, 0]]
    free = Pots((Team("S1", "A"), Team("S2", "B")), (Team("U1", "C"), Team("U2", "D")))
    assert exact_pairing_probabilities(free) == [[Fraction(1, 2)] * 2] * 2


@pytest.mark.shared
def test_shared_champions_league_draws_rows_and_columns_sum_to_one() -> None:
    entries = [
        e
        for e in all_entries(json.loads(need_shared(SHARED).read_text("utf-8")), "shared")
        if len(e.pots.seeded) == 8
    ]
    assert entries
    for entry in entries[:6]:
        matrix = pairing_probabilities(entry.pots, entry.constraints)
        for i, row in enumerate(matrix):
            assert abs(sum(row) - 1) < 1e-12
            assert abs(sum(r[i] for r in matrix) - 1) < 1e-12
            for j, p in enumerate(row):
                if not entry.constraints.allowed(entry.pots.unseeded[i], entry.pots.seeded[j]):
                    assert p == 0


def test_bad_pots_are_named() -> None:
    c = Constraints()
    with pytest.raises(DrawError, match="unequal pot sizes: 2 seeded v 1 unseeded"):
        pairing_probabilities(Pots((Team("S1", "A"), Team("S2", "B")), (Team("U1", "C"),)), c)
    with pytest.raises(DrawError, match="U1 has no possible opponent"):
        pairing_probabilities(Pots((Team("S1", "A"),), (Team("U1", "A"),)), c)
    stuck = Pots(
        (Team("S1", "A"), Team("S2", "B"), Team("S3", "B")),
        (Team("U1", "B"), Team("U2", "B"), Team("U3", "A")),
    )
    with pytest.raises(DrawError, match="cannot be completed"):
        pairing_probabilities(stuck, c)


needs_numba = pytest.mark.skipif(not fastprob.available(), reason="numba not installed")


@needs_numba
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_compiled_engine_equals_python_solver(instance: tuple[Pots, Constraints]) -> None:
    pots, constraints = instance
    try:
        reference = python_pairing_probabilities(pots, constraints)
    except DrawError:
        return
    fast, _, _ = fastprob.solve(pots, constraints)
    for row, ref_row in zip(fast, reference, strict=True):
        for p, q in zip(row, ref_row, strict=True):
            assert abs(p - q) < 1e-12


@needs_numba
@pytest.mark.shared
def test_two_threads_give_one_thread_result_bit_for_bit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The threads share one memo and visit states in different orders; the sums of a state
    run in one order whatever thread works it out, so the result must not move by one bit."""
    shared = json.loads(need_shared(SHARED).read_text("utf-8"))
    entry = all_entries(shared, "shared")[20]  # el 2017/18
    assert len(entry.pots.seeded) == 16
    monkeypatch.setattr(fastprob, "THREADS", 1)
    alone, _, _ = fastprob.solve(entry.pots, entry.constraints)
    monkeypatch.setattr(fastprob, "THREADS", 2)
    for _ in range(3):
        together, states, _ = fastprob.solve(entry.pots, entry.constraints)
        assert together == alone
        assert states >= 10_580  # (the memo's states; two threads may both store a few)


@needs_numba
@pytest.mark.shared
def test_compiled_engine_equals_python_solver_on_shared_draws() -> None:
    entries = [
        e
        for e in all_entries(json.loads(need_shared(SHARED).read_text("utf-8")), "shared")
        if len(e.pots.seeded) == 8
    ]
    for entry in entries[:8]:
        fast, states, _ = fastprob.solve(entry.pots, entry.constraints)
        reference = python_pairing_probabilities(entry.pots, entry.constraints)
        assert states > 0
        for row, ref_row in zip(fast, reference, strict=True):
            for p, q in zip(row, ref_row, strict=True):
                assert abs(p - q) < 1e-12


def test_falls_back_to_python_solver_without_numba(monkeypatch: pytest.MonkeyPatch) -> None:
    pots = Pots(
        (Team("S1", "A", None, "g1"), Team("S2", "B"), Team("S3", "C", None, "g2"), Team("S4")),
        (Team("U1", "B", None, "g1"), Team("U2", "C"), Team("U3", "A", None, "g2"), Team("U4")),
    )
    expected = [float(p) for row in exact_pairing_probabilities(pots) for p in row]
    assert len(set(expected)) > 2
    calls: list[Pots] = []
    monkeypatch.setattr(facade, "SMALL_POT", 2)  # past the plain-Python small-pot pass
    monkeypatch.setattr(facade, "supports", lambda pots: calls.append(pots) and False)
    fallback = [p for row in pairing_probabilities(pots) for p in row]
    assert calls == [pots]
    assert fallback == pytest.approx(expected, abs=1e-15)
    python = [p for row in python_pairing_probabilities(pots) for p in row]
    assert python == pytest.approx(expected, abs=1e-15)


def _class_key(uc: list[int], sc: list[int], fb: list[int]) -> tuple[object, ...]:
    """Canonical key of a class graph as the compiled engine computes it."""
    np = fastprob.np
    w = np.zeros(fastprob.W_SIZE, np.int64)
    h = np.zeros(fastprob.H_SIZE, np.uint64)
    o_uc, o_sc, o_fb, mu, ms = (np.zeros(64, np.int64) for _ in range(5))
    m, r, _ = fastprob._canon(
        len(uc),
        len(sc),
        np.array(uc),
        np.array(sc),
        np.array(fb),
        o_uc,
        o_sc,
        o_fb,
        mu,
        ms,
        w,
        h,
    )
    return (m, r, tuple(o_uc[:m]), tuple(o_sc[:r]), tuple(o_fb[:m]))


@needs_numba
@settings(max_examples=150, deadline=None)
@given(st.data())
def test_compiled_canonical_key_ignores_the_order_of_classes(data: st.DataObject) -> None:
    # up to 3 classes a side: at most 3! * 3! = 36 leaves in the search tree, under ``LEAVES``
    m = data.draw(st.integers(1, 3))
    r = data.draw(st.integers(1, 3))
    uc = data.draw(st.lists(st.integers(1, 3), min_size=m, max_size=m))
    sc = data.draw(st.lists(st.integers(1, 3), min_size=r, max_size=r))
    fb = data.draw(st.lists(st.integers(0, (1 << r) - 1), min_size=m, max_size=m))
    pu = data.draw(st.permutations(range(m)))
    ps = data.draw(st.permutations(range(r)))
    uc2 = [0] * m
    fb2 = [0] * m
    sc2 = [0] * r
    for x in range(m):
        uc2[pu[x]] = uc[x]
        fb2[pu[x]] = sum(1 << ps[y] for y in range(r) if fb[x] >> y & 1)
    for y in range(r):
        sc2[ps[y]] = sc[y]
    assert _class_key(uc, sc, fb) == _class_key(uc2, sc2, fb2)


@needs_numba
def test_compiled_engine_on_identical_components_equals_exact_fractions() -> None:
    """Identical components are solved once per orbit and averaged over their swaps; the
    answer must still be the exact one, and identical teams must get identical odds."""
    seeded = (
        Team("X1a", "X1"),
        Team("X1b", "X1"),
        Team("X2a", "X2"),
        Team("X2b", "X2"),
        Team("P1", "p1"),
        Team("P2", "p2"),
        Team("P3", "p3"),
        Team("F1"),
        Team("F2"),
    )
    unseeded = (
        Team("X1u", "X1"),
        Team("X2u", "X2"),
        Team("P1u", "p1"),
        Team("P2u", "p2"),
        Team("P3u", "p3"),
        Team("F3"),
        Team("F4"),
        Team("F5"),
        Team("F6"),
    )
    pots = Pots(seeded, unseeded)
    constraints = Constraints()
    fast, states, _ = fastprob.solve(pots, constraints)
    exact = exact_pairing_probabilities(pots, constraints)
    assert states > 1
    for row, exact_row in zip(fast, exact, strict=True):
        for p, q in zip(row, exact_row, strict=True):
            assert abs(p - float(q)) < 1e-12
    # X1u against P1 is X2u against P1 (swap the X components), P1u against X1a is P2u
    # against X1a (swap the P components)
    assert fast[0][4] == pytest.approx(fast[1][4], abs=1e-15)
    assert fast[2][0] == pytest.approx(fast[3][0], abs=1e-15)
    assert fast[0][0] == 0.0 and fast[2][4] == 0.0
    assert len({round(p, 12) for row in fast for p in row}) > 3


@needs_numba
def test_compiled_engine_sums_by_class_with_twins_on_both_sides() -> None:
    """The engine adds a child's values once per class of the parent: a member stands for
    its twins (teams of one pot with the same forbidden opponents, still twins in the child)
    with their count, the drawn team's class counted one short. Pots of ten with classes of
    one to four teams on each side check that against the Python solver, which works team
    by team; twins must get equal odds."""
    seeded = tuple(Team(f"S{i}", a) for i, a in enumerate("AAABBCDEFG"))
    unseeded = tuple(Team(f"U{i}", a) for i, a in enumerate("AABCCCHHIJ"))
    pots = Pots(seeded, unseeded)
    constraints = Constraints()
    fast, _, _ = fastprob.solve(pots, constraints)
    reference = python_pairing_probabilities(pots, constraints)
    for row, ref_row in zip(fast, reference, strict=True):
        for p, q in zip(row, ref_row, strict=True):
            assert abs(p - q) < 1e-12
    twins_s = [(0, 1, 2), (3, 4), (6, 7, 8, 9)]  # A, B, and the free seeded teams
    twins_u = [(0, 1), (3, 4, 5), (6, 7, 8, 9)]  # A, C, and the free unseeded teams
    for row in fast:
        for group in twins_s:
            assert all(row[j] == pytest.approx(row[group[0]], abs=1e-15) for j in group)
    for group in twins_u:
        for i in group:
            assert fast[i] == pytest.approx(fast[group[0]], abs=1e-15)
    assert fast[0][0] == 0.0 and fast[3][5] == 0.0


def test_small_pots_go_to_the_python_solver() -> None:
    """Compiling the engine costs about half a minute once; pots of eight or fewer never wait
    for it, larger pots use it when numba is installed."""
    small = Pots(
        tuple(Team(f"S{i}") for i in range(fastprob.SMALL_POT)),
        tuple(Team(f"U{i}") for i in range(fastprob.SMALL_POT)),
    )
    large = Pots(
        tuple(Team(f"S{i}") for i in range(fastprob.SMALL_POT + 1)),
        tuple(Team(f"U{i}") for i in range(fastprob.SMALL_POT + 1)),
    )
    assert not fastprob.supports(small)
    assert fastprob.supports(large) == fastprob.available()


def test_frame_arrays_are_made_and_taken_in_one_order() -> None:
    """``_frames`` builds a tuple that ``_run`` unpacks by position and ``_result`` reads by
    name through ``_FRAMES``: the three must agree, or the engine reads the wrong array."""
    import ast
    import inspect
    import textwrap

    def names(function: object, target: str) -> list[str]:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))  # type: ignore[arg-type]
        for node in ast.walk(tree):
            if not isinstance(node, ast.Assign):
                continue
            left, right = node.targets[0], node.value
            if isinstance(right, ast.Tuple) and isinstance(left, ast.Name) and left.id == target:
                return [e.id for e in right.elts if isinstance(e, ast.Name)]
            if isinstance(left, ast.Tuple) and isinstance(right, ast.Name) and right.id == target:
                return [e.id for e in left.elts if isinstance(e, ast.Name)]
        raise AssertionError(f"no tuple {target} in {function}")

    made = names(fastprob._frames_py, "frames")
    taken = names(fastprob._run_py, "frames")
    assert made == taken == list(fastprob._FRAMES)


@needs_numba
def test_compiled_before_reads_numba_on_disk_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI's note on the first compile depends on numba's cache index: missing, or left
    by another version of the source, means the next call compiles."""
    pots = Pots(tuple(Team(f"S{i}") for i in range(9)), tuple(Team(f"U{i}") for i in range(9)))
    fastprob.solve(pots, Constraints())  # compiled, or loaded from the cache: now indexed
    cache_file = fastprob._run._cache._cache_file
    assert fastprob.compiled_before() is True
    real = cache_file._index_path
    monkeypatch.setattr(cache_file, "_index_path", str(tmp_path / "missing.nbi"))
    assert fastprob.compiled_before() is False
    monkeypatch.setattr(cache_file, "_index_path", real)
    monkeypatch.setattr(cache_file, "_source_stamp", ("another", "version"))
    assert fastprob.compiled_before() is False
    # an engine without numba's cache object (another numba, no cache): no note
    monkeypatch.setattr(fastprob, "_run", fastprob._run_py)
    assert fastprob.compiled_before() is True


@needs_numba
def test_warm_up_compiles_the_kernel_a_small_draw_never_reaches() -> None:
    """``_grow`` runs only when a table fills; the warm-up must compile (or load) it anyway, or
    the first large draw compiles it mid-draw, with LLVM's memory in that draw's peak."""
    fastprob.warm_up()
    assert fastprob._grow.signatures
    assert fastprob._run.signatures


@needs_numba
def test_first_solve_compiles_in_a_child_only_when_the_cache_is_empty(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(fastprob, "_READY", False)
    monkeypatch.setattr(fastprob, "precompile", lambda: calls.append(1) or True)
    pots = Pots(tuple(Team(f"S{i}") for i in range(9)), tuple(Team(f"U{i}") for i in range(9)))
    monkeypatch.setattr(fastprob, "compiled_before", lambda: False)
    first, _, _ = fastprob.solve(pots, Constraints())
    second, _, _ = fastprob.solve(pots, Constraints())
    assert calls == [1]  # once a process, before its first draw
    assert first == second
    assert all(abs(sum(row) - 1.0) < 1e-12 for row in first)
    monkeypatch.setattr(fastprob, "_READY", False)
    monkeypatch.setattr(fastprob, "compiled_before", lambda: True)
    fastprob.solve(pots, Constraints())
    assert calls == [1]  # the cache holds the engine: no child


@needs_numba
def test_precompile_runs_the_engine_in_a_child_process(monkeypatch: pytest.MonkeyPatch) -> None:
    assert fastprob.precompile() is True
    assert fastprob.compiled_before() is True
    monkeypatch.setattr(fastprob.sys, "executable", "/nonexistent/python")
    assert fastprob.precompile() is False  # this process then compiles as before
    monkeypatch.setattr(fastprob.sys, "executable", "")
    assert fastprob.precompile() is False


def test_small_pot_pass_equals_the_python_solver_on_shared_draws() -> None:
    """``solve_small`` (the forward pass every pot of up to eight teams takes) against the
    recursion of the pure-Python solver, an independent implementation, on real 8 v 8 draws."""
    data = json.loads(SHARED.read_text("utf-8"))
    entries = [e for e in all_entries(data, str(SHARED)) if len(e.pots.seeded) == 8][::7]
    assert len(entries) >= 4
    for entry in entries:
        small = facade.solve_small(entry.pots, entry.constraints)
        reference = python_pairing_probabilities(entry.pots, entry.constraints)
        for row, ref_row in zip(small, reference, strict=True):
            assert row == pytest.approx(ref_row, abs=1e-12)


def test_small_draws_import_neither_numpy_nor_numba() -> None:
    """An 8 v 8 draw through the CLI loads no numba (half a second) and no numpy."""
    import subprocess
    import sys

    code = (
        "import sys, json; from uefacup.cli import main\n"
        "try:\n"
        "    main(['draw', '--pots', sys.argv[1], '--index', '0', '--probabilities',"
        " '--format', 'json'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(['numba' in sys.modules, 'numpy' in sys.modules]), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(SHARED)], capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout)["probabilities"][0]
    assert done.stderr.strip().splitlines()[-1] == "[false, false]"
