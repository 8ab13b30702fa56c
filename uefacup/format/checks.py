"""Checks of a format against the season's clubs and recorded ties: sizes and the bracket.

The format alone cannot say whether a round has an even number of clubs or whether its groups
add up: that depends on who enters where (``clubs.csv``). And a recorded season must be one
bracket: the clubs of each round are exactly the winners of the round before plus that round's
entrants, so a club that lost (or a club that entered later) can never appear. These checks
are pure; the loader calls them and reports every line at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from uefacup.format.rounds import Format
from uefacup.model import Club, Tie
from uefacup.rules.ties import resolve_tie


def size_problems(fmt: Format, clubs: Iterable[Club]) -> list[str]:
    """Round sizes from the entrants: even, a final of two, groups and stated counts agreeing."""
    problems: list[str] = []
    entering = Counter(c.round for c in clubs)
    sizes = fmt.sizes(dict(entering))
    for i, rnd in enumerate(fmt):
        size = sizes[rnd.key]
        where = f"season.toml [[format.round]] #{i + 1} ({rnd.key})"
        if rnd.entrants is not None and rnd.entrants != entering.get(rnd.key, 0):
            problems.append(
                f"{where} entrants: says {rnd.entrants}, clubs.csv has "
                f"{entering.get(rnd.key, 0)} clubs entering there"
            )
        if size == 0 or size % 2:
            problems.append(
                f"{where}: {size} clubs (winners of the round before plus entrants) cannot pair"
            )
            continue
        groups = rnd.draw.group_sizes
        if groups and sum(groups) != size:
            problems.append(
                f"{where} draw.groups: add up to {sum(groups)}, but the round has {size} clubs"
            )
    if sizes and sizes[fmt.final.key] != 2:
        problems.append(
            f"season.toml [[format.round]] #{len(fmt)} ({fmt.final.key}): the last round is the "
            "final and needs "
            f"2 clubs, the entrants give it {sizes[fmt.final.key]}"
        )
    return problems


def bracket_problems(fmt: Format, clubs: Iterable[Club], ties: Iterable[Tie]) -> list[str]:
    """Every way the recorded ties break the bracket, one line each.

    A round's clubs must be the previous round's winners plus its own entrants, and once a later
    round has ties, every one of them must have had its tie. A season being played fills its
    rounds in order, so the round being played may be partly recorded and the later ones empty.
    """
    problems: list[str] = []
    entrants: dict[str, set[str]] = {r.key: set() for r in fmt}
    for club in clubs:
        if club.round in entrants:
            entrants[club.round].add(club.name)
    by_round: dict[str, list[Tie]] = {r.key: [] for r in fmt}
    for tie in ties:
        by_round.setdefault(tie.round, []).append(tie)
    for key in by_round:
        if key not in entrants:
            problems.append(f"matches.csv: round {key!r} is not a round of the season's format")
    winners: set[str] = set()
    out: set[str] = set()
    unplayed: list[str] = []  # clubs of the round before that have no tie there
    previous = ""
    for rnd in fmt:
        expected = winners | entrants[rnd.key]
        recorded = by_round[rnd.key]
        if recorded and unplayed:
            problems.append(
                f"matches.csv: {previous}: no tie for {', '.join(unplayed)}, who reached it "
                f"(the {rnd.key} round has ties)"
            )
        seen: Counter[str] = Counter(name for tie in recorded for name in tie.clubs)
        for name, count in sorted(seen.items()):
            if count > 1:
                problems.append(f"matches.csv: {name} plays {count} {rnd.key} ties")
        for tie in recorded:
            for name in tie.clubs:
                if name in expected:
                    continue
                if name in out:
                    why = "was knocked out before"
                elif any(name in entrants[k] for k in fmt.keys[fmt.index(rnd.key) + 1 :]):
                    why = "enters in a later round"
                else:
                    why = "did not reach this round"
                problems.append(f"matches.csv: {tie.describe()}: {name} {why}")
        unplayed = sorted(expected - set(seen))
        previous = rnd.key
        winners = set()
        for tie in recorded:
            outcome = resolve_tie(tie.legs, rnd.rules)
            winners.add(outcome.winner)
            out.add(outcome.loser)
        if not recorded:
            later = [k for k in fmt.keys[fmt.index(rnd.key) + 1 :] if by_round[k]]
            if later:
                problems.append(
                    f"matches.csv: {later[0]} has ties but the {rnd.key} round has none"
                )
            return problems  # a season being played: the later rounds are not drawn yet
    if unplayed:
        problems.append(
            f"matches.csv: {previous}: no tie for {', '.join(unplayed)}, who reached it"
        )
    return problems
