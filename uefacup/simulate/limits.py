"""What a simulation may ask of the machine, and the checks that refuse the rest up front.

Figures behind the caps (benchmarks/README.md, measured on the 2-core reference machine):

* one season of a vectorised batch holds about 8.4 KB of arrays (40.2 MiB traced for a
  5,000-season batch), so a batch of ``MAX_BATCH_SIZE`` seasons needs about 0.8 GiB, in each
  worker at once;
* the runs themselves cost no memory (only counts leave a batch), but the seeded cut into
  batches is made before the first one runs, at about 500 bytes a batch
  (``tracemalloc`` over ``batches``), so ``MAX_BATCHES`` keeps that list under 50 MB;
* ``MAX_RUNS`` is ``MAX_BATCHES`` default batches: at about 25,000 seasons a second on two
  cores it is five to six hours, far more than any table needs (the standard error of a
  probability is below 0.00003 there).

A bigger request is refused before anything is built, naming the option; it is never
silently cut down.
"""

from __future__ import annotations

import math
import re

from uefacup.errors import SimulationError

DEFAULT_BATCH_SIZE = 5_000
MAX_BATCH_SIZE = 100_000
MAX_BATCHES = 100_000
MAX_RUNS = MAX_BATCHES * DEFAULT_BATCH_SIZE
WORKER_FACTOR = 4
"""More local workers than this many per usable core are refused (they would only queue)."""

_ADDRESS = re.compile(
    r"^(?:(?P<scheme>[a-z][a-z0-9+.-]*)://)?(?P<host>\[[^\]]*\]|[^:/\s]+):(?P<port>[^:/\s]+)/?$"
)

__all__ = [
    "MAX_BATCHES",
    "MAX_BATCH_SIZE",
    "MAX_RUNS",
    "check_batching",
    "check_scheduler",
    "check_workers",
]


def check_batching(runs: int, batch_size: int) -> None:
    """Refuse a run count or batch size the machine cannot hold (see the module docstring)."""
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size <= 0:
        raise SimulationError(
            f"--batch-size must be a positive number of seasons, not {batch_size}"
        )
    if batch_size > MAX_BATCH_SIZE:
        raise SimulationError(
            f"--batch-size {batch_size:,} is above the limit of {MAX_BATCH_SIZE:,} "
            "(about 8.4 KB a season in memory, in every worker)"
        )
    if runs > MAX_RUNS:
        raise SimulationError(
            f"--runs {runs:,} is above the limit of {MAX_RUNS:,} seasons "
            "(hours of work already; the table would not change)"
        )
    if math.ceil(runs / batch_size) > MAX_BATCHES:
        raise SimulationError(
            f"--runs {runs:,} in batches of {batch_size:,} makes more than {MAX_BATCHES:,} "
            "batches; use a larger --batch-size"
        )


def check_workers(workers: int, cores: int) -> None:
    """Refuse a worker count far beyond the usable cores (the CLI caps it at ``cores`` first)."""
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise SimulationError(f"--workers must be at least 1, not {workers}")
    if workers > WORKER_FACTOR * cores:
        raise SimulationError(
            f"--workers {workers} is more than {WORKER_FACTOR} per usable core ({cores} usable)"
        )


def check_scheduler(address: str) -> None:
    """A Dask scheduler address must be ``[scheme://]host:port`` with a port 1-65535."""
    match = _ADDRESS.match(address.strip())
    port = match.group("port") if match else ""
    if not match or not port.isdigit() or not 1 <= int(port) <= 65535:
        raise SimulationError(
            f"--scheduler {address!r} is not an address of the form [tcp://]host:port "
            "(port 1-65535)"
        )
