"""Shared builders and an independent brute-force reference for the draw tests."""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from fractions import Fraction
from functools import cache
from itertools import permutations
from pathlib import Path

from tests.conftest import need_shared
from uefacup.draw import Constraints, Pots, Team


def synthetic_qualifying_teams(seed: int) -> list[Team]:
    """82 clubs shaped like the 2002-03 qualifying round: 44 associations, 1-3 clubs each.

    Coefficients are drawn with many ties (rounded to 0.5) so seeding ties are exercised.
    """
    rng = random.Random(seed)
    counts = [2] * 38 + [1] * 6
    while sum(counts) < 82:
        counts[rng.randrange(len(counts))] = 3
    while sum(counts) > 82:
        i = rng.randrange(len(counts))
        if counts[i] > 1:
            counts[i] -= 1
    teams = []
    for a, count in enumerate(counts):
        for k in range(count):
            teams.append(Team(f"Club {a:02d}-{k}", f"A{a:02d}", round(rng.uniform(0, 30) * 2) / 2))
    return teams


def brute_force(pots: Pots, constraints: Constraints) -> list[list[Fraction]]:
    """The calculator's procedure enumerated over exact states (no canonical forms).

    Completability is checked by trying every permutation, so nothing is shared with the
    bitset matching of the package.
    """
    seeded, unseeded = pots.seeded, pots.unseeded
    ok = [[constraints.allowed(u, s) for s in seeded] for u in unseeded]

    @cache
    def completable(us: frozenset[int], ss: frozenset[int]) -> bool:
        order = sorted(us)
        return any(all(ok[u][s] for u, s in zip(order, p, strict=True)) for p in permutations(ss))

    @cache
    def go(us: frozenset[int], ss: frozenset[int]) -> dict[tuple[int, int], Fraction]:
        out: dict[tuple[int, int], Fraction] = {}
        for u in us:
            opts = [s for s in ss if ok[u][s] and completable(us - {u}, ss - {s})]
            for s in opts:
                w = Fraction(1, len(us) * len(opts))
                out[(u, s)] = out.get((u, s), Fraction(0)) + w
                for k, v in go(us - {u}, ss - {s}).items():
                    out[k] = out.get(k, Fraction(0)) + w * v
        return out

    n = len(seeded)
    full = frozenset(range(n))
    result = go(full, full)
    return [[result.get((i, j), Fraction(0)) for j in range(n)] for i in range(n)]


def associations_of(teams: Sequence[Team]) -> dict[str, str]:
    return {t.name: t.association for t in teams}


SOURCES = Path(__file__).resolve().parents[3] / "shared" / "sources"
CSV_NAMES = {  # the sources CSV prints some names without diacritics / in local spelling
    "Alaves": "Alavés",
    "Malaga": "Málaga",
    "Besiktas": "Beşiktaş",
    "Wisla Krakow": "Wisła Kraków",
    "Fenerbahce": "Fenerbahçe",
    "Sparta Praha": "Sparta Prague",
    "Slavia Praha": "Slavia Prague",
    "Legia Warszawa": "Legia Warsaw",
}


def second_round_marks() -> dict[str, str]:
    """Club name (dataset spelling) -> "yes"/"no": seeded in the real second-round draw, as
    ``shared/sources/club-coefficients-2002-partial.csv`` marks it (``need_shared``: skips
    without the file, fails on CI)."""
    path = need_shared(SOURCES / "club-coefficients-2002-partial.csv")
    with path.open(encoding="utf-8") as f:
        return {
            CSV_NAMES.get(row["club"], row["club"]): row["seeded_in_second_round"]
            for row in csv.DictReader(f)
            if row["seeded_in_second_round"]
        }
