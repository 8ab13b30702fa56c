"""Parser for the Kazakh-language results list (seed 000).

Format, one tie after another in running text, rounds separated by a date range::

    ЛИТЕКС (Ловех, Болгария) - АТЛАНТАС (Литва) - 5:0, 3:1
    ШТУРМ (Грац, Аустрия) - ЛЕВСКИ (Болгария) - 1:0, 0:1 пен. 8:7
    19 қыркүйек - 3 қазан

Both leg scores are given from the first-named club's side (it hosted the first leg), and a
shoot-out score is "first club : second club". Names are upper-case Cyrillic, so the prose
around the list (ordinary capitalisation) never matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from uefacup.errors import ParseError

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9"
_NAME = rf"[{_UPPER}][{_UPPER} .'\-]*?"
_TIE = re.compile(
    rf"(?P<a>{_NAME})\s*\((?P<ab>[^()]*)\)\s*-\s*"
    rf"(?P<b>{_NAME})\s*\((?P<bb>[^()]*)\)\s*-\s*"
    r"(?P<l1a>\d+):(?P<l1b>\d+),\s*(?P<l2a>\d+):(?P<l2b>\d+)"
    r"(?:\s*(?:пен\.|пенальти)\s*(?P<pa>\d+):(?P<pb>\d+))?"
)
_LOWER_WORD = "[а-яёәғқңөұүһі]+"
_HEADER = re.compile(rf"\b\d{{1,2}}(?:\s+{_LOWER_WORD})?\s*-\s*\d{{1,2}}\s+{_LOWER_WORD}\b\.?")


@dataclass(frozen=True, slots=True)
class KazakhTie:
    """One tie as the list states it; names unresolved, scores from the first club's side."""

    first: str
    first_bracket: str
    second: str
    second_bracket: str
    leg1: tuple[int, int]
    leg2: tuple[int, int]
    penalties: tuple[int, int] | None
    position: int
    """Character offset in the text, so a message can point at the tie."""

    @property
    def aggregate(self) -> tuple[int, int]:
        return (self.leg1[0] + self.leg2[0], self.leg1[1] + self.leg2[1])


@dataclass(frozen=True, slots=True)
class KazakhBlock:
    """The ties between two date headers: one round. ``header`` is "" for the first block."""

    header: str
    ties: tuple[KazakhTie, ...]


def parse_kazakh_results(text: str) -> list[KazakhBlock]:
    """Blocks of ties in source order; ParseError if a block holds something tie-like that
    does not parse, so a garbled line is never skipped silently."""
    headers = list(_HEADER.finditer(text))
    bounds = [0, *[h.start() for h in headers], len(text)]
    labels = ["", *[h.group(0).strip().rstrip(".") for h in headers]]
    blocks: list[KazakhBlock] = []
    for i, label in enumerate(labels):
        start = bounds[i] if i == 0 else headers[i - 1].end()
        chunk = text[start : bounds[i + 1]]
        ties = [_tie(m, start) for m in _TIE.finditer(chunk)]
        _check_leftovers(chunk, start)
        blocks.append(KazakhBlock(label, tuple(ties)))
    return [b for b in blocks if b.ties or b.header]


def _tie(match: re.Match[str], offset: int) -> KazakhTie:
    g = match.group
    pens = (int(g("pa")), int(g("pb"))) if g("pa") is not None else None
    return KazakhTie(
        first=g("a").strip(),
        first_bracket=g("ab").strip(),
        second=g("b").strip(),
        second_bracket=g("bb").strip(),
        leg1=(int(g("l1a")), int(g("l1b"))),
        leg2=(int(g("l2a")), int(g("l2b"))),
        penalties=pens,
        position=offset + match.start("a"),
    )


_SCORE_LIKE = re.compile(r"\d+:\d+")


def _check_leftovers(chunk: str, offset: int) -> None:
    """A score left over after removing parsed ties means a tie the pattern missed."""
    rest = _TIE.sub(" ", chunk)
    stray = _SCORE_LIKE.search(rest)
    if stray is None:
        return
    # The prose before the list quotes single scores ("0:0 есебімен"); those are followed by
    # Kazakh words, never by another score, and carry no club in capitals with a bracket.
    context = rest[max(0, stray.start() - 40) : stray.end() + 40]
    if re.search(r"\d+:\d+,\s*\d+:\d+", context):
        raise ParseError(
            f"Kazakh list, offset {offset + stray.start()}: unparsed tie near {context.strip()!r}"
        )
