"""The access list as data: how many domestic places each association gets and where they enter.

UEFA's access list is two tables that must agree: a berth table (how many clubs an association
sends, by coefficient rank) and a list of which places those are (cup winners, league 2nd, ...)
and in which round each enters. Both are season data here, so the rules engine never hard-codes
2002-03, and the two are cross-checked: an association whose places do not add up to its berth
count is an input error, not a silent surprise.

Places are ordered "highest-placed" first, as the redistribution rules of seed 002 use the word:
cup winners (latest starting round) above league places in league order, the League Cup place
lowest, Fair Play places apart. That order is what "moved up one place" moves along.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from uefacup.model import Label, RoundKey


@dataclass(frozen=True, slots=True)
class RankedAssociation:
    """An association as the access list sees it: rank None means outside the ranking."""

    name: str
    rank: int | None
    coefficient: float | None = None


@dataclass(frozen=True, slots=True)
class Scope:
    """Which associations an access-list line covers.

    Rank ranges alone cannot say "except Liechtenstein" or "also the newly admitted member
    outside the ranking", so a scope combines a rank range, named additions and exceptions,
    and a flag for unranked associations (Kazakhstan in 2002-03).
    """

    first_rank: int | None = None
    last_rank: int | None = None
    associations: tuple[str, ...] = ()
    except_: tuple[str, ...] = ()
    unranked: bool = False

    def covers(self, association: RankedAssociation) -> bool:
        if association.name in self.except_:
            return False
        if association.name in self.associations:
            return True
        if association.rank is None:
            return self.unranked
        lo, hi = self.first_rank, self.last_rank
        return lo is not None and hi is not None and lo <= association.rank <= hi

    def describe(self) -> str:
        """ "ranks 16–49 (except Liechtenstein) + unranked" for reports and error messages."""
        parts = []
        if self.first_rank is not None:
            parts.append(f"ranks {self.first_rank}–{self.last_rank}")
        parts.extend(self.associations)
        if self.unranked:
            parts.append("associations outside the ranking")
        text = ", ".join(parts) or "no association"
        return text + (f" (except {', '.join(self.except_)})" if self.except_ else "")


@dataclass(frozen=True, slots=True)
class BerthBand:
    """One line of the berth table: associations in scope send ``berths`` clubs (no Fair Play)."""

    scope: Scope
    berths: int
    source: str = ""


class PlaceKind(StrEnum):
    """What a domestic place is reserved for before any redistribution."""

    CUP_WINNERS = "CW"
    LEAGUE = "league"
    LEAGUE_CUP = "LC"
    FAIR_PLAY = "FP"


@dataclass(frozen=True, slots=True)
class Place:
    """One UEFA Cup place of one association; ``index`` 0 is its highest-placed place."""

    index: int
    kind: PlaceKind
    round: RoundKey
    position: int | None = None
    """League position of a league place; for the League Cup place, the one it reserves."""
    promoted: bool = False
    """True when the title-holders rule moved this place to a later round."""

    @property
    def name(self) -> str:
        """ "CW", "2nd", "LC", "FP": the place as the seed's access list names it."""
        if self.kind is PlaceKind.LEAGUE:
            assert self.position is not None
            return _ordinal(self.position)
        return self.kind.value

    def describe(self) -> str:
        """ "the 2nd place (qualifying round)" for the audit trail."""
        return f"the {self.name} place ({round_name(self.round)})"


def round_name(round_: RoundKey) -> str:
    """ "qualifying round", "first round": the key as the audit trail's sentences use it."""
    return f"{round_} round"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True, slots=True)
class DomesticSlot:
    """An access-list line for domestic places: "cup winners of associations 19–49"."""

    round: RoundKey
    kind: PlaceKind
    scope: Scope
    position: int | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class ExternalSlot:
    """Places not filled through a domestic competition: TH, UIC, UCL Q3, UCL GS1."""

    round: RoundKey
    label: Label
    count: int
    source: str = ""


