"""Parsers for the English sources: the match list, coefficient tables and ranking tables.

The match list (seed 003) gives each tie as two ``Home 2-1 Away`` lines and one result line::

    Litex Lovech won 8–1 on aggregate.
    1–1 on aggregate; Livingston won on away goals.
    2–2 on aggregate; Sarajevo won 5–3 on penalties.

Ties are separated by ``----``. The stated aggregate is kept as printed (winner first) so that
reconciliation can show where a source's own arithmetic is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from uefacup.errors import ParseError

_LEG = re.compile(r"^(?P<home>\S.*?)\s+(?P<h>\d+)-(?P<a>\d+)\s+(?P<away>\S.*)$")
_DASH = r"[–-]"
_WON_AGG = re.compile(rf"^(?P<w>.+?) won (?P<x>\d+){_DASH}(?P<y>\d+) on aggregate\.?$")
_LEVEL = re.compile(
    rf"^(?P<x>\d+){_DASH}(?P<y>\d+) on aggregate; (?P<w>.+?) won "
    rf"(?:(?P<px>\d+){_DASH}(?P<py>\d+) )?on (?P<how>away goals|penalties)\.?$"
)


@dataclass(frozen=True, slots=True)
class EnglishLeg:
    home: str
    away: str
    home_goals: int
    away_goals: int


@dataclass(frozen=True, slots=True)
class EnglishTie:
    """A tie as the English list prints it; names unresolved."""

    legs: tuple[EnglishLeg, ...]
    winner: str
    stated_aggregate: tuple[int, int]
    """As printed: winner's goals first unless the tie was level."""
    method: str
    """"aggregate", "away goals" or "penalties"."""
    stated_penalties: tuple[int, int] | None
    """Winner's kicks first, as printed."""
    line: int


def parse_english_matches(text: str) -> list[EnglishTie]:
    """Every tie of the ``==Matches==`` section, in source order.

    Inside the section each non-blank line must be a leg, a result or a separator; anything
    else ends the section, except that an unfinished tie (legs with no result line) is an error.
    """
    lines = text.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == "==Matches==")
    except StopIteration:
        raise ParseError("English match list: no '==Matches==' section") from None
    ties: list[EnglishTie] = []
    legs: list[EnglishLeg] = []
    first_line = start + 1
    for number, raw in enumerate(lines[start + 1 :], start=start + 2):
        line = raw.strip()
        if not line or line == "----":
            continue
        leg = _LEG.match(line)
        result = _WON_AGG.match(line) or _LEVEL.match(line)
        if result is not None:
            if not legs:
                raise ParseError(f"English match list, line {number}: result with no legs")
            ties.append(_tie(result, legs, first_line))
            legs = []
        elif leg is not None:
            if not legs:
                first_line = number
            legs.append(
                EnglishLeg(leg["home"].strip(), leg["away"].strip(), int(leg["h"]), int(leg["a"]))
            )
        else:
            break
    if legs:
        raise ParseError(f"English match list, line {first_line}: tie without a result line")
    return ties


def _tie(result: re.Match[str], legs: list[EnglishLeg], line: int) -> EnglishTie:
    groups = result.groupdict()
    how = groups.get("how") or "aggregate"
    pens = None
    if groups.get("px") is not None:
        pens = (int(groups["px"]), int(groups["py"]))
    return EnglishTie(
        legs=tuple(legs),
        winner=result["w"].strip(),
        stated_aggregate=(int(result["x"]), int(result["y"])),
        method=how,
        stated_penalties=pens,
        line=line,
    )


_COEFF_ROW = re.compile(r"^\|\s*(?P<name>[^|]*?[^\d|\s][^|]*?)\s*\|\s*(?P<c>\d+\.\d{3})\s*\|\s*$")


def parse_coefficient_table(text: str) -> list[tuple[str, float, int]]:
    """``| Team | 12.345 |`` rows (seed 003's participants table): (name, coefficient, line)."""
    out: list[tuple[str, float, int]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        m = _COEFF_ROW.match(line.strip())
        if m:
            out.append((m["name"], float(m["c"]), number))
    return out


_WIKI_RANK = re.compile(r"^\|\s*(?P<rank>\d{1,2})\s*\|[^|]*\|\s*(?P<c>\d+\.\d{3})\s*\|")
_PAGE_RANK = re.compile(r"^(?P<rank>\d{1,2})\s+(?P<rest>.+?)\s+(?P<c>\d+\.\d{3})(?:\s|$)")


def parse_wiki_ranking(text: str) -> dict[int, tuple[float, int]]:
    """Seed 001's ranking table (``| 17 | | 21.875 | |``): rank -> (coefficient, line).

    Its association names were lost in that copy, so only ranks can be compared.
    """
    out: dict[int, tuple[float, int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        m = _WIKI_RANK.match(line.strip())
        if m:
            out[int(m["rank"])] = (float(m["c"]), number)
    return out


def parse_page_ranking(text: str) -> dict[int, tuple[str, float, int]]:
    """Seed 002's ranking lines ("17 Switzerland Switzerland 21.865"): rank -> (name, c, line).

    The rendered page repeats each name (flag alt text, then the name) and sometimes the two
    differ ("Federal Republic of Yugoslavia Yugoslavia"); the second half is the display name.
    """
    out: dict[int, tuple[str, float, int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        m = _PAGE_RANK.match(line.strip())
        if m and int(m["rank"]) not in out:
            out[int(m["rank"])] = (_display_name(m["rest"]), float(m["c"]), number)
    return out


def _display_name(doubled: str) -> str:
    words = doubled.split()
    for size in range(len(words) // 2, 0, -1):
        if words[:size] == words[-size:] and 2 * size == len(words):
            return " ".join(words[:size])
    # Unequal halves ("North Macedonia Macedonia"): take the shortest suffix that also ends the
    # first half's meaning; the page always puts the display name last.
    for size in range(1, len(words)):
        tail = words[-size:]
        if " ".join(tail) in " ".join(words[:-size]):
            return " ".join(tail)
    return doubled
