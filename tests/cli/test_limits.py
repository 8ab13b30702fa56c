"""Limits with clear messages: every refusal is one line naming the option, exit 2, and comes
before any work; Ctrl-C on a long exact computation ends it with status 130 and one line."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import assert_clean_error, run_uefacup
from uefacup.draw.cores import usable_cores
from uefacup.draw.estimate import LARGE_STATE_SPACE, state_bound
from uefacup.draw.teams import Constraints, Pots, Team
from uefacup.errors import SimulationError
from uefacup.io import plot_path
from uefacup.simulate.limits import check_scheduler

pytest.importorskip("numpy")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--runs", "1000000000000"], "--runs 1,000,000,000,000 is above the limit of 500,000,000"),
        (["--runs", "400000000", "--batch-size", "100"], "makes more than 100,000 batches"),
        (["--batch-size", "0"], "--batch-size must be a positive number of seasons, not 0"),
        (["--batch-size", "-5"], "--batch-size must be a positive number of seasons, not -5"),
        (["--batch-size", "100001"], "--batch-size 100,001 is above the limit of 100,000"),
        (["--workers", "1000"], "--workers 1000 is more than 4 per usable core"),
        (["--workers", "0"], "--workers must be at least 1, not 0"),
        (["--plot", "heat.xyz"], "--plot heat.xyz: the file must end in .png, .svg, .pdf"),
        (["--plot", "/nonexistent/dir/heat.png"], "folder /nonexistent/dir does not exist"),
        (["--scheduler", "127.0.0.1:notaport"], "--scheduler '127.0.0.1:notaport' is not an"),
        (["--scheduler", "host:70000"], "--scheduler 'host:70000' is not an"),
    ],
)
def test_refused_before_any_work(args: list[str], message: str) -> None:
    started = time.perf_counter()
    code, out, err = run_uefacup("simulate", *args)
    assert_clean_error(code, err)
    assert message in err and out == ""
    # nothing ran: a 10,000-season run (the default) takes seconds; a refusal only the imports
    assert time.perf_counter() - started < 60


def test_plot_folder_must_be_writable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The permission test itself is the operating system's (``os.access``); root may write
    anywhere, so the refusal is checked with ``os.access`` answering as for a locked folder."""
    monkeypatch.setattr(plot_path.os, "access", lambda *_: False)
    with pytest.raises(SimulationError, match=r"h\.png: cannot write there \(permission denied\)"):
        plot_path.check_plot_path(tmp_path / "h.png")


def test_plot_in_a_folder_path_is_refused(tmp_path: Path) -> None:
    (tmp_path / "h.png").mkdir()
    code, _, err = run_uefacup("simulate", "--runs", "10", "--plot", str(tmp_path / "h.png"))
    assert_clean_error(code, err)
    assert "is a folder" in err


def test_workers_beyond_the_cores_are_capped_with_a_note() -> None:
    cores = usable_cores()
    code, out, err = run_uefacup(
        "simulate", "--runs", "20", "--seed", "1", "--workers", str(cores + 1), "--format", "csv"
    )
    assert code == 0, err
    assert err == f"note: --workers {cores + 1} capped at the {cores} usable core(s)\n"
    assert out.startswith("club,")


@pytest.mark.parametrize(
    "address", ["127.0.0.1:8786", "tcp://10.0.0.1:8786", "[::1]:8786", "tls://host:1"]
)
def test_scheduler_addresses_accepted(address: str) -> None:
    check_scheduler(address)


@pytest.mark.parametrize(
    "args",
    [
        ["replay", "--format", "xml"],
        ["simulate", "--runs", "abc"],
        ["draw", "nonsense"],
        ["no-such-command"],
        ["replay", "--no-such-option"],
    ],
)
def test_usage_errors_are_one_line_with_click_status(args: list[str]) -> None:
    code, out, err = run_uefacup(*args)
    assert_clean_error(code, err)
    assert out == "" and err.startswith("uefacup")
    assert "Usage:" not in err and "Try " not in err


def test_usage_error_names_the_option_and_its_values() -> None:
    _, _, err = run_uefacup("replay", "--format", "xml")
    assert err == (
        "uefacup replay: error: Invalid value for '--format': 'xml' is not one of "
        "'text', 'json', 'csv'.\n"
    )


def _team(name: str, association: str) -> Team:
    return Team(name, association, None, None)


def test_state_bound_by_hand() -> None:
    """Two by two. Without constraints each pot is one class of two alike teams: 0, 1 or 2
    left on each side, 3 states. With U1/S1 and U2/S2 sharing associations each team is a
    class of its own: leave none (1 way), one (2 ways) or both (1 way) per side: 1+4+1 = 6."""
    open_pots = Pots((_team("S1", "A"), _team("S2", "B")), (_team("U1", "C"), _team("U2", "D")))
    assert state_bound(open_pots, Constraints()) == 3
    kept = Pots((_team("S1", "A"), _team("S2", "B")), (_team("U1", "A"), _team("U2", "B")))
    assert state_bound(kept, Constraints()) == 6


def _big_pot(path: Path) -> Path:
    """48 v 48 teams of 20 associations: a bound of about 1e18 states, minutes of work."""
    teams = lambda prefix: [  # noqa: E731
        {"name": f"{prefix}{i}", "association": f"A{i % 20}", "group": None} for i in range(48)
    ]
    path.write_text(json.dumps({"seeded": teams("S"), "unseeded": teams("U")}), "utf-8")
    return path


def test_large_exact_problem_warns_and_ctrl_c_exits_130(tmp_path: Path) -> None:
    pots = _big_pot(tmp_path / "big.json")
    process = subprocess.Popen(
        [sys.executable, "-m", "uefacup", "draw", "--pots", str(pots), "--probabilities"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        warning = process.stderr.readline()
        while warning.startswith("note: compiling"):  # a fresh machine compiles the engine once
            warning = process.stderr.readline()
        assert warning.startswith("warning: 48 v 48 may visit up to ")
        assert "(an upper bound)" in warning and "Ctrl-C stops" in warning
        time.sleep(1.0)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
        for pipe in (process.stdout, process.stderr):
            if pipe is not None:
                pipe.close()
    assert process.returncode == 130
    assert out == ""
    assert err == "uefacup: interrupted: exact probabilities not finished\n"


def test_small_exact_problem_has_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "small.json"
    teams = lambda p: [{"name": f"{p}{i}", "association": f"A{i}"} for i in range(3)]  # noqa: E731
    path.write_text(json.dumps({"seeded": teams("S"), "unseeded": teams("U")}), "utf-8")
    code, out, err = run_uefacup("draw", "--pots", str(path), "--probabilities", "--format", "json")
    assert code == 0 and err == ""
    assert json.loads(out)["probabilities"] == [[0, 0.5, 0.5], [0.5, 0, 0.5], [0.5, 0.5, 0]]
    assert (
        state_bound(
            Pots(
                tuple(_team(f"S{i}", f"A{i % 20}") for i in range(48)),
                tuple(_team(f"U{i}", f"A{i % 20}") for i in range(48)),
            ),
            Constraints(),
        )
        > LARGE_STATE_SPACE
    )