@dataclass(frozen=True, slots=True)
class TitleHoldersRule:
    """The holders' extra entry, and what happens to its place when they do not need it.

    Seed 002: the holders get an entry "if they did not qualify for the Champions League or
    UEFA Cup through their domestic performance"; otherwise their first-round place is vacated
    and the cup winners of ``promote_ranks`` move from the qualifying round to ``round``.
    Two clubs move for one place because the qualifying round must lose an even number.
    """

    club: str
    association: str
    round: RoundKey
    promote_ranks: tuple[int, ...]
    source: str = ""


@dataclass(frozen=True)
class AccessList:
    """A season's access list (default form, before the title-holders rule is applied)."""

    berth_table: tuple[BerthBand, ...]
    slots: tuple[DomesticSlot, ...]
    external: tuple[ExternalSlot, ...] = ()
    rounds: tuple[RoundKey, ...] = ()
    """The season's round keys in order (its format); entry rounds sort by this."""
    fair_play: tuple[str, ...] = ()
    fair_play_round: RoundKey = "qualifying"
    league_cup: tuple[str, ...] = ()
    title_holders: TitleHoldersRule | None = None
    sources: dict[str, str] = field(default_factory=dict)

    def order(self, round_: RoundKey) -> int:
        """Position of a round in the season; ValueError for a round the season lacks."""
        try:
            return self.rounds.index(round_)
        except ValueError:
            raise ValueError(
                f"unknown round {round_!r} (rounds: {', '.join(self.rounds)})"
            ) from None


def table_berths(access: AccessList, association: RankedAssociation) -> int | None:
    """Berths from the berth table (Fair Play excluded); the last matching band wins.

    Later bands override earlier ones so that an exception ("Liechtenstein: 1") can simply be
    listed after the band it narrows. None when no band covers the association.
    """
    found: int | None = None
    for band in access.berth_table:
        if band.scope.covers(association):
            found = band.berths
    return found


def domestic_places(
    access: AccessList, association: RankedAssociation, *, holders_vacated: bool = False
) -> tuple[Place, ...]:
    """The association's places, highest-placed first, Fair Play places last.

    An association with a League Cup berth (England, France) has its lowest league place
    reserved for the League Cup winners, as seed 002 says they "always qualify ... as the
    lowest-placed qualifier"; the access list still counts it as a league place.
    """
    raw: list[tuple[int, int, PlaceKind, RoundKey]] = []
    for slot in access.slots:
        if slot.scope.covers(association):
            order = 0 if slot.kind is PlaceKind.CUP_WINNERS else 1
            raw.append((order, slot.position or 0, slot.kind, slot.round))
    raw.sort(key=lambda r: (r[0], r[1]))
    th = access.title_holders
    promote = (
        holders_vacated
        and th is not None
        and association.rank is not None
        and association.rank in th.promote_ranks
    )
    places: list[Place] = []
    for i, (_, pos, kind, round_) in enumerate(raw):
        if kind is PlaceKind.CUP_WINNERS and promote and th is not None:
            places.append(Place(i, kind, th.round, None, promoted=True))
        elif kind is PlaceKind.LEAGUE:
            places.append(Place(i, kind, round_, pos))
        else:
            places.append(Place(i, kind, round_))
    if association.name in access.league_cup:
        league = [p for p in places if p.kind is PlaceKind.LEAGUE]
        if league:
            last = league[-1]
            places.remove(last)
            places.append(Place(len(places), PlaceKind.LEAGUE_CUP, last.round, last.position))
    if association.name in access.fair_play:
        places.append(Place(len(places), PlaceKind.FAIR_PLAY, access.fair_play_round))
    return tuple(places)


