"""Reading a text input file the same way everywhere: UTF-8, with or without a BOM, any newline.

Spreadsheet programs write a UTF-8 byte-order mark and Windows editors write CRLF; a file
saved either way must give exactly the output of the plain file, so the mark is dropped and
every newline becomes ``\\n`` before anything parses the text. Every foreign error (missing
file, bytes that are not UTF-8, bad TOML or JSON, nesting too deep, a number too large) is
mapped by ``map_exceptions`` to the package error the caller names, with the file's name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from uefacup.errors import SeasonError, UefaCupError, map_exceptions

BOM = "\ufeff"

__all__ = ["normalise_text", "read_json", "read_text", "read_toml"]


def normalise_text(text: str) -> str:
    """``text`` without a leading BOM and with CRLF and lone CR turned into LF."""
    if text.startswith(BOM):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(
    path: str | Path, error: type[UefaCupError] = SeasonError, *, where: str | None = None
) -> str:
    """The file's text, normalised (see ``normalise_text``); strict UTF-8."""
    with map_exceptions(path, error, where=where):
        data = Path(path).read_bytes()
        return normalise_text(data.decode("utf-8"))


def read_toml(
    path: str | Path, error: type[UefaCupError] = SeasonError, *, where: str | None = None
) -> dict[str, Any]:
    """The TOML document in ``path`` as a dict (tomllib's types)."""
    import tomllib  # here, not at the top: JSON-only commands need not load it (issue 17)

    text = read_text(path, error, where=where)
    with map_exceptions(path, error, where=where):
        return tomllib.loads(text)


def read_json(
    path: str | Path, error: type[UefaCupError] = SeasonError, *, where: str | None = None
) -> Any:
    """The JSON document in ``path``; NaN and Infinity, which JSON does not have, are refused."""
    text = read_text(path, error, where=where)
    with map_exceptions(path, error, where=where):
        return json.loads(text, parse_constant=_no_constant)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")
