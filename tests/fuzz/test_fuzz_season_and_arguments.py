"""Fuzz: a mutated copy of the embedded season folder, or a bad argument, never gives a
traceback or a hang. Each run of the real ``python -m uefacup`` is a success (exit 0) or a
clean error: exit 2, no traceback, every line of stderr naming a file or an option.

Mutations (``mutations.py``): rows deleted, duplicated or swapped, cells replaced by hostile
values (NaN, 1e400, 5,000 digits, unknown clubs, impossible dates ...), a BOM, CRLF, the file
cut short, bytes that are not UTF-8, the file emptied or deleted; one to three of them at once.
The budget is fixed (``derandomize`` makes the 30 examples the same on every run; with the
37 bad argument lists about 70 processes, about a minute on two cores), so CI time stays
bounded; ``python tests/fuzz/driver.py N SEED`` runs more, with the same oracle (``check.py``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.fuzz.check import run_and_check
from tests.fuzz.mutations import BAD_ARGUMENTS, COMMANDS, FILES, KINDS, NASTY, Mutation
from uefacup.io.season_folder import season_path

pytestmark = pytest.mark.slow

mutations = st.builds(
    Mutation,
    st.sampled_from(FILES),
    st.sampled_from(KINDS),
    st.integers(0, 10_000),
    st.integers(0, 20),
    st.sampled_from(NASTY),
)

BUDGET = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    phases=(Phase.explicit, Phase.generate),  # no shrinking: each example is two processes
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@BUDGET
@given(st.lists(mutations, min_size=1, max_size=3), st.sampled_from(COMMANDS))
def test_mutated_season_folder_is_success_or_clean_error(
    tmp_path_factory: pytest.TempPathFactory, changes: list[Mutation], command: tuple[str, ...]
) -> None:
    folder = tmp_path_factory.mktemp("fz") / "season"
    shutil.copytree(season_path("2002-03"), folder)
    for change in changes:
        change.apply(folder)
    _, problem = run_and_check([*command, "--season", str(folder)], folder)
    assert problem is None, (changes, command, problem)


@pytest.mark.parametrize("arguments", BAD_ARGUMENTS, ids=" ".join)
def test_bad_arguments_are_clean_errors(arguments: tuple[str, ...]) -> None:
    """Every hostile argument of the list, each run once (about 40 processes)."""
    code, problem = run_and_check(list(arguments), Path("/nonexistent-folder"))
    assert problem is None, (arguments, problem)
    assert code == 2, arguments
