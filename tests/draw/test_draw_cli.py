"""``uefacup draw`` through click's runner: output shapes, determinism, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import uefacup.draw
from tests.conftest import assert_clean_error, run_uefacup
from uefacup.cli import main

POTS = {
    "competition": "cl",
    "season": "2099/00",
    "seeded": [
        {"name": "S1", "group": "A", "association": "EN"},
        {"name": "S2", "group": "B", "association": "ES"},
        {"name": "S3", "group": "C", "association": "IT"},
    ],
    "unseeded": [
        {"name": "U1", "group": "A", "association": "ES"},
        {"name": "U2", "group": "B", "association": "FR"},
        {"name": "U3", "group": "C", "association": "DE"},
    ],
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["draw", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def pots_file(tmp_path: Path) -> Path:
    path = tmp_path / "pots.json"
    path.write_text(json.dumps(POTS), encoding="utf-8")
    return path


def test_season_round_json_is_reproducible() -> None:
    code, out, _ = run("qualifying", "--seed", "11", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"round", "seed", "ties", "log"}
    assert data["round"] == "qualifying" and data["seed"] == 11 and len(data["ties"]) == 41
    assert set(data["ties"][0]) == {"home", "away"}
    assert run("qualifying", "--seed", "11", "--format", "json")[1] == out


def test_text_output_lists_the_ties() -> None:
    code, out, _ = run("semi-final", "--seed", "1", "--show-log")
    assert code == 0 and "Home (first leg)" in out and "Draw log" in out


def test_pots_draw_and_probabilities(pots_file: Path) -> None:
    code, out, _ = run("--pots", str(pots_file), "--seed", "3", "--format", "json")
    assert code == 0 and len(json.loads(out)["ties"]) == 3
    code, out, _ = run("--pots", str(pots_file), "--probabilities", "--format", "json")
    data = json.loads(out)
    assert data["seeded"] == ["S1", "S2", "S3"] and data["unseeded"] == ["U1", "U2", "U3"]
    assert data["probabilities"][0][0] == 0  # same group A
    assert all(abs(sum(row) - 1) < 1e-12 for row in data["probabilities"])
    code, out, _ = run("--pots", str(pots_file), "--probabilities")
    assert code == 0 and "Pairing probabilities" in out


def test_file_of_draws_by_index_and_select(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps({"draws": [POTS, {**POTS, "season": "2100/01"}]}), "utf-8")
    by_index = run("--pots", str(path), "--index", "1", "--probabilities", "--format", "json")
    by_select = run(
        "--pots", str(path), "--select", "2100/01/cl", "--probabilities", "--format", "json"
    )
    assert by_index[0] == by_select[0] == 0 and by_index[1] == by_select[1]
    code, _, err = run("--pots", str(path), "--probabilities")
    assert code == 2 and "--index" in err


def test_file_of_one_draw_needs_no_index(tmp_path: Path) -> None:
    """A ``draws`` list holding one draw (such as one entry cut from the shared file) is that
    draw; ``--index 0`` gives the same answer."""
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"draws": [POTS]}), "utf-8")
    plain = run("--pots", str(path), "--probabilities", "--format", "json")
    indexed = run("--pots", str(path), "--index", "0", "--probabilities", "--format", "json")
    assert plain[0] == 0 and plain[1] == indexed[1]
    code, _, err = run("--pots", str(path), "--index", "1", "--probabilities")
    assert code == 2 and "no draw at index 1" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "bad.json:1: not valid JSON"),
        (json.dumps({"seeded": [{"name": "S"}]}), "bad.json: missing key 'unseeded'"),
        (json.dumps({**POTS, "unseeded": POTS["unseeded"][:2]}), "bad.json: unequal pot sizes"),
        (
            json.dumps({**POTS, "seeded": [{"name": 3}, *POTS["seeded"][1:]]}),
            "bad.json: seeded[0].name: must be a string (got 3)",
        ),
        (
            json.dumps(
                {
                    "seeded": [{"name": "S", "association": "X"}],
                    "unseeded": [{"name": "U", "association": "X"}],
                }
            ),
            "bad.json: U has no possible opponent",
        ),
    ],
)
def test_bad_pot_files_exit_non_zero_with_one_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    for extra in ([], ["--probabilities"]):
        code, _, err = run_uefacup("draw", "--pots", str(path), *extra)
        assert_clean_error(code, err)
        assert message in err


def test_usage_errors_are_one_line(season_copy: Path) -> None:
    code, _, err = run()
    assert code == 2 and "either a ROUND or --pots" in err
    toml = season_copy / "season.toml"  # a season without a fallback rule
    toml.write_text(toml.read_text("utf-8").split("[draw.missing_coefficient]")[0], "utf-8")
    code, _, err = run("second", "--seed", "1", "--season", str(season_copy))
    assert code == 2 and "no club coefficient" in err and err.count("\n") == 1
    code, _, err = run("--pots", "/nonexistent.json")
    assert code == 2 and "/nonexistent.json: cannot be read (No such file" in err
    # Python seeds random.Random(-n) as random.Random(n): a negative seed is refused rather
    # than silently giving the draw of another seed
    assert run("first", "--seed", "5")[0] == 0
    code, out, err = run("first", "--seed", "-5")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "--seed must be a non-negative integer, not -5" in err


def test_command_has_help() -> None:
    result = CliRunner().invoke(main, ["draw", "--help"])
    assert result.exit_code == 0 and "SEASON/COMPETITION" in result.output


def test_public_api_is_complete() -> None:
    public = {n for n in dir(uefacup.draw) if not n.startswith("_")}
    modules = {
        "cores",
        "estimate",
        "feasible",
        "files",
        "groups",
        "matching",
        "odds",
        "pot_schema",
        "probabilities",
        "procedure",
        "rounds",
        "season_odds",
        "teams",
    }
    assert public - modules == set(uefacup.draw.__all__)


def test_wide_probability_tables_become_lists_on_a_narrow_terminal(tmp_path: Path) -> None:
    """Twelve seeded columns do not fit 60 characters: each unseeded team then lists its
    possible opponents, most likely first, with the forbidden one left out."""
    seeded = [{"name": f"S{i:02d}", "association": f"A{i}"} for i in range(12)]
    unseeded = [{"name": f"U{i:02d}", "association": f"A{i}"} for i in range(12)]
    path = tmp_path / "twelve.json"
    path.write_text(json.dumps({"seeded": seeded, "unseeded": unseeded}), "utf-8")
    result = CliRunner().invoke(
        main, ["draw", "--pots", str(path), "--probabilities"], env={"COLUMNS": "60"}
    )
    code, out = result.exit_code, result.stdout
    assert code == 0 and "most likely first" in out
    line = next(row for row in out.splitlines() if "U00" in row)
    assert "S00" not in line and "S01 9.1" in " ".join(out.split())
    assert max(map(len, out.splitlines())) <= 60
    data = json.loads(run("--pots", str(path), "--probabilities", "--format", "json")[1])
    assert data["probabilities"][0][0] == 0.0
    assert abs(sum(data["probabilities"][0]) - 1) < 1e-12


def test_slow_pure_python_probabilities_are_announced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the compiled engine a large draw takes minutes: the CLI says so on stderr before
    it starts, and still answers."""
    from uefacup.draw import _fastprob

    seeded = [{"name": f"S{i:02d}", "association": f"A{i}"} for i in range(11)]
    unseeded = [{"name": f"U{i:02d}", "association": f"A{i}"} for i in range(11)]
    path = tmp_path / "eleven.json"
    path.write_text(json.dumps({"seeded": seeded, "unseeded": unseeded}), "utf-8")
    monkeypatch.setattr(_fastprob, "supports", lambda pots: False)
    code, out, err = run("--pots", str(path), "--probabilities", "--format", "json")
    assert code == 0 and "pure-Python solver can take minutes" in err
    assert json.loads(out)["probabilities"][0][1] == pytest.approx(0.1, abs=1e-12)
    assert "uefacup[fast]" in err
    small = tmp_path / "small.json"
    small.write_text(json.dumps(POTS), "utf-8")
    assert "minutes" not in run("--pots", str(small), "--probabilities")[2]
    monkeypatch.setattr(_fastprob, "supports", lambda pots: True)
    if _fastprob.available():
        assert "minutes" not in run("--pots", str(path), "--probabilities")[2]


