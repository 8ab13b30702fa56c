"""The fuzz oracle: a run is a success (exit 0) or a clean error (exit 2, no traceback, every
line of stderr naming a file or an option); anything else, a hang included, is a problem."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.fuzz.mutations import FILES

TIMEOUT = 120
NAMES = (*FILES, ".csv", ".json", ".toml", ".md", "--", "ROUND", "season '", "command '")


def run_and_check(args: list[str], folder: Path) -> tuple[int | None, str | None]:
    """The exit status, and None if the run is acceptable, else what went wrong."""
    done, problem = _run(args, folder)
    return (None if done is None else done.returncode), problem


def _run(
    args: list[str], folder: Path
) -> tuple[subprocess.CompletedProcess[str] | None, str | None]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "uefacup", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None, f"hang: no answer in {TIMEOUT} s"
    return done, _judge(done, folder)


def _judge(done: subprocess.CompletedProcess[str], folder: Path) -> str | None:
    err = done.stderr
    if "Traceback" in err:
        return f"traceback (exit {done.returncode}):\n{err[-3000:]}"
    if done.returncode == 0:
        return None
    if done.returncode != 2:
        return f"exit {done.returncode}:\n{err[-2000:]}"
    lines = err.splitlines()
    if not lines:
        return "exit 2 with nothing on stderr"
    for line in lines:
        if len(line) > 2000:
            return f"a line of {len(line)} characters: {line[:200]}..."
        if str(folder) not in line and not any(name in line for name in NAMES):
            return f"a line naming no file or option: {line}"
    return None
