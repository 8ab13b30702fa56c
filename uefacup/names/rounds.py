"""Round names as people type and read them, derived from the season's own rounds.

A season's format names its rounds (a key such as ``quarter-final`` and a printable name such
as "Quarter-finals"); nothing here knows a particular season's keys. From each pair come:

* the forms a user may type (``resolve_round``), compared without case, accents, spaces,
  hyphens or underscores: the key and the name themselves, singular or plural ("finals"),
  without the word "round" ("qualifying"), their initials ("qf", "sf", "f", "q"), and for an
  ordinal round the number ("first round": "1", "r1", "1st", "round 1");
* with the number of clubs in each round (``sizes``), "round of 16", "last 16" and "r16" for
  the round that 16 clubs play ("r" only from 16 clubs up: below that, "r2" is a second round).

A form that two rounds share is accepted for neither (a season with a "first round" and a
"fourth round" has no "fr"), and a unique beginning of a key or name of at least three
letters ("semi", "quart") is accepted too, and last whole words from inside one name
("play-offs" for "Knockout round play-offs"). Pure: the caller passes the rounds;
``season_round`` is the adapter that takes them, with the club counts, from a ``Season``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from uefacup.errors import UefaCupError

if TYPE_CHECKING:
    from uefacup.model import Season

ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
"""Ordinal words, whose round is also typed as its number."""

FILLER = {"round", "of", "the", "leg", "legs", "stage"}
"""Words left out of initials ("round of 16" -> "r16" keeps the first word, see below)."""

PREFIX_MIN = 3
"""Shortest beginning of a key or name accepted on its own ("sem", "qua")."""


class UnknownRoundError(UefaCupError, ValueError):
    """A round name that matches none, or more than one, of the season's rounds."""


def compact(text: str) -> str:
    """Lowercase, accents removed, only letters and digits: how typed forms are compared."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return [_singular(w) for w in re.split(r"[^0-9a-z]+", plain) if w]


def _singular(word: str) -> str:
    """ "finals" -> "final", "semis" -> "semi"; short words and "-ss" words stay."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _ordinal(words: Sequence[str]) -> int | None:
    for w in words:
        if w in ORDINALS:
            return ORDINALS[w]
        m = re.fullmatch(r"(\d+)(st|nd|rd|th)", w)
        if m:
            return int(m.group(1))
    return None


def _initials(words: Sequence[str]) -> str:
    """First letter of each word, numbers whole, filler left out unless it leads ("round of
    16" -> "r16", "quarter final" -> "qf", "qualifying round" -> "q")."""
    kept = [w for i, w in enumerate(words) if w not in FILLER or (i == 0 and len(words) > 1)]
    if len(kept) > 1 and kept[0] in FILLER and not any(w.isdigit() for w in kept):
        kept = kept[1:]  # "round one" style names: the filler adds nothing
    return "".join(w if w.isdigit() else w[0] for w in kept)


def forms(key: str, name: str) -> set[str]:
    """Every compact form that names this round (before removing the ones shared)."""
    out: set[str] = set()
    for text in (key, name):
        words = _words(text)
        if not words:
            continue
        out.add(compact(text))
        out.add("".join(words))
        meaningful = [w for w in words if w not in FILLER]
        if meaningful:
            out.add("".join(meaningful))
        number = _ordinal(words)
        if number is not None:
            out.update({str(number), f"r{number}", f"round{number}", f"{number}{_suffix(number)}"})
        else:
            out.add(_initials(words))
    out.discard("")
    return out


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def size_forms(clubs: int) -> set[str]:
    """Forms naming a round by how many clubs play it: "round of 16", "last 16", "r16"."""
    out = {f"roundof{clubs}", f"last{clubs}"}
    if clubs >= SIZE_R_MIN:
        out.add(f"r{clubs}")
    return out


SIZE_R_MIN = 16
"""Smallest club count written "r<N>" ("r16", "r32"); "r2" would read as a second round."""


def _table(
    rounds: Sequence[tuple[str, str]], sizes: Mapping[str, int] | None = None
) -> dict[str, str]:
    """Compact form -> key, with the forms two rounds share left out (keys always kept)."""
    owners: dict[str, set[str]] = {}
    for key, name in rounds:
        found = forms(key, name)
        if sizes and key in sizes:
            found |= size_forms(sizes[key])
        for form in found:
            owners.setdefault(form, set()).add(key)
    table = {form: next(iter(keys)) for form, keys in owners.items() if len(keys) == 1}
    for key, _ in rounds:
        table[compact(key)] = key
    return table


def resolve_round(
    text: str, rounds: Sequence[tuple[str, str]], sizes: Mapping[str, int] | None = None
) -> str:
    """The key of the round ``text`` names, among ``rounds`` ((key, printable name) pairs);
    ``sizes`` (key -> clubs playing the round), when given, adds "round of 16" and the like.

    Raises ``UnknownRoundError`` (one line, listing the season's keys) when nothing or more
    than one round matches.
    """
    keys = [key for key, _ in rounds]
    if text in keys:
        return text
    candidates = dict.fromkeys((compact(text), "".join(_words(text))))  # "finals" as "final"
    table = _table(rounds, sizes)
    for typed in candidates:
        if typed in table:
            return table[typed]
    for typed in candidates:
        if len(typed) < PREFIX_MIN:
            continue
        starts = [
            key
            for key, name in rounds
            if compact(key).startswith(typed) or compact(name).startswith(typed)
        ]
        if len(starts) == 1:
            return starts[0]
        if len(starts) > 1:
            raise UnknownRoundError(f"round {text!r} is ambiguous: it could be {_listing(starts)}")
    # last: whole words inside a name ("play-offs" for "Knockout round play-offs")
    typed_words = "".join(_words(text))
    inside = [key for key, name in rounds if typed_words and typed_words in _runs(name)]
    if len(inside) == 1:
        return inside[0]
    if len(inside) > 1:
        raise UnknownRoundError(f"round {text!r} is ambiguous: it could be {_listing(inside)}")
    raise UnknownRoundError(f"unknown round {text!r}; the season's rounds are: {_listing(keys)}")


def _runs(name: str) -> set[str]:
    """Every run of consecutive words of a name, joined ("play off", "round play off" ...)."""
    words = _words(name)
    return {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


def _listing(keys: Iterable[str]) -> str:
    return ", ".join(keys)


def season_round(season: Season, text: str) -> str:
    """``resolve_round`` over a season's rounds, with the number of clubs that played each
    round in its data (twice its ties), so that "round of 16" finds the round of 16 clubs."""
    rounds = [(r.key, r.name) for r in season.format]
    sizes = Counter(t.round for t in season.ties)
    return resolve_round(text, rounds, {key: 2 * n for key, n in sizes.items()})
