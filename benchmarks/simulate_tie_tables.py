"""Cost and accuracy of the exact tie tables (every ordered pair of the 2002-03 clubs).

For several rule sets: seconds to build ``tie_table`` with the coefficient model, the
truncation bound reached, how far each row of ``decided_by`` is from summing to 1 and, for a
one-match rule set, how far P(A beats B) + P(B beats A) is from 1.

    python benchmarks/simulate_tie_tables.py
"""

from __future__ import annotations

import time

from uefacup.io.season_folder import load_season
from uefacup.model import ExtraTime, RuleSet
from uefacup.simulate.strengths import coefficient_model
from uefacup.simulate.tie_table import tie_table

RULES = {
    "two legs, full extra time (2002-03)": RuleSet(),
    "one match, silver goal (2002-03 final)": RuleSet(
        legs=1, away_goals=False, extra_time=ExtraTime.SILVER_GOAL
    ),
    "two legs, silver goal, no away goals": RuleSet(
        away_goals=False, extra_time=ExtraTime.SILVER_GOAL
    ),
    "two legs, golden goal": RuleSet(extra_time=ExtraTime.GOLDEN_GOAL),
    "two legs, no extra time": RuleSet(extra_time=ExtraTime.NONE),
}


def main() -> None:
    model = coefficient_model(load_season("2002-03"))
    tie_table(model, RuleSet())  # first-use imports out of the timing
    print(f"{'rule set':<42}{'seconds':>8}{'bound':>10}{'rows':>10}{'symmetry':>10}")
    for name, rules in RULES.items():
        began = time.perf_counter()
        table = tie_table(model, rules)
        seconds = time.perf_counter() - began
        rows = abs(table.decided_by.sum(axis=-1) - 1).max()
        p = table.first_through
        symmetry = f"{abs(p + p.T - 1).max():.1e}" if rules.legs == 1 else "-"
        print(f"{name:<42}{seconds:>8.2f}{table.error_bound:>10.1e}{rows:>10.1e}{symmetry:>10}")


if __name__ == "__main__":
    main()
