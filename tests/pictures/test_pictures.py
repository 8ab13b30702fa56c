"""Pictures: checked on the matplotlib Figure objects (titles, cell labels, rows), not pixels."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from uefacup import load_season, replay
from uefacup.draw import Constraints, Pots, Team
from uefacup.draw.files import PotsEntry
from uefacup.draw.odds import pairing_odds
from uefacup.simulate.results import SimulationResult

pytest.importorskip("matplotlib")

from uefacup.pictures.bracket import bracket_figure
from uefacup.simulate.plot import cell_text, heatmap_figure

ROUNDS = (
    "qualifying",
    "first",
    "second",
    "third",
    "fourth",
    "quarter-final",
    "semi-final",
    "final",
)
"""The 2002-03 round keys, in order (season.toml)."""
COLUMNS = (*ROUNDS, "champion")
NAMES = (
    "Qualifying round",
    "First round",
    "Second round",
    "Third round",
    "Fourth round",
    "Quarter-finals",
    "Semi-finals",
    "Final",
)


def texts(fig: object) -> list[str]:
    """Every text drawn inside the figure's first axes (cell labels, box lines)."""
    return [t.get_text() for t in fig.axes[0].texts]  # type: ignore[attr-defined]


def _result(from_round: str | None) -> SimulationResult:
    """Three clubs from the quarter-finals, 8 runs: A reached the semi-final in 6 runs, the final
    in 3 and won 2; B 2, 1, 1; C 0; D went out before the quarter-final (not alive)."""
    qf = COLUMNS.index("quarter-final")
    rows = []
    for semi, final, champ, alive in ((6, 3, 2, 8), (2, 1, 1, 8), (0, 0, 0, 8), (0, 0, 0, 0)):
        row = [8] * qf + [alive, semi, final, champ]
        rows.append(row)
    return SimulationResult(
        clubs=("A", "B", "C", "D"),
        rounds=ROUNDS,
        associations=("X", "Y", "Z", "W"),
        counts=np.array(rows, dtype=np.int64),
        runs=8,
        requested=8,
        seed=42,
        from_round=from_round,
        engine="test",
        model="test model: fixed strengths",
        season="2002-03",
        season_title="2002–03 UEFA Cup",
        round_names=NAMES,
    )


def test_cell_text_rounding() -> None:
    assert [cell_text(p) for p in (0, 1, 0.25, 0.0375, 0.0004, 0.123)] == [
        "0",
        "100",
        "25",
        "3.8",
        "<0.1",
        "12",
    ]


def test_heatmap_only_clubs_alive_with_percentages_and_a_full_title() -> None:
    fig = heatmap_figure(_result("quarter-final"))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A (X)", "B (Y)", "C (Z)"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Semi-\nfinals", "Final", "Champion"]
    # row by row: 6/8, 3/8, 2/8 | 2/8, 1/8, 1/8 | 0, 0, 0
    assert texts(fig) == ["75", "38", "25", "25", "12", "12", "0", "0", "0"]
    title = fig._suptitle.get_text()
    for part in ("2002–03 UEFA Cup", "quarter-final", "8 runs", "seed 42", "test model"):
        assert part in title, part


def test_heatmap_top_and_blank_before_entry() -> None:
    """From the start every club is alive; a club entering at the first round gets no number in
    the qualifying column (blank, not 0)."""
    n = len(COLUMNS)
    counts = np.array([[4, 4, *[0] * (n - 2)], [0, 4, *[2] * (n - 2)]], dtype=np.int64)
    result = SimulationResult(
        clubs=("Early", "Late"),
        rounds=ROUNDS,
        associations=("X", "Y"),
        counts=counts,
        runs=4,
        requested=4,
        seed=1,
        from_round=None,
        engine="test",
        model="m",
    )
    fig = heatmap_figure(result)
    labels = texts(fig)
    # "Late" (the likelier champion) is the first row: no qualifying cell, then 100 and 50s
    assert labels[: n - 1] == ["100", *["50"] * (n - 2)]
    assert labels[n - 1 :] == ["100", "100", *["0"] * (n - 2)]
    assert "blank" in fig._supxlabel.get_text()
    top = heatmap_figure(result, top=1)
    assert [t.get_text() for t in top.axes[0].get_yticklabels()] == ["Late (Y)"]


