"""Club names as people type them: any case, with or without accents, or any alias of the season.

``Season.club("celtic")``, ``"FC Porto"``, ``"Celtic FC"``, ``"besiktas"`` and ``uefacup
simulate --club "SS Lazio"`` all go through ``find_club``. A name is compared by its letters
and digits only, case- and accent-free (``uefacup.io.aliases.normalise``, which keeps the
Cyrillic letters Й and Ё apart), against each club's canonical name and its aliases
(``aliases.csv``: English variants and the Kazakh list's spellings). Where that finds nothing,
the first words of exactly one club's name or alias are accepted ("Paris" for Paris
Saint-Germain, "Leeds" for Leeds United).

A name that matches several clubs ("Dinamo": Zagreb, Tbilisi, Minsk) or none is an
``UnknownClubError`` (a ``KeyError``, as ``Season.club`` raised before) on one line that
lists the candidates or the closest names (``difflib``). Pure: the season is passed in.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from typing import TYPE_CHECKING

from uefacup.errors import UnknownClubError
from uefacup.io.aliases import normalise

if TYPE_CHECKING:
    from uefacup.model import Club, Season

CLOSE = 4
"""How many close names an error suggests."""


class ClubNameError(UnknownClubError):
    """A typed club name that names no club of the season, or more than one."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(name)
        self.args = (message,)


def _key(text: str) -> str:
    return normalise(text).replace(" ", "")


def _words(text: str) -> list[str]:
    return normalise(text).split()


def find_club(season: Season, name: str) -> Club:
    """The season's club that ``name`` names (canonical name or alias, any case or accents)."""
    for club in season.clubs:
        if club.name == name:
            return club
    by_name = {club.name: club for club in season.clubs}
    return by_name[club_name(season, name)]


def club_name(season: Season, name: str) -> str:
    """The canonical name of the club ``name`` names; ``ClubNameError`` when none or several."""
    spellings: dict[str, set[str]] = defaultdict(set)
    for club in season.clubs:
        for spelling in (club.name, *club.aliases):
            spellings[spelling].add(club.name)
    typed = _key(name)
    exact = {c for spelling, owners in spellings.items() if _key(spelling) == typed for c in owners}
    if not exact and typed:
        words = _words(name)
        exact = {
            c
            for spelling, owners in spellings.items()
            if _words(spelling)[: len(words)] == words
            for c in owners
        }
    if len(exact) == 1:
        return exact.pop()
    if len(exact) > 1:
        raise ClubNameError(
            name, f"club {name!r} is ambiguous: it could be {', '.join(sorted(exact))}"
        )
    raise ClubNameError(name, f"unknown club {name!r}{_suggest(name, spellings)}")


def _suggest(name: str, spellings: dict[str, set[str]]) -> str:
    """ "; close: Porto, Boavista" (canonical names whose name or alias looks like ``name``)."""
    keys: dict[str, set[str]] = defaultdict(set)
    for spelling, owners in spellings.items():
        keys[normalise(spelling)] |= owners
    close = difflib.get_close_matches(normalise(name), list(keys), n=3 * CLOSE, cutoff=0.6)
    clubs = list(dict.fromkeys(c for k in close for c in sorted(keys[k])))[:CLOSE]
    return f"; close: {', '.join(clubs)}" if clubs else ""
