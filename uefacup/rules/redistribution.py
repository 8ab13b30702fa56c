"""Who takes an association's UEFA Cup places: the redistribution rules of seed 002.

One association at a time, pure: its places (from the access list, highest-placed first) and
what happened at home (league order, cup final, League Cup, Fair Play table, Champions League
entrants, exclusions) go in; the clubs on each place come out, with every step that moved a
place to another club and why. The rules are applied in the order the seed states them:

1. league places go to the clubs that finished there, unless they are already in Europe or
   excluded (then the place is vacated);
2. the cup winners take the cup-winner place; if they are in the Champions League (or cannot
   play), the cup runners-up come in as lowest-placed qualifier if they have not yet
   qualified, else the place goes to the league; if the cup winners also hold a league place,
   that league place is vacated instead;
3. the League Cup winners take the lowest (second-lowest when the cup runners-up came in)
   place, or, if already qualified, that place goes to the league;
4. every vacated place goes to the highest-placed league club not yet qualified;
5. qualifiers are then ordered (cup winners, league clubs in league order, League Cup, cup
   runners-up) and laid onto the places top-down: that is "moved up one place";
6. Fair Play places go down the domestic Fair Play table to the first club not yet qualified.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from uefacup.model import Label
from uefacup.rules.access import Place, PlaceKind


class Rule(StrEnum):
    """A redistribution rule; ``text`` states it in our words and cites the seed's notes."""

    CUP_WINNERS = "cup-winners"
    LEAGUE_POSITION = "league-position"
    CW_IN_CL_RUNNERS_UP = "cup-winners-in-cl:runners-up"
    CW_IN_CL_LEAGUE = "cup-winners-in-cl:league"
    CW_ALSO_LEAGUE = "cup-winners-also-via-league"
    LEAGUE_CUP = "league-cup-winners"
    LC_ALREADY_QUALIFIED = "league-cup-winners-already-qualified"
    LEAGUE_CLUB_IN_EUROPE = "league-club-already-in-europe"
    EXCLUDED_CLUB = "excluded-club"
    CUP_UNFINISHED = "cup-not-finished"
    FAIR_PLAY = "fair-play"
    BANNED = "association-banned"

    @property
    def text(self) -> str:
        return _RULE_TEXT[self]


# Our own wording of each rule (the seed's sentences are quoted in the tests, not here).
_RULE_TEXT = {
    Rule.CUP_WINNERS: "cup winners rank as the association's top qualifier",
    Rule.LEAGUE_POSITION: "league position",
    Rule.CW_IN_CL_RUNNERS_UP: (
        "cup winners in the Champions League: the cup runners-up, if not yet in Europe, come "
        "in at the bottom place and every other qualifier climbs one place"
    ),
    Rule.CW_IN_CL_LEAGUE: (
        "cup winners in the Champions League, runners-up unavailable: the best league club "
        "not yet in Europe comes in; qualifiers ranked above it in the league climb one place"
    ),
    Rule.CW_ALSO_LEAGUE: (
        "cup winners also qualified by league position: that league place is freed and goes "
        "to the best league club not yet in Europe; those above it climb one place"
    ),
    Rule.LEAGUE_CUP: (
        "League Cup winners always take the bottom place (one above it when the cup "
        "runners-up came in)"
    ),
    Rule.LC_ALREADY_QUALIFIED: (
        "League Cup winners qualified another way: their reserved place goes to the best "
        "league club not yet in Europe"
    ),
    Rule.LEAGUE_CLUB_IN_EUROPE: (
        "a club qualified twice (or also for the Champions League) frees its UEFA Cup place "
        "for the best league club not yet in Europe"
    ),
    Rule.EXCLUDED_CLUB: (
        "a club that cannot take part (e.g. bankrupt) frees its place, which is refilled "
        "within the association as for a Champions League vacancy (seed 002 notes AUT, FIN)"
    ),
    Rule.CUP_UNFINISHED: (
        "cup not finished in time: the cup winners' place goes to the best league club not "
        "yet in Europe (seed 002 note SWE)"
    ),
    Rule.FAIR_PLAY: (
        "the Fair Play place goes to the best club of the domestic Fair Play table not yet in "
        "Europe"
    ),
    Rule.BANNED: "association banned from European competitions: no places (seed 002 note AZE)",
}


@dataclass(frozen=True)
class Domestic:
    """One association's domestic season, validated, as far as the rules need it.

    ``europe`` holds every club already qualified for a European competition by other means
    (Champions League entrants, Intertoto winners): the seed's "not yet qualified for European
    competitions" is tested against it. ``excluded`` maps clubs that cannot take part to why.
    """

    association: str
    league: Mapping[int, str] = field(default_factory=dict)
    cup_winners: str | None = None
    cup_runners_up: str | None = None
    league_cup_winners: str | None = None
    fair_play: tuple[str, ...] = ()
    europe: Mapping[str, str] = field(default_factory=dict)
    excluded: Mapping[str, str] = field(default_factory=dict)
    banned: str | None = None
    cup_unfinished: str | None = None

    def position_of(self, club: str) -> int | None:
        for pos, name in self.league.items():
            if name == club:
                return pos
        return None

    def called(self, club: str) -> str:
        """ "Grasshopper (2nd)" when the league position is known, else the bare name."""
        pos = self.position_of(club)
        return f"{club} ({Label.league(pos).value})" if pos and pos <= 7 else club


