"""The Kazakh results-list format: `A (city, country) - B (country) - 1:1, 2:3 пен. 8:7`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uefacup import ParseError
from uefacup.io.kazakh_list import parse_kazakh_results

SAMPLE = (
    "Прозасы (Қазақстан) жеңімпазы. ЛИТЕКС (Ловех, Болгария) - АТЛАНТАС (Литва) - 5:0, 3:1 "
    "19 қыркүйек - 3 қазан ШТУРМ (Грац, Аустрия) - ЛЕВСКИ (Болгария) - 1:0, 0:1 пен. 8:7 "
    "ШАЛЬКЕ 04 (Германия) - ГОМЕЛЬ (Белоруссия) - 4:1, 4:0"
)


def test_blocks_and_fields() -> None:
    first, second = parse_kazakh_results(SAMPLE)
    assert first.header == "" and len(first.ties) == 1
    tie = first.ties[0]
    assert (tie.first, tie.first_bracket, tie.second, tie.second_bracket) == (
        "ЛИТЕКС",
        "Ловех, Болгария",
        "АТЛАНТАС",
        "Литва",
    )
    assert (tie.leg1, tie.leg2, tie.penalties, tie.aggregate) == ((5, 0), (3, 1), None, (8, 1))
    assert second.header == "19 қыркүйек - 3 қазан"
    sturm, schalke = second.ties
    assert sturm.penalties == (8, 7)
    assert schalke.first == "ШАЛЬКЕ 04"


def test_garbled_tie_is_an_error_not_skipped() -> None:
    with pytest.raises(ParseError, match="unparsed tie"):
        parse_kazakh_results("ЛИТЕКС Болгария - АТЛАНТАС (Литва) - 5:0, 3:1")


def test_real_list_has_every_two_legged_tie(seeds_dir: Path) -> None:
    """Seed-reading test: 41 + 48 + 24 + 16 + 8 + 4 + 2 ties, the final is not in the list."""
    text = next(seeds_dir.glob("000_*.txt")).read_text("utf-8")
    assert [len(b.ties) for b in parse_kazakh_results(text)] == [41, 48, 24, 16, 8, 4, 2]


_NAMES = ["ЛИТЕКС", "ШАЛЬКЕ 04", "ЦРВЕНА ЗВЕЗДА", "ДИНАМО", "ҚАЙРАТ"]
_BRACKETS = ["Литва", "Ловех, Болгария", "С.Петербург, Ресей", "Тель-Авив, Израиль"]


@given(
    ties=st.lists(
        st.tuples(
            st.sampled_from(_NAMES),
            st.sampled_from(_BRACKETS),
            st.sampled_from(_NAMES),
            st.sampled_from(_BRACKETS),
            st.tuples(*[st.integers(0, 12)] * 4),
            st.none() | st.tuples(st.integers(0, 12), st.integers(0, 12)),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_format_round_trip(ties: list[tuple[str, str, str, str, tuple[int, ...], Any]]) -> None:
    """Whatever the list writes in its format parses back to the same names and scores."""
    parts = []
    for a, ab, b, bb, (w, x, y, z), pens in ties:
        line = f"{a} ({ab}) - {b} ({bb}) - {w}:{x}, {y}:{z}"
        if pens:
            line += f" пен. {pens[0]}:{pens[1]}"
        parts.append(line)
    (block,) = parse_kazakh_results(" ".join(parts))
    got = [
        (t.first, t.first_bracket, t.second, t.second_bracket, (*t.leg1, *t.leg2), t.penalties)
        for t in block.ties
    ]
    assert got == [(a, ab, b, bb, s, p) for a, ab, b, bb, s, p in ties]
