"""Domain types shared by every layer: rules, draws, simulation, I/O and reports.

Everything here is a frozen value. Clubs are referred to by their canonical English name (a
plain ``str``) wherever a match, tie or draw mentions them, so that data files, JSON output and
the library all speak the same identifiers and nothing needs object identity to compare.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from uefacup.format.rounds import Format


RoundKey = str
"""A round's key: a free string of the season's format ("qualifying", "round-of-32")."""


class Round(StrEnum):
    """The round keys of the 2002-03 format, as named constants for scripts and tests.

    No rule of the package depends on these: the rounds of a season, their order, names and
    rules come from the season's format (``Season.format``; ``season.toml`` ``[[format.round]]``).
    Being a ``StrEnum``, a member is equal to its key wherever a round key is expected.
    """

    QUALIFYING = "qualifying"
    FIRST = "first"
    SECOND = "second"
    THIRD = "third"
    FOURTH = "fourth"
    QUARTER_FINAL = "quarter-final"
    SEMI_FINAL = "semi-final"
    FINAL = "final"


class DecidedBy(StrEnum):
    """How a tie was won; the values are the stable JSON vocabulary."""

    AGGREGATE = "aggregate"
    """More goals over the two legs (90 minutes each)."""
    AWAY_GOALS = "away_goals"
    """Aggregate level after 180 minutes; more goals scored away from home."""
    EXTRA_TIME = "extra_time"
    """Level after the legs; more goals in (full) extra time decided it."""
    AWAY_GOALS_EXTRA_TIME = "away_goals_extra_time"
    """Level again after extra time, but the visitors scored there: their goals count double."""
    PENALTIES = "penalties"
    """Level after everything the rules allow: a shoot-out decided it."""
    SILVER_GOAL = "silver_goal"
    """Extra time under the silver-goal rule, which ended the match at the half of extra time
    because a side led there. A lead taken in the second half is ``EXTRA_TIME``: the rule
    played the match out to the end, as full extra time would."""
    GOLDEN_GOAL = "golden_goal"
    """Extra time under the golden-goal rule: the first goal ended the match."""
    SCORE = "score"
    """A one-match tie won inside 90 minutes."""

    @property
    def after_extra_time(self) -> bool:
        """True when the decisive step came in or after extra time."""
        return self in _AFTER_ET


_AFTER_ET = frozenset(
    {
        DecidedBy.EXTRA_TIME,
        DecidedBy.AWAY_GOALS_EXTRA_TIME,
        DecidedBy.PENALTIES,
        DecidedBy.SILVER_GOAL,
        DecidedBy.GOLDEN_GOAL,
    }
)


class ExtraTime(StrEnum):
    """What a season's rules do when a tie is still level at the end of normal time."""

    NONE = "none"
    """No extra time: straight to penalties (or a replay, which this package does not model)."""
    FULL = "full"
    """Two full halves of 15 minutes are always played out."""
    SILVER_GOAL = "silver_goal"
    """A side leading at the end of either 15-minute half wins."""
    GOLDEN_GOAL = "golden_goal"
    """The first goal in extra time wins at once."""


class Label(StrEnum):
    """How a club earned the berth of its starting round (the seeds' labels)."""

    TH = "TH"
    CW = "CW"
    CR = "CR"
    LC = "LC"
    FIRST = "1st"
    SECOND = "2nd"
    THIRD = "3rd"
    FOURTH = "4th"
    FIFTH = "5th"
    SIXTH = "6th"
    SEVENTH = "7th"
    FP = "FP"
    UIC = "UIC"
    UCL_Q3 = "UCL Q3"
    UCL_GS1 = "UCL GS1"

    @classmethod
    def league(cls, position: int) -> Label:
        """The label of a league position (1 -> "1st"); ValueError past 7th."""
        return cls(_ORDINALS[position])

    @property
    def league_position(self) -> int | None:
        """1..7 for a league label, None for any other way in."""
        for pos, text in _ORDINALS.items():
            if text == self.value:
                return pos
        return None


