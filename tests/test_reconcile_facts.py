"""check-sources over match facts: one disagreement per (match, fact), keyed for NOTES.md."""

from __future__ import annotations

from uefacup.io.match_facts import HistoricalRecord, MatchFact, Source
from uefacup.reconcile_facts import fact_discrepancies

ROW = {
    "home": "Rangers",
    "away": "Viktoria Žižkov",
    "date": "2002-10-03",
    "score": "2-0",
    "aet": "3-1",
    "pens": "",
}
MATCH = ("first", 43, 2)


def _record(*facts: tuple[str, str, str]) -> HistoricalRecord:
    return HistoricalRecord(
        (Source("A", "a", "https://a"), Source("B", "b", "https://b")),
        tuple(MatchFact("first", 43, 2, f, v, s, "match_facts.csv:2") for f, v, s in facts),
        (),
    )


def test_agreeing_sources_and_table_give_no_disagreement() -> None:
    rec = _record(
        ("date", "2002-10-03", "A"),
        ("date", "2002-10-03", "B"),
        ("extra_time", "yes", "A"),
        ("score_90", "2-0", "B"),
        ("venue", "Ibrox", "A"),
    )
    assert fact_discrepancies(rec, {MATCH: ROW}) == []


def test_sources_that_disagree_with_each_other_are_one_item() -> None:
    rec = _record(("date", "2002-10-03", "A"), ("date", "2002-10-02", "B"))
    (item,) = fact_discrepancies(rec, {MATCH: ROW})
    assert item.key == "fact:first:43:2:date"
    assert item.stated == "2002-10-02 (B); 2002-10-03 (A)" and item.dataset == "2002-10-03"


def test_a_source_against_the_table_is_reported() -> None:
    """Extra time 'no' against a leg that has an a.e.t. score in matches.csv."""
    rec = _record(("extra_time", "no", "A"))
    (item,) = fact_discrepancies(rec, {MATCH: ROW})
    assert item.key == "fact:first:43:2:extra_time" and item.dataset == "yes"


def test_venues_disagreeing_among_sources_only() -> None:
    rec = _record(("venue", "Ibrox", "A"), ("venue", "Hampden", "B"))
    (item,) = fact_discrepancies(rec, {MATCH: ROW})
    assert item.key == "fact:first:43:2:venue" and item.dataset == "—"
