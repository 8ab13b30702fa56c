"""Monte Carlo simulation of a season: each club's chances of each round and of the cup.

    uefacup simulate --runs 100000 --seed 1                  # from the entry list
    uefacup simulate --from fourth --model dixon-coles       # from the real fourth-round draw
    uefacup simulate --from final --format json              # Porto v Celtic
    uefacup simulate --ratings my.csv --plot heat.png        # own strengths, heat map
    uefacup simulate --pairs "Lazio,Porto"                   # the chance that two clubs meet
    uefacup simulate --workers 2 | --dask [--scheduler tcp://host:8786]

    from uefacup.simulate import simulate
    result = simulate(load_season("2002-03"), runs=100_000, seed=1, from_round="fourth")
    result.probability("Porto", "champion")

Needs the ``sim`` extra (numpy). Only this package and the ``simulate`` command import it, so
the core install can still replay. The modules, by concept:

* ``model``      the match model (Poisson goals; extra time at the same rate)
* ``shootout``   the shoot-out model, defined once (kick conversion, exact P(first wins))
* ``strengths``  the default strengths from coefficients, and how they are fitted
* ``fitting``    Dixon–Coles-style strengths fitted to results before ``--from``
* ``ratings``    strengths from a user's CSV
* ``plan``       where a run starts: the entry list or a point of the real season
* ``draws``      each round's draw description; the reference engine draws with ``uefacup.draw``
* ``tie_table``  exact tie probabilities: ``uefacup.rules.tie_grid`` over a score grid
* ``matches``    ties drawn from the exact tables, on arrays
* ``program``    plan + model compiled for the season kernel (``uefacup.kernels.season``)
* ``vectorised`` the fast engine; ``reference`` the one-season-at-a-time engine
* ``backends``   batches, seeds, local processes, Dask
* ``backtest``   Brier score and log loss of tie forecasts against real outcomes
* ``meetings``   which clubs meet, by round, with errors (``simulate(pairs=True)``)
* ``results``, ``plot``, ``runner`` (``simulate()``)
"""

from uefacup.simulate.model import MatchModel
from uefacup.simulate.results import SimulationResult
from uefacup.simulate.runner import MODELS, build_model, simulate

__all__ = ["MODELS", "MatchModel", "SimulationResult", "build_model", "simulate"]
