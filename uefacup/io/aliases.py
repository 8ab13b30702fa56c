"""Resolving club and association names from any source to the season's canonical names.

Sources spell clubs in English with or without diacritics, and in Kazakh/Russian Cyrillic with
the city or country in brackets. Several Cyrillic names are shared (МЕТАЛЛУРГ, ДИНАМО,
ПАРТИЗАН, ЦСКА), so an alias may carry a city, and the bracket's country narrows candidates to
one association. Matching ignores case, diacritics and punctuation so that "Alaves" finds
"Alavés" but "Dinamo" never silently picks one of four clubs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from uefacup.errors import UnknownClubError

_PUNCT = re.compile(r"[\s.\-'’`\"«»]+")


def normalise(name: str) -> str:
    """Case-, accent- and punctuation-free key; keeps Cyrillic letters intact (Й, Ё stay)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(
        ch
        for ch in decomposed
        if not unicodedata.combining(ch) or _is_cyrillic_mark(ch, decomposed)
    )
    return _PUNCT.sub(" ", unicodedata.normalize("NFC", kept)).strip()


def _is_cyrillic_mark(ch: str, _context: str) -> bool:
    # The breve of Й and diaeresis of Ё decompose too; dropping them would merge distinct
    # Cyrillic letters, but Latin club names never use these combining marks with Cyrillic.
    return ch in ("\u0306", "\u0308") and any("\u0400" <= c <= "\u04ff" for c in _context)


@dataclass(frozen=True)
class Alias:
    """One spelling of a club; ``city`` (normalised) must appear in the source's bracket."""

    club: str
    alias: str
    language: str = ""
    city: str = ""


@dataclass(frozen=True)
class AliasTable:
    """Name resolution for one season: clubs, their aliases, association names and aliases."""

    club_association: dict[str, str]
    by_name: dict[str, tuple[Alias, ...]]
    association_by_name: dict[str, str]

    @classmethod
    def build(
        cls,
        club_association: dict[str, str],
        aliases: Iterable[Alias],
        association_aliases: Iterable[tuple[str, str]],
    ) -> AliasTable:
        by_name: dict[str, list[Alias]] = defaultdict(list)
        for club in club_association:
            by_name[normalise(club)].append(Alias(club, club, "en"))
        for alias in aliases:
            entry = Alias(alias.club, alias.alias, alias.language, normalise(alias.city))
            if entry not in by_name[normalise(alias.alias)]:
                by_name[normalise(alias.alias)].append(entry)
        assoc: dict[str, str] = {}
        for name in set(club_association.values()):
            assoc[normalise(name)] = name
        for association, alias_text in association_aliases:
            assoc[normalise(alias_text)] = association
        return cls(
            dict(club_association),
            {k: tuple(v) for k, v in by_name.items()},
            assoc,
        )

    def association(self, name: str) -> str | None:
        """The canonical association for a country name in any known spelling."""
        return self.association_by_name.get(normalise(name))

    def resolve(self, name: str, bracket: str = "", where: str = "") -> str:
        """Canonical club name for ``name`` as a source writes it.

        ``bracket`` is the source's "(city, country)" text without brackets. Candidates are
        narrowed by the bracket's country, then by an alias's city; anything left ambiguous or
        empty is an ``UnknownClubError`` that says which source line it came from.
        """
        candidates = self.by_name.get(normalise(name), ())
        if not candidates:
            raise UnknownClubError(name, where)
        parts = [normalise(p) for p in bracket.split(",") if p.strip()]
        clubs = {a.club for a in candidates}
        if len(clubs) > 1 and parts:
            association = self.association(parts[-1]) if parts else None
            if association is not None:
                clubs = {c for c in clubs if self.club_association[c] == association}
        if len(clubs) > 1 and parts:
            bracket_text = " ".join(parts)
            with_city = {a.club for a in candidates if a.city and a.city in bracket_text}
            clubs = clubs & with_city if with_city & clubs else clubs
        if len(clubs) != 1:
            shown = f"{name} ({bracket})" if bracket else name
            if not clubs:
                raise UnknownClubError(shown, where)
            raise UnknownClubError(f"{shown} [ambiguous: {', '.join(sorted(clubs))}]", where)
        (club,) = clubs
        return club
