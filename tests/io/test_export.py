"""Exports: each format's file, checked against rows worked out by hand from the 2002-03 record
(the final: Celtic 2-2 Porto after 90 minutes, 2-2 after the first extra-time half, 2-3 after
extra time, Celtic the nominal home side (wp-en-final, ie-final; NOTES.md, issue 15); the
quarter-final Boavista 1-0 Málaga a.e.t., 4-1 on penalties)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from uefacup import load_season
from uefacup.io.export import FORMATS, export_season, render

# The columns of engsoccerdata's champs table as its documentation lists them (R/champs.R).
CHAMPS = (
    "Date,Season,round,leg,home,visitor,FT,HT,aet,pens,hgoal,vgoal,FTagg_home,FTagg_visitor,"
    "aethgoal,aetvgoal,tothgoal,totvgoal,totagg_home,totagg_visitor,tiewinner,hcountry,vcountry"
)


@pytest.fixture(scope="module")
def season():  # type: ignore[no-untyped-def]
    return load_season("2002-03")


def lines(text: str) -> list[str]:
    return text.splitlines()


def test_csv_matches_final_row(season) -> None:  # type: ignore[no-untyped-def]
    files = render(season, "csv")
    assert set(files) == {"matches.csv", "ties.csv", "clubs.csv"}
    rows = lines(files["matches.csv"])
    assert len(rows) == 1 + 287
    assert rows[-1] == (
        "final,1,1,2003-05-21,Celtic,Porto,Scotland,Portugal,2,2,2,2,2,3,2,3,true,,,"
        '"Estadio Olímpico de Sevilla, Seville",true,'  # the final: a neutral ground;
        # attendance empty: the sources disagree (52,140 / 52,972 / 72,972, NOTES.md)
    )
    ties = lines(files["ties.csv"])
    assert ties[-1] == (
        "final,1,1,Celtic,Porto,Scotland,Portugal,2,3,,,true,,,Porto,Celtic,extra_time,2003-05-21"
    )


def test_engsoccerdata_champs_columns_and_rows(season) -> None:  # type: ignore[no-untyped-def]
    rows = lines(render(season, "engsoccerdata")["champs.csv"])
    assert rows[0] == CHAMPS
    # FT 2-2, extra time played, 0-1 in extra time, 2-3 in all (Celtic the nominal home side,
    # wp-en-final); Season is the starting year
    assert rows[-1] == (
        "2003-05-21,2002,final,NA,Celtic,Porto,2-2,NA,aet,NA,2,2,2,2,0,1,2,3,2,3,Porto,"
        "Scotland,Portugal"
    )
    by_match = {(r["home"], r["visitor"]): r for r in csv.DictReader(rows)}
    qf = by_match[("Boavista", "Málaga")]
    assert (qf["leg"], qf["FT"], qf["aet"], qf["pens"], qf["tiewinner"]) == (
        "2",
        "1-0",
        "aet",
        "4-1",
        "Boavista",
    )
    # Hertha BSC 3-2 Boavista, Boavista 1-0 Hertha: 3-3, Boavista through on away goals
    second = by_match[("Boavista", "Hertha BSC")]
    assert (second["FTagg_home"], second["FTagg_visitor"], second["pens"]) == (
        "3",
        "3",
        "away goals",
    )


def test_football_txt_lines(season) -> None:  # type: ignore[no-untyped-def]
    text = render(season, "football.txt")["2002-03.txt"]
    assert text.startswith("= 2002–03 UEFA Cup\n")
    body = [line.strip() for line in lines(text)]
    assert "▪ Final" in body and "▪ Quarter-finals, 2nd Leg" in body
    assert "Wed May 21 2003" in body
    assert (
        "Celtic  v Porto  2-3 a.e.t. (2-2; 2-2 at 105')  @ Estadio Olímpico de Sevilla, Seville"
        in body
    )
    assert any(
        line.startswith("Boavista ") and line.endswith("1-0 a.e.t. (1-0), 4-1 pen.  [agg 1-1]")
        for line in body
    )


def test_json_and_ndjson(season) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(render(season, "json")["2002-03.json"])
    assert doc["season"] == "2002-03" and len(doc["matches"]) == 287 and len(doc["clubs"]) == 145
    assert doc["ties"][-1]["decided_by"] == "extra_time"
    ndjson = render(season, "ndjson")
    assert len(lines(ndjson["matches.ndjson"])) == 287
    last = json.loads(lines(ndjson["matches.ndjson"])[-1])
    assert (last["home_goals_aet"], last["away_goals_aet"], last["date"]) == (2, 3, "2003-05-21")


def test_export_writes_every_format(season, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for fmt in FORMATS:
        paths = export_season(season, fmt, tmp_path / fmt)
        assert paths and all(p.is_file() and p.stat().st_size > 0 for p in paths)


def test_export_cli_error_when_out_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "uefacup", "export", "--format", "csv", "--out", str(blocker / "d")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert "cannot write the export" in run.stderr and "Traceback" not in run.stderr
    assert run.stderr.count("\n") == 1


def test_replay_csv_one_row_per_tie() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "uefacup", "replay", "--format", "csv"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = lines(run.stdout)
    assert rows[0].startswith("round,tie,legs,first,second,")
    assert len(rows) == 1 + 144
    assert rows[-1].endswith(",Porto,Celtic,extra_time,2003-05-21")