_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", 6: "6th", 7: "7th"}


@dataclass(frozen=True, slots=True)
class Score:
    """Goals of the home and away side of one match, at one moment of it."""

    home: int
    away: int

    def __post_init__(self) -> None:
        if self.home < 0 or self.away < 0:
            raise ValueError(f"a score cannot be negative: {self.home}-{self.away}")

    def __str__(self) -> str:
        return f"{self.home}-{self.away}"

    @property
    def level(self) -> bool:
        return self.home == self.away

    def reversed(self) -> Score:
        """The same score seen from the other side."""
        return Score(self.away, self.home)


@dataclass(frozen=True, slots=True)
class Leg:
    """One match of a tie.

    ``regular`` is the score after 90 minutes. ``after_extra_time`` is the cumulative score at
    the end of extra time (it includes the 90 minutes), set only where extra time was played.
    ``extra_time_half`` is the cumulative score after the first 15 minutes of extra time; it is
    needed only to tell which half a silver goal came in and may be absent elsewhere.
    """

    home: str
    away: str
    regular: Score
    after_extra_time: Score | None = None
    extra_time_half: Score | None = None
    penalties: Score | None = None
    date: dt.date | None = None
    venue: str | None = None
    """The ground, where a source gives one other than the home club's usual ground."""
    neutral: bool = False
    attendance: int | None = None
    """Spectators, where a source gives the figure."""

    @property
    def final(self) -> Score:
        """The score when play ended (extra-time goals included)."""
        return self.after_extra_time if self.after_extra_time is not None else self.regular

    @property
    def extra_time_played(self) -> bool:
        return self.after_extra_time is not None

    def goals_for(self, club: str) -> int:
        """Goals ``club`` scored in this leg, extra time included."""
        if club == self.home:
            return self.final.home
        if club == self.away:
            return self.final.away
        raise KeyError(club)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """How a tie is decided in one round of one season; data, so other seasons can differ."""

    legs: int = 2
    away_goals: bool = True
    away_goals_in_extra_time: bool = True
    extra_time: ExtraTime = ExtraTime.FULL
    extra_time_minutes: int = 30
    penalties: bool = True

    def __post_init__(self) -> None:
        if self.legs not in (1, 2):
            raise ValueError(f"a tie has one or two legs, not {self.legs}")


@dataclass(frozen=True, slots=True)
class Tie:
    """Two clubs in a round; ``legs`` in the order they were played.

    ``number`` is the tie's position within its round in the source list (1-based) and makes
    every error message point at one line a person can find.
    """

    round: RoundKey
    number: int
    legs: tuple[Leg, ...]

    @property
    def first(self) -> str:
        """The club at home in the first leg (the first club drawn)."""
        return self.legs[0].home

    @property
    def second(self) -> str:
        return self.legs[0].away

    @property
    def clubs(self) -> tuple[str, str]:
        return (self.first, self.second)

    def describe(self) -> str:
        """Short name for error messages: "qualifying tie 3 (Atyrau v Matador Púchov)"."""
        return f"{self.round} tie {self.number} ({self.first} v {self.second})"


@dataclass(frozen=True, slots=True)
class TieOutcome:
    """Who went through and why; ``aggregate`` is (first club, second club) incl. extra time."""

    winner: str
    loser: str
    decided_by: DecidedBy
    aggregate: tuple[int, int]
    penalties: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Association:
    """A national association as ranked for the season (rank None: outside the ranking)."""

    name: str
    rank: int | None
    coefficient: float | None
    berths: int
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Club:
    """An entrant of the season."""

    name: str
    association: str
    round: RoundKey
    """The round the club enters at (a key of the season's format)."""
    label: Label
    coefficient: float | None = None
    coefficient_source: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Scorer:
    """A line of the season's top-scorer table."""

    player: str
    nationality: str
    club: str
    goals: int
    minutes: int


