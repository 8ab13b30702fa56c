"""``fit``: a table is made to fit by abbreviating, then dropping, then wrapping text; a number
is never narrowed (issue 16: "by dropping or abbreviating columns rather than eliding numbers")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from uefacup.report.columns import Column, fit

GAP = 2


def test_a_table_that_fits_is_left_alone() -> None:
    cols = [Column("Club", ["Porto", "Celtic"]), Column("Win", ["12.5", "4.0"], numeric=True)]
    layout = fit(cols, 80, GAP)
    assert layout.widths == (6, 4) and layout.dropped == () and layout.fits
    assert layout.total(GAP) == 12  # 6 + 2 + 4, counted by hand


def test_abbreviation_comes_before_dropping() -> None:
    long_names = ["Quarter-final home side"] * 2
    cols = [
        Column("Club", ["Porto", "Lazio"], wrap=False),
        Column("Home side in the quarter-final", long_names, short=Column("QF", ["yes", "no"])),
        Column("Note", ["x", "y"], drop=1),
    ]
    layout = fit(cols, 20, GAP)
    assert [c.header for c in layout.columns] == ["Club", "QF", "Note"]
    assert layout.dropped == ()


def test_columns_are_dropped_lowest_rank_first() -> None:
    cols = [
        Column("Club", ["Paris Saint-Germain"], wrap=False),
        Column("Association", ["France"], drop=2),
        Column("City", ["Paris"], drop=1),
        Column("Win", ["3.1"], numeric=True),
    ]
    # natural: 19 + 11 + 5 + 3 + 3 gaps of 2 = 44; without City 37; without both 26
    assert fit(cols, 40, GAP).dropped == ("City",)
    assert fit(cols, 30, GAP).dropped == ("City", "Association")


def test_wrapping_text_gives_room_and_numbers_keep_their_width() -> None:
    text = "Porto won 4-1 on aggregate after a long evening in Lisbon"
    cols = [Column("Result", [text], min_width=10), Column("Goals", ["1,159"], numeric=True)]
    layout = fit(cols, 30, GAP)
    assert layout.fits and layout.widths == (23, 5)  # 30 - 2 - 5 for the text


def test_when_nothing_fits_numbers_still_keep_their_width() -> None:
    cols = [Column("Name", ["a very long team name"]), Column("P", ["100.0"], numeric=True)]
    layout = fit(cols, 8, GAP)
    assert not layout.fits
    assert layout.widths[1] == 5


names = st.text(alphabet="abcdefgh ", min_size=1, max_size=30)
numbers = st.floats(0, 1).map(lambda p: f"{100 * p:.1f}")


@given(
    st.lists(names, min_size=1, max_size=6),
    st.lists(st.lists(numbers, min_size=3, max_size=3), min_size=1, max_size=8),
    st.integers(20, 140),
)
def test_fitted_tables_are_within_the_width_and_keep_numbers_whole(
    text_cells: list[str], number_columns: list[list[str]], width: int
) -> None:
    rows = len(text_cells)
    cols = [Column("Club", text_cells, min_width=4), Column("Note", text_cells, drop=1)]
    cols += [Column(f"N{i}", (c * rows)[:rows], numeric=True) for i, c in enumerate(number_columns)]
    layout = fit(cols, width, GAP)
    for col, w in zip(layout.columns, layout.widths, strict=True):
        if col.numeric:
            assert w == max(len(col.header), *(len(c) for c in col.cells))
    if layout.fits:
        assert layout.total(GAP) <= width
