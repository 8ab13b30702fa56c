"""Command-line interface; ``main`` is the console-script entry point.

The command modules are imported when their command is looked up (``app.COMMANDS``), not here:
a command pays only for its own imports.
"""

from uefacup.cli.app import main

__all__ = ["main"]
