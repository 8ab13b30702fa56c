"""Locating and parsing the seed documents a season was built from.

The seeds are not shipped with the package (their prose is not ours to copy); a user or a test
points at the folder. Files are recognised by their numeric prefix, which is how the project's
shared folder names them: 000 Kazakh results list, 001 English wikitext, 002 English page,
003 qualifying-round article; ``club-coefficients-*.csv`` from the extra sources folder.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

from uefacup.errors import SeasonError
from uefacup.io.english_list import (
    EnglishTie,
    parse_coefficient_table,
    parse_english_matches,
    parse_page_ranking,
    parse_wiki_ranking,
)
from uefacup.io.kazakh_list import KazakhBlock, parse_kazakh_results

SEEDS_ENV = "UEFACUP_SEEDS"
DEFAULT_SEEDS = ("../shared/seeds", "shared/seeds")


@dataclass(frozen=True)
class SeedSources:
    """What the seeds state, parsed but not yet resolved to canonical names."""

    folder: Path
    kazakh: list[KazakhBlock]
    english_matches: list[EnglishTie]
    qualifying_coefficients: list[tuple[str, float, int]]
    wiki_ranking: dict[int, tuple[float, int]]
    page_ranking: dict[int, tuple[str, float, int]]
    extra_coefficients: list[tuple[str, float, int]]
    """(club as printed, coefficient, line) from ``club-coefficients-*.csv`` beside the seeds."""


def find_seeds(explicit: str | Path | None = None) -> Path:
    """The seeds folder: the argument, else ``$UEFACUP_SEEDS``, else ``../shared/seeds``."""
    candidates = [explicit] if explicit else [os.environ.get(SEEDS_ENV), *DEFAULT_SEEDS]
    for cand in candidates:
        if cand and Path(cand).is_dir():
            return Path(cand)
    where = explicit or f"${SEEDS_ENV} or {' or '.join(DEFAULT_SEEDS)}"
    raise SeasonError(f"seed folder not found ({where}); pass --seeds DIR")


def _one(folder: Path, prefix: str) -> str:
    matches = sorted(folder.glob(f"{prefix}_*.txt"))
    if len(matches) != 1:
        raise SeasonError(f"{folder}: expected one seed file {prefix}_*.txt, found {len(matches)}")
    return matches[0].read_text("utf-8")


def read_seeds(folder: Path) -> SeedSources:
    """Parse every seed the reconciliation uses; a missing or garbled file is a clear error."""
    english_page = _one(folder, "002")
    qualifying = _one(folder, "003")
    return SeedSources(
        folder=folder,
        kazakh=parse_kazakh_results(_one(folder, "000")),
        english_matches=parse_english_matches(qualifying),
        qualifying_coefficients=parse_coefficient_table(qualifying),
        wiki_ranking=parse_wiki_ranking(_one(folder, "001")),
        page_ranking=parse_page_ranking(english_page),
        extra_coefficients=_extra_coefficients(folder.parent / "sources"),
    )


def _extra_coefficients(folder: Path) -> list[tuple[str, float, int]]:
    out: list[tuple[str, float, int]] = []
    for path in sorted(folder.glob("club-coefficients-*.csv")) if folder.is_dir() else []:
        reader = csv.DictReader(path.read_text("utf-8").splitlines())
        for row in reader:
            try:
                out.append((row["club"], float(row["coefficient_2002"]), reader.line_num))
            except (KeyError, ValueError) as exc:
                raise SeasonError(f"{path}:{reader.line_num}: bad row ({exc})") from exc
    return out
