"""Strengths: the coefficient fit, the association prior, ratings files, Dixon–Coles."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from uefacup.errors import RatingsFileError, SimulationError
from uefacup.model import Round, Score, Season
from uefacup.simulate.fitting import dixon_coles_model
from uefacup.simulate.ratings import ratings_model
from uefacup.simulate.strengths import (
    coefficient_model,
    fit_coefficient_scale,
    impute_coefficients,
    match_table,
)


def test_coefficient_fit_on_the_real_matches(season: Season) -> None:
    fit = fit_coefficient_scale(season)
    assert fit.matches == len(match_table(season)) == 287
    assert 0.1 < fit.beta < 0.6  # stronger clubs score more
    assert 0.2 < fit.home_advantage < 0.7  # home sides score 1.2-2x as much
    # fitted on fewer matches (qualifying round only) the scale still points the same way
    early = fit_coefficient_scale(season, match_table(season, [Round.QUALIFYING]))
    assert early.matches == 82 and early.beta > 0


def test_prior_fills_exactly_the_missing_coefficients(season: Season) -> None:
    imp = impute_coefficients(season)
    # clubs.csv leaves seven clubs without a 2002 coefficient (Ankaragücü, Denizlispor, Iraklis,
    # Skoda Xanthi, CSKA Moscow, Metalurh Donetsk, Austria Wien)
    assert int(imp.imputed.sum()) == 7
    assert np.isfinite(imp.coefficients).all() and (imp.coefficients >= 0).all()
    names = [c.name for c in season.clubs]
    # CSKA Moscow (Russia, no coefficient in the data) above Encamp (Andorra, 0.000)
    assert imp.coefficients[names.index("CSKA Moscow")] > imp.coefficients[names.index("Encamp")]


def test_neutral_final_has_no_home_advantage(season: Season) -> None:
    model = coefficient_model(season)
    i = model.index()
    home = model.goal_means_one(i["Porto"], i["Celtic"])
    neutral = model.goal_means_one(i["Porto"], i["Celtic"], neutral=True)
    assert home[0] > neutral[0] and home[1] == pytest.approx(neutral[1])


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", "utf-8")
    return path


def test_ratings_file_both_layouts(season: Season, tmp_path: Path) -> None:
    names = [c.name for c in season.clubs]
    one = _write(
        tmp_path / "r1.csv", ["club,rating", *(f"{n},{i / 100}" for i, n in enumerate(names))]
    )
    model = ratings_model(season, one)
    assert model.attack[5] == model.defence[5] == pytest.approx(0.05)
    two = _write(tmp_path / "r2.csv", ["club,attack,defence", *(f'"{n}",0.1,-0.2' for n in names)])
    model = ratings_model(season, two)
    assert (model.attack == 0.1).all() and (model.defence == -0.2).all()


def test_ratings_file_missing_or_unknown_club(season: Season, tmp_path: Path) -> None:
    names = [c.name for c in season.clubs]
    short = _write(tmp_path / "r.csv", ["club,rating", *(f"{n},0" for n in names[1:])])
    with pytest.raises(SimulationError, match=f"no rating for 1 club.*{names[0]}"):
        ratings_model(season, short)
    typo = _write(tmp_path / "t.csv", ["club,rating", *(f"{n},0" for n in names), "Portoo,1"])
    with pytest.raises(SimulationError, match="unknown club 'Portoo'; close: Porto"):
        ratings_model(season, typo)
    with pytest.raises(SimulationError, match="header"):
        ratings_model(season, _write(tmp_path / "h.csv", ["team,elo"]))
    with pytest.raises(SimulationError, match="cannot be read"):
        ratings_model(season, tmp_path / "absent.csv")


def test_ratings_file_names_resolve_like_club_option(season: Season, tmp_path: Path) -> None:
    """Issue 16: "Club names resolve through the alias table, case-insensitively, in the CLI
    and the library" -- so 'fc porto' and 'CELTIC FC' rate Porto and Celtic."""
    others = [c.name for c in season.clubs if c.name not in ("Porto", "Celtic")]
    rows = ["club,rating", "fc porto,0.5", "CELTIC FC,-0.25", *(f"{n},0" for n in others)]
    model = ratings_model(season, _write(tmp_path / "r.csv", rows))
    index = {name: i for i, name in enumerate(model.clubs)}
    assert model.attack[index["Porto"]] == 0.5
    assert model.defence[index["Celtic"]] == -0.25


