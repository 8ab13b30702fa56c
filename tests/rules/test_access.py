"""The access list: berth table, places per association, and the seeds' arithmetic.

Seed 002 prints counts for every line of its access list. Here each count is derived from the
places themselves (berth table, cup-only Liechtenstein, banned Azerbaijan, newly admitted
Kazakhstan, Fair Play, the title-holders promotion) and compared with the printed one; the
lines the seed gets wrong are pinned down with the correct value and the reason.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from uefacup.errors import EntryListError
from uefacup.io.entry_inputs import load_entry_inputs
from uefacup.io.season_folder import load_season
from uefacup.model import Round
from uefacup.rules.access import (
    WINNERS,
    AccessCounts,
    BerthBand,
    PlaceKind,
    RankedAssociation,
    Scope,
    access_counts,
    check_access,
    domestic_places,
    table_berths,
)
from uefacup.rules.entry_list import EntryInputs, derive_entry_list

Q, R1, R3 = Round.QUALIFYING, Round.FIRST, Round.THIRD


@pytest.fixture(scope="module")
def inputs() -> EntryInputs:
    return load_entry_inputs("2002-03")


@pytest.fixture(scope="module")
def counts(inputs: EntryInputs) -> AccessCounts:
    return access_counts(inputs.access, inputs.ranking, banned=["Azerbaijan"], holders_vacated=True)


def _ranked(inputs: EntryInputs, name: str) -> RankedAssociation:
    return next(a for a in inputs.ranking if a.name == name)


def _ranks(inputs: EntryInputs, names: tuple[str, ...]) -> list[int | None]:
    return [_ranked(inputs, n).rank for n in names]


def test_berths_match_associations_csv(inputs: EntryInputs) -> None:
    """Berth table + exceptions give associations.csv's berths (Fair Play excluded, ban applied)."""
    season = load_season("2002-03")
    for assoc in season.associations:
        ranked = _ranked(inputs, assoc.name)
        berths = table_berths(inputs.access, ranked)
        if assoc.name == "Azerbaijan":  # banned: the table's 2 berths are not used
            assert (berths, assoc.berths) == (2, 0)
            continue
        places = domestic_places(inputs.access, ranked)
        fair_play = sum(p.kind is PlaceKind.FAIR_PLAY for p in places)
        assert berths == assoc.berths == len(places) - fair_play, assoc.name
    assert check_access(inputs.access, inputs.ranking) == []


def test_places_of_exceptional_associations(inputs: EntryInputs) -> None:
    def names(name: str) -> list[str]:
        return [p.name for p in domestic_places(inputs.access, _ranked(inputs, name))]

    assert names("Liechtenstein") == ["CW"]
    assert names("Kazakhstan") == ["CW", "2nd"]
    assert names("San Marino") == ["1st"]
    assert names("England") == ["CW", "5th", "LC", "FP"]
    assert names("France") == ["CW", "4th", "LC"]
    assert names("Norway") == ["CW", "3rd", "FP"]


def test_rounds_sum_to_82_96_32(counts: AccessCounts) -> None:
    assert counts.sizes == {Q: 82, R1: 96, Round.SECOND: 48, R3: 32}
    assert counts.count(R1, WINNERS) == 41
    assert counts.count(R3, WINNERS) == 24
    assert counts.entering(R1) + counts.count(R1, WINNERS) == 96


def test_default_access_list_before_the_title_holders_rule(inputs: EntryInputs) -> None:
    """With the holders' place used, the QR has 84 clubs and 42 winners go on: still 96."""
    default = access_counts(inputs.access, inputs.ranking, banned=["Azerbaijan"])
    assert default.sizes == {Q: 84, R1: 96, Round.SECOND: 48, R3: 32}
    assert default.count(R1, "CW") == 16 and default.count(R1, "TH") == 1


# Seed 002's access list as printed: (round, line, printed count, derived count).
SEED_002_CORRECT = [
    (Q, "1st", 2),  # "2 domestic league winners from associations 50 ... and 51 ..."
    (Q, "3rd", 13),  # "13 domestic league third-placed teams from associations 9–21"
    (Q, "FP", 3),  # "3 teams which qualified via Fair Play ranking"
    (R1, "CW", 18),  # "18 domestic cup winners from associations 1–18"
    (R1, "3rd", 2),  # "2 domestic league third-placed teams from associations 7–8"
    (R1, "4th", 5),  # "5 domestic league fourth-placed teams from associations 4–8"
    (R1, "UIC", 3),  # "3 Intertoto Cup winners"
    (R1, WINNERS, 41),  # "41 winners from the qualifying round"
    (R1, "UCL Q3", 16),  # "16 losers from the Champions League third qualifying round"
    (R3, WINNERS, 24),  # "24 winners from the second round"
    (R3, "UCL GS1", 8),  # "8 third-placed teams from the Champions League first group stage"
]


