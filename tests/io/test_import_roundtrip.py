"""Export, import, replay: the same replay for every embedded season, whatever the file format
and the order of the CSV's rows (hypothesis). Attendance and top scorers are season facts the
results files do not carry, nor are the legs' venues and attendances (facts of
match_facts.csv, beside the results): they are the parts of the replay JSON left out."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uefacup import load_season, replay
from uefacup.io.export import render
from uefacup.io.importers import import_season
from uefacup.io.season_folder import embedded_seasons
from uefacup.report.replay_report import replay_to_dict

SEASONS = embedded_seasons()


def comparable(season_key_or_path: str | Path) -> dict[str, object]:
    data = replay_to_dict(replay(load_season(season_key_or_path)))
    stats = data["stats"]
    assert isinstance(stats, dict)
    stats.pop("attendance")
    stats.pop("top_scorers")
    for rnd in data["rounds"]:  # type: ignore[attr-defined]
        for tie in rnd["ties"]:
            for leg in tie["legs"]:
                leg.pop("venue")
                leg.pop("attendance")
    return data


def _shuffled_csv(text: str, order: list[int]) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    body = rows[1:]
    body = [body[i] for i in order] if order else body
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([rows[0], *body])
    return out.getvalue()


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, str, list[int]]:
    season = draw(st.sampled_from(SEASONS))
    kind = draw(st.sampled_from(["csv", "football.txt"]))
    order: list[int] = []
    if kind == "csv":
        size = sum(len(t.legs) for t in load_season(season).ties)
        order = draw(st.permutations(range(size)))
    return season, kind, order


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_export_import_replay_is_the_same_replay(case: tuple[str, str, list[int]]) -> None:
    season_key, kind, order = case
    season = load_season(season_key)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if kind == "csv":
            text = _shuffled_csv(render(season, "csv")["matches.csv"], order)
            path = root / "matches.csv"
        else:
            text = render(season, "football.txt")[f"{season.key}.txt"]
            path = root / "season.txt"
        path.write_text(text, "utf-8")
        imported = import_season(
            path, kind, format_of=season_key, out=root / "imported", key=season.key
        )
        assert imported.title == season.title or kind == "csv"
        assert comparable(root / "imported") == comparable(season_key)


def test_every_embedded_season_is_in_the_round_trip() -> None:
    assert "2002-03" in SEASONS and len(SEASONS) >= 1


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "uefacup", *args], capture_output=True, text=True)


def test_import_cli_round_trip(tmp_path: Path) -> None:
    assert _run("export", "--format", "csv", "--out", str(tmp_path / "exp")).returncode == 0
    run = _run(
        "import",
        "--from-csv",
        str(tmp_path / "exp" / "matches.csv"),
        "--format-of",
        "2002-03",
        "--out",
        str(tmp_path / "2002-03"),
    )
    assert run.returncode == 0, run.stderr
    assert "145 clubs, 144 ties (287 matches)" in run.stdout
    again = _run("replay", "--season", str(tmp_path / "2002-03"), "--format", "json")
    assert json.loads(again.stdout)["champion"] == "Porto"


def test_import_reports_every_bad_row(tmp_path: Path) -> None:
    results = tmp_path / "results.csv"
    results.write_text(
        "round,home,away,home_goals_90,away_goals_90\n"
        "final,Porto,Celtic,2,\n"
        "sixth,Porto,Celtic,1,0\n",
        "utf-8",
    )
    run = _run(
        "import", "--from-csv", str(results), "--format-of", "2002-03", "--out", str(tmp_path / "o")
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "results.csv:2: home_goals_90/away_goals_90 must be two goal counts" in run.stderr
    assert "results.csv:3: unknown round 'sixth'" in run.stderr
    assert run.stderr.count("\n") == 2


def test_import_football_txt_problems(tmp_path: Path) -> None:
    txt = tmp_path / "cup.txt"
    txt.write_text(
        "= A cup\n\n▪ Sixth round\n  Wed May 21 2003\n    Porto  v Celtic  3-2 a.e.t.\n",
        "utf-8",
    )
    run = _run(
        "import",
        "--from-football-txt",
        str(txt),
        "--format-of",
        "2002-03",
        "--out",
        str(tmp_path / "o"),
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "cup.txt:3: unknown round 'Sixth round'" in run.stderr
    assert "cup.txt:5: match before any (known) round heading" in run.stderr


def test_import_refuses_a_non_empty_folder_and_unknown_clubs(tmp_path: Path) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "x").write_text("", "utf-8")
    results = tmp_path / "r.csv"
    results.write_text(
        "round,home,away,home_goals_90,away_goals_90\nfinal,Nowhere FC,Celtic,1,0\n", "utf-8"
    )
    run = _run("import", "--from-csv", str(results), "--format-of", "2002-03", "--out", str(busy))
    assert run.returncode == 2 and "exists and is not an empty folder" in run.stderr
    run = _run(
        "import",
        "--from-csv",
        str(results),
        "--format-of",
        "2002-03",
        "--out",
        str(tmp_path / "new"),
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "club 'Nowhere FC': no association and label" in run.stderr