def test_ratings_file_every_problem_at_once(season: Season, tmp_path: Path) -> None:
    """A BOM and CRLF are fine; each bad row is its own ``FILE:LINE: what`` problem."""
    names = [c.name for c in season.clubs]
    rows = ["club,rating", f"{names[0]},x", f"{names[1]},1e400", f"{names[2]},0,1", "Nobody,1"]
    rows += [f"{n},0" for n in names[3:]] + [f"{names[3]},0.5"]
    path = tmp_path / "r.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode("utf-8") + b"\r\n")
    with pytest.raises(RatingsFileError) as info:
        ratings_model(season, path)
    last = len(rows)
    assert info.value.problems == (
        f"{path}: no rating for 3 club(s): {names[0]}, {names[1]}, {names[2]}",
        f"{path}:2: {names[0]}: ratings must be numbers",
        f"{path}:3: {names[1]}: ratings must be finite",
        f"{path}:4: expected 2 fields, got 3",
        f"{path}:5: unknown club 'Nobody'",
        f"{path}:{last}: {names[3]} is rated twice",
    )


def _with_later_results_changed(season: Season) -> Season:
    """The season with two later results changed, winners kept: Porto 7-1 Lazio in the first
    semi-final leg (really 4-1) and Beşiktaş 1-5 Lazio in the quarter-final (really 1-2)."""
    changed = {
        ("Porto", "Lazio"): Score(7, 1),
        ("Beşiktaş", "Lazio"): Score(1, 5),
    }
    ties = []
    for tie in season.ties:
        legs = tuple(
            replace(leg, regular=changed.get((leg.home, leg.away), leg.regular)) for leg in tie.legs
        )
        ties.append(replace(tie, legs=legs))
    edited = replace(season, ties=tuple(ties))
    assert edited.ties != season.ties  # both legs exist and changed
    return edited


def test_dixon_coles_uses_only_earlier_matches(season: Season) -> None:
    """Changing a result of the quarter-finals or later does not move a model fitted before the
    quarter-finals at all (attack, defence, base rate, home advantage), while a model fitted
    before the final does see the change."""
    edited = _with_later_results_changed(season)
    before = dixon_coles_model(season, Round.QUARTER_FINAL)
    after = dixon_coles_model(edited, Round.QUARTER_FINAL)
    assert np.array_equal(before.attack, after.attack)
    assert np.array_equal(before.defence, after.defence)
    assert (before.mu, before.home_advantage) == (after.mu, after.home_advantage)
    late, late_edited = (
        dixon_coles_model(season, Round.FINAL),
        dixon_coles_model(edited, Round.FINAL),
    )
    i = late.index()
    assert late_edited.attack[i["Porto"]] > late.attack[i["Porto"]]  # the control sees it
    assert late_edited.mu != late.mu


def test_dixon_coles_fit_and_prior(season: Season) -> None:
    prior = coefficient_model(season)
    late = dixon_coles_model(season, Round.FINAL)
    i = late.index()
    # Porto and Celtic had fine runs: fitted above their coefficient rating
    assert late.attack[i["Porto"]] > prior.attack[i["Porto"]]
    assert late.attack[i["Celtic"]] > prior.attack[i["Celtic"]]
    # a club that played no match before the third round keeps its prior there: the rating
    # of the coefficient mapping fitted on the same earlier matches
    third = dixon_coles_model(season, Round.THIRD)
    earlier = match_table(season, [Round.QUALIFYING, Round.FIRST, Round.SECOND])
    prior_third = coefficient_model(season, fit_coefficient_scale(season, earlier))
    assert third.attack[i["Liverpool"]] == pytest.approx(prior_third.attack[i["Liverpool"]])
    assert third.mu == prior_third.mu


def test_dixon_coles_has_nothing_to_fit_at_the_start(season: Season) -> None:
    with pytest.raises(SimulationError, match="0 real matches before the start"):
        dixon_coles_model(season, None)
