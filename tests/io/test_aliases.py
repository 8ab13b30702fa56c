"""The alias table never guesses: shared names need their bracket, unknown names fail."""

from __future__ import annotations

import pytest

from uefacup import UnknownClubError
from uefacup.io.aliases import Alias, AliasTable, normalise

TABLE = AliasTable.build(
    {"Dinamo Minsk": "Belarus", "Dinamo Tbilisi": "Georgia", "Alavés": "Spain"},
    [Alias("Dinamo Minsk", "ДИНАМО", "kk"), Alias("Dinamo Tbilisi", "ДИНАМО", "kk")],
    [("Belarus", "Беларусь"), ("Georgia", "Грузия")],
)


def test_shared_name_without_bracket_is_ambiguous() -> None:
    with pytest.raises(UnknownClubError, match="ambiguous: Dinamo Minsk, Dinamo Tbilisi"):
        TABLE.resolve("ДИНАМО", where="000 offset 5")


def test_bracket_country_disambiguates() -> None:
    assert TABLE.resolve("Динамо", "Минск, Беларусь") == "Dinamo Minsk"


def test_unknown_name_says_where() -> None:
    with pytest.raises(UnknownClubError, match="line 9: unknown club 'Barcelona'"):
        TABLE.resolve("Barcelona", where="line 9")


def test_normalise_ignores_latin_accents_but_keeps_cyrillic_letters() -> None:
    assert normalise("Alavés") == normalise("ALAVES")
    assert normalise("Й") != normalise("И")
