"""The season's entry list derived from its inputs, with an audit trail: ``derive_entry_list``.

Inputs are the association ranking, the access list (``rules.access``) and a flat list of
domestic facts, one per row of the season's ``domestic.csv``, each with its source. Facts are
validated here, not in the loader, so that every inconsistency (a club listed twice, a league
position given twice, an unknown association, too few clubs for the berths) is found in one
pass and raised together as one ``EntryListError`` naming the association and the input.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from uefacup.errors import EntryListError
from uefacup.model import Label, RoundKey
from uefacup.rules.access import (
    AccessCounts,
    AccessList,
    RankedAssociation,
    access_counts,
    check_access,
    domestic_places,
    round_name,
)
from uefacup.rules.redistribution import Domestic, Resolution, resolve_association

if TYPE_CHECKING:
    import pandas as pd


class FactKind(StrEnum):
    """The kinds of domestic fact; the values are the ``fact`` column of domestic.csv."""

    LEAGUE = "league"
    CUP_WINNER = "cup_winner"
    CUP_RUNNER_UP = "cup_runner_up"
    LEAGUE_CUP_WINNER = "league_cup_winner"
    FAIR_PLAY = "fair_play"
    CHAMPIONS_LEAGUE = "champions_league"
    UCL_Q3 = "ucl_q3"
    UCL_GS1 = "ucl_gs1"
    INTERTOTO = "intertoto"
    EXCLUDED = "excluded"
    BANNED = "banned"
    CUP_UNFINISHED = "cup_unfinished"


_SINGLE = {
    FactKind.CUP_WINNER: "cup_winners",
    FactKind.CUP_RUNNER_UP: "cup_runners_up",
    FactKind.LEAGUE_CUP_WINNER: "league_cup_winners",
}
_EXTERNAL = {
    FactKind.INTERTOTO: Label.UIC,
    FactKind.UCL_Q3: Label.UCL_Q3,
    FactKind.UCL_GS1: Label.UCL_GS1,
}
_EUROPE_DEFAULT = {
    FactKind.CHAMPIONS_LEAGUE: "Champions League",
    FactKind.UCL_Q3: "Champions League, lost in the third qualifying round",
    FactKind.UCL_GS1: "Champions League, third in the first group stage",
    FactKind.INTERTOTO: "Intertoto Cup winners",
}


RANKING_FILE = "associations.csv"
ACCESS_FILE = "access.toml"
FACTS_FILE = "domestic.csv"
"""Each problem starts with the input it is about, named as in a season folder; a fact read from
a file carries its own ``file:line`` (``Fact.where``)."""


class _Located:
    """A problem list whose ``append`` prefixes the location currently being checked."""

    def __init__(self, items: list[str], at: str = FACTS_FILE) -> None:
        self.items = items
        self.at = at

    def append(self, text: str) -> None:
        self.items.append(f"{self.at}: {text}")


def _at(fact: Fact) -> str:
    return fact.where or FACTS_FILE


@dataclass(frozen=True, slots=True)
class Fact:
    """One domestic fact: "Basel finished 1st in Switzerland", with where it came from."""

    association: str
    kind: FactKind
    club: str = ""
    position: int | None = None
    detail: str = ""
    source: str = ""
    where: str = ""
    """Location for messages ("domestic.csv:12"); empty for facts built in code."""


@dataclass(frozen=True)
class EntryInputs:
    """Everything the derivation reads; build with ``uefacup.io.entry_inputs`` or by hand."""

    season: str
    ranking: tuple[RankedAssociation, ...]
    access: AccessList
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """A club on the entry list; ``place`` names the berth it took ("CW", "2nd", "UIC" ...)."""

    club: str
    association: str
    round: RoundKey
    label: Label
    place: str


@dataclass(frozen=True)
class EntryList:
    """The derived entry list and how each association's places were filled."""

    season: str
    entries: tuple[Entry, ...]
    resolutions: tuple[Resolution, ...]
    holders: str
    counts: AccessCounts
    external: dict[str, tuple[Entry, ...]] = field(default_factory=dict)

    def __repr__(self) -> str:
        return (
            f"<EntryList {self.season}: {len(self.entries)} clubs from "
            f"{len({e.association for e in self.entries})} associations; holders {self.holders}>"
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per entrant with its audit trail (``uefacup.frames.clubs.ENTRY_LIST``)."""
        from uefacup.frames.clubs import entry_list_frame

        return entry_list_frame(self)

    def in_round(self, round_: RoundKey) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.round == round_)

    def resolution(self, association: str) -> Resolution:
        for res in self.resolutions:
            if res.association == association:
                return res
        raise KeyError(association)

    def explain(self) -> list[tuple[str, list[str]]]:
        """Per association: a title and the lines saying how each berth was filled."""
        blocks: list[tuple[str, list[str]]] = [("Title holders", [self.holders])]
        for res in self.resolutions:
            lines: list[str] = []
            places = ", ".join(
                f"{p.name} ({round_name(p.round)}"
                + (", promoted by the title-holders rule" if p.promoted else "")
                + ")"
                for p in res.places
            )
            lines.append(f"places: {places or 'none'}")
            lines.extend(f"vacancy: {step.describe()}" for step in res.steps)
            lines.extend(
                f"{a.place.name} place ({round_name(a.place.round)}): {a.club} "
                f"[{a.label.value}] - {a.how}"
                for a in res.assignments
            )
            lines.extend(
                f"{e.label.value} ({round_name(e.round)}): {e.club} - entered outside the "
                "domestic places"
                for e in self.external.get(res.association, ())
            )
            blocks.append((res.association, lines))
        return blocks


def derive_entry_list(inputs: EntryInputs) -> EntryList:
    """The entry list of the season; EntryListError lists every inconsistency found."""
    problems = [f"{RANKING_FILE}: {p}" for p in _check_ranking(inputs.ranking)]
    problems += [f"{ACCESS_FILE}: {p}" for p in check_access(inputs.access, inputs.ranking)]
    domestic, external, fact_problems = _domestic(inputs)
    problems += fact_problems
    banned = {name for name, dom in domestic.items() if dom.banned is not None}

    vacated, holders = _holders(inputs, domestic)
    resolutions: list[Resolution] = []
    entries: list[Entry] = []
    for assoc in inputs.ranking:
        dom = domestic.get(assoc.name, Domestic(assoc.name))
        places = domestic_places(inputs.access, assoc, holders_vacated=vacated)
        res = resolve_association(places, dom)
        resolutions.append(res)
        problems.extend(f"{FACTS_FILE}: {p}" for p in res.problems)
        entries.extend(
            Entry(a.club, assoc.name, a.place.round, a.label, a.place.name) for a in res.assignments
        )
    th = inputs.access.title_holders
    if th is not None and not vacated:
        entries.append(Entry(th.club, th.association, th.round, Label.TH, "TH"))
    by_assoc: dict[str, list[Entry]] = defaultdict(list)
    for e in external:
        by_assoc[e.association].append(e)
    order = {a.name: i for i, a in enumerate(inputs.ranking)}
    entries.extend(external)
    rank = inputs.access.order
    entries.sort(key=lambda e: (rank(e.round), order.get(e.association, len(order))))

    counts = access_counts(inputs.access, inputs.ranking, banned=banned, holders_vacated=vacated)
    problems += [f"{ACCESS_FILE}: {p}" for p in _check_totals(entries, counts)]
    if problems:
        raise EntryListError(problems)
    return EntryList(
        inputs.season,
        tuple(entries),
        tuple(resolutions),
        holders,
        counts,
        {k: tuple(v) for k, v in by_assoc.items()},
    )


def _check_ranking(ranking: Iterable[RankedAssociation]) -> list[str]:
    problems: list[str] = []
    names: set[str] = set()
    ranks: dict[int, str] = {}
    for a in ranking:
        if a.name in names:
            problems.append(f"{a.name}: ranking: association listed twice")
        names.add(a.name)
        if a.rank is not None:
            if a.rank in ranks:
                problems.append(f"{a.name}: ranking: rank {a.rank} also held by {ranks[a.rank]}")
            ranks[a.rank] = a.name
    return problems


def _domestic(inputs: EntryInputs) -> tuple[dict[str, Domestic], list[Entry], list[str]]:
    """Group and validate the facts; each problem names the association and the input."""
    problems: list[str] = []
    known = {a.name for a in inputs.ranking}
    by_assoc: dict[str, list[Fact]] = defaultdict(list)
    homes: dict[str, set[str]] = defaultdict(set)
    for fact in inputs.facts:
        if fact.association not in known:
            club = f" (club {fact.club})" if fact.club else ""
            problems.append(
                f"{_at(fact)}: {fact.association}: {fact.kind.value}: unknown association{club}"
            )
            continue
        by_assoc[fact.association].append(fact)
        if fact.club:
            homes[fact.club].add(fact.association)
    for club, assocs in sorted(homes.items()):
        if len(assocs) > 1:
            listed = " and ".join(sorted(assocs))
            problems.append(
                f"{FACTS_FILE}: {listed}: club {club} listed under more than one association"
            )

    result: dict[str, Domestic] = {}
    external: list[Entry] = []
    for name, facts in by_assoc.items():
        dom, ext = _one_association(name, facts, inputs.access, problems)
        result[name] = dom
        external.extend(ext)
    return result, external, problems


def _one_association(
    name: str, facts: list[Fact], access: AccessList, found: list[str]
) -> tuple[Domestic, list[Entry]]:
    problems = _Located(found)
    league: dict[int, str] = {}
    single: dict[str, str] = {}
    fair_play: list[tuple[int, str]] = []
    europe: dict[str, str] = {}
    excluded: dict[str, str] = {}
    banned: str | None = None
    unfinished: str | None = None
    external: list[Entry] = []
    ext_rounds = {slot.label: slot.round for slot in access.external}

    def need_club(fact: Fact) -> bool:
        if not fact.club:
            problems.append(f"{name}: {fact.kind.value}: no club given")
        return bool(fact.club)

    for fact in facts:
        problems.at = _at(fact)
        kind = fact.kind
        if kind is FactKind.LEAGUE:
            if not need_club(fact):
                continue
            pos = fact.position
            if pos is None or pos < 1:
                problems.append(f"{name}: league: {fact.club} has no valid position ({pos})")
            elif pos in league:
                problems.append(
                    f"{name}: league: position {pos} given twice ({league[pos]}, {fact.club})"
                )
            elif fact.club in league.values():
                first = next(p for p, c in league.items() if c == fact.club)
                problems.append(
                    f"{name}: league: club {fact.club} listed twice (positions {first} and {pos})"
                )
            else:
                league[pos] = fact.club
        elif kind in _SINGLE:
            if not need_club(fact):
                continue
            key = _SINGLE[kind]
            if key in single:
                what = "listed twice" if single[key] == fact.club else "given twice"
                problems.append(f"{name}: {kind.value}: {what} ({single[key]}, {fact.club})")
            else:
                single[key] = fact.club
        elif kind is FactKind.FAIR_PLAY:
            if not need_club(fact):
                continue
            if any(c == fact.club for _, c in fair_play):
                problems.append(f"{name}: fair_play: club {fact.club} listed twice")
            else:
                fair_play.append((fact.position or len(fair_play) + 1, fact.club))
        elif kind in _EUROPE_DEFAULT:
            if not need_club(fact):
                continue
            if fact.club in europe and kind is FactKind.CHAMPIONS_LEAGUE:
                problems.append(f"{name}: {kind.value}: club {fact.club} listed twice")
            europe[fact.club] = fact.detail or _EUROPE_DEFAULT[kind]
            if kind in _EXTERNAL:
                label = _EXTERNAL[kind]
                round_ = ext_rounds.get(label)
                if round_ is None:
                    problems.append(f"{name}: {kind.value}: the access list has no {label} entry")
                    continue
                external.append(Entry(fact.club, name, round_, label, label.value))
        elif kind is FactKind.EXCLUDED:
            if need_club(fact):
                excluded[fact.club] = fact.detail or "cannot take part"
        elif kind is FactKind.BANNED:
            banned = fact.detail or "banned from European competitions"
        elif kind is FactKind.CUP_UNFINISHED:
            unfinished = fact.detail or "cup not finished in time"

    problems.at = FACTS_FILE
    cw, cr = single.get("cup_winners"), single.get("cup_runners_up")
    if cw is not None and cw == cr:
        problems.append(f"{name}: cup_runner_up: {cw} are also given as cup winners")
    dom = Domestic(
        association=name,
        league=league,
        cup_winners=cw,
        cup_runners_up=cr,
        league_cup_winners=single.get("league_cup_winners"),
        fair_play=tuple(c for _, c in sorted(fair_play)),
        europe=europe,
        excluded=excluded,
        banned=banned,
        cup_unfinished=unfinished,
    )
    return dom, external


def _holders(inputs: EntryInputs, domestic: dict[str, Domestic]) -> tuple[bool, str]:
    """Whether the title holders' place is vacated, and the sentence saying why (or not).

    Seed 002: the holders get the extra entry only "if they did not qualify for the Champions
    League or UEFA Cup through their domestic performance"; the UEFA Cup case is checked on a
    first resolution of their association without the promotion (it only changes rounds).
    """
    th = inputs.access.title_holders
    if th is None:
        return False, "no title-holders entry in this season's access list"
    dom = domestic.get(th.association, Domestic(th.association))
    ranked = next((a for a in inputs.ranking if a.name == th.association), None)
    via_cup = False
    if ranked is not None:
        res = resolve_association(domestic_places(inputs.access, ranked), dom)
        via_cup = any(a.club == th.club for a in res.assignments)
    if th.club in dom.europe or via_cup:
        how = dom.europe.get(th.club, "the UEFA Cup")
        promoted = [a for a in inputs.ranking if a.rank in th.promote_ranks]
        names = ", ".join(f"{a.rank} ({a.name})" for a in promoted)
        text = (
            f"Title holders {th.club} qualified through their domestic performance ({how}): "
            f"the title-holders place ({round_name(th.round)}) is vacated and the cup winners "
            f"of associations {names} are promoted from the qualifying round to the "
            f"{round_name(th.round)} [{th.source}]"
        )
        return True, text
    return False, f"Title holders {th.club} take their extra entry ({round_name(th.round)})"


def _check_totals(entries: list[Entry], counts: AccessCounts) -> list[str]:
    """Cross-check the derived list against the access-list counts and for duplicate clubs."""
    problems: list[str] = []
    seen: dict[str, Entry] = {}
    for e in entries:
        if e.club in seen:
            problems.append(
                f"{e.association}: club {e.club} entered twice ({seen[e.club].label}, {e.label})"
            )
        seen[e.club] = e
    for line in counts.lines:
        if line.what in (Label.UIC.value, Label.UCL_Q3.value, Label.UCL_GS1.value):
            got = sum(1 for e in entries if e.label.value == line.what)
            if got != line.count:
                kind = {"UIC": "intertoto", "UCL Q3": "ucl_q3", "UCL GS1": "ucl_gs1"}[line.what]
                problems.append(
                    f"all associations: {kind}: {got} club(s) given, the access list has "
                    f"{line.count} {line.what} places"
                )
    return problems
