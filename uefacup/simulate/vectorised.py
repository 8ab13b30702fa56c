"""The fast engine: a batch of whole seasons advanced round by round as numpy arrays.

A round holds a (seasons, clubs) array of club indices. Each round is drawn for every season at
once (``draws.draw_round``), its ties played at once (``matches.play_ties``), and the winners
plus the round's new entrants form the next round's array. Only counts leave a batch: how many
seasons each club reached each round in and won the cup, a (clubs, 9) array, so memory depends
on the batch size and never on the number of runs.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from uefacup.simulate.draws import draw_round
from uefacup.simulate.matches import play_ties
from uefacup.simulate.model import IntArray, MatchModel
from uefacup.simulate.plan import SeasonPlan

__all__ = ["run_batch"]

Counts = npt.NDArray[np.int64]


def run_batch(
    plan: SeasonPlan, model: MatchModel, seasons: int, seed: np.random.SeedSequence
) -> Counts:
    """Simulate ``seasons`` seasons; (clubs, 9) counts of reaching each round and the title."""
    rng = np.random.default_rng(seed)
    n_clubs = plan.n_clubs
    counts: Counts = plan.real_counts * seasons
    round_ = plan.start
    clubs = np.broadcast_to(plan.start_participants, (seasons, plan.start_participants.size))
    previous: IntArray | None = None
    while True:
        counts[:, plan.order(round_)] += np.bincount(clubs.ravel(), minlength=n_clubs)
        if round_ in plan.fixed:
            pairs = plan.fixed[round_]
            first = np.broadcast_to(pairs[:, 0], (seasons, pairs.shape[0]))
            second = np.broadcast_to(pairs[:, 1], (seasons, pairs.shape[0]))
        elif round_ in plan.bracket and previous is not None:
            slots = plan.bracket[round_]
            first, second = previous[:, slots[:, 0]], previous[:, slots[:, 1]]
        else:
            first, second = draw_round(round_, np.ascontiguousarray(clubs), plan, rng)
        winners = play_ties(first, second, plan.rules[round_], model, rng)
        nxt = plan.next(round_)
        if nxt is None:
            counts[:, plan.champion] += np.bincount(winners.ravel(), minlength=n_clubs)
            return counts
        entering = plan.entrants[nxt]
        if entering.size:
            joined = np.broadcast_to(entering, (seasons, entering.size))
            clubs = np.concatenate([winners, joined], axis=1)
        else:
            clubs = winners
        previous = winners
        round_ = nxt
