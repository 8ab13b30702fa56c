"""Writing a season folder from imported results and a named format, then loading it back.

The results file gives the matches; everything else a season folder holds comes from the
season named with ``--format-of``:

* ``season.toml``: its format part, copied as text (the ``[format…]`` and ``[draw…]`` tables,
  so comments and layout survive), with the new season's key, title and final (date and venue
  from the final's match);
* ``clubs.csv``: one row per club of the results, entering at the first round it plays in; its
  association from the results file's columns, else from ``--clubs FILE``, else from the format
  season's club of that name; its label and coefficient from ``--clubs FILE`` or the format
  season. A club none of them knows is a problem naming the club;
* ``associations.csv``: the format season's row of each association used (rank, coefficient,
  berths); an association it does not know gets no rank or coefficient and one berth a club;
* ``matches.csv`` in the package's own layout, each row's ``source`` naming the imported file.

The folder is then loaded by the ordinary loader, so every check of a season (tie rules, round
sizes, the bracket) applies to it, and its problems are reported as for any folder.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from uefacup.errors import SeasonError
from uefacup.io.csvtable import Problems, read_rows
from uefacup.io.importers.records import LegRecord
from uefacup.io.season_folder import load_season, season_path
from uefacup.model import Score, Season

__all__ = ["format_toml", "write_season_folder"]

_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-\"]+)\s*\]\]?\s*(#.*)?$")


def format_toml(text: str) -> str:
    """The ``[format…]`` and ``[draw…]`` tables of a season.toml, as they are written there."""
    keep = False
    out: list[str] = []
    for line in text.splitlines():
        header = _HEADER.match(line)
        if header:
            name = header.group(1)
            keep = name.split(".")[0] in ("format", "draw")
        if keep:
            out.append(line)
    return "\n".join(out).strip() + "\n"


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _score(score: Score | None) -> str:
    return "" if score is None else f"{score.home}-{score.away}"


def _csv(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(header))
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def _club_facts(path: Path | None, problems: Problems) -> dict[str, dict[str, str]]:
    """``--clubs FILE`` (the export's clubs.csv: club, association, label, coefficient …)."""
    if path is None:
        return {}
    facts: dict[str, dict[str, str]] = {}
    for row in read_rows(path, ("club", "association", "label"), problems):
        facts[row.get("club")] = {k: row.get(k) for k in row.values}
    return facts


def write_season_folder(
    records: list[LegRecord],
    *,
    format_of: str | Path,
    out: Path,
    key: str,
    title: str,
    source: str,
    clubs_file: Path | None = None,
) -> Season:
    """Write the folder ``out`` and return the season loaded from it (see the module doc)."""
    model = load_season(format_of)
    problems = Problems()
    given = _club_facts(clubs_file, problems)
    fmt = model.format
    records = sorted(records, key=lambda r: (fmt.index(r.round), r.tie or 0, r.leg or 0))
    entry: dict[str, str] = {}
    association: dict[str, str] = {}
    for rec in records:
        for club, assoc in ((rec.home, rec.home_association), (rec.away, rec.away_association)):
            entry.setdefault(club, rec.round)
            if assoc:
                association.setdefault(club, assoc)
    known = {c.name: c for c in model.clubs}
    club_rows = []
    for club, round_ in entry.items():
        fact = given.get(club, {})
        old = known.get(club)
        assoc = association.get(club) or fact.get("association") or (old.association if old else "")
        label = fact.get("label") or (old.label.value if old else "")
        if not assoc or not label:
            missing = " and ".join(
                n for n, v in (("association", assoc), ("label", label)) if not v
            )
            problems.add(
                source,
                f"club {club!r}: no {missing} (not in the results file, --clubs FILE or "
                f"season {model.key})",
            )
            continue
        coefficient = fact.get("coefficient") or (
            "" if old is None or old.coefficient is None else repr(old.coefficient)
        )
        coefficient_source = fact.get("coefficient_source") or (
            old.coefficient_source if old else ""
        )
        club_rows.append((club, assoc, round_, label, coefficient, coefficient_source))
    problems.raise_if_any()
    used = sorted({row[1] for row in club_rows})
    by_name = {a.name: a for a in model.associations}
    association_rows: list[tuple[object, ...]] = []
    for name in used:
        a = by_name.get(name)
        clubs_of = sum(1 for row in club_rows if row[1] == name)
        if a is None:
            association_rows.append(("", name, "", clubs_of, "imported; not in the format season"))
        else:
            coefficient = "" if a.coefficient is None else repr(a.coefficient)
            association_rows.append((a.rank, name, coefficient, a.berths, a.notes))
    match_rows = [
        (
            r.round,
            r.tie,
            r.leg,
            r.date.isoformat() if r.date else "",
            r.home,
            r.away,
            _score(r.regular),
            _score(r.after_extra_time),
            _score(r.extra_time_half),
            _score(r.penalties),
            source,
        )
        for r in records
    ]
    finals = [r for r in records if r.round == fmt.final.key]
    final_lines = []
    if finals and finals[-1].date:
        final_lines.append(f"date = {finals[-1].date.isoformat()}")
    if len(finals) == 1 and finals[0].venue:
        final_lines.append(f"venue = {_toml_string(finals[0].venue)}")
    source_toml = (season_path(format_of) / "season.toml").read_text("utf-8")
    toml = "\n".join(
        [
            f"# Imported from {source} with the format of season {model.key} (uefacup import).",
            f"key = {_toml_string(key)}",
            f"title = {_toml_string(title)}",
            "",
            "[final]",
            *final_lines,
            "",
            format_toml(source_toml),
        ]
    )
    files = {
        "season.toml": toml,
        "clubs.csv": _csv(
            ("name", "association", "round", "label", "coefficient", "coefficient_source"),
            club_rows,
        ),
        "associations.csv": _csv(
            ("rank", "name", "coefficient", "berths", "notes"), association_rows
        ),
        "matches.csv": _csv(
            (
                "round",
                "tie",
                "leg",
                "date",
                "home",
                "away",
                "score",
                "aet",
                "et_half",
                "pens",
                "source",
            ),
            match_rows,
        ),
        "NOTES.md": f"# {title}\n\nImported by `uefacup import` from {source}; the format, and the "
        f"facts of clubs and associations the results file does not give, from season "
        f"{model.key}.\n",
    }
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (out / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise SeasonError(f"{exc.filename or out}: cannot write: {exc.strerror or exc}") from None
    return load_season(out)
