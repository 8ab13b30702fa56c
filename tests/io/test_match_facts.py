"""The historical-record files: sources, per-match facts, real draw pots (issue 15)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from uefacup.errors import DataError
from uefacup.io.match_facts import load_historical_record

SEASON = Path(__file__).resolve().parents[2] / "uefacup" / "seasons" / "2002-03"

MATCHES = {("first", 1, 1), ("first", 1, 2)}
CLUBS = {"Porto", "Celtic"}
ROUNDS = {"first", "second"}


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def _folder(tmp_path: Path, facts: str, draws: str | None = None) -> Path:
    _write(
        tmp_path,
        "sources.csv",
        "key,publication,address\nA,Paper A,https://a\nB,Paper B,https://b\n",
    )
    _write(tmp_path, "match_facts.csv", "round,tie,leg,fact,value,source\n" + facts)
    if draws is not None:
        _write(tmp_path, "draw_groups.csv", "round,group,pot,club,source\n" + draws)
    return tmp_path


def test_good_files_are_read_into_frozen_values(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "first,1,2,date,2002-10-03,A\nfirst,1,2,date,2002-10-03,B\nfirst,1,2,score_90,2-0,A\n"
        "first,1,2,extra_time,yes,B\nfirst,1,1,attendance,47646,A\n",
        "first,1,seeded,Porto,A\nfirst,1,unseeded,Celtic,B\n",
    )
    rec = load_historical_record(folder, MATCHES, CLUBS, ROUNDS)
    assert [f.source for f in rec.facts_for(("first", 1, 2), "date")] == ["A", "B"]
    assert rec.source("B").address == "https://b"
    assert [(d.club, d.pot, d.group) for d in rec.draws] == [
        ("Porto", "seeded", "1"),
        ("Celtic", "unseeded", "1"),
    ]
    with pytest.raises(AttributeError):
        rec.facts[0].value = "x"  # type: ignore[misc]


def test_every_problem_is_reported_at_once_with_file_and_line(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "first,1,2,date,3 Oct 2002,A\n"  # line 2: malformed date
        "first,1,2,score_90,two-nil,A\n"  # line 3: malformed score
        "first,1,2,weather,rain,A\n"  # line 4: unknown fact
        "first,1,2,date,2002-10-03,Z\n"  # line 5: unknown source
        "second,9,1,date,2002-10-31,A\n"  # line 6: no such match
        "first,1,2,extra_time,maybe,A\n",  # line 7: bad flag
        "first,,seeded,Benfica,A\nfirst,,middle,Porto,A\n",
    )
    with pytest.raises(DataError) as info:
        load_historical_record(folder, MATCHES, CLUBS, ROUNDS)
    problems = info.value.problems
    assert len(problems) == 8
    assert problems[0].startswith("match_facts.csv:2:") and "bad date" in problems[0]
    assert problems[1].startswith("match_facts.csv:3:") and "bad score" in problems[1]
    assert problems[2].startswith("match_facts.csv:4:") and "unknown fact 'weather'" in problems[2]
    assert problems[3].startswith("match_facts.csv:5:") and "unknown source key 'Z'" in problems[3]
    assert (
        problems[4].startswith("match_facts.csv:6:")
        and "no match second tie 9 leg 1" in problems[4]
    )
    assert problems[5].startswith("match_facts.csv:7:") and "yes or no" in problems[5]
    assert problems[6].startswith("draw_groups.csv:2:") and "unknown club 'Benfica'" in problems[6]
    assert problems[7].startswith("draw_groups.csv:3:") and "seeded or unseeded" in problems[7]


def test_duplicate_source_key_is_a_problem(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "")
    _write(folder, "sources.csv", "key,publication,address\nA,P,https://a\nA,Q,https://q\n")
    with pytest.raises(DataError) as info:
        load_historical_record(folder, MATCHES, CLUBS, ROUNDS)
    assert info.value.problems == ("sources.csv:3: source key 'A' given twice",)


# --- the shipped 2002-03 data -------------------------------------------------------------

SEEDS = {"000", "001", "002", "003", "004", "sources"}


def _matches() -> dict[tuple[str, int, int], dict[str, str]]:
    with (SEASON / "matches.csv").open(encoding="utf-8") as fh:
        return {(r["round"], int(r["tie"]), int(r["leg"])): r for r in csv.DictReader(fh)}


def _clubs() -> set[str]:
    with (SEASON / "clubs.csv").open(encoding="utf-8") as fh:
        return {r["name"] for r in csv.DictReader(fh)}


def _record():  # type: ignore[no-untyped-def]
    matches = _matches()
    return load_historical_record(SEASON, matches, _clubs(), {k[0] for k in matches}), matches


def test_shipped_files_load_without_problems() -> None:
    rec, matches = _record()
    assert len(matches) == 287
    assert rec.facts and rec.sources


def test_every_source_beyond_the_seeds_has_a_web_address() -> None:
    """Except the keys that say they are no publication (`derived`, `real-ties`)."""
    rec, _ = _record()
    for s in rec.sources:
        if s.key not in SEEDS and not s.publication.startswith("not a publication"):
            assert s.address.startswith(("http://", "https://")), s


def test_fact_dates_agree_with_matches_csv_unless_notes_document_the_conflict() -> None:
    """A differing date stays only with its key ``fact:round:tie:leg:date`` in NOTES.md."""
    rec, matches = _record()
    notes = (SEASON / "NOTES.md").read_text(encoding="utf-8")
    for f in rec.facts:
        if f.fact == "date" and f.value != matches[f.match]["date"]:
            assert f"`fact:{f.round}:{f.tie}:{f.leg}:date`" in notes, f


def test_extra_time_facts_agree_with_matches_csv() -> None:
    """Extra time recorded in matches.csv (an a.e.t. score or a shoot-out) exactly where the
    facts say 'yes'; the 90-minute and a.e.t. scores equal the table's ``score`` and ``aet``."""
    rec, matches = _record()
    for f in rec.facts:
        row = matches[f.match]
        played_et = bool(row["aet"] or row["pens"])
        if f.fact == "extra_time":
            assert (f.value == "yes") == played_et, f
        elif f.fact == "score_90":
            assert f.value == row["score"], f
        elif f.fact == "score_aet":
            assert f.value == row["aet"], f
        elif f.fact == "penalties":
            assert f.value == row["pens"], f


