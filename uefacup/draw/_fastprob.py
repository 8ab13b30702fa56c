"""The fast paths of ``pairing_probabilities``: small pots in plain Python, large ones compiled.

* **Small pots** (``SMALL_POT`` teams a pot or fewer, every Champions League round of 16):
  ``solve_small`` of ``uefacup.draw._smallprob``, a forward pass over the states of the draw
  in plain Python, with no numpy and no numba to import: interchangeable teams counted as
  classes, completable states kept as families of bit sets, probabilities pushed level by
  level (see that module). A few milliseconds, at most some 30 ms with no two teams alike.
* **Large pots**: the compiled engine of ``uefacup.draw._probengine`` (numba), imported on
  first use so that nothing else pays for loading it.

Both give the same numbers as the recursion of ``probabilities._Solver`` to rounding (tests
compare them on small pots, and against the recorded references).
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache
from typing import Any

from uefacup.draw._smallprob import solve_small
from uefacup.draw.teams import Constraints, Pots

__all__ = [
    "MAX_TEAMS",
    "SMALL_POT",
    "available",
    "compiled_before",
    "precompile",
    "solve",
    "solve_small",
    "supports",
    "warm_up",
]

MAX_TEAMS = 62
"""Largest pot the compiled engine takes (classes and units are int64 bit sets)."""
SMALL_POT = 8
"""Pots up to this size are solved by ``solve_small`` (plain Python, no compiled engine)."""


@cache
def available() -> bool:
    """True when numpy and numba are installed, so the compiled engine can run (found, not
    imported: importing them is what small draws avoid)."""
    return all(importlib.util.find_spec(name) is not None for name in ("numpy", "numba"))


def _engine() -> Any:
    return importlib.import_module("uefacup.draw._probengine")


def supports(pots: Pots) -> bool:
    """True when the compiled engine is installed and worth it: pots past ``SMALL_POT`` teams
    and within its limits."""
    return available() and SMALL_POT < len(pots.seeded) <= MAX_TEAMS


def compiled_before() -> bool:
    """False when numba's cache holds no machine code of the engine yet (see ``_probengine``)."""
    return bool(_engine().compiled_before())


def warm_up() -> None:
    """Compile the engine, or load it from numba's cache."""
    _engine().warm_up()


def precompile() -> bool:
    """Compile the engine in a child process (see ``_probengine.precompile``)."""
    return bool(_engine().precompile())


def solve(pots: Pots, constraints: Constraints) -> tuple[list[list[float]], int, int]:
    """The compiled engine: P(unseeded i meets seeded j) as ``[i][j]``, states, transitions."""
    out: tuple[list[list[float]], int, int] = _engine().solve(pots, constraints)
    return out


def __getattr__(name: str) -> Any:
    """Anything else (``THREADS``, the kernels) is the compiled engine's, loaded on first use."""
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(_engine(), name)
