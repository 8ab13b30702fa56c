"""The fast engine: batches of whole seasons in the compiled season kernel.

``run_batch`` compiles the plan and the model once (``program.compile_program``: the draw of
each round, which clubs may not meet, the exact tie table of each rule set) and runs the
batch in ``uefacup.kernels.season``: every draw is the package's procedure on bit sets and
every tie's winner one uniform number against its exact probability. Only counts leave a
batch, a (clubs, 9) array, so memory never depends on the number of runs.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from uefacup.simulate.model import MatchModel
from uefacup.simulate.plan import SeasonPlan
from uefacup.simulate.program import Meets, compile_program, run_program

__all__ = ["Counts", "run_batch"]

Counts = npt.NDArray[np.int64]


def run_batch(
    plan: SeasonPlan,
    model: MatchModel,
    seasons: int,
    seed: np.random.SeedSequence,
    meets: Meets | None = None,
) -> Counts:
    """Simulate ``seasons`` seasons; (clubs, 9) counts of reaching each round and the title.
    ``meets`` (``program.new_meets``), when given, receives each simulated tie's pair."""
    return run_program(plan, compile_program(plan, model), seasons, seed, meets)
