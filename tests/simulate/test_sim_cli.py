"""``uefacup simulate`` through click's CliRunner against ``uefacup.cli.main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import assert_clean_error, invoke_cli, run_uefacup
from uefacup.model import Round
from uefacup.simulate import backends


def _run(*args: str) -> tuple[int, str, str]:
    return invoke_cli("simulate", *args)


def test_json_shape_and_sums() -> None:
    code, out, _ = _run("--runs", "2000", "--seed", "3", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["runs"] == 2000 and data["seed"] == 3 and data["from"] == "start"
    assert len(data["clubs"]) == 145
    first = data["clubs"][0]
    assert set(first) >= {"club", "rounds", "champion"}
    assert list(first["rounds"]) == [r.value for r in Round]
    assert sum(c["rounds"]["fourth"] for c in data["clubs"]) == pytest.approx(16)
    assert sum(c["champion"] for c in data["clubs"]) == pytest.approx(1)
    champions = [c["champion"] for c in data["clubs"]]
    assert champions == sorted(champions, reverse=True)


def test_text_from_final_with_backtest() -> None:
    code, out, _ = _run("--runs", "5000", "--seed", "1", "--from", "final")
    assert code == 0
    assert "Porto" in out and "Celtic" in out and "Lazio" not in out
    assert "Backtest" in out and "coin flip" in out


def test_csv_and_plot(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    png = tmp_path / "heat.png"
    code, out, _ = _run(
        "--runs", "500", "--from", "semi-final", "--format", "csv", "--plot", str(png)
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("club,association,qualifying,first")
    assert len(lines) == 146
    assert png.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--runs", "0"], "--runs must be a positive"),
        (["--runs", "-5"], "--runs must be a positive"),
        (["--from", "group-stage"], "unknown round 'group-stage'"),
        (["--model", "elo"], "unknown model 'elo'"),
        (["--model", "ratings"], "needs --ratings FILE"),
        (["--workers", "0"], "--workers must be at least 1"),
        (["--ratings", "/nonexistent/ratings.csv"], "/nonexistent/ratings.csv: cannot be read"),
    ],
)
def test_bad_arguments_one_line(args: list[str], message: str) -> None:
    extra = [] if "--runs" in args else ["--runs", "10"]
    code, out, err = run_uefacup("simulate", *extra, *args)
    assert_clean_error(code, err)
    assert out == ""
    assert message in err


def test_ratings_missing_a_club(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("club,rating\nPorto,0.5\nCeltic,0.3\n", "utf-8")
    code, _, err = _run("--runs", "10", "--ratings", str(path))
    assert code == 2 and err.count("\n") == 1
    assert "no rating for 143 club(s)" in err


def test_unreachable_scheduler(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(backends, "CONNECT_TIMEOUT", 0.5)
    code, _, err = _run("--runs", "10", "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and err.count("\n") == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err
