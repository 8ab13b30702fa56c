"""A competition's format as frozen values: the rounds in order, each with its tie and draw rules.

The format is data of the season folder (``[[format.round]]`` in ``season.toml``, validated by
``uefacup.format.schema``). Every path reads it from here: the replay, ``uefacup draw``, both
simulation engines and the reports. Code knows only the *kinds* of rule (a two-legged tie, a
seeded draw in groups); which kind a round uses, and in what order rounds come, is a season's
choice. Round keys are free strings (``"first"``, ``"round-of-32"``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from uefacup.model import RuleSet


class Venue(StrEnum):
    """Where the one match of a one-leg tie is played."""

    NEUTRAL = "neutral"
    """A ground chosen in advance; neither club has home advantage (a final)."""
    FIRST_DRAWN = "first-drawn"
    """The ground of the club drawn first, which is the home side."""


@dataclass(frozen=True, slots=True)
class DrawFormat:
    """How a round's ties are drawn.

    A seeded draw splits the clubs by club coefficient into a seeded (top) half and an unseeded
    half and pairs each seeded club with an unseeded one, inside draw groups of the given sizes
    (one group when ``group_sizes`` is empty). An open draw puts every club in one bowl.
    """

    seeded: bool = True
    group_sizes: tuple[int, ...] = ()
    """Clubs per draw group, in order; empty: one group with every club."""
    associations_apart: bool = True
    """Clubs of one association may not be drawn together."""
    forbidden_pairs: frozenset[frozenset[str]] = field(default_factory=frozenset)
    """Unordered pairs of clubs that may not be drawn together (beyond associations)."""
    nominal_home: bool = True
    """One-match round: the first club drawn is the nominal home side (its name first)."""
    held_with: tuple[str, ...] = ()
    """Keys of later rounds whose draws are made straight after this one, the same day, among
    placeholders for this round's winners."""


@dataclass(frozen=True, slots=True)
class RoundFormat:
    """One round of the competition."""

    key: str
    name: str
    rules: RuleSet
    draw: DrawFormat
    short: str = ""
    """Column heading in narrow tables ("QF"); ``short_label`` of the name when not given."""
    venue: Venue = Venue.NEUTRAL
    """Where a one-leg tie is played; meaningless for two legs (home and away)."""
    proper: bool = True
    """Counted in the competition proper's statistics (the seeds count the qualifying round
    apart)."""
    entrants: int | None = None
    """How many clubs the season says enter here; checked against the club list when given."""

    @property
    def legs(self) -> int:
        return self.rules.legs


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def short_label(name: str) -> str:
    """A heading of at most four characters for a round name.

    "First round" -> "R1", "Round of 16" -> "R16", "Quarter-finals" -> "QF", "Final" -> "F",
    "Qualifying round" -> "Q": ordinal rounds are numbered, hyphenated names give initials,
    anything else its first letters.
    """
    words = name.lower().replace("-", " ").split()
    if not words:
        return "?"
    if words[0] in _ORDINALS:
        return f"R{_ORDINALS.index(words[0]) + 1}"
    if words[:2] == ["round", "of"] and len(words) > 2 and words[2].isdigit():
        return f"R{words[2]}"[:4]
    if "-" in name:
        return "".join(part[0] for part in name.split()[0].split("-")).upper()[:4]
    if words[-1] == "round" and len(words) > 1:
        return words[0][0].upper()
    return name.split()[0][:1].upper() if len(name) > 4 else name


@dataclass(frozen=True, slots=True)
class Format:
    """The rounds of a competition, in the order they are played; the last is the final."""

    rounds: tuple[RoundFormat, ...]

    def __iter__(self) -> Iterator[RoundFormat]:
        return iter(self.rounds)

    def __len__(self) -> int:
        return len(self.rounds)

    def __contains__(self, key: object) -> bool:
        return any(r.key == key for r in self.rounds)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.rounds)

    @property
    def first(self) -> RoundFormat:
        return self.rounds[0]

    @property
    def final(self) -> RoundFormat:
        return self.rounds[-1]

    def round(self, key: str) -> RoundFormat:
        """The round of that key; KeyError names the season's keys."""
        for r in self.rounds:
            if r.key == key:
                return r
        raise KeyError(f"unknown round {key!r} (rounds: {', '.join(self.keys)})")

    def index(self, key: str) -> int:
        """Position of the round in the season, 0 for the first round played."""
        for i, r in enumerate(self.rounds):
            if r.key == key:
                return i
        raise KeyError(f"unknown round {key!r} (rounds: {', '.join(self.keys)})")

    def next(self, key: str) -> RoundFormat | None:
        """The round the winners of ``key`` go on to; None after the final."""
        i = self.index(key)
        return self.rounds[i + 1] if i + 1 < len(self.rounds) else None

    def previous(self, key: str) -> RoundFormat | None:
        i = self.index(key)
        return self.rounds[i - 1] if i > 0 else None

    def name(self, key: str) -> str:
        return self.round(key).name

    def held_before(self, key: str) -> RoundFormat | None:
        """The round whose draw day also drew ``key`` (None: ``key`` has a draw of its own)."""
        for r in self.rounds:
            if key in r.draw.held_with:
                return r
        return None

    def sizes(self, entrants: dict[str, int]) -> dict[str, int]:
        """Clubs in each round: the previous round's winners plus that round's entrants."""
        out: dict[str, int] = {}
        carried = 0
        for r in self.rounds:
            out[r.key] = carried + entrants.get(r.key, 0)
            carried = out[r.key] // 2
        return out
