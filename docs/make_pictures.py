"""Regenerate the pictures the README shows, under docs/pictures/.

Run from the repository root with the ``plot`` and ``sim`` extras installed::

    python docs/make_pictures.py

Every picture is made by the same library calls the CLI uses, with fixed seeds, so running the
script again gives the same figures (PNG metadata carries no date). The draw picture reads the
2023/24 Champions League round-of-16 pots kept beside the pictures
(``cl-2023-24-round-of-16.json``, taken from the shared knockout-draws file).
"""

from __future__ import annotations

from pathlib import Path

from uefacup import load_season, replay
from uefacup.draw import load_pots_file, pairing_odds
from uefacup.pictures.bracket import bracket_figure
from uefacup.pictures.canvas import save
from uefacup.pictures.sim_bracket import simulated_bracket_figure
from uefacup.simulate.plot import plot_heatmap
from uefacup.simulate.runner import simulate

HERE = Path(__file__).resolve().parent / "pictures"
RUNS = 20_000
SEED = 2003


def main() -> None:
    season = load_season("2002-03")
    made = []
    start = simulate(season, runs=RUNS, seed=SEED)
    made.append(plot_heatmap(start, HERE / "simulate-from-start-top-24.png", top=24))
    quarter = simulate(season, runs=RUNS, seed=SEED, from_round="quarter-final")
    made.append(plot_heatmap(quarter, HERE / "simulate-from-quarter-final.png"))
    made.append(save(bracket_figure(replay(season)), HERE / "bracket-2002-03.png"))
    fourth = simulate(season, runs=RUNS, seed=SEED, from_round="fourth")
    made.append(
        save(simulated_bracket_figure(fourth, season), HERE / "bracket-simulated-from-fourth.png")
    )
    odds = pairing_odds(load_pots_file(HERE / "cl-2023-24-round-of-16.json", index=0))
    made.append(odds.plot(HERE / "draw-probabilities-cl-2023-24.png"))
    for path in made:
        print(path.relative_to(HERE.parent.parent))


if __name__ == "__main__":
    main()
