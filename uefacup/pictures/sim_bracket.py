"""A simulated season's bracket: the most likely path from a real draw (``simulate --from``).

From round R the real ties of R are known (the plan keeps R's real draw), and so are the later
rounds drawn together with it (2002-03: the fourth round with the quarter-finals) and a final
between the two semi-final winners. Over those rounds the picture is a bracket: every club is
shown with its chance of reaching the next round (from the simulation's counts), and in each
tie the club more likely to go through is the one that advances into the next box, in bold:
the most likely path. A round drawn only after the one before was played has no pairings to
draw; from there on each round is a column of the clubs most likely to reach it, as many as
the round has places, with their chances, so no pairing is ever made up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from uefacup.errors import UefaCupError
from uefacup.model import Season
from uefacup.pictures.canvas import new_figure, tie_box

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from uefacup.simulate.results import SimulationResult

__all__ = ["simulated_bracket_figure"]


@dataclass
class _Box:
    column: int
    clubs: tuple[int, int]
    through: tuple[float, float]
    feeders: tuple[int, int] | None = None
    """Positions, in the column before, of the two ties whose favourites meet here."""
    y: float = 0.0

    @property
    def favourite(self) -> int:
        return self.clubs[0] if self.through[0] >= self.through[1] else self.clubs[1]


def _pct(p: float) -> str:
    return "<0.1 %" if 0 < p < 0.0005 else f"{100 * p:.1f} %"


def simulated_bracket_figure(result: SimulationResult, season: Season) -> Figure:
    """The most likely path of ``result`` (a run from a real round of ``season``)."""
    from uefacup.simulate.plan import build_plan

    if result.from_round is None or not result.runs:
        raise UefaCupError(
            "a simulated bracket starts from a real draw: simulate --from ROUND (not the start)"
        )
    plan = build_plan(season, str(result.from_round))
    start = plan.start
    if start not in plan.fixed:
        raise UefaCupError(f"no real draw of {start} to start a bracket from")
    index = {name: i for i, name in enumerate(result.clubs)}
    col = {key: k for k, key in enumerate(result.columns)}
    to_result = [index[name] for name in plan.clubs]

    def reach(club: int, key: str) -> float:
        return float(result.counts[to_result[club], col[key]]) / result.runs

    keys = [start]
    boxes: list[list[_Box]] = []
    key: str | None = start
    pairs = [(int(a), int(b)) for a, b in plan.fixed[start]]
    feeders: list[tuple[int, int] | None] = [None] * len(pairs)
    while key is not None:
        nxt = plan.next(key)
        through_key = nxt if nxt is not None else "champion"
        if boxes:
            previous = boxes[-1]
            links: list[tuple[int, int]]
            if key in plan.bracket:
                links = [(int(i), int(j)) for i, j in plan.bracket[key]]
            elif nxt is None and len(previous) == 2 and not len(plan.entrants.get(key, ())):
                links = [(0, 1)]
            else:
                break
            pairs = [(previous[i].favourite, previous[j].favourite) for i, j in links]
            feeders = list(links)
            keys.append(key)
        boxes.append(
            [
                _Box(len(boxes), (a, b), (reach(a, through_key), reach(b, through_key)), f)
                for (a, b), f in zip(pairs, feeders, strict=True)
            ]
        )
        key = nxt
    _layout(boxes)
    later: list[tuple[str, int, list[tuple[str, float]]]] = []
    while key is not None:
        places = 2 * len(boxes[-1]) // 2 if not later else later[-1][1] // 2
        places = max(places, 2)
        ranked = sorted(range(len(plan.clubs)), key=lambda c: -reach(c, key or ""))[:places]
        later.append((key, places, [(plan.clubs[c], reach(c, key)) for c in ranked]))
        key = plan.next(key)
    return _draw(result, season, keys, boxes, later, plan.clubs)


def _draw(
    result: SimulationResult,
    season: Season,
    keys: list[str],
    boxes: list[list[_Box]],
    later: list[tuple[str, int, list[tuple[str, float]]]],
    clubs: tuple[str, ...],
) -> Figure:
    col_w, slot_h, box_w, box_h = 3.0, 0.55, 2.65, 0.9
    listed = max((len(ranked) for _, _, ranked in later), default=0)
    height = max(2 * len(boxes[0]) * slot_h, 0.3 + 0.32 * listed)
    columns = len(keys) + len(later)
    fig = new_figure(0.4 + col_w * columns, 1.6 + height)
    ax = fig.add_subplot()
    ax.set_xlim(-0.1, col_w * columns)
    ax.set_ylim(height + 0.3, -0.8)
    ax.set_axis_off()
    for k, key in enumerate([*keys, *(name for name, _, _ in later)]):
        label = season.round_name(key)
        if k >= len(keys):
            label += "\n(drawn later)"
        ax.text(
            k * col_w + box_w / 2,
            -0.45,
            label,
            ha="center",
            va="center",
            fontsize=10.5,
            fontweight="bold",
        )
    for c, row in enumerate(boxes):
        for box in row:
            _box(ax, box, c * col_w, box.y * slot_h, box_w, box_h, clubs)
            if c + 1 < len(boxes):
                nxt = boxes[c + 1][_feeds(boxes, c, box)]
                x0, y0 = c * col_w + box_w, box.y * slot_h + box_h / 2 - 0.05
                x1, y1 = (c + 1) * col_w, nxt.y * slot_h + box_h / 2 - 0.05
                xm = (x0 + x1) / 2
                ax.plot([x0, xm, xm, x1], [y0, y0, y1, y1], color="#888888", linewidth=1.0)
    for k, (_key, _places, ranked) in enumerate(later):
        x = (len(keys) + k) * col_w
        for n, (name, p) in enumerate(ranked):
            ax.text(x + 0.08, 0.3 + n * 0.32, name, ha="left", va="center", fontsize=9.5)
            ax.text(
                x + box_w - 0.1,
                0.3 + n * 0.32,
                _pct(p),
                ha="right",
                va="center",
                fontsize=9.5,
                color="#333333",
            )
    title = result.season_title or result.season or season.title
    ax.set_title(
        f"{title}: the most likely path from the {season.round_name(keys[0]).lower()} "
        f"(simulated, {result.runs:,} runs, seed {result.seed})\n"
        "each club's chance of reaching the next round; the likelier club of each tie advances "
        "(bold);\nrounds drawn later: the clubs most likely to reach them",
        fontsize=10.5,
        loc="left",
    )
    return fig


def _layout(boxes: list[list[_Box]]) -> None:
    """Place the boxes: the last bracketed column's feeders first, depth first, so that the two
    ties feeding a box sit next to each other and the box halfway between them."""
    slot = 0.0

    def place(column: int, n: int) -> float:
        nonlocal slot
        box = boxes[column][n]
        if column == 0 or box.feeders is None:
            box.y = slot
            slot += 2
        else:
            box.y = (place(column - 1, box.feeders[0]) + place(column - 1, box.feeders[1])) / 2
        return box.y

    for n in range(len(boxes[-1])):
        place(len(boxes) - 1, n)


def _feeds(boxes: list[list[_Box]], column: int, box: _Box) -> int:
    """Position, in the next column, of the box this box's favourite plays in."""
    for n, other in enumerate(boxes[column + 1]):
        if box.favourite in other.clubs:
            return n
    return 0


def _box(
    ax: Axes, box: _Box, x: float, y: float, w: float, h: float, clubs: tuple[str, ...]
) -> None:
    tie_box(ax, x, y, w, h - 0.1)
    for n, (club, p) in enumerate(zip(box.clubs, box.through, strict=True)):
        weight = "bold" if club == box.favourite else "normal"
        row_y = y + 0.22 + n * 0.32
        ax.text(
            x + 0.08, row_y, clubs[club], ha="left", va="center", fontsize=9.5, fontweight=weight
        )
        ax.text(
            x + w - 0.1, row_y, _pct(p), ha="right", va="center", fontsize=9.5, fontweight=weight
        )
