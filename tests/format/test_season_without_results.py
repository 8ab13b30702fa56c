"""A season that starts before any result is played.

Issue 13: "A season that starts before any result is played must simulate from its start with
--model ratings or coefficients, with no fit to matches." Built here from example-cup32 with
its results removed (and, for the ratings case, its coefficients and seeding removed too).
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from uefacup.io.season_folder import season_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "uefacup", *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def unplayed(tmp_path: Path) -> Path:
    folder = tmp_path / "unplayed"
    shutil.copytree(season_path("example-cup32"), folder)
    matches = folder / "matches.csv"
    matches.write_text(matches.read_text("utf-8").splitlines()[0] + "\n", "utf-8")
    return folder


def champions(done: subprocess.CompletedProcess[str]) -> float:
    assert done.returncode == 0, done.stderr
    return sum(c["champion"] for c in json.loads(done.stdout)["clubs"])


def test_coefficients_without_any_result(unplayed: Path) -> None:
    done = run("simulate", "--season", str(unplayed), "--runs", "2000", "--format", "json")
    assert champions(done) == pytest.approx(1.0)
    assert "no results to fit" in json.loads(done.stdout)["model"]


def test_ratings_without_coefficients_or_results(unplayed: Path) -> None:
    with (unplayed / "clubs.csv").open(encoding="utf-8") as f:
        clubs = list(csv.DictReader(f))
    with (unplayed / "clubs.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(clubs[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({**c, "coefficient": ""} for c in clubs)
    toml = unplayed / "season.toml"
    text = toml.read_text("utf-8")
    text = text.replace(
        "seeded = true, groups = [16, 16], associations_apart = true", "seeded = false"
    )
    text = text.replace("seeded = true, associations_apart = true", "seeded = false")
    toml.write_text(text, "utf-8")
    ratings = unplayed / "ratings.csv"
    ratings.write_text(
        "club,rating\n" + "".join(f"{c['name']},{i % 5 / 10}\n" for i, c in enumerate(clubs)),
        "utf-8",
    )
    done = run(
        "simulate",
        "--season",
        str(unplayed),
        "--runs",
        "2000",
        "--format",
        "json",
        "--model",
        "ratings",
        "--ratings",
        str(ratings),
    )
    assert champions(done) == pytest.approx(1.0)
    refused = run("simulate", "--season", str(unplayed), "--runs", "100")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "too few for the coefficient model" in refused.stderr
    assert "--model ratings" in refused.stderr


def test_replay_of_an_unplayed_season_says_what_to_do(unplayed: Path) -> None:
    done = run("replay", "--season", str(unplayed))
    assert done.returncode == 2
    assert done.stderr.strip().endswith("(simulate the season instead)")