@dataclass(frozen=True, slots=True)
class Assignment:
    """A club on a place, its label (how it qualified) and a sentence saying how it got there."""

    place: Place
    club: str
    label: Label
    how: str


@dataclass(frozen=True, slots=True)
class Step:
    """One redistribution: which place was vacated by whom and why, and who qualified instead."""

    rule: Rule
    place: Place | None
    vacated_by: str | None
    reason: str
    qualified: str | None = None

    def describe(self) -> str:
        where = self.place.describe() if self.place else "its places"
        if self.rule is Rule.FAIR_PLAY:
            return f"{where}: skipped {self.reason} -> {self.qualified} [rule: {self.rule.text}]"
        then = f" -> {self.qualified} qualify" if self.qualified else ""
        return f"{self.reason}; {where} is vacated{then} [rule: {self.rule.text}]"


@dataclass(frozen=True, slots=True)
class Move:
    """A qualifier laid onto a higher place than its own after a vacancy above it."""

    club: str
    from_place: Place
    to_place: Place


@dataclass(frozen=True)
class Resolution:
    """The outcome for one association: assignments, the steps taken, and any problems."""

    association: str
    places: tuple[Place, ...]
    assignments: tuple[Assignment, ...] = ()
    steps: tuple[Step, ...] = ()
    moves: tuple[Move, ...] = ()
    problems: tuple[str, ...] = ()


@dataclass
class _Qualifier:
    key: tuple[int, int]
    label: Label
    own: Place | None
    how: str


_CW_KEY, _LC_KEY, _CR_KEY = (0, 0), (2, 0), (3, 0)
"""Sort keys: cup winners highest, league clubs by position (1, pos), League Cup, runners-up."""

_Why = Callable[[str], str | None]
"""club -> why it cannot take a place now, or None when it can."""


def resolve_association(places: Sequence[Place], dom: Domestic) -> Resolution:
    """Fill the association's places from its domestic season by the rules of seed 002."""
    name = dom.association
    if dom.banned is not None:
        step = Step(Rule.BANNED, None, None, dom.banned)
        return Resolution(name, tuple(places), steps=(step,))
    problems: list[str] = []
    steps: list[Step] = []
    quals: dict[str, _Qualifier] = {}
    vacancies: list[tuple[Place, Rule, str | None, str]] = []

    def unavailable(club: str) -> str | None:
        """Why ``club`` cannot take a place now (None: it can)."""
        if club in dom.excluded:
            return f"excluded ({dom.excluded[club]})"
        if club in dom.europe:
            return f"already in Europe ({dom.europe[club]})"
        if club in quals:
            return f"already qualified ({quals[club].label.value})"
        return None

    domestic = [p for p in places if p.kind is not PlaceKind.FAIR_PLAY]
    for place in domestic:
        if place.kind is not PlaceKind.LEAGUE:
            continue
        assert place.position is not None
        club = dom.league.get(place.position)
        if club is None:
            problems.append(
                f"{name}: league: position {place.position} is not given but "
                f"{place.describe()} needs it"
            )
            continue
        if club in dom.excluded:
            reason = f"{dom.called(club)} excluded ({dom.excluded[club]})"
            vacancies.append((place, Rule.EXCLUDED_CLUB, club, reason))
        elif club in dom.europe:
            reason = f"{dom.called(club)} already in Europe ({dom.europe[club]})"
            vacancies.append((place, Rule.LEAGUE_CLUB_IN_EUROPE, club, reason))
        else:
            label = Label.league(place.position)
            quals[club] = _Qualifier((1, place.position), label, place, "league position")

    cw_place = next((p for p in domestic if p.kind is PlaceKind.CUP_WINNERS), None)
    if cw_place is not None:
        _cup_winners(cw_place, dom, quals, vacancies, steps, problems, unavailable)

    lc_place = next((p for p in domestic if p.kind is PlaceKind.LEAGUE_CUP), None)
    if lc_place is not None:
        lc = dom.league_cup_winners
        if lc is None:
            problems.append(
                f"{name}: league_cup_winner: not given but {lc_place.describe()} needs it"
            )
        elif (why := unavailable(lc)) is not None:
            reason = f"League Cup winners {dom.called(lc)} {why}"
            vacancies.append((lc_place, Rule.LC_ALREADY_QUALIFIED, lc, reason))
        else:
            quals[lc] = _Qualifier(_LC_KEY, Label.LC, lc_place, "League Cup winners")

    for place, rule, by, reason in sorted(vacancies, key=lambda v: v[0].index):
        club, pos = _highest_free(dom, unavailable, place, problems)
        steps.append(Step(rule, place, by, reason, dom.called(club) if club else None))
        if club is None or pos is None:
            continue
        key = _LC_KEY if rule is Rule.LC_ALREADY_QUALIFIED else (1, pos)
        how = f"highest-placed league club not yet qualified, for the vacated {place.name} place"
        quals[club] = _Qualifier(key, Label.league(pos), None, how)

    ordered = sorted(quals.items(), key=lambda item: item[1].key)
    if len(ordered) > len(domestic):
        problems.append(f"{name}: {len(ordered)} qualifiers for {len(domestic)} places")
    assignments: list[Assignment] = []
    moves: list[Move] = []
    for place, (club, q) in zip(domestic, ordered, strict=False):
        how = q.how
        if q.own is not None and q.own.index != place.index:
            moves.append(Move(club, q.own, place))
            how = f"{q.how}; moved up from {q.own.describe()}"
        assignments.append(Assignment(place, club, q.label, how))

    for place in (p for p in places if p.kind is PlaceKind.FAIR_PLAY):
        _fair_play(place, dom, assignments, steps, problems, unavailable, quals)
    return Resolution(
        name, tuple(places), tuple(assignments), tuple(steps), tuple(moves), tuple(problems)
    )


