"""Teams, pots and the rule that keeps two teams apart.

A draw only needs three facts about a club: its name (the identifier every output uses), its
association and, for knockout pots built from an earlier group stage, the group it came from.
Everything that forbids a pairing is reduced here to *tags*: two teams from opposite pots may
meet unless they share a tag. Associations, origin groups and explicitly forbidden pairs all
become tags, so the draw engine and the probability calculator need exactly one notion of
"forbidden" and cannot disagree about it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from uefacup.draw.matching import unmatched_row
from uefacup.errors import DrawError


@dataclass(frozen=True, slots=True)
class Team:
    """A club as the draw sees it.

    ``group`` is the group the team came from in an earlier stage (the shared knockout pots
    carry it); teams that share a non-empty group cannot meet. It is unrelated to the groups a
    round is split into for convenience of its own draw (see ``DrawGroup``).
    """

    name: str
    association: str = ""
    coefficient: float | None = None
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Placement:
    """A club seeded on a coefficient it does not have: the value used and how it was set.

    ``rule`` is a short key ("explicit" for a caller's single value, or the season rule's name,
    e.g. "association-share"); ``how`` explains the value in words for a draw log.
    """

    club: str
    coefficient: float
    rule: str
    how: str

    def to_json(self) -> dict[str, object]:
        return {
            "club": self.club,
            "coefficient": self.coefficient,
            "rule": self.rule,
            "how": self.how,
        }


FallbackRule = Callable[[Team], Placement]
"""Places a club that has no coefficient (e.g. a season's ``CoefficientFallback``)."""


@dataclass(frozen=True, slots=True)
class Pots:
    """The seeded and the unseeded pot of a two-pot draw, each in seeding order.

    ``placements`` lists the clubs that were seeded on a fallback value instead of a
    coefficient of their own, in seeding order; their ``Team.coefficient`` is that value.
    """

    seeded: tuple[Team, ...]
    unseeded: tuple[Team, ...]
    placements: tuple[Placement, ...] = ()

    @property
    def teams(self) -> tuple[Team, ...]:
        return self.seeded + self.unseeded


@dataclass(frozen=True, slots=True)
class Constraints:
    """Which pairings a round forbids.

    The 2002-03 rounds up to the fourth keep clubs of one association apart; from the
    quarter-finals on nothing is forbidden. Origin groups matter only for the shared modern
    knockout pots. ``forbidden_pairs`` holds unordered pairs of team names for anything else
    (e.g. political separations a season's data may add).
    """

    associations: bool = True
    groups: bool = True
    forbidden_pairs: frozenset[frozenset[str]] = field(default_factory=frozenset)

    @classmethod
    def open(cls) -> Constraints:
        """No protection at all: the quarter-finals onwards."""
        return cls(associations=False, groups=False)

    def with_pairs(self, pairs: Iterable[tuple[str, str]]) -> Constraints:
        """A copy that also forbids the given pairs."""
        extra = frozenset(frozenset(p) for p in pairs)
        if any(len(p) != 2 for p in extra):
            raise DrawError("a forbidden pair must name two different teams")
        return Constraints(self.associations, self.groups, self.forbidden_pairs | extra)

    def tags(self, team: Team) -> frozenset[str]:
        """The labels that keep ``team`` apart from any team sharing one of them."""
        out: set[str] = set()
        if self.associations and team.association:
            out.add("association:" + team.association)
        if self.groups and team.group:
            out.add("group:" + team.group)
        for pair in self.forbidden_pairs:
            if team.name in pair:
                out.add("pair:" + "|".join(sorted(pair)))
        return frozenset(out)

    def reason(self, a: Team, b: Team) -> str | None:
        """Why ``a`` and ``b`` may not meet, phrased for a draw log; None when they may."""
        if self.associations and a.association and a.association == b.association:
            return f"same association ({a.association})"
        if self.groups and a.group and a.group == b.group:
            return f"same group ({a.group})"
        if frozenset((a.name, b.name)) in self.forbidden_pairs:
            return "forbidden pair"
        return None

    def allowed(self, a: Team, b: Team) -> bool:
        return self.reason(a, b) is None


def seeding_key(team: Team, placed: bool = False) -> tuple[float, bool, str, str]:
    """Sort key of seeding: coefficient descending, then own coefficient first, then name.

    UEFA's 2002 lists give no rule for equal coefficients (Litex Lovech and CSKA Sofia both
    have 14.582). The name, case-folded and then exact, is used because it is stable on every
    machine and visible to a reader checking the pots by hand; no other datum (association
    coefficient, previous season) is available for every club in every round.

    ``placed`` marks a club seeded on a fallback value (see ``seed_pots``): at an equal value
    it ranks after every club with a coefficient of its own, because a known figure is a fact
    and a fallback only an estimate. Among placed clubs the name decides again.
    """
    coefficient = team.coefficient if team.coefficient is not None else float("-inf")
    return (-coefficient, placed, team.name.casefold(), team.name)


def place_missing(
    teams: Iterable[Team],
    *,
    fallback_coefficient: float | None = None,
    fallback: FallbackRule | None = None,
) -> tuple[tuple[Team, ...], tuple[Placement, ...]]:
    """Give every club without a coefficient a value: ``fallback_coefficient`` when given (it
    overrides ``fallback``), else the ``fallback`` rule's; without either, a ``DrawError``
    naming the clubs. Returns the teams (placed ones carry the value) and the placements."""
    pool = tuple(teams)
    missing = [t for t in pool if t.coefficient is None]
    if not missing:
        return pool, ()
    if fallback_coefficient is None and fallback is None:
        raise DrawError(
            f"no club coefficient for {', '.join(t.name for t in missing)}; cannot seed "
            "(supply a fallback coefficient explicitly)"
        )
    placements: dict[str, Placement] = {}
    for team in missing:
        if fallback_coefficient is not None:
            placement = Placement(
                team.name,
                float(fallback_coefficient),
                "explicit",
                "one fallback coefficient given for every club without one",
            )
        else:
            assert fallback is not None
            placement = fallback(team)
            if placement.club != team.name:
                raise DrawError(f"the fallback rule placed {placement.club} for {team.name}")
        placements[team.name] = placement
    placed = tuple(
        t
        if t.coefficient is not None
        else Team(t.name, t.association, placements[t.name].coefficient, t.group)
        for t in pool
    )
    return placed, tuple(placements.values())


def seed_pots(
    teams: Iterable[Team],
    *,
    fallback_coefficient: float | None = None,
    fallback: FallbackRule | None = None,
    seeded_count: int | None = None,
) -> Pots:
    """Split a round's clubs into seeded and unseeded pots by club coefficient.

    The top half (or ``seeded_count``) is seeded, ordered by ``seeding_key``. A club without a
    coefficient is an error, because seeding it anywhere would be a silent guess; pass
    ``fallback_coefficient`` (one value for all such clubs) or a ``fallback`` rule (a season's
    documented rule) to place such clubs deliberately. The pots record every placement.
    """
    pool = list(teams)
    names = [t.name for t in pool]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise DrawError(f"a club appears twice in the pots: {', '.join(duplicates)}")
    placed_pool, placements = place_missing(
        pool, fallback_coefficient=fallback_coefficient, fallback=fallback
    )
    if seeded_count is None:
        if len(placed_pool) % 2:
            raise DrawError(f"an odd number of clubs ({len(placed_pool)}) cannot be paired")
        seeded_count = len(placed_pool) // 2
    placed = {p.club for p in placements}
    ordered = sorted(placed_pool, key=lambda t: seeding_key(t, t.name in placed))
    rank = {t.name: i for i, t in enumerate(ordered)}
    return Pots(
        tuple(ordered[:seeded_count]),
        tuple(ordered[seeded_count:]),
        tuple(sorted(placements, key=lambda p: rank[p.club])),
    )


def check_pots(pots: Pots) -> None:
    """Reject pots no two-pot draw can use: unequal sizes, empty pots, repeated names."""
    if len(pots.seeded) != len(pots.unseeded):
        raise DrawError(
            f"unequal pot sizes: {len(pots.seeded)} seeded v {len(pots.unseeded)} unseeded"
        )
    if not pots.seeded:
        raise DrawError("the pots are empty")
    names = [t.name for t in pots.teams]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise DrawError(f"a team appears twice in the pots: {', '.join(duplicates)}")


def check_drawable(pots: Pots, constraints: Constraints) -> list[int]:
    """Validate pots for a two-pot draw; the compatibility bitsets (unseeded rows) on success.

    Names the first problem: unequal pots, a team nobody may meet, or pots with no complete
    pairing at all (with a team that would be left over).
    """
    check_pots(pots)
    n = len(pots.seeded)
    u_tags = [constraints.tags(t) for t in pots.unseeded]
    s_tags = [constraints.tags(t) for t in pots.seeded]
    adj = [sum(1 << j for j, st in enumerate(s_tags) if not ut & st) for ut in u_tags]
    for i, row in enumerate(adj):
        if not row:
            raise DrawError(f"{pots.unseeded[i].name} has no possible opponent in the seeded pot")
    for j in range(n):
        if not any(row >> j & 1 for row in adj):
            raise DrawError(f"{pots.seeded[j].name} has no possible opponent in the unseeded pot")
    full = (1 << n) - 1
    left = unmatched_row(adj, full, full)
    if left is not None:
        raise DrawError(
            "the pots cannot be completed: no pairing of all teams respects the constraints "
            f"({pots.unseeded[left].name} is always left without an opponent)"
        )
    return adj


def compatibility(
    rows: Sequence[Team], columns: Sequence[Team], constraints: Constraints
) -> list[int]:
    """Bitset per row team of the column teams it may meet (bit j = ``columns[j]``)."""
    col_tags = [constraints.tags(c) for c in columns]
    out = []
    for r in rows:
        tags = constraints.tags(r)
        out.append(sum(1 << j for j, ct in enumerate(col_tags) if not tags & ct))
    return out


def by_name(teams: Iterable[Team]) -> Mapping[str, Team]:
    return {t.name: t for t in teams}
