"""access.toml values of the wrong shape are problems naming the table, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import assert_clean_error, run_uefacup
from uefacup.errors import EntryListError
from uefacup.io.entry_inputs import load_entry_inputs


def _edit(folder: Path, old: str, new: str) -> None:
    path = folder / "access.toml"
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("ranks = [1, 6]", "ranks = [1]", "access.toml [[berths]] #1: ranks must be [first, last]"),
        ("ranks = [1, 6]", 'ranks = ["a", 6]', "access.toml [[berths]] #1: ranks must be"),
        ("berths = 3\n", "", "access.toml [[berths]] #1: missing key 'berths'"),
        (
            'associations = ["England", "France"]',
            "associations = 5",
            "access.toml [league_cup] associations: must be a list of names",
        ),
        ('club = "Feyenoord"\n', "", "access.toml [title_holders]: missing key 'club'"),
    ],
)
def test_wrong_shapes_are_one_line_each(
    season_copy: Path, old: str, new: str, expected: str
) -> None:
    _edit(season_copy, old, new)
    with pytest.raises(EntryListError) as info:
        load_entry_inputs(season_copy)
    assert any(p.startswith(expected) for p in info.value.problems), info.value.problems


def test_an_array_of_tables_that_is_not_one(season_copy: Path) -> None:
    path = season_copy / "access.toml"
    path.write_text(
        'berths = 5\nslot = [1, "x"]\nfair_play = 3\n'
        + path.read_text("utf-8")
        .replace("[[berths]]", "[[old_berths]]")
        .replace("[[slot]]", "[[old_slot]]")
        .replace("[fair_play]", "[old_fair_play]"),
        "utf-8",
    )
    with pytest.raises(EntryListError) as info:
        load_entry_inputs(season_copy)
    assert info.value.problems[:4] == (
        "access.toml [[berths]]: must be an array of tables, got 5",
        "access.toml [[slot]] #1: must be a table, got 1",
        "access.toml [[slot]] #2: must be a table, got 'x'",
        "access.toml [fair_play]: must be a table, got 3",
    )
    code, _, err = run_uefacup("entry-list", "--season", str(season_copy))
    assert_clean_error(code, err, lines=None)
    assert all(line.startswith("uefacup: error: ") for line in err.splitlines())
