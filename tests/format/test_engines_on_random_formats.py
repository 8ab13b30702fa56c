"""Both simulation engines obey any valid format the same way.

Issue 13, item 3: "A property test generates random valid formats and rule sets, not only
2002–03's. On each it checks that ... the reference and vectorised engines agree within Monte
Carlo error." The reference engine plays one season at a time through ``resolve_tie``; the
vectorised engine plays arrays of seasons. Each club's chance of reaching each round is
compared cell by cell: the two estimates must differ by less than five standard errors of
their difference (about one false alarm in 1.7 million cells).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from tests.format.formats import seasons
from uefacup.model import Season
from uefacup.simulate.runner import simulate


@pytest.mark.slow
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(seasons())
def test_reference_and_vectorised_engines_agree(season: Season) -> None:
    n_fast, n_ref = 20_000, 1_500
    fast = simulate(season, runs=n_fast, seed=1, engine="vectorised", score=False)
    ref = simulate(season, runs=n_ref, seed=2, engine="reference", score=False)
    p1, p2 = fast.probabilities(), ref.probabilities()
    pooled = (p1 * n_fast + p2 * n_ref) / (n_fast + n_ref)
    se = np.sqrt(pooled * (1 - pooled) * (1 / n_fast + 1 / n_ref))
    assert (np.abs(p1 - p2) <= 5 * se + 1e-9).all(), np.max(np.abs(p1 - p2) / (se + 1e-12))


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(seasons())
def test_every_round_fills_its_places_on_any_format(season: Season) -> None:
    """Each round's probabilities add up to its clubs, the champion's to one."""
    result = simulate(season, runs=500, seed=3, score=False)
    p = result.probabilities()
    size = 0
    for k, rnd in enumerate(season.format):
        size = size // 2 + sum(1 for c in season.clubs if c.round == rnd.key)
        assert p[:, k].sum() == pytest.approx(size)
    assert p[:, -1].sum() == pytest.approx(1.0)
