"""A season's knockout bracket, replayed, from the round of 16 (or any round) to the final.

The bracket is rebuilt backwards from the final: each club of a tie came from the tie it won in
the round before, or entered at that round (then it gets a slot of its own). So the picture
follows the path the clubs really took, whatever the draws were (open draws make the order of
a printed list meaningless), and a round with new entrants (the third round of 2002-03) still
draws as a tree. Each tie's box gives both clubs with their aggregate, the winner in bold, the
leg scores underneath, and how a close tie was settled (away goals, a.e.t., penalties, silver
goal).

Each club's row reads like a printed bracket: its goals in each leg, then its aggregate (extra
time included), so "Porto 0 2 2" over "Panathinaikos 1 0 1" needs no home/away convention.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from uefacup.errors import UefaCupError
from uefacup.model import DecidedBy
from uefacup.pictures.canvas import new_figure, tie_box
from uefacup.replay import ResolvedTie, SeasonReplay
from uefacup.report.summary import round_name

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["bracket_figure", "club_cells", "default_start", "settled_text"]

_SETTLED = {
    DecidedBy.AWAY_GOALS: "away goals",
    DecidedBy.EXTRA_TIME: "a.e.t.",
    DecidedBy.AWAY_GOALS_EXTRA_TIME: "a.e.t., away goals",
    DecidedBy.SILVER_GOAL: "a.e.t., silver goal",
    DecidedBy.GOLDEN_GOAL: "a.e.t., golden goal",
}


def default_start(rep: SeasonReplay) -> str:
    """The round of 16 (the round with eight ties), else the fourth round from the end."""
    for r in rep.rounds:
        if len(r.ties) == 8:
            return str(r.round)
    return str(rep.rounds[max(0, len(rep.rounds) - 4)].round)


def settled_text(rt: ResolvedTie) -> str:
    """How a tie was settled beyond the aggregate: "a.e.t., 1–4 pens", "away goals", or ""."""
    o = rt.outcome
    if o.decided_by is DecidedBy.PENALTIES and o.penalties is not None:
        et = "a.e.t., " if rt.tie.legs[-1].extra_time_played else ""
        return f"{et}{o.penalties[0]}–{o.penalties[1]} pens"
    return _SETTLED.get(o.decided_by, "")


def club_cells(rt: ResolvedTie) -> list[tuple[str, list[str]]]:
    """Per club of the tie (first club first): its name and the numbers of its row, its goals
    in each leg then the aggregate (a one-match tie: just its goals)."""
    rows = []
    for n, club in enumerate(rt.tie.clubs):
        legs = [str(leg.goals_for(club)) for leg in rt.tie.legs]
        total = str(rt.outcome.aggregate[n])
        rows.append((club, [*legs, total] if len(legs) > 1 else [total]))
    return rows


@dataclass
class _Box:
    column: int
    y: float
    tie: ResolvedTie


def _layout(rep: SeasonReplay, start: str) -> tuple[list[str], list[_Box], list[tuple[_Box, _Box]]]:
    keys = [str(r.round) for r in rep.rounds]
    if start not in keys:
        raise UefaCupError(f"--plot-from: unknown round {start!r}; choose one of {', '.join(keys)}")
    rounds = list(rep.rounds[keys.index(start) :])
    won: list[dict[str, ResolvedTie]] = [{rt.outcome.winner: rt for rt in r.ties} for r in rounds]
    boxes: list[_Box] = []
    links: list[tuple[_Box, _Box]] = []
    slot = 0.0

    def place(rt: ResolvedTie, column: int) -> _Box:
        nonlocal slot
        ys: list[float] = []
        feeders: list[_Box] = []
        for club in rt.tie.clubs:
            feeder = won[column - 1].get(club) if column > 0 else None
            if feeder is not None:
                box = place(feeder, column - 1)
                feeders.append(box)
                ys.append(box.y)
            else:
                ys.append(slot)
                slot += 1
        me = _Box(column, sum(ys) / len(ys), rt)
        boxes.append(me)
        links.extend((f, me) for f in feeders)
        return me

    last = len(rounds) - 1
    for final in rounds[last].ties:
        place(final, last)
    return [str(r.round) for r in rounds], boxes, links


def bracket_figure(rep: SeasonReplay, start: str | None = None) -> Figure:
    """The bracket of ``rep`` from round ``start`` (default: ``default_start``) as a Figure."""
    start = start or default_start(rep)
    keys, boxes, links = _layout(rep, start)
    slots = max((b.y for b in boxes), default=0.0) + 1
    col_w, slot_h = 2.9, 0.52
    box_w, box_h = 2.55, 0.86
    fig = new_figure(0.4 + col_w * len(keys), 1.2 + slot_h * slots)
    ax = fig.add_subplot()
    ax.set_xlim(-0.1, col_w * len(keys))
    ax.set_ylim(slots * slot_h + 0.4, -0.75)
    ax.set_axis_off()
    for k, key in enumerate(keys):
        ax.text(
            k * col_w + box_w / 2,
            -0.45,
            round_name(rep.season, key),
            ha="center",
            va="center",
            fontsize=11,
            fontweight="bold",
        )
    for a, b in links:
        x0, y0 = a.column * col_w + box_w, a.y * slot_h + box_h / 2 - 0.1
        x1, y1 = b.column * col_w, b.y * slot_h + box_h / 2 - 0.1
        xm = (x0 + x1) / 2
        ax.plot([x0, xm, xm, x1], [y0, y0, y1, y1], color="#888888", linewidth=1.0)
    for box in boxes:
        _draw_box(ax, box, col_w, slot_h, box_w, box_h)
    champion = rep.champion
    ax.set_title(
        f"{rep.season.title or rep.season.key}: from the {round_name(rep.season, start).lower()}"
        f" to the final (replayed); winners in bold; champion {champion}",
        fontsize=11,
        loc="left",
    )
    return fig


def _draw_box(ax: object, box: _Box, col_w: float, slot_h: float, w: float, h: float) -> None:
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    x, y = box.column * col_w, box.y * slot_h - 0.1
    tie_box(ax, x, y, w, h - 0.05)
    winner = box.tie.outcome.winner
    for n, (club, numbers) in enumerate(club_cells(box.tie)):
        weight = "bold" if club == winner else "normal"
        row_y = y + 0.17 + n * 0.25
        ax.text(x + 0.08, row_y, club, ha="left", va="center", fontsize=9.5, fontweight=weight)
        for k, number in enumerate(reversed(numbers)):
            last = k == 0
            ax.text(
                x + w - 0.1 - 0.3 * k,
                row_y,
                number,
                ha="right",
                va="center",
                fontsize=9.5,
                fontweight=weight if last else "normal",
                color="black" if last else "#555555",
            )
    ax.text(
        x + 0.08,
        y + 0.66,
        settled_text(box.tie),
        ha="left",
        va="center",
        fontsize=8,
        color="#555555",
    )