def test_first_compile_is_announced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The compiled engine's first use on a machine compiles it for about half a minute: the CLI
    says so on stderr before the wait, and only then."""
    from uefacup.draw import _fastprob

    seeded = [{"name": f"S{i:02d}", "association": f"A{i}"} for i in range(9)]
    unseeded = [{"name": f"U{i:02d}", "association": f"A{i}"} for i in range(9)]
    path = tmp_path / "nine.json"
    path.write_text(json.dumps({"seeded": seeded, "unseeded": unseeded}), "utf-8")
    monkeypatch.setattr(_fastprob, "supports", lambda pots: True)
    monkeypatch.setattr(_fastprob, "compiled_before", lambda: False)
    code, out, err = run("--pots", str(path), "--probabilities", "--format", "json")
    assert code == 0 and "compiling the probability engine" in err
    assert json.loads(out)["probabilities"][0][1] == pytest.approx(1 / 8, abs=1e-12)
    monkeypatch.setattr(_fastprob, "compiled_before", lambda: True)
    assert "compiling" not in run("--pots", str(path), "--probabilities")[2]
    monkeypatch.setattr(_fastprob, "supports", lambda pots: False)
    monkeypatch.setattr(_fastprob, "compiled_before", lambda: False)
    assert "compiling" not in run("--pots", str(path), "--probabilities")[2]