def check_access(access: AccessList, ranking: Sequence[RankedAssociation]) -> list[str]:
    """Problems where the berth table and the access list disagree, one per association."""
    problems: list[str] = []
    for assoc in ranking:
        berths = table_berths(access, assoc)
        places = [p for p in domestic_places(access, assoc) if p.kind is not PlaceKind.FAIR_PLAY]
        if berths is None:
            problems.append(f"{assoc.name}: access list: no berth-table line covers it")
        elif berths != len(places):
            names = ", ".join(p.name for p in places) or "none"
            problems.append(
                f"{assoc.name}: access list: the berth table gives {berths} berth(s) but the "
                f"access list gives {len(places)} place(s) ({names})"
            )
    for name in (*access.fair_play, *access.league_cup):
        if name not in {a.name for a in ranking}:
            problems.append(f"{name}: access list: unknown association")
    return problems


@dataclass(frozen=True, slots=True)
class AccessLine:
    """One derived line of the access list: e.g. 31 cup winners (CW) entering the QR."""

    round: RoundKey
    what: str
    count: int
    associations: tuple[str, ...] = ()
    position: int | None = None
    """League position of a league line; for a League Cup line, the league place it takes."""


@dataclass(frozen=True)
class AccessCounts:
    """The access list as counts, derived from places, exceptions and external entries."""

    lines: tuple[AccessLine, ...]
    sizes: dict[RoundKey, int]

    def count(self, round_: RoundKey, what: str) -> int:
        """Sum of the lines named ``what`` ("CW", "UIC", ...) entering ``round_``."""
        return sum(line.count for line in self.lines if line.round == round_ and line.what == what)

    def league(self, round_: RoundKey, position: int) -> int:
        """League places of that position entering ``round_``, League Cup places included.

        The seed's access list counts England's and France's League Cup places among the
        sixths and fifths they replace, so comparisons with it need this sum.
        """
        return sum(
            line.count
            for line in self.lines
            if line.round == round_ and line.position == position and line.what != WINNERS
        )

    def entering(self, round_: RoundKey) -> int:
        """Clubs entering ``round_`` directly (not as winners of the previous round)."""
        return sum(
            line.count for line in self.lines if line.round == round_ and line.what != WINNERS
        )


WINNERS = "winners of the previous round"


def access_counts(
    access: AccessList,
    ranking: Iterable[RankedAssociation],
    *,
    banned: Iterable[str] = (),
    holders_vacated: bool = False,
) -> AccessCounts:
    """Count every access-list line from the places themselves, exceptions applied.

    This is the arithmetic check of the seeds: instead of trusting printed counts, each line is
    the number of associations that actually have such a place after the ban, the cup-only
    exception, the new member, Fair Play and the title-holders promotion. Round sizes follow:
    entrants plus half of the previous round (which must therefore be even).
    """
    excluded = set(banned)
    groups: dict[tuple[RoundKey, str, int | None], list[str]] = {}
    for assoc in ranking:
        if assoc.name in excluded:
            continue
        for place in domestic_places(access, assoc, holders_vacated=holders_vacated):
            key = (place.round, place.name, place.position)
            groups.setdefault(key, []).append(assoc.name)
    lines = [
        AccessLine(r, what, len(names), tuple(names), pos)
        for (r, what, pos), names in groups.items()
    ]
    for ext in access.external:
        if ext.label is Label.TH and holders_vacated:
            continue
        lines.append(AccessLine(ext.round, ext.label.value, ext.count))
    sizes: dict[RoundKey, int] = {}
    carried = 0
    order = access.order
    last = max((order(line.round) for line in lines), default=0)
    for round_ in access.rounds:
        if order(round_) > last:
            break
        entering = sum(line.count for line in lines if line.round == round_)
        if carried:
            lines.append(AccessLine(round_, WINNERS, carried))
        sizes[round_] = entering + carried
        carried = sizes[round_] // 2
    lines.sort(key=lambda line: (order(line.round), _line_order(line.what)))
    return AccessCounts(tuple(lines), sizes)


def _line_order(what: str) -> tuple[int, str]:
    order = {"TH": 0, "CW": 1, "LC": 8, "FP": 9, "UIC": 10, WINNERS: 11, "UCL Q3": 12}
    if what in order:
        return (order[what], what)
    return (2, what.rjust(4))
