"""Every error the package raises on purpose, under one root so the CLI can catch them all.

The CLI turns any ``UefaCupError`` into a one-line message and a non-zero exit; anything else is
a bug and is allowed to show its traceback. Hence every expected failure (bad file, bad score,
unknown club, impossible tie) must be one of these.

    UefaCupError
    ├── SeasonError               a season folder or file cannot be loaded
    │   └── DataError (ValueError)    rows of a data file are wrong; carries every problem at once
    ├── UnknownClubError (KeyError)   a name the alias table cannot resolve
    ├── TieError (ValueError)     a recorded tie breaks the season's rules (names the tie)
    ├── ParseError (ValueError)   a source text line is not in the expected format
    ├── EntryListError (ValueError)   inputs of the access / redistribution rules are inconsistent
    ├── DrawError (ValueError)    pots that cannot be drawn, malformed pot files
    └── SimulationError (ValueError)  bad simulation arguments or inputs
"""

from __future__ import annotations

from collections.abc import Iterable


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
