"""The derived 2002-03 entry list against the season's Teams table (clubs.csv), and bad inputs.

clubs.csv is the seeds' Teams table as data; the derivation reads none of it, so equality here
means the access list, the domestic facts and the redistribution rules together reproduce it.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from uefacup.errors import EntryListError
from uefacup.io.entry_inputs import load_entry_inputs
from uefacup.io.season_folder import load_season
from uefacup.model import Label, Round
from uefacup.rules.entry_list import (
    EntryInputs,
    EntryList,
    Fact,
    FactKind,
    derive_entry_list,
)
from uefacup.rules.redistribution import Rule


@pytest.fixture(scope="module")
def inputs() -> EntryInputs:
    return load_entry_inputs("2002-03")


@pytest.fixture(scope="module")
def derived(inputs: EntryInputs) -> EntryList:
    return derive_entry_list(inputs)


def _rows(entry_list: EntryList) -> set[tuple[str, str, Round, Label]]:
    return {(e.club, e.association, e.round, e.label) for e in entry_list.entries}


def _without(inputs: EntryInputs, association: str, *kinds: FactKind) -> tuple[Fact, ...]:
    return tuple(f for f in inputs.facts if not (f.association == association and f.kind in kinds))


def test_derived_list_equals_the_teams_table(derived: EntryList) -> None:
    season = load_season("2002-03")
    expected = {(c.name, c.association, c.round, c.label) for c in season.clubs}
    assert _rows(derived) == expected
    assert len(derived.entries) == 145


def test_round_sizes(derived: EntryList) -> None:
    assert len(derived.in_round(Round.QUALIFYING)) == 82
    assert len(derived.in_round(Round.FIRST)) == 55
    assert len(derived.in_round(Round.THIRD)) == 8
    assert derived.counts.sizes[Round.FIRST] == 96
    assert derived.counts.sizes[Round.THIRD] == 32


def test_title_holders_vacated_promotes_swiss_and_croatian_cup_places(derived: EntryList) -> None:
    """Feyenoord qualified domestically: associations 17 and 18's cup places enter round 1."""
    assert "Feyenoord" in derived.holders and "17 (Switzerland)" in derived.holders
    assert not any(e.label is Label.TH for e in derived.entries)
    swiss = derived.resolution("Switzerland").assignments[0]
    assert (swiss.club, swiss.place.round, swiss.label, swiss.place.promoted) == (
        "Grasshopper",
        Round.FIRST,
        Label.SECOND,
        True,
    )
    croatian = derived.resolution("Croatia").assignments[0]
    assert (croatian.club, croatian.place.round, croatian.label) == (
        "Dinamo Zagreb",
        Round.FIRST,
        Label.CW,
    )


@pytest.mark.parametrize(
    ("association", "rule", "club"),
    [
        ("Finland", Rule.CW_IN_CL_LEAGUE, "MYPA (3rd)"),
        ("Sweden", Rule.CUP_UNFINISHED, "IFK Göteborg (4th)"),
        ("Latvia", Rule.CW_IN_CL_LEAGUE, "Liepājas Metalurgs (3rd)"),
        ("Switzerland", Rule.CW_IN_CL_LEAGUE, "Servette (4th)"),
        ("Portugal", Rule.CW_IN_CL_RUNNERS_UP, "Leixões"),
        ("Germany", Rule.CW_ALSO_LEAGUE, "Werder Bremen (6th)"),
        ("Greece", Rule.CW_IN_CL_LEAGUE, "Iraklis (6th)"),
    ],
)
def test_special_cases_and_redistributions(
    derived: EntryList, association: str, rule: Rule, club: str
) -> None:
    steps = derived.resolution(association).steps
    assert [(s.rule, s.qualified) for s in steps] == [(rule, club)]


def test_austria_cup_winners_in_champions_league_and_vacated_third_place(
    derived: EntryList,
) -> None:
    """Seed 002 note AUT: Grazer AK took bankrupt Tirol's Champions League berth, "their
    qualifying round place was given to Kärnten, the fifth-placed team of the league". With the
    2001-02 table (Austria Wien 4th, Kärnten 5th) and the 2002 cup final (Grazer AK 3-2 Sturm
    Graz), sources.csv wp-en-bl0102 / oefb-cup-history: the cup place goes to the best league
    club not qualified (Austria Wien, 4th), the vacated third place to Kärnten (5th)."""
    steps = derived.resolution("Austria").steps
    assert [(s.rule, s.qualified) for s in steps] == [
        (Rule.CW_IN_CL_LEAGUE, "Austria Wien (4th)"),
        (Rule.LEAGUE_CLUB_IN_EUROPE, "Kärnten (5th)"),
    ]


def test_azerbaijan_banned_and_kazakhstan_outside_the_ranking(derived: EntryList) -> None:
    aze = derived.resolution("Azerbaijan")
    assert aze.assignments == () and aze.steps[0].rule is Rule.BANNED
    assert not any(e.association == "Azerbaijan" for e in derived.entries)
    kaz = {(e.club, e.label) for e in derived.entries if e.association == "Kazakhstan"}
    assert kaz == {("Kairat", Label.CW), ("Atyrau", Label.SECOND)}


