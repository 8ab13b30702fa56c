"""``[draw.missing_coefficient]`` in season.toml: loaded, validated, and named when malformed.

Issue: "A club with no known coefficient is a clear error, unless the season supplies a
documented fallback." The fallback is season data; a malformed one must fail loading with the
file and key, never be half-applied.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from tests.conftest import assert_clean_error, run_uefacup
from uefacup import DataError, load_season
from uefacup.model import CoefficientFallback

GOOD = '[draw.missing_coefficient]\nrule = "association-share"\nshare = "1/3"\n'


def with_draw_table(folder: Path, text: str) -> Path:
    """The season copy with its [draw...] tables replaced by ``text``; a top-level key
    (``draw = ...``) goes first, where TOML reads it as top-level."""
    toml = folder / "season.toml"
    head = toml.read_text("utf-8").split("[draw.missing_coefficient]")[0]
    top = text.startswith("draw =")
    toml.write_text(text + head if top else head + text, "utf-8")
    return folder


def test_embedded_season_states_its_rule_and_notes_explain_it() -> None:
    season = load_season("2002-03")
    assert season.coefficient_fallback == CoefficientFallback(Fraction(1, 3))
    assert "draw" not in season.facts
    assert "## Draw seeding of clubs without a club coefficient" in season.notes


def test_a_season_without_the_table_has_no_rule(season_copy: Path) -> None:
    assert load_season(with_draw_table(season_copy, "")).coefficient_fallback is None


@pytest.mark.parametrize(
    ("share", "expected"),
    [('"1/3"', Fraction(1, 3)), ("0.5", Fraction(1, 2)), ("1", Fraction(1)), ('" 2/5 "', None)],
)
def test_share_forms(season_copy: Path, share: str, expected: Fraction | None) -> None:
    text = GOOD.replace('share = "1/3"', f"share = {share}")
    rule = load_season(with_draw_table(season_copy, text)).coefficient_fallback
    assert rule is not None
    assert rule.association_share == (expected if expected is not None else Fraction(2, 5))


@pytest.mark.parametrize(
    ("text", "key", "what"),
    [
        (GOOD.replace('"1/3"', '"a third"'), "[draw.missing_coefficient] share", "must be"),
        (GOOD.replace('"1/3"', "1.5"), "[draw.missing_coefficient] share", "from 0 to 1"),
        (GOOD.replace('"1/3"', "-0.1"), "[draw.missing_coefficient] share", "got -0.1"),
        (GOOD.replace('"1/3"', "true"), "[draw.missing_coefficient] share", "got True"),
        (GOOD.replace('"1/3"', '"1/0"'), "[draw.missing_coefficient] share", "got '1/0'"),
        (GOOD.replace('share = "1/3"\n', ""), "[draw.missing_coefficient] share", "missing"),
        (GOOD.replace("association-share", "guess"), "[draw.missing_coefficient] rule", "guess"),
        (GOOD + "floor = 2\n", "[draw.missing_coefficient] floor", "unknown key"),
        ("[draw]\nmissing_coefficient = 3\n", "[draw] missing_coefficient", "must be a table"),
        ("[draw]\nseeding = 1\n", "[draw] seeding", "unknown key"),
        ("draw = 3\n", "draw", "must be a table"),
    ],
)
def test_malformed_setting_names_file_and_key(
    season_copy: Path, text: str, key: str, what: str
) -> None:
    folder = with_draw_table(season_copy, text)
    with pytest.raises(DataError) as info:
        load_season(folder)
    message = str(info.value)
    assert message.startswith(f"season.toml {key}: "), message
    assert what in message
    code, _, err = run_uefacup("draw", "first", "--seed", "1", "--season", str(folder))
    assert_clean_error(code, err)
    assert f"season.toml {key}" in err


def test_every_problem_is_reported_at_once(season_copy: Path) -> None:
    text = '[draw.missing_coefficient]\nrule = "guess"\nshare = 7\n'
    with pytest.raises(DataError) as info:
        load_season(with_draw_table(season_copy, text))
    assert len(info.value.problems) == 2
