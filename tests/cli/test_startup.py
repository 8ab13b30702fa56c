"""Fast start: the numeric stack is imported only by the paths that compute with it.

Issue 16 item 6 and issue 17 target 2: "Import numba, numpy and matplotlib only in the code
paths that need them"; ``uefacup --help`` and ``uefacup replay`` need none of them. Each
check runs a fresh interpreter, because this test process has long imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("numpy", "numba", "pandas", "matplotlib", "dask", "llvmlite")

_PROBE = """
import sys
from uefacup.cli import main
try:
    main({args!r}, prog_name="uefacup")
except SystemExit as exc:
    assert not exc.code, exc.code
print("HEAVY=" + ",".join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


def _heavy_after(*args: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    """Run ``uefacup ARGS`` in a new interpreter; the heavy modules it had imported by the end."""
    code = _PROBE.format(args=list(args), heavy=heavy)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stderr.splitlines() if x.startswith("HEAVY="))
    return [m for m in line.removeprefix("HEAVY=").split(",") if m]


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("replay", "--help"),
        ("simulate", "--help"),
        ("draw", "--help"),
        ("entry-list", "--help"),
        ("check-sources", "--help"),
        ("export", "--help"),
        ("import", "--help"),
        ("schema", "--help"),
    ],
)
def test_help_imports_no_numeric_library(args: tuple[str, ...]) -> None:
    assert _heavy_after(*args) == []


@pytest.mark.parametrize(
    "args",
    [
        ("replay",),
        ("replay", "--format", "json"),
        ("entry-list",),
        ("draw", "final", "--seed", "1"),
    ],
)
def test_commands_without_numbers_to_crunch_import_none(args: tuple[str, ...]) -> None:
    """Replaying recorded scores, deriving the entry list and drawing by lot are plain Python."""
    assert _heavy_after(*args) == []


def test_the_command_list_loads_neither_the_schema_nor_rich() -> None:
    """``uefacup --help`` lists commands: no season schema (pydantic), no rich, no library."""
    assert _heavy_after("--help", heavy=("pydantic", "rich", "uefacup.model")) == []


def test_import_uefacup_is_light() -> None:
    """The package's own ``__init__`` imports its public names lazily: importing the package
    (which every ``uefacup.cli`` import does first) loads no submodule of the library."""
    code = "import sys, uefacup\nprint(sorted(m for m in sys.modules if m.startswith('uefacup')))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "['uefacup']"


def test_pot_file_odds_load_only_what_they_use(tmp_path: Path) -> None:
    """Issue 17 target 3: ``draw --pots F --probabilities --format json`` (a whole process is to
    beat the published calculator on a round of 16) validates the file with pydantic's core
    alone and prints JSON: no pydantic models, no rich, no other command's module, no season
    schema, no TOML reader, no numeric library."""
    teams = lambda p: [{"name": f"{p}{i}", "association": f"A{i}"} for i in range(8)]  # noqa: E731
    path = tmp_path / "pots.json"
    path.write_text(json.dumps({"seeded": teams("S"), "unseeded": teams("U")}), "utf-8")
    unwanted = (
        "pydantic",
        "rich",
        "uefacup.cli.simulate",
        "uefacup.cli.check_sources",
        "uefacup.model",
        "uefacup.format",
        "tomllib",
        *HEAVY,
    )
    args = ("draw", "--pots", str(path), "--probabilities", "--format", "json")
    assert _heavy_after(*args, heavy=unwanted) == []
    assert _heavy_after(*args, heavy=("pydantic_core",)) == ["pydantic_core"]  # it does validate


def test_a_command_skips_the_collectors_last_passes_at_exit() -> None:
    """Any command registers ``gc.freeze`` to run at exit (``cli.app._quick_exit``): the
    collector's passes over everything still alive cost a tenth of a small command. atexit runs
    handlers last-registered first, so a handler registered before the command sees the freeze;
    the command's output is still flushed."""
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0, file=sys.stderr))\n"
        "from uefacup.cli import main\n"
        "main(['--version'], prog_name='uefacup')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0 and "version" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "frozen True"