def test_first_legs_never_have_extra_time_in_the_table() -> None:
    """'If away goals were also equal, then thirty minutes of extra time were played' happens
    after the second leg only (wp-en-r1, Format)."""
    for key, row in _matches().items():
        if key[2] == 1 and key[0] != "final":
            assert not row["aet"] and not row["pens"], key


def test_second_round_pots_pair_every_real_tie_seeded_with_unseeded() -> None:
    """'Every second-round tie paired a seeded club with an unseeded one' (sources/README)."""
    rec, matches = _record()
    pot = {d.club: d.pot for d in rec.draws if d.round == "second"}
    assert len(pot) == 48 and sum(p == "seeded" for p in pot.values()) == 24
    for (rnd, _tie, leg), row in matches.items():
        if rnd == "second" and leg == 1:
            assert {pot[row["home"]], pot[row["away"]]} == {"seeded", "unseeded"}


def test_second_round_group_three_is_six_and_six_and_keeps_its_ties() -> None:
    """svenskafans-r2-group3 names group 3: six seeded, six unseeded; each of their real ties
    was drawn inside the group."""
    rec, matches = _record()
    group = {d.club: d.group for d in rec.draws if d.round == "second" and d.group}
    three = [d for d in rec.draws if d.round == "second" and d.group == "3"]
    assert len(three) == 12 and sum(d.pot == "seeded" for d in three) == 6
    assert {d.source for d in three} == {"svenskafans-r2-group3"}
    for (rnd, _tie, leg), row in matches.items():
        if rnd == "second" and leg == 1 and (row["home"] in group or row["away"] in group):
            assert group.get(row["home"]) == group.get(row["away"]), row


