"""Property tests of the redistribution rules on synthetic associations.

Each test's docstring quotes the rule of seed 002 ("Redistribution rules" section) it defends.
Synthetic associations have clubs "C1".."Cn" finishing 1st..nth, the clubs above the first
UEFA Cup league place in the Champions League (as the access list intends), a cup-winner place
followed by consecutive league places, and sometimes a League Cup or Fair Play place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from hypothesis import given
from hypothesis import strategies as st

from uefacup.model import Label, Round
from uefacup.rules.access import Place, PlaceKind
from uefacup.rules.redistribution import Domestic, Resolution, Rule, resolve_association


@dataclass(frozen=True)
class Synthetic:
    """An association: places, domestic season, and the league positions of its places."""

    places: tuple[Place, ...]
    dom: Domestic
    first: int
    """League position of the highest league place."""
    count: int
    """Number of league places."""

    def club(self, position: int) -> str:
        return self.dom.league[position]

    @property
    def league_clubs(self) -> list[str]:
        return [self.club(p) for p in range(self.first, self.first + self.count)]


@st.composite
def associations(
    draw: st.DrawFn, *, league_cup: bool = False, fair_play: bool = False
) -> Synthetic:
    first = draw(st.integers(1, 3))  # the model has labels up to "7th" only
    count = draw(st.integers(1, 3))
    size = first + count + draw(st.integers(3, 8))
    rounds = st.sampled_from([Round.QUALIFYING, Round.FIRST])
    places = [Place(0, PlaceKind.CUP_WINNERS, draw(rounds))]
    for i in range(count):
        places.append(Place(len(places), PlaceKind.LEAGUE, draw(rounds), first + i))
    if league_cup:
        places.append(Place(len(places), PlaceKind.LEAGUE_CUP, draw(rounds)))
    if fair_play:
        places.append(Place(len(places), PlaceKind.FAIR_PLAY, Round.QUALIFYING))
    league = {p: f"C{p}" for p in range(1, size + 1)}
    europe = {f"C{p}": "Champions League" for p in range(1, first)}
    # By default the cup is won by a club outside the league places and outside Europe.
    cw = f"C{draw(st.integers(first + count + 1, size))}"
    dom = Domestic("Synthetica", league=league, cup_winners=cw, europe=europe)
    return Synthetic(tuple(places), dom, first, count)


def _check_invariants(s: Synthetic, res: Resolution) -> None:
    """Every place filled once, no club twice, nobody in Europe or excluded takes a place."""
    assert not res.problems
    assert [a.place for a in res.assignments] == list(s.places)
    clubs = [a.club for a in res.assignments]
    assert len(clubs) == len(set(clubs))
    assert not set(clubs) & set(s.dom.europe)
    assert not set(clubs) & set(s.dom.excluded)


def _labels(res: Resolution) -> list[str]:
    return [a.label.value for a in res.assignments]


@given(associations(), st.data())
def test_cup_winners_in_cl_runners_up_free(s: Synthetic, data: st.DataObject) -> None:
    """'The domestic cup runners-up, provided they have not yet qualified for European
    competitions, qualify for the UEFA Cup as the "lowest-placed" qualifier (with the earliest
    starting round), with the other UEFA Cup qualifiers moved up one "place".'"""
    cw = s.club(1) if s.first > 1 else "Outsider"
    europe = {**s.dom.europe, cw: "Champions League"}
    last_league = s.first + s.count - 1
    cr = s.club(data.draw(st.integers(last_league + 1, len(s.dom.league))))
    dom = replace(s.dom, cup_winners=cw, cup_runners_up=cr, europe=europe)
    res = resolve_association(s.places, dom)
    _check_invariants(replace(s, dom=dom), res)
    assert res.assignments[-1].club == cr
    assert res.assignments[-1].label is Label.CR
    assert [a.club for a in res.assignments[:-1]] == s.league_clubs
    assert [m.to_place.index for m in res.moves] == [m.from_place.index - 1 for m in res.moves]
    assert [step.rule for step in res.steps] == [Rule.CW_IN_CL_RUNNERS_UP]


