"""Rendering a what-if replay: the ties whose outcome changes under the new rules."""

from __future__ import annotations

from rich.console import Console

from uefacup.report.replay_report import how
from uefacup.whatif import TieWhatIf, WhatIf


def render_whatif(result: WhatIf, console: Console) -> None:
    """The overrides, every tie whose winner or way of winning changes, then a count."""
    rules = ", ".join(f"{o.round}.{o.key}={_text(o.value)}" for o in result.overrides)
    console.print(f"{result.real.season.title}: the real results under {rules}", soft_wrap=True)
    names = {r.key: r.name for r in result.format}
    changed = result.changed
    if not changed:
        console.print("No tie is decided differently.")
        return
    for t in changed:
        mark = "WINNER CHANGES" if t.changed and t.outcome is not None else "changed"
        if t.settled_by_model:
            mark = "settled by the model" + (" (winner may change)" if t.changed else "")
        head = f"\n{names[t.round]} tie {t.number}: {t.first} v {t.second} [{mark}]"
        console.print(head, markup=False, soft_wrap=True)
        console.print(f"  real: {t.real.winner} {how(t.real.decided_by)}", markup=False)
        console.print(f"  now:  {_now(t)}", markup=False, soft_wrap=True)
    winners = sum(1 for t in result.ties if t.changed)
    model = sum(1 for t in result.ties if t.settled_by_model)
    console.print(
        f"\n{len(changed)} of {len(result.ties)} ties are decided differently; "
        f"{winners} may change winner; {model} needed play that never happened and were "
        "settled by the match model from the 90-minute score. Later rounds are the real "
        "ones: a changed winner is not carried forward.",
        soft_wrap=True,
    )
    models = {t.model for t in result.ties if t.model}
    for text in sorted(models):
        console.print(f"model: {text}", soft_wrap=True)


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
