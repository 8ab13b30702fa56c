"""Shared fixtures: a writable copy of the embedded season, and the seed folder if present."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from uefacup.io.season_folder import season_path

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


@pytest.fixture
def season_copy(tmp_path: Path) -> Path:
    """The 2002-03 folder copied to a temp dir, for tests that break it on purpose."""
    dest = tmp_path / "2002-03"
    shutil.copytree(season_path("2002-03"), dest)
    return dest


@pytest.fixture
def seeds_dir() -> Path:
    """The shared seed texts; tests that need them skip where the folder is absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed folder {SEEDS} not present (it lives beside the repo, not in it)")
    return SEEDS


def replace_line(path: Path, old: str, new: str) -> None:
    """Replace one exact line of a data file; fails loudly if the line is not there once."""
    lines = path.read_text("utf-8").splitlines()
    assert lines.count(old) == 1, f"{old!r} occurs {lines.count(old)} times in {path.name}"
    lines[lines.index(old)] = new
    path.write_text("\n".join(lines) + "\n", "utf-8")


def invoke_cli(*args: str) -> tuple[int, str, str]:
    """Run ``uefacup ARGS`` in-process: (exit code, stdout, stderr).

    A non-exit exception is re-raised, so a bug shows its traceback in the test instead of
    passing as a mere non-zero exit.
    """
    from click.testing import CliRunner

    from uefacup.cli import main

    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr
