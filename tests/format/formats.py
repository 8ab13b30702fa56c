"""Hypothesis strategies for random valid formats of the family, and seasons built on them.

A season here is built in code, the way a user's own folder would be loaded: a format of 2 to
4 rounds with random tie rules (one or two legs, away goals or not, in extra time or not, any
kind of extra time of any even length, neutral or first-drawn one-leg venues) and random draws
(seeded or open, clubs of one association kept apart or not), clubs entering at random rounds,
and no results yet.
"""

from __future__ import annotations

from hypothesis import strategies as st

from uefacup.format.rounds import DrawFormat, Format, RoundFormat, Venue
from uefacup.model import Association, Club, ExtraTime, Label, RuleSet, Season


@st.composite
def rule_sets(draw: st.DrawFn, legs: int | None = None) -> RuleSet:
    n = draw(st.sampled_from([1, 2])) if legs is None else legs
    away = n == 2 and draw(st.booleans())
    return RuleSet(
        legs=n,
        away_goals=away,
        away_goals_in_extra_time=away and draw(st.booleans()),
        extra_time=draw(st.sampled_from(list(ExtraTime))),
        extra_time_minutes=draw(st.sampled_from([10, 20, 30])),
        penalties=True,
    )


@st.composite
def seasons(draw: st.DrawFn) -> Season:
    """A random season with a valid bracket: every round has an even number of clubs."""
    n_rounds = draw(st.integers(2, 4))
    # build backwards from a final of two: each earlier round has twice the winners it feeds
    # minus the clubs entering later
    sizes = [2]
    entering = []
    for _ in range(n_rounds - 1):
        later = sizes[0]
        new = draw(st.sampled_from([n for n in (0, 2, 4) if n < later]))
        entering.insert(0, new)
        sizes.insert(0, 2 * (later - new))
    entering.insert(0, sizes[0])
    rounds = []
    for i in range(n_rounds):
        rules = draw(rule_sets())
        seeded = i < n_rounds - 1 and draw(st.booleans())
        rounds.append(
            RoundFormat(
                key=f"r{i + 1}",
                name=f"Round {i + 1}",
                rules=rules,
                draw=DrawFormat(seeded=seeded, associations_apart=seeded and draw(st.booleans())),
                venue=draw(st.sampled_from(list(Venue))),
            )
        )
    n_clubs = sum(entering)
    n_assoc = max(2, n_clubs // 2)
    associations = tuple(Association(f"A{k}", k + 1, 10.0 + k, 2) for k in range(n_assoc))
    coefficients = draw(
        st.lists(st.floats(1.0, 90.0), min_size=n_clubs, max_size=n_clubs, unique=True)
    )
    clubs = []
    k = 0
    for rnd, count in zip(rounds, entering, strict=True):
        for _ in range(count):
            clubs.append(
                Club(f"C{k}", f"A{k % n_assoc}", rnd.key, Label.FIRST, round(coefficients[k], 3))
            )
            k += 1
    return Season(
        key="random",
        title="random format",
        associations=associations,
        clubs=tuple(clubs),
        ties=(),
        format=Format(tuple(rounds)),
    )
