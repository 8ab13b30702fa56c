"""Reconciling the seed sources with the season dataset: every disagreement, none dropped.

Each ``Discrepancy`` has a stable ``key``; the season's NOTES.md cites the key where it
explains the decision, which is how ``check-sources`` knows a disagreement is documented. A
source tie that cannot be matched to the dataset (or the reverse) is itself a discrepancy, so
nothing a source says is skipped silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from uefacup.errors import TieError, UnknownClubError
from uefacup.io.aliases import AliasTable, normalise
from uefacup.io.seeds import SeedSources
from uefacup.model import Round, Season, Tie
from uefacup.rules.ties import resolve_tie, shootout_possible

KAZAKH_ROUNDS = (
    Round.QUALIFYING,
    Round.FIRST,
    Round.SECOND,
    Round.THIRD,
    Round.FOURTH,
    Round.QUARTER_FINAL,
    Round.SEMI_FINAL,
)
"""The order of the Kazakh list's blocks; it has no final."""


@dataclass(frozen=True, slots=True)
class Discrepancy:
    key: str
    kind: str
    subject: str
    source: str
    stated: str
    dataset: str

    def documented_in(self, notes: str) -> bool:
        return f"`{self.key}`" in notes


def reconcile(season: Season, aliases: AliasTable, seeds: SeedSources) -> list[Discrepancy]:
    """All disagreements between the seeds and ``season``, in a stable order."""
    out: list[Discrepancy] = []
    out += _kazakh(season, aliases, seeds)
    out += _english(season, aliases, seeds)
    out += _club_coefficients(season, aliases, seeds)
    out += _rankings(season, seeds)
    out += _totals(season)
    return out


def _tie_index(season: Season) -> dict[tuple[str, frozenset[str]], Tie]:
    return {(t.round, frozenset(t.clubs)): t for t in season.ties}


def _orient(tie: Tie, first: str) -> list[tuple[int, int]]:
    """Each leg's final score from ``first``'s side."""
    return [
        (leg.goals_for(first), leg.goals_for(tie.second if first == tie.first else tie.first))
        for leg in tie.legs
    ]


def _fmt(scores: Iterable[tuple[int, int]]) -> str:
    return ", ".join(f"{a}:{b}" for a, b in scores)


def _kazakh(season: Season, aliases: AliasTable, seeds: SeedSources) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    index = _tie_index(season)
    seen: set[tuple[str, frozenset[str]]] = set()
    src = "000 (Kazakh list)"
    for round_, block in zip(KAZAKH_ROUNDS, seeds.kazakh, strict=False):
        for kt in block.ties:
            where = f"000 offset {kt.position}"
            try:
                a = aliases.resolve(kt.first, kt.first_bracket, where)
                b = aliases.resolve(kt.second, kt.second_bracket, where)
            except UnknownClubError as exc:
                out.append(
                    Discrepancy(
                        f"name:000:{kt.position}",
                        "unknown name",
                        f"{kt.first} - {kt.second}",
                        src,
                        str(exc),
                        "—",
                    )
                )
                continue
            key = (str(round_), frozenset((a, b)))
            subject = f"{round_}: {a} v {b}"
            tie = index.get(key)
            if tie is None:
                out.append(
                    Discrepancy(
                        f"missing:{round_}:{a}|{b}",
                        "tie not in dataset",
                        subject,
                        src,
                        _fmt((kt.leg1, kt.leg2)),
                        "—",
                    )
                )
                continue
            seen.add(key)
            if tie.first != a:
                out.append(
                    Discrepancy(
                        f"order:{round_}:{a}|{b}",
                        "first-leg host",
                        subject,
                        src,
                        a,
                        tie.first,
                    )
                )
            stated = [kt.leg1, kt.leg2]
            if _orient(tie, a) != stated:
                out.append(
                    Discrepancy(
                        f"legs:000:{round_}:{a}|{b}",
                        "leg scores",
                        subject,
                        src,
                        _fmt(stated),
                        _fmt(_orient(tie, a)),
                    )
                )
            pens = tie.legs[-1].penalties
            data_pens = (
                None
                if pens is None
                else ((pens.home, pens.away) if tie.legs[-1].home == a else (pens.away, pens.home))
            )
            if kt.penalties != data_pens:
                out.append(
                    Discrepancy(
                        f"shootout:000:{round_}:{a}|{b}",
                        "shoot-out score",
                        subject,
                        src,
                        _fmt([kt.penalties]) if kt.penalties else "none",
                        _fmt([data_pens]) if data_pens else "none",
                    )
                )
    if len(seeds.kazakh) > len(KAZAKH_ROUNDS):
        out.append(
            Discrepancy(
                "blocks:000",
                "unexpected round block",
                "000",
                src,
                f"{len(seeds.kazakh)} blocks",
                f"{len(KAZAKH_ROUNDS)} expected",
            )
        )
    for key, tie in index.items():
        if key not in seen and tie.round in KAZAKH_ROUNDS:
            out.append(
                Discrepancy(
                    f"absent:000:{tie.round}:{tie.first}|{tie.second}",
                    "tie missing from source",
                    tie.describe(),
                    src,
                    "—",
                    "present",
                )
            )
    finals = season.ties_of(Round.FINAL)
    if finals:
        out.append(
            Discrepancy(
                "coverage:000:final",
                "round not covered",
                "final",
                src,
                "no final in the list",
                finals[0].describe(),
            )
        )
    return out