@dataclass(frozen=True, slots=True)
class ScheduleEntry:
    """When a round was drawn and played (dates as the season file gives them)."""

    round: RoundKey
    draw_date: dt.date | None
    draw_place: str
    leg_dates: tuple[dt.date, ...]


@dataclass(frozen=True, slots=True)
class CoefficientFallback:
    """A season's documented rule for seeding a club its sources give no club coefficient.

    The club is seeded on ``association_share`` of its association's coefficient (on 0 where
    the association has none); at an equal value a club with a coefficient of its own ranks
    first. Stored in ``season.toml`` as ``[draw.missing_coefficient]``; the season's NOTES.md
    says why the share was chosen.
    """

    association_share: Fraction
    rule: str = "association-share"
    """The rule's name as ``season.toml`` spells it; the only one so far."""

    def __post_init__(self) -> None:
        if self.rule != "association-share":
            raise ValueError(f"unknown coefficient fallback rule {self.rule!r}")
        if not 0 <= self.association_share <= 1:
            raise ValueError(f"a share must be between 0 and 1, not {self.association_share}")

    def coefficient(self, association_coefficient: float | None) -> float:
        """The value a club of an association with that coefficient is seeded on.

        Computed exactly and rounded once, so 1/3 of 51.288 is 17.096 on every machine.
        """
        if association_coefficient is None:
            return 0.0
        return float(self.association_share * Fraction(repr(float(association_coefficient))))


@dataclass(frozen=True)
class Season:
    """A whole season as data: the input of replay, check-sources, draws and simulation."""

    key: str
    title: str
    associations: tuple[Association, ...]
    clubs: tuple[Club, ...]
    ties: tuple[Tie, ...]
    format: Format
    """The competition's rounds, in order, with their tie and draw rules."""
    schedule: tuple[ScheduleEntry, ...] = ()
    attendance: int | None = None
    scorers: tuple[Scorer, ...] = ()
    final_venue: str = ""
    notes: str = ""
    facts: dict[str, object] = field(default_factory=dict)
    coefficient_fallback: CoefficientFallback | None = None
    """How the draw seeds clubs without a club coefficient; None: such clubs are an error."""
    real_pots: dict[RoundKey, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    """Each round's recorded seeded and unseeded clubs (draw_groups.csv), all of its clubs or
    some: ``uefacup draw`` keeps a recorded club in its pot and seeds the rest by coefficient."""

    def __repr__(self) -> str:
        """One line: the whole season would be hundreds of kilobytes in a notebook cell."""
        from uefacup.report.summary import season_repr

        return season_repr(self)

    def _repr_html_(self) -> str:
        from uefacup.report.summary import season_html

        return season_html(self)

    def to_frame(self, kind: str = "matches") -> pd.DataFrame:
        """A pandas DataFrame: "matches" (one row per leg), "ties" or "clubs" (uefacup.frames)."""
        from uefacup.frames.season import season_frame

        return season_frame(self, kind)

    def club(self, name: str) -> Club:
        """The club of that name or alias, in any case ("celtic", "FC Porto"); a KeyError
        (``UnknownClubError``, listing close names) where none or several match."""
        from uefacup.names.clubs import find_club

        return find_club(self, name)

    def ties_of(self, round_: RoundKey) -> tuple[Tie, ...]:
        return tuple(t for t in self.ties if t.round == round_)

    def rules_for(self, round_: RoundKey) -> RuleSet:
        """The tie rules of a round; KeyError names the season's rounds."""
        return self.format.round(round_).rules

    @property
    def rules(self) -> dict[RoundKey, RuleSet]:
        """Tie rules by round key, in the format's order."""
        return {r.key: r.rules for r in self.format}

    def round_name(self, round_: RoundKey) -> str:
        """The printable name of a round ("Quarter-finals")."""
        return self.format.round(round_).name
