"""The CLI through click's runner: output, JSON keys, and one-line errors with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from tests.conftest import assert_clean_error, invoke_cli, replace_line, run_uefacup
from uefacup.cli import main
from uefacup.model import Round

run = invoke_cli


def test_replay_text_shows_every_round_and_the_final() -> None:
    code, out, _ = run("replay")
    assert code == 0
    out = " ".join(out.split())  # lines wrap at 80 columns
    for heading in ("Qualifying round", "First round", "Quarter-finals", "Semi-finals"):
        assert heading in out
    # Nominal home side Celtic: the 2003 UEFA Cup final article's infobox lists Celtic as team 1
    # and Porto as team 2; the Irish Examiner reports "Celtic 2 FC Porto 3 AET" (sources.csv:
    # wp-en-final, ie-final).
    assert "Celtic 2-3 Porto (a.e.t., 2-2 after 90')" in out
    assert "Porto beat Celtic after extra time" in out  # the goal came in the second half
    assert "matches 205, goals 576, goals per match 2.81, attendance 3,139,630" in out
    assert "Livingston on away goals" in out


def test_replay_json_keys() -> None:
    code, out, _ = run("replay", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"season", "rounds", "champion", "runner_up", "stats"}
    assert [r["key"] for r in data["rounds"]] == [r.value for r in Round]
    final = data["rounds"][-1]["ties"][0]
    assert final["decided_by"] == "extra_time" and final["winner"] == "Porto"
    leg = final["legs"][0]
    assert {
        k: leg[k] for k in ("home", "away", "home_goals", "away_goals", "extra_time", "penalties")
    } == {
        "home": "Celtic",  # nominal home side, sources.csv wp-en-final and ie-final
        "away": "Porto",
        "home_goals": 2,
        "away_goals": 3,
        "extra_time": True,
        "penalties": None,
    }
    sigma = next(t for t in data["rounds"][0]["ties"] if t["legs"][0]["home"] == "Sigma Olomouc")
    assert sigma["legs"][1]["penalties"] == [5, 3] and sigma["decided_by"] == "penalties"
    assert set(data["stats"]) >= {
        "matches",
        "goals",
        "goals_per_match",
        "attendance",
        "top_scorers",
    }
    assert data["stats"]["matches"] == 205 and data["champion"] == "Porto"


def test_unknown_season_is_one_line_exit_2() -> None:
    code, out, err = run("replay", "--season", "1999-00")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("uefacup: error: unknown season '1999-00'")


def test_bad_score_in_folder_is_one_line_a_problem(season_copy: Path) -> None:
    """The bad score, and the tie it leaves with one leg, each on a line naming the file."""
    replace_line(
        season_copy / "matches.csv",
        "qualifying,1,1,2002-08-15,Encamp,Zenit Saint Petersburg,0-5,,,,000",
        "qualifying,1,1,2002-08-15,Encamp,Zenit Saint Petersburg,3-,,,,000",
    )
    code, _, err = run_uefacup("replay", "--season", str(season_copy))
    assert_clean_error(code, err, lines=None)
    lines = err.splitlines()
    assert lines[0] == "uefacup: error: matches.csv:2: bad score '3-' (expected e.g. 2-1)"
    assert all(line.startswith("uefacup: error: matches.csv:") for line in lines)


def test_bad_format_is_a_usage_error() -> None:
    code, _, err = run("replay", "--format", "xml")
    assert code == 2 and "Invalid value for '--format'" in err


def test_check_sources_lists_and_documents(seeds_dir: Path) -> None:
    code, out, _ = run("check-sources", "--seeds", str(seeds_dir))
    assert code == 0
    out = " ".join(out.split())  # lines wrap at 80 columns
    assert "Levadia Tallinn v Maccabi Tel Aviv" in out
    assert "16 of 16 documented in NOTES.md" in out


def test_check_sources_fails_on_undocumented(seeds_dir: Path, season_copy: Path) -> None:
    notes = season_copy / "NOTES.md"
    notes.write_text(notes.read_text("utf-8").replace("`rank:001:52`", "rank 52"), "utf-8")
    code, out, _ = run("check-sources", "--seeds", str(seeds_dir), "--season", str(season_copy))
    assert code == 1 and "[not in NOTES]" in out


def test_check_sources_fails_on_an_undocumented_match_fact_conflict(
    seeds_dir: Path, season_copy: Path
) -> None:
    """A new source giving another date for a leg is a disagreement NOTES.md must cite."""
    facts = season_copy / "match_facts.csv"
    facts.write_text(facts.read_text("utf-8") + "first,2,1,date,2002-09-18,wp-pt\n", "utf-8")
    code, out, _ = run("check-sources", "--seeds", str(seeds_dir), "--season", str(season_copy))
    assert code == 1
    assert "(key fact:first:2:1:date) [not in NOTES]" in " ".join(out.split())  # wrapped at 80


def test_check_sources_reports_a_bad_match_fact_row_in_one_line(
    seeds_dir: Path, season_copy: Path
) -> None:
    facts = season_copy / "match_facts.csv"
    facts.write_text(facts.read_text("utf-8") + "first,2,1,weather,rain,nobody\n", "utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "uefacup",
            "check-sources",
            "--seeds",
            str(seeds_dir),
            "--season",
            str(season_copy),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "match_facts.csv:" in proc.stderr and "unknown fact 'weather'" in proc.stderr


def test_check_sources_without_seeds_is_one_line(tmp_path: Path) -> None:
    code, _, err = run("check-sources", "--seeds", str(tmp_path / "nope"))
    assert code == 2 and "seed folder not found" in err


def _commands(group: click.Group) -> list[tuple[str, click.Command]]:
    """Every command as click lists it (the group imports each module on look-up)."""
    ctx = click.Context(group)
    found = [(name, group.get_command(ctx, name)) for name in group.list_commands(ctx)]
    return [(name, command) for name, command in found if command is not None]


@pytest.mark.parametrize("name", [n for n, _ in _commands(main)])
def test_every_command_has_help(name: str) -> None:
    command = dict(_commands(main))[name]
    assert command.help and len(command.help.strip()) > 20, f"{name} lacks help text"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} lacks help text"


def test_python_dash_m_entry_point() -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "uefacup", "--help"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0 and "replay" in proc.stdout


def test_a_missing_library_is_one_line_not_a_traceback() -> None:
    """Commands import their libraries when they run; one that is not installed (rich, hidden
    here) is named on one line with status 2."""
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['rich'] = None; sys.argv = ['uefacup', 'replay'];"
        "from uefacup.cli import main; main()"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        "uefacup: error: the package 'rich' is not installed; pip install uefacup (or "
        "'uefacup[all]' for every extra) installs it"
    ]


def test_every_command_module_is_listed_for_lazy_import() -> None:
    """Commands are imported when looked up (``app.COMMANDS``): a command module missing from
    that table would never be imported, and its command would vanish from the CLI unnoticed."""
    import importlib
    import pkgutil

    import uefacup.cli
    from uefacup.cli.app import COMMANDS

    for info in pkgutil.iter_modules(uefacup.cli.__path__):
        importlib.import_module(f"uefacup.cli.{info.name}")
    defined = {name: command.callback.__module__ for name, command in main.commands.items()}
    assert defined == COMMANDS
