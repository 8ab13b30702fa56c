"""Command-line interface; ``main`` is the console-script entry point.

Importing the command modules registers them on the group.
"""

from uefacup.cli import check_sources as _check_sources  # noqa: F401
from uefacup.cli import draw as _draw  # noqa: F401
from uefacup.cli import entry_list as _entry_list  # noqa: F401
from uefacup.cli import export as _export  # noqa: F401
from uefacup.cli import import_results as _import_results  # noqa: F401
from uefacup.cli import replay as _replay  # noqa: F401
from uefacup.cli import schema as _schema  # noqa: F401
from uefacup.cli import simulate as _simulate  # noqa: F401
from uefacup.cli.app import main

__all__ = ["main"]
