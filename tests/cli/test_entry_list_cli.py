"""``uefacup entry-list`` through click's runner: formats, --explain, --season PATH, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import assert_clean_error, replace_line, run_uefacup
from uefacup.cli import main
from uefacup.io.season_folder import load_season


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["entry-list", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _clubs_csv() -> list[dict[str, str]]:
    return [
        {
            "club": c.name,
            "association": c.association,
            "round": c.round,
            "label": c.label.value,
        }
        for c in load_season("2002-03").clubs
    ]


def _key(row: dict[str, str]) -> tuple[str, ...]:
    return (row["club"], row["association"], row["round"], row["label"])


def test_json_is_the_teams_table() -> None:
    code, out, _ = run("--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert all(set(r) == {"club", "association", "round", "label"} for r in rows)
    assert sorted(map(_key, rows)) == sorted(map(_key, _clubs_csv()))
    assert {r["round"] for r in rows} == {"qualifying", "first", "third"}


def test_csv_has_header_and_145_rows() -> None:
    code, out, _ = run("--format", "csv", "--season", "2002-03")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 145
    assert sorted(map(_key, rows)) == sorted(map(_key, _clubs_csv()))


def test_text_tables_per_round() -> None:
    code, out, _ = run()
    assert code == 0
    for title in ("Third round (8 clubs", "First round (55 clubs", "Qualifying round (82 clubs"):
        assert title in out
    assert "Grasshopper" in out and "UCL GS1" in out


def test_explain_says_how_each_berth_was_filled() -> None:
    code, out, _ = run("--explain")
    assert code == 0
    assert "Title holders" in out and "Feyenoord" in out
    for association in ("Switzerland", "Austria", "Finland", "Sweden", "Azerbaijan", "Latvia"):
        assert f"\n{association}\n" in out
    flat = " ".join(out.split())
    assert "CW place (first round): Grasshopper [2nd]" in flat
    assert "Servette (4th) qualify" in flat
    # Kärnten 5th and Austria Wien 4th in the 2001-02 table, Grazer AK cup winners (seed 002
    # note AUT; sources.csv wp-en-bl0102, oefb-cup-history; NOTES "Austria").
    assert "3rd place (qualifying round): Kärnten [5th]" in flat
    assert "CW place (first round): Austria Wien [4th]" in flat


def test_explain_with_json_keeps_stdout_parseable() -> None:
    code, out, err = run("--format", "json", "--explain")
    assert code == 0
    assert len(json.loads(out)) == 145
    assert "Switzerland" in err


def test_season_path_with_a_changed_input(season_copy: Path) -> None:
    """Basel not in the Champions League: they take the cup place, Servette drop out."""
    domestic = season_copy / "domestic.csv"
    line = next(
        x
        for x in domestic.read_text("utf-8").splitlines()
        if x.startswith("Switzerland,champions_league,")
    )
    replace_line(domestic, line, "")
    # the fact that now gives Basel its place: the cup win, named by its line
    facts = domestic.read_text("utf-8").splitlines()
    at = 1 + next(i for i, x in enumerate(facts) if x.startswith("Switzerland,cup_winner,,Basel"))
    code, _, err = run_uefacup("entry-list", "--season", str(season_copy))
    assert_clean_error(code, err)
    assert err == (
        f"uefacup: error: domestic.csv:{at}: 'Basel' enters the derived entry list but is not in "
        "clubs.csv\n"
    )
    code, out, err = run("--season", str(season_copy), "--format", "json", "--explain", "--what-if")
    assert code == 0
    assert f"note: domestic.csv:{at}: 'Basel' enters the derived entry list" in err
    swiss = {
        (r["club"], r["round"], r["label"])
        for r in json.loads(out)
        if r["association"] == "Switzerland"
    }
    assert swiss == {
        ("Basel", "first", "CW"),
        ("Grasshopper", "qualifying", "2nd"),
        ("Lugano", "qualifying", "3rd"),
    }


def test_bad_input_is_one_line_and_exit_2(season_copy: Path) -> None:
    domestic = season_copy / "domestic.csv"
    replace_line(
        domestic,
        "Switzerland,league,3,Lugano,,general knowledge (worked example of the brief): "
        "2001–02 Nationalliga A",
        "Switzerland,league,2,Lugano,,test",
    )
    with domestic.open("a", encoding="utf-8") as handle:
        handle.write("Atlantis,cup_winner,,Poseidon FC,,test\n")
    code, out, err = run_uefacup("entry-list", "--season", str(season_copy))
    assert_clean_error(code, err, lines=None)
    assert out == ""
    lines = err.splitlines()  # one problem a line (issue 14: never joined into one line)
    assert all(line.startswith("uefacup: error: domestic.csv:") for line in lines)
    assert any(
        "Switzerland: league: position 2 given twice (Grasshopper, Lugano)" in x for x in lines
    )
    assert any("Atlantis: cup_winner: unknown association (club Poseidon FC)" in x for x in lines)


def test_unknown_season_is_an_error() -> None:
    code, _, err = run("--season", "/no/such/season")
    assert code == 2 and "unknown season" in err