def _english(season: Season, aliases: AliasTable, seeds: SeedSources) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    index = _tie_index(season)
    src = "003 (English match list)"
    for et in seeds.english_matches:
        where = f"003 line {et.line}"
        try:
            a = aliases.resolve(et.legs[0].home, where=where)
            b = aliases.resolve(et.legs[0].away, where=where)
            winner = aliases.resolve(et.winner, where=where)
        except UnknownClubError as exc:
            out.append(
                Discrepancy(f"name:003:{et.line}", "unknown name", where, src, str(exc), "—")
            )
            continue
        pair = f"{a}|{b}"
        subject = f"qualifying: {a} v {b}"
        tie = index.get((Round.QUALIFYING, frozenset((a, b))))
        if tie is None:
            out.append(
                Discrepancy(
                    f"missing:qualifying:{pair}", "tie not in dataset", subject, src, "", "—"
                )
            )
            continue
        legs_stated = [
            (lg.home_goals, lg.away_goals)
            if aliases.resolve(lg.home) == a
            else (lg.away_goals, lg.home_goals)
            for lg in et.legs
        ]
        if legs_stated != _orient(tie, a):
            out.append(
                Discrepancy(
                    f"legs:003:{pair}",
                    "leg scores",
                    subject,
                    src,
                    _fmt(legs_stated),
                    _fmt(_orient(tie, a)),
                )
            )
        a_goals = sum(x for x, _ in legs_stated)
        b_goals = sum(y for _, y in legs_stated)
        own = (a_goals, b_goals) if winner == a else (b_goals, a_goals)
        if et.stated_aggregate != own:
            out.append(
                Discrepancy(
                    f"aggregate:003:{pair}",
                    "stated aggregate vs its own legs",
                    subject,
                    src,
                    f"{winner} {et.stated_aggregate[0]}–{et.stated_aggregate[1]}",
                    f"legs add up to {own[0]}–{own[1]}",
                )
            )
        try:
            outcome = resolve_tie(tie.legs, season.rules_for(Round.QUALIFYING))
        except TieError as exc:  # the loader validated it; this only guards a changed dataset
            out.append(Discrepancy(f"tie:{pair}", "unresolvable", subject, src, "", str(exc)))
            continue
        if outcome.winner != winner:
            out.append(
                Discrepancy(f"winner:003:{pair}", "winner", subject, src, winner, outcome.winner)
            )
        method = outcome.decided_by.value.replace("_", " ")
        if et.method != method:
            out.append(
                Discrepancy(
                    f"method:003:{pair}", "how the tie was won", subject, src, et.method, method
                )
            )
        if et.stated_penalties is not None:
            w, loser = et.stated_penalties
            if not shootout_possible(w, loser):
                out.append(
                    Discrepancy(
                        f"impossible-shootout:003:{pair}",
                        "impossible shoot-out",
                        subject,
                        src,
                        f"{w}–{loser}",
                        "—",
                    )
                )
            if outcome.penalties is not None:
                data = outcome.penalties if outcome.winner == a else outcome.penalties[::-1]
                if (w, loser) != tuple(sorted(data, reverse=True)):
                    out.append(
                        Discrepancy(
                            f"shootout:003:{pair}",
                            "shoot-out score",
                            subject,
                            src,
                            f"{w}–{loser}",
                            f"{max(data)}–{min(data)}",
                        )
                    )
    return out


