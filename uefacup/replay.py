"""Replaying a recorded season: every tie resolved by the season's own rules, plus statistics.

Pure: it takes a loaded ``Season`` and returns values; rendering lives in ``uefacup.report``.
Winners are never read from the data, they are computed from the leg scores, so a replay is
also a check that the recorded season is consistent with its rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from uefacup.errors import SeasonError
from uefacup.model import RoundKey, Scorer, Season, Tie, TieOutcome
from uefacup.rules.ties import resolve_tie

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, slots=True)
class ResolvedTie:
    tie: Tie
    outcome: TieOutcome


@dataclass(frozen=True, slots=True)
class RoundReplay:
    round: RoundKey
    name: str
    ties: tuple[ResolvedTie, ...]


@dataclass(frozen=True, slots=True)
class MatchStats:
    """Counts over a set of matches; goals include extra time, never shoot-outs."""

    matches: int
    goals: int

    @property
    def goals_per_match(self) -> float:
        return self.goals / self.matches if self.matches else 0.0


@dataclass(frozen=True, slots=True)
class SeasonReplay:
    season: Season
    rounds: tuple[RoundReplay, ...]
    champion: str
    runner_up: str
    proper: MatchStats
    qualifying: MatchStats
    top_scorers: tuple[Scorer, ...]

    @property
    def final(self) -> ResolvedTie:
        return self.rounds[-1].ties[0]

    def __repr__(self) -> str:
        from uefacup.report.summary import replay_repr

        return replay_repr(self)

    def _repr_html_(self) -> str:
        from uefacup.report.summary import replay_html

        return replay_html(self)

    def to_frame(self) -> pd.DataFrame:
        """The replay's ties as a DataFrame, one row per tie (``uefacup.frames.ties``)."""
        from uefacup.frames.ties import ties_frame

        return ties_frame(self)


def replay(season: Season) -> SeasonReplay:
    """Resolve every tie of ``season`` in round order and gather the season's statistics.

    The statistics follow the seeds: the competition proper (the format's rounds marked
    ``proper``) is counted on its own, and the rounds before it are summarised separately.
    """
    rounds: list[RoundReplay] = []
    for rnd in season.format:
        ties = season.ties_of(rnd.key)
        if ties:
            resolved = tuple(ResolvedTie(t, resolve_tie(t.legs, rnd.rules)) for t in ties)
            rounds.append(RoundReplay(rnd.key, rnd.name, resolved))
    final = season.format.final.key
    if not rounds or rounds[-1].round != final or len(rounds[-1].ties) != 1:
        raise SeasonError(
            f"season {season.key}: the final ({final}) has not been played; nothing to replay "
            "to the end (simulate the season instead)"
        )
    outcome = rounds[-1].ties[0].outcome
    return SeasonReplay(
        season=season,
        rounds=tuple(rounds),
        champion=outcome.winner,
        runner_up=outcome.loser,
        proper=_stats(t for t in season.ties if season.format.round(t.round).proper),
        qualifying=_stats(t for t in season.ties if not season.format.round(t.round).proper),
        top_scorers=rank_scorers(season.scorers),
    )


def rank_scorers(scorers: tuple[Scorer, ...]) -> tuple[Scorer, ...]:
    """Most goals first; among equals, fewer minutes played first (the seeds' ordering)."""
    return tuple(sorted(scorers, key=lambda s: (-s.goals, s.minutes, s.player)))


def _stats(ties: Iterable[Tie]) -> MatchStats:
    matches = goals = 0
    for tie in ties:
        for leg in tie.legs:
            matches += 1
            goals += leg.final.home + leg.final.away
    return MatchStats(matches, goals)