@given(associations(), st.data())
def test_cup_winners_in_cl_runners_up_already_qualified(s: Synthetic, data: st.DataObject) -> None:
    """'Otherwise, the highest-placed team in the league which have not yet qualified for
    European competitions qualify for the UEFA Cup, with the UEFA Cup qualifiers that finish
    above them in the league, moved up one "place".'"""
    cw = "Champion"
    europe = {**s.dom.europe, cw: "Champions League"}
    # Runners-up already qualified: through a league place, or also in the Champions League.
    cr = data.draw(st.sampled_from([*s.league_clubs, *europe]))
    dom = replace(s.dom, cup_winners=cw, cup_runners_up=cr, europe=europe)
    res = resolve_association(s.places, dom)
    _check_invariants(replace(s, dom=dom), res)
    newcomer = s.club(s.first + s.count)
    assert [a.club for a in res.assignments] == [*s.league_clubs, newcomer]
    assert _labels(res) == [Label.league(p).value for p in range(s.first, s.first + s.count + 1)]
    assert [step.rule for step in res.steps] == [Rule.CW_IN_CL_LEAGUE]
    assert res.steps[0].qualified is not None and newcomer in res.steps[0].qualified


@given(associations(), st.data())
def test_cup_winners_also_qualify_via_league(s: Synthetic, data: st.DataObject) -> None:
    """'When the domestic cup winners also qualify for the UEFA Cup through league position,
    their place through the league position is vacated. As a result, the highest-placed team in
    the league which have not yet qualified for European competitions qualify for the UEFA Cup,
    with the UEFA Cup qualifiers that finish above them in the league moved up one "place" if
    possible.'"""
    cw = data.draw(st.sampled_from(s.league_clubs))
    dom = replace(s.dom, cup_winners=cw)
    res = resolve_association(s.places, dom)
    _check_invariants(replace(s, dom=dom), res)
    others = [c for c in s.league_clubs if c != cw] + [s.club(s.first + s.count)]
    assert res.assignments[0].club == cw and res.assignments[0].label is Label.CW
    assert [a.club for a in res.assignments[1:]] == others
    assert [step.rule for step in res.steps] == [Rule.CW_ALSO_LEAGUE]


@given(associations(league_cup=True), st.data())
def test_league_cup_winners_lowest_placed(s: Synthetic, data: st.DataObject) -> None:
    """'For associations where a UEFA Cup place is reserved for the League Cup winners, they
    always qualify for the UEFA Cup as the "lowest-placed" qualifier (or as the second
    "lowest-placed" qualifier in cases where the cup runners-up qualify as stated above).'"""
    lc = "Cup Kings"
    with_runners_up = data.draw(st.booleans())
    dom = replace(s.dom, league_cup_winners=lc)
    if with_runners_up:
        dom = replace(
            dom,
            cup_winners="Champion",
            cup_runners_up="Finalist",
            europe={**dom.europe, "Champion": "Champions League"},
        )
    res = resolve_association(s.places, dom)
    _check_invariants(replace(s, dom=dom), res)
    if with_runners_up:
        assert [a.club for a in res.assignments[-2:]] == [lc, "Finalist"]
    else:
        assert res.assignments[-1].club == lc and res.assignments[-1].label is Label.LC


@given(associations(league_cup=True), st.data())
def test_league_cup_winners_already_qualified(s: Synthetic, data: st.DataObject) -> None:
    """'If the League Cup winners have already qualified for European competitions through
    other methods, this reserved UEFA Cup place is taken by the highest-placed league team in
    the league which have not yet qualified for European competitions.'"""
    lc = data.draw(st.sampled_from([s.dom.cup_winners or "", *s.league_clubs, *s.dom.europe]))
    dom = replace(s.dom, league_cup_winners=lc)
    res = resolve_association(s.places, dom)
    _check_invariants(replace(s, dom=dom), res)
    newcomer = s.club(s.first + s.count)
    if lc == s.dom.cup_winners and s.dom.position_of(lc) == s.first + s.count:
        newcomer = s.club(s.first + s.count + 1)  # the cup winners were that next club
    lc_place = res.assignments[-1]
    assert lc_place.place.kind is PlaceKind.LEAGUE_CUP
    assert lc_place.club == newcomer and lc_place.label.league_position is not None
    assert [step.rule for step in res.steps] == [Rule.LC_ALREADY_QUALIFIED]
    assert lc not in [a.club for a in res.assignments if a.label is Label.LC]