def test_explanation_covers_every_association(derived: EntryList, inputs: EntryInputs) -> None:
    titles = [title for title, _ in derived.explain()]
    assert titles[0] == "Title holders"
    assert titles[1:] == [a.name for a in inputs.ranking]
    swiss = dict(derived.explain())["Switzerland"]
    assert any("Servette" in line and "vacated" in line for line in swiss)
    assert any(line.startswith("CW place (first round): Grasshopper [2nd]") for line in swiss)


def test_changed_input_swiss_cup_winners_not_in_cl(inputs: EntryInputs) -> None:
    """Basel still win the cup but are not in the Champions League: they take the cup place."""
    facts = tuple(
        f
        for f in inputs.facts
        if not (f.association == "Switzerland" and f.kind is FactKind.CHAMPIONS_LEAGUE)
    )
    changed = derive_entry_list(replace(inputs, facts=facts))
    swiss = {(e.club, e.round, e.label) for e in changed.entries if e.association == "Switzerland"}
    assert swiss == {
        ("Basel", Round.FIRST, Label.CW),
        ("Grasshopper", Round.QUALIFYING, Label.SECOND),
        ("Lugano", Round.QUALIFYING, Label.THIRD),
    }
    res = changed.resolution("Switzerland")
    assert res.steps == () and res.moves == ()
    assert res.assignments[0].how == "cup winners"


def test_changed_input_swiss_cup_won_by_a_club_outside_europe(inputs: EntryInputs) -> None:
    """Servette win the cup instead: no vacancy, Servette (CW) promoted to the first round."""
    facts = _without(inputs, "Switzerland", FactKind.CUP_WINNER, FactKind.CUP_RUNNER_UP)
    facts += (Fact("Switzerland", FactKind.CUP_WINNER, "Servette", source="test"),)
    changed = derive_entry_list(replace(inputs, facts=facts))
    swiss = {(e.club, e.round, e.label) for e in changed.entries if e.association == "Switzerland"}
    assert swiss == {
        ("Servette", Round.FIRST, Label.CW),
        ("Grasshopper", Round.QUALIFYING, Label.SECOND),
        ("Lugano", Round.QUALIFYING, Label.THIRD),
    }


def test_title_holders_entry_used_when_not_qualified(inputs: EntryInputs) -> None:
    """Feyenoord outside Europe: they enter the first round as TH and nobody is promoted."""
    facts = tuple(f for f in inputs.facts if f.club != "Feyenoord")
    changed = derive_entry_list(replace(inputs, facts=facts))
    assert ("Feyenoord", "Netherlands", Round.FIRST, Label.TH) in _rows(changed)
    assert ("Grasshopper", "Switzerland", Round.QUALIFYING, Label.SECOND) in _rows(changed)
    assert changed.counts.sizes == {
        Round.QUALIFYING: 84,
        Round.FIRST: 96,
        Round.SECOND: 48,
        Round.THIRD: 32,
    }


def test_bad_inputs_report_every_problem_at_once(inputs: EntryInputs) -> None:
    bad = (
        # a club listed twice in one league
        Fact("Denmark", FactKind.LEAGUE, "Copenhagen", 5, source="test"),
        # a league position given twice
        Fact("Scotland", FactKind.LEAGUE, "Hearts", 3, source="test"),
        # an unknown association
        Fact("Atlantis", FactKind.CUP_WINNER, "Poseidon FC", source="test"),
        # a club under two associations
        Fact("Wales", FactKind.LEAGUE, "Linfield", 9, source="test"),
    )
    # fewer clubs than berths: Spain's league order stops before the club the rules need
    spain_7th = next(f for f in inputs.facts if f.club == "Alavés")
    facts = tuple(f for f in inputs.facts if f is not spain_7th) + bad
    with pytest.raises(EntryListError) as info:
        derive_entry_list(replace(inputs, facts=facts))
    problems = info.value.problems
    # facts built in code have no file line: each problem names the input file instead
    expected = [
        "domestic.csv: Denmark: league: club Copenhagen listed twice (positions 2 and 5)",
        "domestic.csv: Scotland: league: position 3 given twice (Livingston, Hearts)",
        "domestic.csv: Atlantis: cup_winner: unknown association (club Poseidon FC)",
        "domestic.csv: Northern Ireland and Wales: club Linfield listed under more than one "
        "association",
        "domestic.csv: Spain: league: fewer clubs than berths",
    ]
    for text in expected:
        assert any(p.startswith(text) for p in problems), (text, problems)
    assert len(problems) >= len(expected)
    assert all(p.startswith(("domestic.csv: ", "access.toml: ")) for p in problems), problems


def test_missing_league_position_and_transfer_count(inputs: EntryInputs) -> None:
    facts = _without(inputs, "Croatia", FactKind.LEAGUE)
    facts = tuple(f for f in facts if f.club != "Celtic")
    with pytest.raises(EntryListError) as info:
        derive_entry_list(replace(inputs, facts=facts))
    text = str(info.value)
    assert "Croatia: league: position 2 is not given" in text
    assert "ucl_q3: 15 club(s) given, the access list has 16 UCL Q3 places" in text