def _club_coefficients(
    season: Season, aliases: AliasTable, seeds: SeedSources
) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    rows = [
        ("003 (qualifying participants)", seeds.qualifying_coefficients),
        ("sources/club-coefficients-2002-partial.csv", seeds.extra_coefficients),
    ]
    for src, table in rows:
        for name, coeff, line in table:
            try:
                club = season.club(aliases.resolve(name, where=f"{src} line {line}"))
            except (UnknownClubError, KeyError) as exc:
                out.append(
                    Discrepancy(f"name:{src}:{line}", "unknown name", name, src, str(exc), "—")
                )
                continue
            if club.coefficient is None or abs(club.coefficient - coeff) > 5e-4:
                short = "003" if src.startswith("003") else "sources"
                out.append(
                    Discrepancy(
                        f"coefficient:{short}:{club.name}",
                        "club coefficient",
                        club.name,
                        src,
                        f"{coeff:.3f}",
                        _num(club.coefficient),
                    )
                )
    return out


def _num(value: float | None) -> str:
    return "none" if value is None else f"{value:.3f}"


def _rankings(season: Season, seeds: SeedSources) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    by_rank = {a.rank: a for a in season.associations if a.rank is not None}
    for rank, (coeff, _line) in sorted(seeds.wiki_ranking.items()):
        assoc = by_rank.get(rank)
        if assoc is None:
            out.append(
                Discrepancy(
                    f"rank:001:{rank}",
                    "ranked association",
                    f"rank {rank}",
                    "001 (ranking table)",
                    f"rank {rank}, {coeff:.3f}",
                    "no association of that rank",
                )
            )
        elif assoc.coefficient is None or abs(assoc.coefficient - coeff) > 5e-4:
            out.append(
                Discrepancy(
                    f"country-coefficient:001:{assoc.name}",
                    "country coefficient",
                    assoc.name,
                    "001 (ranking table)",
                    f"{coeff:.3f}",
                    _num(assoc.coefficient),
                )
            )
    for rank, (name, coeff, _line) in sorted(seeds.page_ranking.items()):
        assoc = by_rank.get(rank)
        if assoc is None or normalise(assoc.name) != normalise(name):
            out.append(
                Discrepancy(
                    f"rank-name:002:{rank}",
                    "association at rank",
                    f"rank {rank}",
                    "002 (ranking table)",
                    name,
                    assoc.name if assoc else "—",
                )
            )
        elif assoc.coefficient is None or abs(assoc.coefficient - coeff) > 5e-4:
            out.append(
                Discrepancy(
                    f"country-coefficient:002:{assoc.name}",
                    "country coefficient",
                    assoc.name,
                    "002 (ranking table)",
                    f"{coeff:.3f}",
                    _num(assoc.coefficient),
                )
            )
    return out


def _totals(season: Season) -> list[Discrepancy]:
    stated = season.facts.get("stated", {})
    if not isinstance(stated, dict):
        return []
    proper = [t for t in season.ties if season.format.round(t.round).proper]
    matches = sum(len(t.legs) for t in proper)
    goals = sum(leg.final.home + leg.final.away for t in proper for leg in t.legs)
    out: list[Discrepancy] = []
    for key, value in (("matches_proper", matches), ("goals_proper", goals)):
        if key in stated and stated[key] != value:
            out.append(
                Discrepancy(
                    f"total:{key}",
                    "season total",
                    key,
                    "001/002 infobox",
                    str(stated[key]),
                    str(value),
                )
            )
    return out