@given(associations(fair_play=True), st.data())
def test_fair_play_nominee_already_qualified(s: Synthetic, data: st.DataObject) -> None:
    """'A Fair Play place is taken by the highest-ranked team in the domestic Fair Play table
    which have not yet qualified for European competitions.'"""
    qualified = [s.dom.cup_winners or "", *s.league_clubs, *s.dom.europe]
    skipped = data.draw(st.lists(st.sampled_from(qualified), min_size=1, unique=True))
    dom = replace(s.dom, fair_play=(*skipped, "Gentlemen", "Sportsmen"))
    res = resolve_association(s.places, dom)
    _check_invariants(replace(s, dom=dom), res)
    fp = res.assignments[-1]
    assert fp.club == "Gentlemen" and fp.label is Label.FP
    assert [step.rule for step in res.steps] == [Rule.FAIR_PLAY]
    assert all(club in res.steps[0].reason for club in skipped)


@given(associations(league_cup=True, fair_play=True))
def test_banned_association(s: Synthetic) -> None:
    """Seed 002 note AZE: 'In 2002, Azerbaijani clubs were banned from the European
    competitions for a period of two years' - a banned association fills none of its places."""
    res = resolve_association(s.places, replace(s.dom, banned="banned for two years"))
    assert res.assignments == () and not res.problems
    assert [step.rule for step in res.steps] == [Rule.BANNED]


@given(associations(), st.data())
def test_bankrupt_club(s: Synthetic, data: st.DataObject) -> None:
    """Seed 002 notes AUT and FIN: a club that 'declared bankruptcy and could not take part in
    the European competitions' leaves its place to be redistributed; e.g. 'Since cup runners-up
    Tampere United qualified for the Champions League ..., their berth was given to MyPa-47,
    the third-placed team of the league.'"""
    bankrupt = data.draw(st.sampled_from([s.dom.cup_winners or "", *s.league_clubs]))
    dom = replace(s.dom, excluded={bankrupt: "bankrupt"})
    res = resolve_association(s.places, dom)
    _check_invariants(replace(s, dom=dom), res)
    assert bankrupt not in [a.club for a in res.assignments]
    assert bankrupt in {step.vacated_by for step in res.steps}


def test_switzerland_worked_example() -> None:
    """The brief's worked example: Basel won league and cup (CL) and beat Grasshopper in the
    final; Grasshopper 2nd, Lugano 3rd, Servette 4th."""
    places = (
        Place(0, PlaceKind.CUP_WINNERS, Round.FIRST, promoted=True),
        Place(1, PlaceKind.LEAGUE, Round.QUALIFYING, 2),
        Place(2, PlaceKind.LEAGUE, Round.QUALIFYING, 3),
    )
    dom = Domestic(
        "Switzerland",
        league={1: "Basel", 2: "Grasshopper", 3: "Lugano", 4: "Servette"},
        cup_winners="Basel",
        cup_runners_up="Grasshopper",
        europe={"Basel": "Champions League"},
    )
    res = resolve_association(places, dom)
    got = [(a.club, a.place.round, a.label) for a in res.assignments]
    assert got == [
        ("Grasshopper", Round.FIRST, Label.SECOND),
        ("Lugano", Round.QUALIFYING, Label.THIRD),
        ("Servette", Round.QUALIFYING, Label.FOURTH),
    ]
    assert [(m.club, m.from_place.name, m.to_place.name) for m in res.moves] == [
        ("Grasshopper", "2nd", "CW"),
        ("Lugano", "3rd", "2nd"),
    ]


def test_fewer_clubs_than_berths_is_a_problem() -> None:
    """A vacancy with nobody left in the given league order is reported, not guessed."""
    places = (Place(0, PlaceKind.CUP_WINNERS, Round.QUALIFYING),)
    dom = Domestic("Tiny", league={1: "A"}, cup_winners="A", europe={"A": "Champions League"})
    res = resolve_association(places, dom)
    assert res.problems and "Tiny: league: fewer clubs than berths" in res.problems[0]
