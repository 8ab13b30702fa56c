"""Loading season folders: the embedded season loads; broken folders fail with every problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import replace_line
from uefacup import DataError, Round, SeasonError, load_season
from uefacup.io.season_folder import embedded_seasons, load_season_with_aliases


def test_embedded_season_is_complete() -> None:
    season = load_season("2002-03")
    assert embedded_seasons() == ["2002-03", "example-cup32", "example-two-legged-final"]
    assert len(season.clubs) == 145
    by_round = {r: sum(1 for c in season.clubs if c.round == r) for r in Round}
    assert (by_round[Round.QUALIFYING], by_round[Round.FIRST], by_round[Round.THIRD]) == (82, 55, 8)
    assert sum(len(t.legs) for t in season.ties) == 287
    assert sum(len(t.legs) for t in season.ties if t.round == "qualifying") == 82


def test_every_qualifying_club_has_a_coefficient() -> None:
    season = load_season("2002-03")
    missing = [
        c.name for c in season.clubs if c.round == Round.QUALIFYING and c.coefficient is None
    ]
    assert missing == []
    assert sum(1 for c in season.clubs if c.coefficient is not None) == 138


def test_path_and_name_load_the_same(season_copy: Path) -> None:
    assert load_season(season_copy).ties == load_season("2002-03").ties


def test_unknown_season_name() -> None:
    with pytest.raises(SeasonError, match="unknown season '1999-00'"):
        load_season("1999-00")


def test_missing_file(season_copy: Path) -> None:
    (season_copy / "matches.csv").unlink()
    with pytest.raises(SeasonError, match=r"matches\.csv: required file is missing"):
        load_season(season_copy)


def test_bad_score_names_file_and_line(season_copy: Path) -> None:
    path = season_copy / "matches.csv"
    old = "qualifying,1,1,2002-08-15,Encamp,Zenit Saint Petersburg,0-5,,,,000"
    replace_line(path, old, old.replace("0-5", "3-"))
    with pytest.raises(DataError, match=r"matches\.csv:2: bad score '3-'"):
        load_season(season_copy)


def test_unknown_club(season_copy: Path) -> None:
    path = season_copy / "matches.csv"
    old = "qualifying,1,1,2002-08-15,Encamp,Zenit Saint Petersburg,0-5,,,,000"
    replace_line(path, old, old.replace("Encamp", "Encampp"))
    with pytest.raises(DataError, match=r"matches\.csv:2: unknown club 'Encampp'"):
        load_season(season_copy)


def test_tie_with_three_legs(season_copy: Path) -> None:
    path = season_copy / "matches.csv"
    with path.open("a", encoding="utf-8") as fh:
        fh.write("qualifying,1,3,2002-08-30,Encamp,Zenit Saint Petersburg,1-1,,,,test\n")
    with pytest.raises(DataError, match=r"qualifying tie 1 \(Encamp v Zenit Saint Petersburg\)"):
        load_season(season_copy)


def test_shootout_for_a_tie_that_was_not_level(season_copy: Path) -> None:
    path = season_copy / "matches.csv"
    old = "qualifying,1,2,2002-08-29,Zenit Saint Petersburg,Encamp,8-0,,,,000"
    replace_line(
        path, old, "qualifying,1,2,2002-08-29,Zenit Saint Petersburg,Encamp,8-0,8-0,,5-4,x"
    )
    with pytest.raises(DataError) as info:
        load_season(season_copy)
    assert "qualifying tie 1" in str(info.value)


def test_all_problems_reported_at_once(season_copy: Path) -> None:
    path = season_copy / "matches.csv"
    for old, new in [
        (
            "qualifying,1,1,2002-08-15,Encamp,Zenit Saint Petersburg,0-5,,,,000",
            "qualifying,1,1,2002-08-15,Encamp,Zenit Saint Petersburg,x,,,,000",
        ),
        (
            "qualifying,2,1,2002-08-15,Litex Lovech,Atlantas,5-0,,,,000",
            "qualifying,2,1,2002-08-15,Litex Lovechh,Atlantas,5-0,,,,000",
        ),
    ]:
        replace_line(path, old, new)
    clubs = season_copy / "clubs.csv"
    replace_line(
        clubs, "Encamp,Andorra,qualifying,1st,0.000,003", "Encamp,Atlantis,qualifying,1st,0.000,003"
    )
    with pytest.raises(DataError) as info:
        load_season(season_copy)
    problems = info.value.problems
    assert any("clubs.csv" in p and "unknown association 'Atlantis'" in p for p in problems)
    assert any("matches.csv:2" in p and "bad score 'x'" in p for p in problems)
    assert any("unknown club 'Litex Lovechh'" in p for p in problems)
    assert len(problems) >= 3


def test_missing_column(season_copy: Path) -> None:
    path = season_copy / "clubs.csv"
    text = path.read_text("utf-8").replace("name,association,", "club,association,", 1)
    path.write_text(text, "utf-8")
    with pytest.raises(SeasonError, match=r"clubs\.csv:1: missing column\(s\) name"):
        load_season(season_copy)


def test_aliases_resolve_shared_cyrillic_names() -> None:
    table = load_season_with_aliases("2002-03").aliases
    assert table.resolve("МЕТАЛЛУРГ", "Запорожье, Украина") == "Metalurh Zaporizhzhia"
    assert table.resolve("МЕТАЛЛУРГ", "Донецк, Украина") == "Metalurh Donetsk"
    assert table.resolve("МЕТАЛЛУРГ", "Лиепая, Латвия") == "Liepājas Metalurgs"
    assert table.resolve("ПАРТИЗАН", "Албания") == "Partizani"
    assert table.resolve("ПАРТИЗАН", "Югославия") == "Partizan"
    assert table.resolve("ДИНАМО", "Тбилиси, Грузия") == "Dinamo Tbilisi"
    assert table.resolve("Alaves") == "Alavés"
    assert table.resolve("Wisla Krakow") == "Wisła Kraków"
