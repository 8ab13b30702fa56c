"""Pot files are checked strictly: every problem at once, one line each, naming file and key.

Every branch of the pot loader that refuses something is run here; the expected lines are
written out by hand from the file contents of each case.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import assert_clean_error, run_uefacup
from uefacup.draw.files import all_entries, load_pots_file, pots_entry
from uefacup.errors import DrawError, PotFileError

F = "pots.json"


def _team(name: str, association: str = "", **extra: Any) -> dict[str, Any]:
    return {"name": name, "association": association, "group": None, **extra}


DRAW: dict[str, Any] = {
    "competition": "el",
    "season": "2002/03",
    "seeded": [_team("S1", "A"), _team("S2", "B")],
    "unseeded": [_team("U1", "A"), _team("U2", "C")],
}


def _problems(data: Any, **kwargs: Any) -> list[str]:
    with pytest.raises(PotFileError) as info:
        pots_entry(data, F, **kwargs)
    return list(info.value.problems)


def _team_with(**change: Any) -> dict[str, Any]:
    return {**DRAW, "seeded": [{**_team("S1", "A"), **change}, _team("S2", "B")]}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_team_with(assoc="A"), "pots.json: seeded[0]: unknown key 'assoc'"),
        ({**DRAW, "round": 1}, "pots.json: unknown key 'round'"),
        ({k: v for k, v in DRAW.items() if k != "seeded"}, "pots.json: missing key 'seeded'"),
        (_team_with(name=7), "pots.json: seeded[0].name: must be a string (got 7)"),
        (_team_with(name=""), "pots.json: seeded[0].name: must not be empty (got '')"),
        (_team_with(name="  "), "pots.json: seeded[0].name: must not be blank (got '  ')"),
        (_team_with(association=["A"]), "pots.json: seeded[0].association: must be a string"),
        (_team_with(coefficient="1.5"), "pots.json: seeded[0].coefficient: must be a number"),
        (_team_with(coefficient=True), "pots.json: seeded[0].coefficient: must be a number"),
        (
            _team_with(coefficient=10**400),
            "pots.json: seeded[0].coefficient: number out of range (got an integer of 401 digits)",
        ),
        (
            _team_with(coefficient=float("inf")),
            "pots.json: seeded[0].coefficient: must be a finite number",
        ),
        (
            _team_with(coefficient=-0.5),
            "pots.json: seeded[0].coefficient: must not be negative (got -0.5)",
        ),
        ({**DRAW, "seeded": "S1"}, "pots.json: seeded: must be a list (got 'S1')"),
        ({**DRAW, "seeded": []}, "pots.json: seeded: must not be empty"),
        ({**DRAW, "seeded": [3, _team("S2")]}, "pots.json: seeded[0]: must be an object (got 3)"),
        (
            {**DRAW, "forbidden_pairs": [["S1"]]},
            "pots.json: forbidden_pairs[0]: must name exactly two",
        ),
        (
            {**DRAW, "forbidden_pairs": [["S1", "U1", "U2"]]},
            "pots.json: forbidden_pairs[0]: must name",
        ),
        ([DRAW], "pots.json: top level: must be an object"),
        ({"draws": []}, "pots.json: draws: must not be empty"),
        ({"draws": [DRAW], "source": 1}, "pots.json: source: must be a string (got 1)"),
        ({"draws": [_team_with(assoc="A")]}, "pots.json: draws[0].seeded[0]: unknown key 'assoc'"),
    ],
)
def test_each_schema_problem_names_its_key(data: Any, expected: str) -> None:
    problems = _problems(data)
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems


def test_every_problem_of_a_file_at_once() -> None:
    bad = {
        "draws": [
            DRAW,
            DRAW,
            DRAW,
            {
                **DRAW,
                "seeded": [_team("S1", "A"), {**_team("S2"), "assoc": "B"}],
                "unseeded": [_team("U1", coefficient=10**400), _team("U2", "C")],
            },
        ]
    }
    assert _problems(bad, index=0) == [
        "pots.json: draws[3].seeded[1]: unknown key 'assoc'",
        "pots.json: draws[3].unseeded[0].coefficient: number out of range "
        "(got an integer of 401 digits)",
    ]


def test_meaning_problems_all_at_once() -> None:
    data = {
        **DRAW,
        "unseeded": [_team("U1", "A"), _team("S2", "C")],
        "forbidden_pairs": [["S1", "Nobody"], ["U1", "U1"]],
    }
    assert _problems(data) == [
        "pots.json: unseeded[1].name: 'S2' is also seeded[1]",
        "pots.json: forbidden_pairs[0][1]: no team named 'Nobody'",
        "pots.json: forbidden_pairs[1]: names 'U1' twice",
    ]
    many = {"draws": [DRAW, {**DRAW, "forbidden_pairs": [["Ghost", "S1"]]}]}
    assert _problems(many, index=0) == [
        "pots.json: draws[1].forbidden_pairs[0][0]: no team named 'Ghost'"
    ]


def test_a_forbidden_pair_keeps_its_teams_apart() -> None:
    """Association A keeps U1 from S1, so S2 is U1's only opponent; forbidding the pair U1-S2
    leaves U1 none."""
    entry = pots_entry(DRAW, F)
    assert not entry.constraints.allowed(entry.pots.unseeded[0], entry.pots.seeded[0])
    assert entry.constraints.allowed(entry.pots.unseeded[0], entry.pots.seeded[1])
    with pytest.raises(DrawError) as info:
        pots_entry({**DRAW, "forbidden_pairs": [["U1", "S2"]]}, F)
    assert str(info.value) == "pots.json: U1 has no possible opponent in the seeded pot"


@pytest.mark.parametrize(
    ("data", "kwargs", "message"),
    [
        (DRAW, {"index": 0}, "pots.json: holds a single draw; --index/--select do not apply"),
        ({"draws": [DRAW, DRAW]}, {}, "pots.json: holds 2 draws; choose one with --index N"),
        ({"draws": [DRAW, DRAW]}, {"index": 0, "select": "x/y"}, "pots.json: holds 2 draws"),
        ({"draws": [DRAW]}, {"index": 2}, "pots.json: --index 2: no draw at index 2 (0..0)"),
        (
            {"draws": [DRAW, DRAW]},
            {"index": -1},
            "pots.json: --index -1: no draw at index -1 (0..1)",
        ),
        (
            {"draws": [DRAW, DRAW]},
            {"select": "2002/03/el"},
            "pots.json: --select 2002/03/el: 2 draws with season '2002/03' and competition 'el'",
        ),
        (
            {"draws": [DRAW]},
            {"select": "1999/cl"},
            "pots.json: --select 1999/cl: no draw with season",
        ),
        (
            {"draws": [DRAW, {**DRAW, "unseeded": [_team("U1", "A"), _team("U2", "A")]}]},
            {"index": 1},
            "pots.json: draws[1]: S1 has no possible opponent in the unseeded pot",
        ),
    ],
)
def test_choosing_a_draw(data: Any, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(DrawError) as info:
        pots_entry(data, F, **kwargs)
    assert str(info.value).startswith(message), str(info.value)


def test_choosing_a_draw_that_works() -> None:
    other = {**DRAW, "season": "2003/04", "competition": None}
    data = {"draws": [DRAW, other]}
    assert pots_entry(data, F, select="2003/04/").label == "2003/04"
    assert pots_entry(data, F, index=0).label == "el 2002/03"
    assert pots_entry({"draws": [DRAW]}, F).label == "el 2002/03"
    unlabelled = {k: v for k, v in DRAW.items() if k not in ("season", "competition")}
    assert pots_entry({"draws": [unlabelled]}, F).label == "pots.json: draws[0]"
    assert [e.label for e in all_entries(data, F)] == ["el 2002/03", "2003/04"]
    assert [e.label for e in all_entries(DRAW, F)] == ["el 2002/03"]


def test_file_reading_problems(tmp_path: Path) -> None:
    path = tmp_path / F
    path.write_bytes(b'{"seeded": [\n{"name": "S\xe91"}]}')
    with pytest.raises(DrawError, match=r"pots\.json:2: not UTF-8 text \(byte 0xe9\)"):
        load_pots_file(path)
    path.write_text("[" * 50_000 + "]" * 50_000, "utf-8")
    with pytest.raises(DrawError, match=r"pots\.json: nested too deeply to read"):
        load_pots_file(path)


def test_the_cli_prints_every_problem_on_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / F
    bad = {**DRAW, "seeded": [{**_team("S1"), "assoc": "A"}, _team("S2", coefficient=-1)]}
    path.write_text(json.dumps(bad), "utf-8")
    code, out, err = run_uefacup("draw", "--pots", str(path), "--probabilities")
    assert_clean_error(code, err, lines=2)
    assert out == ""
    assert err.splitlines() == [
        f"uefacup: error: {path}: seeded[0]: unknown key 'assoc'",
        f"uefacup: error: {path}: seeded[1].coefficient: must not be negative (got -1)",
    ]
