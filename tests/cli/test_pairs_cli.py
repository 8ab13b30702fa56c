"""``uefacup simulate --pairs``: errors through the real process, and the three reports.

Expectations from the 2002-03 record: the real semi-finals were Porto v Lazio and Celtic v
Boavista, the final Porto v Celtic; the real fourth round had 8 ties. A club plays exactly one
tie in each round it reaches, so its opponents' chances in a round it surely plays sum to 1.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import assert_clean_error, invoke_cli, run_uefacup

pytest.importorskip("numpy")

BOX = re.compile("[\u2500-\u257f]")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pairs", "Lazio,Atlantis"], "--pairs: unknown club 'Atlantis'"),
        (["--pairs", "Lazio"], "--pairs: give two clubs separated by a comma"),
        (["--pairs", "Lazio,Porto,Celtic"], "--pairs: give two clubs separated by a comma"),
        (["--pairs", "lazio,LAZIO"], "--pairs: Lazio twice"),
        (["--club", "Celtic", "--pairs", "Lazio,Porto"], "leave out --club"),
        (["--club", "Atlantis", "--pairs"], "unknown club 'Atlantis'"),
    ],
)
def test_bad_pairs_one_line(args: list[str], message: str) -> None:
    code, out, err = run_uefacup("simulate", "--runs", "10", *args)
    assert_clean_error(code, err)
    assert out == ""
    assert message in err


def test_piped_table_is_plain_and_fits_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = invoke_cli(
        "simulate", "--pairs", "--runs", "3000", "--seed", "2", "--from", "fourth"
    )
    assert code == 0
    assert "Likeliest meetings (%)" in out
    assert all(len(line) <= 80 for line in out.splitlines()), out
    assert not BOX.search(out) and "\x1b[" not in out
    # the real fourth-round ties are certain and left out of the ranking, with a note
    assert "8 pairs drawn together in the real" in " ".join(out.split())
    header = next(line for line in out.splitlines() if line.startswith("Club"))
    assert header.split()[:4] == ["Club", "Other", "club", "Meet"]
    lines = out.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("---"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Meet:"))
    assert end - rule - 1 == 20  # the default --top


def test_one_pair_round_by_round_through_aliases() -> None:
    code, out, err = run_uefacup(
        "simulate", "--pairs", "fc porto,CELTIC", "--runs", "200", "--seed", "1",
        "--from", "final",
    )  # fmt: skip
    assert code == 0, err
    assert "Chance that Porto and Celtic meet (%)" in out
    final = next(line for line in out.splitlines() if line.startswith("Final"))
    assert final.split()[1:] == ["100", "0.00", "200"]
    assert not BOX.search(out) and "\x1b[" not in out


def test_club_opponents_json() -> None:
    code, out, _ = invoke_cli(
        "simulate", "--club", "celtic", "--pairs", "--runs", "2000", "--seed", "4",
        "--from", "semi-final", "--format", "json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["runs"] == 2000 and data["from"] == "semi-final"
    assert data["rounds"] == ["semi-final", "final"]
    opponents = {p["club_b"]: p for p in data["pairs"]}
    assert {p["club_a"] for p in data["pairs"]} == {"Celtic"}
    assert set(opponents) == {"Boavista", "Porto", "Lazio"}
    assert opponents["Boavista"]["rounds"]["semi-final"]["probability"] == 1
    assert opponents["Boavista"]["stderr"] == 0
    assert sum(p["rounds"]["semi-final"]["probability"] for p in data["pairs"]) == 1
    final = opponents["Porto"]["rounds"]["final"]
    p = final["count"] / 2000
    assert final["probability"] == pytest.approx(p)
    assert final["stderr"] == pytest.approx((p * (1 - p) / 2000) ** 0.5)


def test_csv_is_the_tidy_frame() -> None:
    code, out, _ = invoke_cli(
        "simulate", "--pairs", "--runs", "1000", "--seed", "4", "--from", "semi-final",
        "--format", "csv",
    )  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "club_a,club_b,round,count,runs,probability,stderr"
    rows = [line.split(",") for line in lines[1:]]
    # 2 real semi-finals and the 4 finals they allow, each with its `any` row
    assert len(rows) == 12
    assert sum(int(r[3]) for r in rows if r[2] == "final") == 1000
    assert all(r[4] == "1000" for r in rows)
