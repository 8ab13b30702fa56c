"""Disagreements among the non-seed match facts, and between them and ``matches.csv``.

``check-sources`` reports these beside the seed reconciliation (``uefacup.reconcile``). One
discrepancy per (match, fact) whose sources disagree with each other or with the match table,
keyed ``fact:ROUND:TIE:LEG:FACT``; NOTES.md documents it by citing that key.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from uefacup.io.csvtable import Problems, read_rows
from uefacup.io.match_facts import HistoricalRecord, MatchKey, load_historical_record
from uefacup.reconcile import Discrepancy

MatchRow = Mapping[str, str]


def read_match_rows(folder: Path) -> dict[MatchKey, MatchRow]:
    """``matches.csv`` keyed by (round, tie, leg), as plain strings (no rule checks here)."""
    problems = Problems()
    out: dict[MatchKey, MatchRow] = {}
    for row in read_rows(folder / "matches.csv", ("round", "tie", "leg"), problems):
        try:
            out[(row.get("round"), int(row.get("tie")), int(row.get("leg")))] = row.values
        except ValueError:
            problems.add(row.where, "tie and leg must be numbers")
    problems.raise_if_any()
    return out


def _dataset_value(fact: str, row: MatchRow) -> str | None:
    """What ``matches.csv`` says about ``fact`` (None: the table does not hold that fact)."""
    if fact == "date":
        return row.get("date", "")
    if fact == "score_90":
        return row.get("score", "")
    if fact == "score_aet":
        return row.get("aet", "")
    if fact == "penalties":
        return row.get("pens", "")
    if fact == "extra_time":
        return "yes" if (row.get("aet") or row.get("pens")) else "no"
    return None


def fact_discrepancies(
    record: HistoricalRecord, matches: Mapping[MatchKey, MatchRow]
) -> list[Discrepancy]:
    groups: dict[tuple[MatchKey, str], list[tuple[str, str]]] = defaultdict(list)
    for f in record.facts:
        groups[(f.match, f.fact)].append((f.value, f.source))
    out: list[Discrepancy] = []
    for (match, fact), stated in groups.items():
        dataset = _dataset_value(fact, matches[match])
        values = {v for v, _ in stated}
        if len(values) == 1 and (dataset is None or dataset in values):
            continue
        row = matches[match]
        rnd, tie, leg = match
        out.append(
            Discrepancy(
                key=f"fact:{rnd}:{tie}:{leg}:{fact}",
                kind=fact.replace("_", " "),
                subject=f"{rnd} tie {tie} leg {leg}: {row.get('home')} v {row.get('away')}",
                source=", ".join(sorted({s for _, s in stated})),
                stated="; ".join(f"{v} ({s})" for v, s in sorted(stated)),
                dataset="—" if dataset is None else (dataset or "(empty)"),
            )
        )
    return sorted(out, key=lambda d: d.key)


def folder_fact_discrepancies(folder: Path) -> list[Discrepancy]:
    """Load a season folder's facts (when it has them) and compare; [] without the files."""
    if not (folder / "match_facts.csv").is_file():
        return []
    matches = read_match_rows(folder)
    with (folder / "clubs.csv").open(encoding="utf-8") as fh:
        clubs = {r.get("name", "") for r in csv.DictReader(fh)}
    record = load_historical_record(folder, matches, clubs, {k[0] for k in matches})
    return fact_discrepancies(record, matches)