def test_bracket_from_the_round_of_16() -> None:
    """2002-03 from the fourth round (8 ties): 15 boxes; the final Celtic 2-3 Porto a.e.t. (the
    goal came in the second half, so not a silver goal); the quarter-final Málaga 1-0, 0-1
    Boavista settled 1-4 on penalties."""
    fig = bracket_figure(replay(load_season("2002-03")))
    ax = fig.axes[0]
    assert len(ax.patches) == 15
    labels = texts(fig)
    for heading in ("Fourth round", "Quarter-finals", "Semi-finals", "Final"):
        assert heading in labels
    assert "a.e.t." in labels
    assert "a.e.t., 1–4 pens" in labels
    assert "champion Porto" in ax.get_title(loc="left")
    bold = {t.get_text() for t in ax.texts if t.get_fontweight() == "bold"}
    assert {"Porto", "Boavista", "Celtic", "Lazio"} <= bold
    # Liverpool beat Auxerre in the fourth round (bold), then went out to Celtic (plain)
    weights = sorted(t.get_fontweight() for t in ax.texts if t.get_text() == "Liverpool")
    assert weights == ["bold", "normal"]


def test_bracket_unknown_round_is_an_error() -> None:
    from uefacup.errors import UefaCupError

    with pytest.raises(UefaCupError, match="unknown round 'sixth'"):
        bracket_figure(replay(load_season("2002-03")), "sixth")


def test_pairings_heatmap_labels() -> None:
    pots = Pots(
        seeded=(Team("Leeds", "England"), Team("Real", "Spain")),
        unseeded=(Team("Ipswich", "England"), Team("Lazio", "Italy")),
    )
    fig = pairing_odds(PotsEntry("test draw", pots, Constraints())).figure()
    assert texts(fig) == ["–", "100.0", "100.0", "–"]
    assert "Pairing probabilities (%): test draw" in fig.axes[0].get_title()
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [
        "Ipswich (England)",
        "Lazio (Italy)",
    ]


def test_replay_plot_cli_writes_a_png(tmp_path: Path) -> None:
    out = tmp_path / "bracket.png"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "uefacup",
            "replay",
            "--plot",
            str(out),
            "--plot-from",
            "semi-final",
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_draw_plot_without_probabilities_is_refused(tmp_path: Path) -> None:
    pots = tmp_path / "p.json"
    pots.write_text(
        '{"seeded": [{"name": "A", "association": "X", "group": null}],'
        ' "unseeded": [{"name": "B", "association": "Y", "group": null}]}',
        "utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "uefacup", "draw", "--pots", str(pots), "--plot", "x.png"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert "--plot draws the pairing probabilities: add --probabilities" in run.stderr
    assert "Traceback" not in run.stderr


def test_picture_suffix_is_checked(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "uefacup", "replay", "--plot", str(tmp_path / "b.jpg2")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert "must end in .png, .svg, .pdf" in run.stderr and "Traceback" not in run.stderr


def test_simulated_bracket_most_likely_path() -> None:
    """From the fourth round of 2002-03 the quarter-final bracket was drawn with it (13 December
    2002), the semi-finals later: 8 + 4 boxes, then two columns of the likeliest clubs. In each
    tie the club more likely to reach the next round is bold and is the one in the next box."""
    from uefacup.pictures.sim_bracket import simulated_bracket_figure
    from uefacup.simulate.runner import simulate

    season = load_season("2002-03")
    result = simulate(season, runs=400, seed=11, from_round="fourth")
    fig = simulated_bracket_figure(result, season)
    ax = fig.axes[0]
    assert len(ax.patches) == 12
    labels = texts(fig)
    assert "Quarter-finals" in labels and "Semi-finals\n(drawn later)" in labels
    assert "most likely path from the fourth round" in ax.get_title(loc="left")
    assert "400 runs, seed 11" in ax.get_title(loc="left")
    # Lazio v Wisła Kraków: the percentages are the clubs' chances of the quarter-finals
    lazio = result.probability("Lazio", "quarter-final")
    assert f"{100 * lazio:.1f} %" in labels
    bold = [t.get_text() for t in ax.texts if t.get_fontweight() == "bold"]
    assert "Lazio" in bold


def test_simulated_bracket_needs_a_real_start(tmp_path: Path) -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "uefacup",
            "simulate",
            "--runs",
            "10",
            "--plot-bracket",
            str(tmp_path / "b.png"),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "--plot-bracket starts from a real draw: add --from ROUND" in run.stderr
