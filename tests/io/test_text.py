"""One reading boundary: BOM and CRLF accepted everywhere, every foreign error mapped.

A BOM (written by spreadsheet programs) and CRLF (Windows editors) must give byte-identical
output to the plain file; that is checked on the real process, for every file of a season
folder at once, through replay, entry-list and a drawn pot file.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import run_uefacup
from uefacup.errors import DrawError, SeasonError, SimulationError, map_exceptions
from uefacup.io.text import normalise_text, read_json, read_text, read_toml


def test_bom_and_every_newline_style_read_as_the_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"\xef\xbb\xbfa,b\r\n1,2\r3,4\n")
    assert read_text(path) == "a,b\n1,2\n3,4\n"
    assert normalise_text("\ufeffx\r\ny") == "x\ny"
    # a BOM only counts at the start; one inside the text is data
    assert normalise_text("x\ufeff") == "x\ufeff"


def test_not_utf8_names_file_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "NOTES.md"
    path.write_bytes(b"line one\nline two \xff\n")
    with pytest.raises(SeasonError) as info:
        read_text(path)
    assert str(info.value) == "NOTES.md:2: not UTF-8 text (byte 0xff)"


def test_missing_file_is_the_callers_error(tmp_path: Path) -> None:
    with pytest.raises(SimulationError) as info:
        read_text(tmp_path / "r.csv", SimulationError, where="given/r.csv")
    assert str(info.value).startswith("given/r.csv: cannot be read (No such file")


def test_bad_toml_and_bad_json(tmp_path: Path) -> None:
    toml = tmp_path / "season.toml"
    toml.write_text("[a]\nb = \n", "utf-8")
    with pytest.raises(SeasonError, match=r"^season\.toml: not valid TOML \(.*line 2"):
        read_toml(toml)
    js = tmp_path / "pots.json"
    js.write_text('{"a": 1,\n "b": }', "utf-8")
    with pytest.raises(DrawError, match=r"^pots\.json:2: not valid JSON \(Expecting value"):
        read_json(js, DrawError)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "pots.json: nested too deeply to read"),
        ('{"x": NaN}', "pots.json: NaN is not a JSON number"),
        ('{"x": -Infinity}', "pots.json: -Infinity is not a JSON number"),
        ('{"x": ' + "9" * 5000 + "}", "pots.json: Exceeds the limit"),
    ],
)
def test_json_that_python_would_choke_on(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "pots.json"
    path.write_text(text, "utf-8")
    with pytest.raises(DrawError) as info:
        read_json(path, DrawError)
    assert str(info.value).startswith(message)


def test_package_errors_pass_through_the_boundary() -> None:
    """DrawError is a ValueError too, but it is already the package's: not re-wrapped."""
    original = DrawError("pots.json: already phrased")
    with pytest.raises(DrawError) as info, map_exceptions("x.json", SeasonError):
        raise original
    assert info.value is original


def test_overflow_is_mapped() -> None:
    with (
        pytest.raises(SeasonError, match=r"^x\.toml: a number is out of range"),
        map_exceptions("x.toml"),
    ):
        float(10**400)


def _windows(folder: Path) -> None:
    """Every file of ``folder`` rewritten with a UTF-8 BOM and CRLF newlines."""
    for path in folder.iterdir():
        text = path.read_text("utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))


POTS = {
    "competition": "test",
    "season": "2002/03",
    "seeded": [
        {"name": "Porto", "association": "Portugal", "group": None},
        {"name": "Celtic", "association": "Scotland", "group": "A"},
        {"name": "Lazio", "association": "Italy", "group": None},
    ],
    "unseeded": [
        {"name": "Boavista", "association": "Portugal", "group": None},
        {"name": "Liverpool", "association": "England", "group": "A"},
        {"name": "Beşiktaş", "association": "Turkey", "group": None},
    ],
}


def test_bom_and_crlf_give_byte_identical_output(season_copy: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    shutil.copytree(season_copy, plain)
    _windows(season_copy)
    assert (season_copy / "clubs.csv").read_bytes().startswith(b"\xef\xbb\xbfname")
    pots = tmp_path / "pots.json"
    pots.write_text(json.dumps(POTS, ensure_ascii=False, indent=1), "utf-8")
    windows = tmp_path / "windows"
    windows.mkdir()
    shutil.copy(pots, windows / "pots.json")
    _windows(windows)
    commands = [
        ["replay", "--format", "json", "--season"],
        ["entry-list", "--season"],
        ["draw", "first", "--seed", "3", "--format", "json", "--season"],
    ]
    for args in commands:
        a = run_uefacup(*args, str(plain))
        b = run_uefacup(*args, str(season_copy))
        assert a[0] == 0, a[2]
        assert a == b, args
    for extra in (["--seed", "5", "--format", "json"], ["--probabilities", "--format", "json"]):
        a = run_uefacup("draw", "--pots", str(pots), *extra)
        b = run_uefacup("draw", "--pots", str(windows / "pots.json"), *extra)
        assert a[0] == 0, a[2]
        assert a == b, extra