@pytest.mark.parametrize(("round_", "what", "printed"), SEED_002_CORRECT)
def test_seed_counts_that_hold(
    counts: AccessCounts, round_: Round, what: str, printed: int
) -> None:
    assert counts.count(round_, what) == printed


def test_fifths_and_sixths_include_the_league_cup_places(counts: AccessCounts) -> None:
    """ "8 ... fifth-placed teams from associations 1–8", "3 ... sixth-placed teams from 1–3":
    right once France's and England's League Cup places are counted as the league places
    they take (France's 5th, England's 6th)."""
    assert counts.league(R1, 5) == 8 and counts.count(R1, "5th") == 7
    assert counts.league(R1, 6) == 3 and counts.count(R1, "6th") == 2


def test_seed_cup_winners_19_49_count_right_for_the_wrong_reason(
    counts: AccessCounts, inputs: EntryInputs
) -> None:
    """ "31 domestic cup winners from associations 19–49": 31 is right, but it is 30 from
    19–49 (Azerbaijan, 42, is banned) plus Kazakhstan from outside the ranking."""
    line = next(x for x in counts.lines if x.round == Q and x.what == "CW")
    ranks = _ranks(inputs, line.associations)
    assert line.count == 31
    assert sorted(r for r in ranks if r is not None) == [r for r in range(19, 50) if r != 42]
    assert None in ranks  # Kazakhstan


def test_seed_runners_up_range_is_wrong(counts: AccessCounts, inputs: EntryInputs) -> None:
    """ "33 domestic league runners-up from associations 16–48 (except Liechtenstein)": 16–48
    without Liechtenstein is only 32 associations. The berth table gives a runners-up place to
    every association 16–49 with two or three berths, so the 33 are 16–49 except Liechtenstein
    (cup only) and Azerbaijan (banned) = 32, plus Kazakhstan."""
    line = next(x for x in counts.lines if x.round == Q and x.what == "2nd")
    ranks = _ranks(inputs, line.associations)
    assert line.count == 33
    assert max(r for r in ranks if r is not None) == 49  # Albania, not 48
    # the rule of the docstring, applied to the ranking by hand: 16-49 but two, plus Kazakhstan
    left_out = {_ranked(inputs, "Liechtenstein").rank, _ranked(inputs, "Azerbaijan").rank}
    assert sorted(r for r in ranks if r is not None) == [
        r for r in range(16, 50) if r not in left_out
    ]
    assert ranks.count(None) == 1 and _ranked(inputs, "Kazakhstan").rank is None


def test_seed_first_round_list_sums_to_97(counts: AccessCounts) -> None:
    """Seed 002 lists "Title holders" AND "18 domestic cup winners from associations 1–18":
    1 + 18 + 2 + 5 + 8 + 3 + 3 + 41 + 16 = 97, not the 96 in its heading. The holders' place
    was vacated - that is why 17 and 18 were promoted - so the title-holders line is 0."""
    derived = [x.count for x in counts.lines if x.round == R1]
    assert counts.count(R1, "TH") == 0
    assert sum(derived) == counts.sizes[R1] == 96  # the heading's 96: 97 printed less the TH


def test_seed_qualifying_round_lines_sum_to_82(counts: AccessCounts) -> None:
    """Seed 002's qualifying-round lines: 2 league winners, 31 cup winners, 33 runners-up, 13
    third-placed clubs and 3 fair-play places, under the heading 82. The access list derives
    each line and the round's size."""
    derived = {x.what: x.count for x in counts.lines if x.round == Q}
    assert derived == {"1st": 2, "CW": 31, "2nd": 33, "3rd": 13, "FP": 3}
    assert sum(derived.values()) == counts.sizes[Q] == 82


def test_seed_league_winners_50_51_names_swapped(inputs: EntryInputs) -> None:
    """The access list says "associations 50 (Andorra) and 51 (San Marino)"; the ranking
    table of the same page has 50 San Marino, 51 Andorra (both 0.000)."""
    assert _ranked(inputs, "San Marino").rank == 50
    assert _ranked(inputs, "Andorra").rank == 51


def test_qualifying_round_associations_44(inputs: EntryInputs) -> None:
    """Seed 003: "82 teams from 44 national associations" holds: ranks 9–51 without
    Azerbaijan (42), plus Kazakhstan and England (Fair Play)."""
    entry_list = derive_entry_list(inputs)
    assert len({e.association for e in entry_list.in_round(Q)}) == 44
    assert len({e.association for e in entry_list.entries}) == 51


def test_berth_table_and_access_list_must_agree(inputs: EntryInputs) -> None:
    """A berth table that says 3 where the access list has 2 places is an input error."""
    bands = (*inputs.access.berth_table, BerthBand(Scope(associations=("Malta",)), 3))
    access = replace(inputs.access, berth_table=bands)
    with pytest.raises(EntryListError, match="Malta: access list: the berth table gives 3"):
        derive_entry_list(replace(inputs, access=access))
