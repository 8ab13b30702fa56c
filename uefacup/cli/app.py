"""The ``uefacup`` command group and what every command shares.

Commands live one per module in this package and only parse arguments, call the library and
render. Each module is imported when its command is looked up (``COMMANDS``), so that a command
loads only its own module: ``uefacup draw`` does not pay for importing ``check-sources`` or
``simulate`` (their modules and the libraries they name at import time).

Errors: any ``UefaCupError`` becomes one line a problem on stderr and exit status 2 (click's
own usage errors also exit 2); nothing else is caught, so a real bug still shows its traceback.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import IO, Any, TypeVar

import click

from uefacup.errors import UefaCupError, problems_of

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_SEASON = "2002-03"

COMMANDS = {
    "check-sources": "uefacup.cli.check_sources",
    "draw": "uefacup.cli.draw",
    "entry-list": "uefacup.cli.entry_list",
    "export": "uefacup.cli.export",
    "import": "uefacup.cli.import_results",
    "replay": "uefacup.cli.replay",
    "schema": "uefacup.cli.schema",
    "simulate": "uefacup.cli.simulate",
}
"""Command name -> the module that defines it (importing the module registers the command)."""


class OneLineUsageError(click.UsageError):
    """Click's usage error shown as ``uefacup CMD: error: what`` on one line, same exit status.

    Click prints the usage, a hint and the error; only the last names the option and the values
    it takes, and it is all a user needs (``--help`` has the rest).
    """

    def __init__(self, original: click.UsageError) -> None:
        super().__init__(" ".join(original.format_message().split()), original.ctx)

    def show(self, file: IO[Any] | None = None) -> None:
        where = self.ctx.command_path if self.ctx is not None else "uefacup"
        click.echo(f"{where}: error: {self.format_message()}", err=file is None, file=file)


_EXIT_HOOKED: list[bool] = []


def _quick_exit() -> None:
    """At interpreter exit, freeze the objects the garbage collector tracks (``gc.freeze``).

    Why: finalising the interpreter runs the collector over every object still alive (click,
    pydantic-core's schema, the package), which took about 7 ms of a 65 ms process on this
    machine, a tenth of a small command such as ``uefacup draw --pots F --probabilities``
    (issue 17). The operating system frees the memory either way; nothing else changes: atexit
    handlers, ``weakref.finalize`` callbacks, the flushing of stdout and stderr all still run.
    Only ``__del__`` of objects caught in reference cycles at exit may be skipped, which Python
    never promises to call at exit anyway. Registered once, by the first command run.
    """
    if not _EXIT_HOOKED:
        import atexit
        import gc

        atexit.register(gc.freeze)
        _EXIT_HOOKED.append(True)


class _Group(click.Group):
    """A group that turns package errors into one clean line a problem instead of a traceback,
    and click's usage errors into one line too (click prints the usage, a hint and the error:
    three lines, where the last alone names the option and the values it takes)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        _quick_exit()
        return super().main(*args, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            importlib.import_module(COMMANDS[cmd_name])
        return super().get_command(ctx, cmd_name)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            raise OneLineUsageError(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OneLineUsageError:
            raise
        except click.UsageError as exc:  # a subcommand's arguments
            raise OneLineUsageError(exc) from None
        except UefaCupError as exc:
            for problem in problems_of(exc):
                click.echo(f"uefacup: error: {problem}", err=True)
            sys.exit(2)
        except ModuleNotFoundError as exc:  # commands import their libraries lazily
            name = (exc.name or "a module").split(".")[0]
            click.echo(
                f"uefacup: error: the package {name!r} is not installed; "
                "pip install uefacup (or 'uefacup[all]' for every extra) installs it",
                err=True,
            )
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="uefacup")
def main() -> None:
    """The 2002-03 UEFA Cup as software: replay it, derive its entry list, draw it, simulate it."""


class LazyChoice(click.Choice[str]):
    """A ``click.Choice`` whose choices are a module's attribute, read the first time click
    needs them (checking a value, or this command's ``--help``), so that defining the option
    does not import the module: ``uefacup --help`` would otherwise load the library behind
    every such option."""

    def __init__(self, module: str, attribute: str) -> None:
        self._where = (module, attribute)
        self._loaded: tuple[str, ...] | None = None
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:
        if self._loaded is None:
            module, attribute = self._where
            self._loaded = tuple(getattr(importlib.import_module(module), attribute))
        return self._loaded

    @choices.setter
    def choices(self, value: tuple[str, ...]) -> None:
        self._loaded = tuple(value)


def season_option(func: F) -> F:
    """``--season NAME|PATH``: an embedded season by name, or a season folder on disk."""
    return click.option(
        "--season",
        "season",
        default=DEFAULT_SEASON,
        show_default=True,
        metavar="NAME|PATH",
        help="Embedded season name (e.g. 2002-03) or path to a season folder.",
    )(func)


def club_option(func: F) -> F:
    """``--club NAME`` (repeatable): only these clubs, named in any case or by any alias."""
    return click.option(
        "--club",
        "clubs",
        multiple=True,
        metavar="NAME",
        help="Only this club (repeatable); any case or alias, e.g. 'FC Porto', celtic.",
    )(func)


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format``, defaulting to the first choice."""

    def decorate(func: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=choices[0],
            show_default=True,
            help="Output format.",
        )(func)

    return decorate
