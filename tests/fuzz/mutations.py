"""Mutations of a season folder and of command lines, shared by the fuzz test and its driver.

A mutation is plain data (``Mutation``) so that hypothesis can generate and print it, and the
same one can be replayed by hand: ``apply`` changes a copied folder in place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FILES = (
    "season.toml",
    "access.toml",
    "associations.csv",
    "clubs.csv",
    "aliases.csv",
    "association_aliases.csv",
    "domestic.csv",
    "matches.csv",
    "scorers.csv",
    "match_facts.csv",
    "sources.csv",
    "draw_groups.csv",
    "NOTES.md",
)

KINDS = (
    "delete-row",
    "duplicate-row",
    "alter-cell",
    "swap-rows",
    "bom",
    "crlf",
    "truncate",
    "bad-bytes",
    "delete-file",
    "empty-file",
)

NASTY = (
    "",
    "-1",
    "0",
    "nan",
    "inf",
    "-inf",
    "1e400",
    "9" * 5000,
    "x",
    "2-1",
    "9-9",
    "1-0",
    "Porto",
    "Lazio",
    "Atlantis FC",
    "qualifying",
    "final",
    "2003-02-30",
    "2002-01-01",
    "2003-12-31",
    "true",
    "[1]",
    '"',
    "a,b",
    "🙂",
    "  ",
    "rank",
    "= 5",
    "[x]",
)


@dataclass(frozen=True)
class Mutation:
    """``kind`` applied to ``file`` at ``row`` (and ``cell``), with ``value`` where it writes."""

    file: str
    kind: str
    row: int
    cell: int
    value: str

    def apply(self, folder: Path) -> None:
        path = folder / self.file
        if not path.exists():
            return
        if self.kind == "delete-file":
            path.unlink()
            return
        data = path.read_bytes()
        if self.kind == "empty-file":
            path.write_bytes(b"")
            return
        if self.kind == "bom":
            path.write_bytes(b"\xef\xbb\xbf" + data)
            return
        if self.kind == "crlf":
            path.write_bytes(data.replace(b"\n", b"\r\n"))
            return
        if self.kind == "truncate":
            path.write_bytes(data[: self.row * 37 % max(len(data), 1)])
            return
        if self.kind == "bad-bytes":
            at = self.row * 53 % max(len(data), 1)
            path.write_bytes(data[:at] + b"\xff\xfe\xc3" + data[at:])
            return
        lines = data.decode("utf-8", "surrogateescape").split("\n")
        body = range(1, max(len(lines) - 1, 1))  # keep the header (line 0) in most mutations
        i = body[self.row % len(body)] if len(body) else 0
        if self.kind == "delete-row":
            del lines[i]
        elif self.kind == "duplicate-row":
            lines.insert(i, lines[i])
        elif self.kind == "swap-rows":
            j = body[(self.row * 7 + 3) % len(body)] if len(body) else 0
            lines[i], lines[j] = lines[j], lines[i]
        elif self.kind == "alter-cell":
            sep = "," if self.file.endswith(".csv") else " = " if "=" in lines[i] else " "
            cells = lines[i].split(sep)
            k = self.cell % len(cells)
            if self.file.endswith(".toml") and sep == " = ":
                k = len(cells) - 1  # the value of ``key = value``
            cells[k] = self.value
            lines[i] = sep.join(cells)
        path.write_bytes("\n".join(lines).encode("utf-8", "surrogateescape"))


COMMANDS: tuple[tuple[str, ...], ...] = (
    ("replay", "--format", "json"),
    ("replay",),
    ("entry-list", "--format", "json"),
    ("draw", "first", "--seed", "7", "--format", "json"),
    ("draw", "qualifying", "--seed", "3"),
    ("draw", "fourth", "--seed", "1", "--format", "json"),
    ("simulate", "--runs", "40", "--seed", "1", "--format", "json"),
    ("simulate", "--runs", "40", "--seed", "1", "--from", "third", "--format", "csv"),
)

BAD_ARGUMENTS: tuple[tuple[str, ...], ...] = (
    ("simulate", "--runs", "-1"),
    ("simulate", "--runs", "1000000000000"),
    ("simulate", "--runs", "ten"),
    ("simulate", "--runs", "10", "--workers", "0"),
    ("simulate", "--runs", "10", "--workers", "100000"),
    ("simulate", "--runs", "10", "--batch-size", "0"),
    ("simulate", "--runs", "10", "--batch-size", "-7"),
    ("simulate", "--runs", "10", "--plot", "x.xyz"),
    ("simulate", "--runs", "10", "--plot", "/nonexistent/x.png"),
    ("simulate", "--runs", "10", "--scheduler", "127.0.0.1:notaport"),
    ("simulate", "--runs", "10", "--scheduler", "::::"),
    ("simulate", "--runs", "10", "--from", "group-stage"),
    ("simulate", "--runs", "10", "--model", "elo"),
    ("simulate", "--runs", "10", "--model", "ratings"),
    ("simulate", "--runs", "10", "--ratings", "/nonexistent.csv"),
    ("simulate", "--runs", "10", "--seed", "-3"),
    ("simulate", "--runs", "10", "--engine", "gpu"),
    ("simulate", "--runs", "10", "--model", "dixon-coles"),
    ("draw",),
    ("draw", "sixth"),
    ("draw", "first", "--seed", "-1"),
    ("draw", "first", "--group-sizes", "a,b"),
    ("draw", "first", "--group-sizes", "0"),
    ("draw", "first", "--group-sizes", "-4,100"),
    ("draw", "first", "--fallback-coefficient", "nan"),
    ("draw", "first", "--fallback-coefficient", "-5"),
    ("draw", "first", "--fallback-coefficient", "inf"),
    ("draw", "--pots", "/nonexistent.json"),
    ("draw", "--probabilities"),
    ("draw", "first", "--index", "3"),
    ("replay", "--format", "xml"),
    ("replay", "--season", "1999-00"),
    ("replay", "--season", "/nonexistent"),
    ("entry-list", "--format", "yaml"),
    ("entry-list", "--season", ""),
    ("nonsense",),
    ("replay", "--nonsense"),
)