def _unsettled(kind: str) -> set[tuple[str, int, int]]:
    """Matches NOTES.md lists as '- unsettled KIND: ROUND leg L: ties a, b, ...'."""
    out: set[tuple[str, int, int]] = set()
    notes = (SEASON / "NOTES.md").read_text(encoding="utf-8")
    prefix = f"- unsettled {kind}: "
    for line in notes.splitlines():
        if line.startswith(prefix):
            where, ties = line[len(prefix) :].split(": ties ")
            rnd, _, leg = where.rpartition(" leg ")
            out |= {(rnd, int(t), int(leg)) for t in ties.split(", ")}
    return out


def test_every_match_has_a_date_beyond_the_seeds_or_is_listed_as_unsettled() -> None:
    rec, matches = _record()
    dated = {f.match for f in rec.facts if f.fact == "date" and f.source not in SEEDS}
    unsettled = _unsettled("date")
    assert not dated & unsettled, "a match listed as unsettled has a date after all"
    assert set(matches) == dated | unsettled


def test_every_match_has_an_extra_time_flag_or_is_listed_as_unsettled() -> None:
    rec, matches = _record()
    flagged = {f.match for f in rec.facts if f.fact == "extra_time"}
    unsettled = _unsettled("extra time")
    assert not flagged & unsettled
    assert set(matches) - {("final", 1, 1)} <= flagged | unsettled
    assert ("final", 1, 1) in flagged


def test_derived_extra_time_rows_follow_the_rule() -> None:
    """'If away goals were also equal, then thirty minutes of extra time were played' (wp-en-r1
    Format): a 'derived' no is either a first leg, or a second leg that no level 90-minute score
    could precede (checked here by brute force over the possible 90-minute scores)."""
    rec, matches = _record()
    for f in rec.facts:
        if f.fact != "extra_time" or f.source != "derived":
            continue
        assert f.value == "no"
        if f.leg == 1:
            continue
        first = matches[(f.round, f.tie, 1)]["score"]
        final = matches[f.match]["aet"] or matches[f.match]["score"]
        h1, a1 = map(int, first.split("-"))  # first leg, from club A's side
        h2, a2 = map(int, final.split("-"))  # second leg, from club B's side
        level = [
            (b, a)
            for b in range(h2 + 1)
            for a in range(a2 + 1)
            if h1 + a == a1 + b and a == a1  # aggregate level and away goals level
        ]
        assert level == [], f


def test_readme_counts_are_the_counts_of_the_shipped_facts() -> None:
    """The README paragraph 'How much of the 2002–03 record is checked beyond the five seed
    texts' gives, per fact, the number of matches with a row from a source other than the
    seeds and ``derived``; counted here straight from the CSV, without the loader."""
    import re

    with (SEASON / "match_facts.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    beyond = {"date", "extra_time", "venue", "attendance", "score_90", "score_aet"}
    count = {
        fact: len(
            {
                (r["round"], r["tie"], r["leg"])
                for r in rows
                if r["fact"] == fact and r["source"] not in SEEDS | {"derived"}
            }
        )
        for fact in beyond | {"penalties"}
    }
    with_derived = len(
        {(r["round"], r["tie"], r["leg"]) for r in rows if r["fact"] == "extra_time"}
    )
    readme = (SEASON.parents[2] / "README.md").read_text(encoding="utf-8")
    text = " ".join(readme[readme.index("How much of the 2002–03 record") :].split())
    expected = (
        f"date {count['date']} matches, extra time yes/no {count['extra_time']} "
        f"({with_derived} with the legs"
    )
    assert expected in text
    for words, fact in [
        ("venue", "venue"),
        ("attendance", "attendance"),
        ("90-minute score", "score_90"),
        ("score after extra time", "score_aet"),
        ("shoot-out", "penalties"),
    ]:
        assert re.search(rf"\b{words} {count[fact]}\b", text), (words, count[fact])
    with (SEASON / "clubs.csv").open(encoding="utf-8") as fh:
        known = sum(1 for r in csv.DictReader(fh) if r["coefficient"])
    assert f"Club coefficients (2002): {known} of 145 clubs" in text
