"""Rendering a what-if replay: the ties whose outcome changes under the new rules."""

from __future__ import annotations

from rich.console import Console

from uefacup.report.console import print_wrapped
from uefacup.report.replay_report import how
from uefacup.whatif import TieWhatIf, WhatIf


def render_whatif(result: WhatIf, console: Console) -> None:
    """The overrides, every tie whose winner or way of winning changes, then a count."""
    rules = ", ".join(f"{o.round}.{o.key}={_text(o.value)}" for o in result.overrides)
    print_wrapped(console, f"{result.real.season.title}: the real results under {rules}")
    names = {r.key: r.name for r in result.format}
    changed = result.changed
    if not changed:
        print_wrapped(console, "No tie is decided differently.")
        return
    for t in changed:
        mark = "WINNER CHANGES" if t.changed and t.outcome is not None else "changed"
        if t.settled_by_model:
            mark = "settled by the model" + (" (winner may change)" if t.changed else "")
        console.print()
        print_wrapped(console, f"{names[t.round]} tie {t.number}: {t.first} v {t.second} [{mark}]")
        print_wrapped(console, f"real: {t.real.winner} {how(t.real.decided_by)}", indent=2)
        print_wrapped(console, f"now:  {_now(t)}", indent=2, hanging=6)
    winners = sum(1 for t in result.ties if t.changed)
    model = sum(1 for t in result.ties if t.settled_by_model)
    console.print()
    print_wrapped(
        console,
        f"{len(changed)} of {len(result.ties)} ties are decided differently; "
        f"{winners} may change winner; {model} needed play that never happened and were "
        "settled by the match model from the 90-minute score. Later rounds are the real "
        "ones: a changed winner is not carried forward.",
        hanging=0,
    )
    models = {t.model for t in result.ties if t.model}
    for text in sorted(models):
        print_wrapped(console, f"model: {text}")


def _now(t: TieWhatIf) -> str:
    if t.outcome is not None:
        return f"{t.outcome.winner} {how(t.outcome.decided_by)}"
    assert t.chances is not None
    ranked = sorted(t.chances.items(), key=lambda kv: -kv[1])
    return " / ".join(f"{club} {100 * p:.1f} %" for club, p in ranked)


def _text(value: bool | int | str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
