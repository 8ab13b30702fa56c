"""``uefacup draw ROUND --probabilities``: a season round's pairing odds, by Monte Carlo."""

from __future__ import annotations

import json

import click

from uefacup.model import Season
from uefacup.report.console import make_console

DEFAULT_RUNS = 10_000


def print_season_odds(season: Season, round_: str, runs: int, seed: int, fmt: str) -> None:
    """Every pair that met in the draws (JSON), and the real ties' probabilities (text too)."""
    from uefacup.draw.season_odds import season_pairing_odds

    if runs < 1 or runs > 1_000_000:
        raise click.BadParameter("must be from 1 to 1,000,000", param_hint="'--runs'")
    odds = season_pairing_odds(season, round_, runs, seed)
    real = odds.real_ties(season)
    if fmt == "json":
        pairs = sorted(odds.met.items(), key=lambda kv: (-kv[1], sorted(kv[0])))
        data = {
            "round": round_,
            "method": "monte-carlo",
            "runs": runs,
            "seed": seed,
            "pairs": [
                {"clubs": sorted(k), "probability": n / runs, "se": odds.standard_error(*k)}
                for k, n in pairs
            ],
            "real_ties": [
                {"first": a, "second": b, "probability": p, "se": se} for a, b, p, se in real
            ],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    console = make_console()
    console.print(
        f"{season.round_name(round_)}: pairing probabilities by Monte Carlo, {runs:,} draws of "
        f"the season's procedure (seeds {seed}..{seed + runs - 1}), ± one standard error",
        markup=False,
    )
    console.print("The real draw, tie by tie:")
    width = max(len(f"{a} v {b}") for a, b, _, _ in real) if real else 0
    for a, b, p, se in real:
        console.print(f"  {f'{a} v {b}':<{width}}  {100 * p:5.1f} % ± {100 * se:.1f}", markup=False)
    if not real:
        console.print("  (the season records no ties of this round)")
    console.print("JSON (--format json) lists every pair that met.")
