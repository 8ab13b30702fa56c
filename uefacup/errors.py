"""Every error the package raises on purpose, under one root so the CLI can catch them all.

The CLI turns any ``UefaCupError`` into a one-line message and a non-zero exit; anything else is
a bug and is allowed to show its traceback. Hence every expected failure (bad file, bad score,
unknown club, impossible tie) must be one of these.

    UefaCupError
    ├── SeasonError               a season folder or file cannot be loaded
    │   └── DataError (ValueError)    rows of a data file are wrong; carries every problem at once
    ├── UnknownClubError (KeyError)   a name the alias table cannot resolve
    ├── UnknownRoundError (ValueError)  a round name the season's format cannot resolve
    │                                 (defined in uefacup.names.rounds, beside its resolver)
    ├── TieError (ValueError)     a recorded tie breaks the season's rules (names the tie)
    ├── ParseError (ValueError)   a source text line is not in the expected format
    ├── EntryListError (ValueError)   inputs of the access / redistribution rules are inconsistent
    ├── DrawError (ValueError)    pots that cannot be drawn, malformed pot files
    │   └── PotFileError              a pot file against its schema; every problem at once
    └── SimulationError (ValueError)  bad simulation arguments or inputs
        └── RatingsFileError          a ratings file's rows; every problem at once

Foreign errors met while reading a file (OSError, UnicodeDecodeError, json and tomllib decode
errors, RecursionError from deep nesting, ValueError/OverflowError from numbers too large to
convert) are turned into one of these at the I/O boundary by ``map_exceptions``, with the
file's name in the message, so that nothing below the CLI needs to know them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path


class UefaCupError(Exception):
    """Root of every error this package raises deliberately."""


class SeasonError(UefaCupError):
    """A season cannot be found or loaded."""


class DataError(SeasonError, ValueError):
    """One or more problems in data files, each already phrased as ``file:line: what``.

    All problems are collected before raising so that a user fixes a file in one pass.
    """

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        count = len(self.problems)
        head = self.problems[0] if self.problems else "invalid data"
        more = f" (and {count - 1} more problem{'s' if count > 2 else ''})" if count > 1 else ""
        super().__init__(head + more)

    def full_report(self) -> str:
        """Every problem, one per line."""
        return "\n".join(self.problems)


class UnknownClubError(UefaCupError, KeyError):
    """A club name (in any language) that the season's alias table does not know."""

    def __init__(self, name: str, where: str = "") -> None:
        self.name = name
        self.where = where
        super().__init__(f"{where + ': ' if where else ''}unknown club {name!r}")

    def __str__(self) -> str:  # KeyError would otherwise print the repr of the message
        return str(self.args[0])


class TieError(UefaCupError, ValueError):
    """A recorded tie that its round's rules make impossible."""


class ParseError(UefaCupError, ValueError):
    """A line of a source text that does not parse."""


class EntryListError(UefaCupError, ValueError):
    """Inputs of the entry-list rules that contradict each other; lists every problem."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("; ".join(self.problems) if self.problems else "invalid entry-list input")


class DrawError(UefaCupError, ValueError):
    """Pots that cannot be drawn as asked, or a malformed pot file."""


class SimulationError(UefaCupError, ValueError):
    """Bad simulation arguments or inputs."""


def _summary(problems: tuple[str, ...], default: str) -> str:
    """The first problem and how many more: what ``str()`` of a collecting error shows."""
    count = len(problems)
    head = problems[0] if problems else default
    more = f" (and {count - 1} more problem{'s' if count > 2 else ''})" if count > 1 else ""
    return head + more


class PotFileError(DrawError):
    """Every problem of a pot file, each ``FILE: key.path: what``; the CLI prints them all."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__(_summary(self.problems, "invalid pot file"))


class RatingsFileError(SimulationError):
    """Every problem of a ratings file, each ``FILE:LINE: what``; the CLI prints them all."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__(_summary(self.problems, "invalid ratings file"))


def problems_of(exc: UefaCupError) -> tuple[str, ...]:
    """Every problem an error carries, one a line (several for the collecting errors)."""
    problems = getattr(exc, "problems", None)
    if isinstance(problems, tuple) and problems:
        return tuple(str(p) for p in problems)
    return (str(exc),)


def _line_of(data: object, offset: int) -> int:
    """1-based line of a byte offset in the bytes a UnicodeDecodeError was raised on."""
    if isinstance(data, bytes | bytearray):
        return data[:offset].count(b"\n") + 1
    return 1


def _describe(exc: BaseException, where: str) -> str:
    """``where[:line]: what`` for a foreign error met while reading ``where``."""
    if isinstance(exc, UnicodeDecodeError):
        bad = exc.object[exc.start : exc.start + 1]
        byte = f" (byte 0x{bad[0]:02x})" if isinstance(bad, bytes | bytearray) and bad else ""
        return f"{where}:{_line_of(exc.object, exc.start)}: not UTF-8 text{byte}"
    if isinstance(exc, json.JSONDecodeError):
        return f"{where}:{exc.lineno}: not valid JSON ({exc.msg}, column {exc.colno})"
    # tomllib is not imported here: a command that reads no TOML should not load it (issue 17),
    # and a TOMLDecodeError can only exist once something has imported tomllib
    toml = sys.modules.get("tomllib")
    if toml is not None and isinstance(exc, toml.TOMLDecodeError):
        return f"{where}: not valid TOML ({exc})"
    if isinstance(exc, RecursionError):
        return f"{where}: nested too deeply to read"
    if isinstance(exc, OSError):
        return f"{where}: cannot be read ({exc.strerror or type(exc).__name__})"
    if isinstance(exc, OverflowError):
        return f"{where}: a number is out of range ({exc})"
    return f"{where}: {exc}"  # ValueError from converting a number


MAPPED: tuple[type[BaseException], ...] = (
    OSError,
    UnicodeDecodeError,
    json.JSONDecodeError,
    RecursionError,
    OverflowError,
    ValueError,
)
"""What ``map_exceptions`` turns into package errors (more specific first, as in ``_describe``;
tomllib's ``TOMLDecodeError`` is a ``ValueError``)."""


@contextmanager
def map_exceptions(
    path: str | Path, error: type[UefaCupError] = SeasonError, *, where: str | None = None
) -> Iterator[None]:
    """Inside the block, a foreign reading error becomes ``error("file[:line]: what")``.

    The same idea as httpx's ``map_exceptions``: the boundary that knows which file is being
    read translates the standard library's errors, so callers catch one family. The package's
    own errors pass through untouched (several are ValueErrors too). ``error`` must take one
    message argument (SeasonError, DrawError, SimulationError ...). The file is named by its
    base name, the way the row-level problems name it, unless ``where`` says otherwise (a file
    the user named on the command line is shown as typed).
    """
    where = where or Path(path).name or str(path)
    try:
        yield
    except UefaCupError:
        raise
    except MAPPED as exc:
        raise error(_describe(exc, where)) from None