def _cup_winners(
    place: Place,
    dom: Domestic,
    quals: dict[str, _Qualifier],
    vacancies: list[tuple[Place, Rule, str | None, str]],
    steps: list[Step],
    problems: list[str],
    unavailable: _Why,
) -> None:
    """Rules 1 and 2 of seed 002 (plus the cup-not-finished and excluded special cases)."""
    if dom.cup_unfinished is not None:
        vacancies.append((place, Rule.CUP_UNFINISHED, None, dom.cup_unfinished))
        return
    cw = dom.cup_winners
    if cw is None:
        problems.append(f"{dom.association}: cup_winner: not given but {place.describe()} needs it")
        return
    gone = dom.excluded.get(cw)
    in_europe = dom.europe.get(cw)
    if gone is not None or in_europe is not None:
        why = f"excluded ({gone})" if gone is not None else f"already in Europe ({in_europe})"
        reason = f"cup winners {dom.called(cw)} {why}"
        cr = dom.cup_runners_up
        cr_why = unavailable(cr) if cr is not None else "not given"
        if cr is not None and cr_why is None:
            steps.append(Step(Rule.CW_IN_CL_RUNNERS_UP, place, cw, reason, cr))
            how = "cup runners-up, lowest-placed qualifier, for the vacated CW place"
            quals[cr] = _Qualifier(_CR_KEY, Label.CR, None, how)
        else:
            runners_up = f"cup runners-up {dom.called(cr)}" if cr else "cup runners-up"
            reason += f"; {runners_up} {cr_why}"
            vacancies.append((place, Rule.CW_IN_CL_LEAGUE, cw, reason))
        return
    held = quals.pop(cw, None)
    if held is not None and held.own is not None:
        reason = f"cup winners {dom.called(cw)} also qualify through league position"
        vacancies.append((held.own, Rule.CW_ALSO_LEAGUE, cw, reason))
    quals[cw] = _Qualifier(_CW_KEY, Label.CW, place, "cup winners")


def _highest_free(
    dom: Domestic, unavailable: _Why, place: Place, problems: list[str]
) -> tuple[str | None, int | None]:
    """The highest-placed league club not yet qualified, walking the league from the top.

    The walk needs every position from 1 down to the club found: a gap means the input does
    not say who finished there, and guessing past it could pick the wrong club.
    """
    last = max(dom.league, default=0)
    for pos in range(1, last + 1):
        club = dom.league.get(pos)
        if club is None:
            problems.append(
                f"{dom.association}: league: position {pos} is not given but is needed to find "
                f"the highest-placed club not yet qualified for {place.describe()}"
            )
            return None, None
        if unavailable(club) is None:
            if pos > 7:
                problems.append(f"{dom.association}: league: no label for position {pos}")
                return None, None
            return club, pos
    problems.append(
        f"{dom.association}: league: fewer clubs than berths: {place.describe()} needs the "
        f"highest-placed club not yet qualified, but the league order given ends at "
        f"position {last} with every club already qualified or excluded"
    )
    return None, None


def _fair_play(
    place: Place,
    dom: Domestic,
    assignments: list[Assignment],
    steps: list[Step],
    problems: list[str],
    unavailable: _Why,
    quals: dict[str, _Qualifier],
) -> None:
    skipped: list[str] = []
    for club in dom.fair_play:
        why = unavailable(club)
        if why is None:
            how = "first in the domestic Fair Play table not yet qualified"
            if skipped:
                steps.append(Step(Rule.FAIR_PLAY, place, skipped[0], "; ".join(skipped), club))
            assignments.append(Assignment(place, club, Label.FP, how))
            quals[club] = _Qualifier((9, 0), Label.FP, place, how)
            return
        skipped.append(f"{club} {why}")
    problems.append(
        f"{dom.association}: fair_play: fewer clubs than berths: no club in the domestic Fair "
        f"Play table is free for {place.describe()}"
    )
