"""Shared fixtures: a writable copy of the embedded season, and the seed folder if present."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.snapshots import Snapshots
from uefacup.io.season_folder import season_path

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="rewrite tests/snapshots/ from the current output instead of comparing",
    )


@pytest.fixture
def snapshot(request: pytest.FixtureRequest) -> Snapshots:
    """Compare text with a file under tests/snapshots/ (see tests/snapshots.py)."""
    return Snapshots(bool(request.config.getoption("--update-snapshots")))


@pytest.fixture
def season_copy(tmp_path: Path) -> Path:
    """The 2002-03 folder copied to a temp dir, for tests that break it on purpose."""
    dest = tmp_path / "2002-03"
    shutil.copytree(season_path("2002-03"), dest)
    return dest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test taking the ``seeds_dir`` fixture needs ../shared: mark it ``shared`` (say so)."""
    for item in items:
        if "seeds_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.shared)


def in_ci() -> bool:
    """True on a CI machine (GitHub Actions and most others set ``CI=true``; .ci/run does)."""
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def need_shared(path: Path) -> Path:
    """``path`` under ../shared, for tests marked ``shared``.

    Where it is absent such a test skips on a developer's machine, naming the path, but fails
    on CI: a CI run must never pass by silently leaving the reconciliation out.
    """
    if path.exists():
        return path
    message = f"{path} not present (../shared lives beside the repo, not in it)"
    if in_ci():
        pytest.fail(f"CI needs the shared folder: {message}")
    pytest.skip(message)


@pytest.fixture
def seeds_dir() -> Path:
    """The shared seed texts (../shared/seeds): see ``need_shared``."""
    return need_shared(SEEDS)


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


def run_uefacup(*args: str, timeout: float = 300) -> tuple[int, str, str]:
    """Run the real ``python -m uefacup ARGS`` process: (exit status, stdout, stderr).

    Error tests use this rather than click's runner, which swallows a traceback into the
    result object: only a real process shows what a user sees on stderr.
    """
    env = {**os.environ, "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "uefacup", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=env,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


def assert_clean_error(code: int, err: str, lines: int | None = 1) -> None:
    """Exit status 2, no traceback, and (if given) exactly ``lines`` lines on stderr."""
    assert code == 2, err
    assert "Traceback" not in err, err
    if lines is not None:
        assert err.count("\n") == lines, err
