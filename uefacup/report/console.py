"""Where text output goes and how it looks: one console for every command.

On a terminal, output is rich (bold headers, colour, a rule under each table's header) at the
terminal's width. Anywhere else (a pipe, a file, click's test runner) it is plain text: no
colour codes and no box-drawing characters, at the width in ``COLUMNS`` or 80, so that
``grep``, ``diff`` and a pager get lines that neither wrap nor carry decoration. Both shapes
lay tables out the same way, through ``uefacup.report.columns.fit``: columns are abbreviated
or dropped and text wraps, but a number is never cut to ``…``.

Commands import this module (and so rich) inside the command function, never at the top of
their module, so that ``uefacup --help`` does not pay for it.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from uefacup.report.columns import Column, Layout, fit

PLAIN_WIDTH = 80
"""Width of plain output when ``COLUMNS`` does not say."""

GAP = 2
"""Characters between two columns: one of padding and the (blank) rule between them."""

PLAIN_HEAD = box.Box(
    "    \n"  # top
    "    \n"  # head: blank between columns
    " -  \n"  # under the header: ASCII hyphens, a blank between columns
    "    \n"
    "    \n"
    "    \n"
    "    \n"
    "    \n",
    ascii=True,
)
"""A table shape with no box drawing: blanks between columns and hyphens under the header."""


def plain_width() -> int:
    """``COLUMNS`` when it is a positive integer (shells export it), else 80."""
    value = os.environ.get("COLUMNS", "")
    return int(value) if value.isdigit() and int(value) > 0 else PLAIN_WIDTH


def make_console(*, stderr: bool = False) -> Console:
    """The console for stdout (or stderr): rich on a terminal, plain text elsewhere."""
    console = Console(highlight=False, stderr=stderr)
    if console.is_terminal:
        return console
    return Console(
        highlight=False,
        stderr=stderr,
        width=plain_width(),
        color_system=None,
        emoji=False,
    )


def is_plain(console: Console) -> bool:
    """True when output is plain text (not a terminal)."""
    return not console.is_terminal


def print_table(
    console: Console,
    columns: Sequence[Column],
    *,
    title: str | None = None,
    caption: str | None = None,
) -> Layout:
    """Fit ``columns`` to the console's width and print them; returns the layout used.

    A dropped column is named under the table, so that a reader knows what is missing and
    that a wider terminal (or ``--format json``) shows it.
    """
    layout = fit(columns, console.width, GAP)
    plain = is_plain(console)
    notes = [caption] if caption else []
    if layout.dropped:
        notes.append(f"(not shown at {console.width} columns: {', '.join(layout.dropped)})")
    table = Table(
        box=PLAIN_HEAD if plain else box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1, 0, 0),
        collapse_padding=True,
        safe_box=True,
    )
    for col, width in zip(layout.columns, layout.widths, strict=True):
        table.add_column(
            col.header,
            justify="right" if col.numeric else "left",
            width=width,
            no_wrap=col.numeric or not col.wrap,
            overflow="fold",
        )
    for i in range(len(layout.columns[0].cells) if layout.columns else 0):
        table.add_row(
            *(
                Text(c.cells[i], style="" if plain or not c.styles else c.styles[i])
                for c in layout.columns
            )
        )
    # title and notes as paragraphs of the console's width: rich would wrap them to the table's
    if title:
        print_wrapped(console, title, style="bold")
    if plain:
        with console.capture() as captured:
            console.print(table)
        for line in captured.get().splitlines():
            console.file.write(line.rstrip() + "\n")
    else:
        console.print(table)
    for note in notes:
        print_wrapped(console, note, style="dim")
    return layout


def print_wrapped(
    console: Console, text: str, *, indent: int = 0, hanging: int = 4, style: str = ""
) -> None:
    """One paragraph, wrapped at the console's width at spaces; continuation lines indented
    by ``hanging`` more than the first. Markup is not interpreted (names may hold brackets)."""
    lines = textwrap.wrap(
        text,
        width=max(console.width, 20),
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent + hanging),
        break_long_words=True,  # only a word longer than the line (a path) is cut
        break_on_hyphens=False,
    )
    for line in lines or [""]:
        console.print(Text(line, style=style), soft_wrap=True)


def print_pieces(console: Console, pieces: Sequence[str], *, hanging: int = 4) -> None:
    """A line made of ``pieces`` (a leg, "| the other leg", "=> the result"), wrapped at the
    console's width between pieces rather than inside one, so that a score stays beside both
    clubs and ``grep`` finds a leg on one line; a piece wider than a line wraps at spaces."""
    width = max(console.width, 20)
    lines: list[str] = []
    line = ""
    for piece in pieces:
        if not line:
            line = piece
        elif len(line) + 1 + len(piece) <= width:
            line = f"{line} {piece}"
        else:
            lines.append(line)
            line = " " * hanging + piece
    lines.append(line)
    for text in lines:
        if len(text) <= width:
            console.print(Text(text), soft_wrap=True)
        else:
            lead = len(text) - len(text.lstrip(" "))
            print_wrapped(console, text.lstrip(" "), indent=lead, hanging=hanging - lead + 1)
