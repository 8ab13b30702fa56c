"""DataFrames: every frame has exactly its declared columns and dtypes, and its values are the
facts of 2002-03 as worked out by hand from the season's published record."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from uefacup import derive_entry_list, load_entry_inputs, load_season, replay
from uefacup.draw import Constraints, Pots, Team
from uefacup.draw.files import PotsEntry
from uefacup.draw.odds import pairing_odds
from uefacup.frames import SCHEMAS, FrameSchema
from uefacup.frames.backtest import BACKTEST, backtest_frame
from uefacup.frames.clubs import CLUBS, ENTRY_LIST, entry_list_frame
from uefacup.frames.draw import PAIRINGS, PAIRINGS_MATRIX
from uefacup.frames.matches import MATCHES
from uefacup.frames.season import season_frame
from uefacup.frames.simulation import SIMULATION, SIMULATION_TIDY
from uefacup.frames.ties import TIES, ties_frame
from uefacup.simulate.results import SimulationResult

ROUNDS = (
    "qualifying",
    "first",
    "second",
    "third",
    "fourth",
    "quarter-final",
    "semi-final",
    "final",
)
COLUMNS = (*ROUNDS, "champion")

pd = pytest.importorskip("pandas")

README = Path(__file__).resolve().parents[2] / "README.md"


def assert_schema(
    frame: object, schema: FrameSchema, keys: list[str] | tuple[str, ...] = ()
) -> None:
    """Columns in the declared order, each of the declared dtype."""
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(schema.dtypes(keys))
    assert {c: str(t) for c, t in frame.dtypes.items()} == schema.dtypes(keys)


@pytest.fixture(scope="module")
def season():  # type: ignore[no-untyped-def]
    return load_season("2002-03")


def test_matches_one_row_per_leg_and_the_final_row(season) -> None:  # type: ignore[no-untyped-def]
    """41 qualifying ties (82 legs) and 103 in the competition proper (102 two-legged and the
    final: 205 legs, the seeds' stated number of matches, with their stated 576 goals)."""
    m = season.to_frame()
    assert_schema(m, MATCHES)
    assert len(m) == 287
    proper = m[m["round"] != "qualifying"]
    assert len(proper) == 205
    assert int((proper["home_goals"] + proper["away_goals"]).sum()) == 576
    final = m[m["round"] == "final"].iloc[0]
    # Celtic 2-3 Porto after extra time, Seville, 21 May 2003, Celtic the nominal home side
    # (wp-en-final, ie-final; NOTES.md, issue 15): 2-2 after 90 minutes, 2-2 after the first
    # extra-time half, Derlei's goal in the second
    assert (final["home"], final["away"]) == ("Celtic", "Porto")
    assert (final["home_goals_90"], final["away_goals_90"]) == (2, 2)
    assert (final["home_goals_et_half"], final["away_goals_et_half"]) == (2, 2)
    assert (final["home_goals_aet"], final["away_goals_aet"]) == (2, 3)
    assert (final["home_goals"], final["away_goals"]) == (2, 3)
    assert bool(final["extra_time"]) is True
    assert final["home_penalties"] is pd.NA
    assert final["date"] == pd.Timestamp("2003-05-21")
    assert (final["home_association"], final["away_association"]) == ("Scotland", "Portugal")


def test_ties_final_semi_and_shootouts(season) -> None:  # type: ignore[no-untyped-def]
    t = season_frame(season, "ties")
    assert_schema(t, TIES)
    assert len(t) == 41 + 48 + 24 + 16 + 8 + 4 + 2 + 1
    final = t[t["round"] == "final"].iloc[0]
    assert (final["first"], final["second"], final["first_goals"], final["second_goals"]) == (
        "Celtic",
        "Porto",
        2,
        3,
    )
    assert (final["winner"], final["loser"], final["decided_by"]) == (
        "Porto",
        "Celtic",
        "extra_time",  # Porto's goal came in the second half of extra time (issue 15)
    )
    assert final["legs"] == 1 and final["first_away_goals"] is pd.NA
    # semi-final: Porto 4-1 Lazio, Lazio 0-0 Porto -> 4-1 on aggregate, Lazio's one away goal
    semi = t[(t["round"] == "semi-final") & (t["first"] == "Porto")].iloc[0]
    assert (semi["first_goals"], semi["second_goals"]) == (4, 1)
    assert (semi["first_away_goals"], semi["second_away_goals"]) == (0, 1)
    assert semi["decided_by"] == "aggregate"
    # quarter-final: Málaga v Boavista 1-1 on aggregate, Boavista through 4-1 on penalties
    qf = t[(t["round"] == "quarter-final") & (t["first"] == "Málaga")].iloc[0]
    assert (qf["winner"], qf["decided_by"]) == ("Boavista", "penalties")
    assert (qf["first_penalties"], qf["second_penalties"]) == (1, 4)


def test_replay_frame_is_the_ties_frame(season) -> None:  # type: ignore[no-untyped-def]
    rep = replay(season)
    pd.testing.assert_frame_equal(ties_frame(rep), ties_frame(season))


def test_clubs_frame(season) -> None:  # type: ignore[no-untyped-def]
    """145 clubs from 51 associations (the seeds' stated figures)."""
    c = season_frame(season, "clubs")
    assert_schema(c, CLUBS)
    assert len(c) == 145 and c["association"].nunique() == 51
    porto = c[c["club"] == "Porto"].iloc[0]
    assert porto["association"] == "Portugal"


def test_entry_list_frame_has_the_audit_trail() -> None:
    entry_list = derive_entry_list(load_entry_inputs("2002-03"))
    e = entry_list_frame(entry_list)
    assert_schema(e, ENTRY_LIST)
    assert len(e) == 145
    assert e["how"].notna().all()
    zenit = e[e["club"] == "Zenit Saint Petersburg"].iloc[0]
    assert (zenit["round"], zenit["label"], zenit["how"]) == (
        "qualifying",
        "3rd",
        "league position",
    )


def _result(counts: list[list[int]], runs: int) -> SimulationResult:
    return SimulationResult(
        clubs=("A", "B"),
        rounds=ROUNDS,
        associations=("X", "Y"),
        counts=np.array(counts, dtype=np.int64),
        runs=runs,
        requested=runs,
        seed=7,
        from_round=None,
        engine="test",
        model="test model",
    )


def test_simulation_wide_blank_before_entry_and_tidy_error() -> None:
    """Club A entered at the qualifying round, club B at the first round (a count equal to the
    runs in its first round); 4 runs. B reached the final in 1 run of 4 and won it in 1:
    p = 0.25, standard error sqrt(0.25 * 0.75 / 4) = 0.21651."""
    n = len(COLUMNS)
    a = [4, 3, 2, 1, 0, 0, 0, 0, 0][:n]
    b = [0, 4, 4, 4, 4, 4, 2, 1, 1][:n]
    result = _result([a, b], runs=4)
    wide = result.to_frame()
    assert_schema(wide, SIMULATION, list(COLUMNS))
    assert list(wide["club"]) == ["B", "A"]  # the champion's chance orders the table
    row_b = wide.iloc[0]
    assert row_b["entered"] == "first"
    assert row_b["qualifying"] is pd.NA  # not a 0 % chance: B never played that round
    assert row_b["final"] == 0.25 and row_b["champion"] == 0.25
    assert wide.iloc[1]["qualifying"] == 1.0
    with_se = result.to_frame(se=True)
    assert math.isclose(with_se.iloc[0]["final_se"], 0.21650635, rel_tol=1e-6)
    tidy = result.to_frame(tidy=True)
    assert_schema(tidy, SIMULATION_TIDY)
    assert len(tidy) == (n - 1) + n  # B has no qualifying row
    b_final = tidy[(tidy["club"] == "B") & (tidy["round"] == "final")].iloc[0]
    assert (b_final["count"], b_final["runs"], b_final["probability"]) == (1, 4, 0.25)
    assert math.isclose(b_final["se"], 0.21650635, rel_tol=1e-6)
    assert wide.attrs["seed"] == 7


def test_pairings_association_rule() -> None:
    """Two seeded (English, Spanish), two unseeded (English, Italian); clubs of one association
    never meet, so the English unseeded club must draw the Spanish one: P = 1 and 0."""
    pots = Pots(
        seeded=(Team("Leeds", "England"), Team("Real", "Spain")),
        unseeded=(Team("Ipswich", "England"), Team("Lazio", "Italy")),
    )
    odds = pairing_odds(PotsEntry("test", pots, Constraints()))
    tidy = odds.to_frame()
    assert_schema(tidy, PAIRINGS)
    got = {(r.unseeded, r.seeded): r.probability for r in tidy.itertuples()}
    assert got == {
        ("Ipswich", "Leeds"): 0.0,
        ("Ipswich", "Real"): 1.0,
        ("Lazio", "Leeds"): 1.0,
        ("Lazio", "Real"): 0.0,
    }
    wide = odds.to_frame(wide=True)
    assert_schema(wide, PAIRINGS_MATRIX, ["Leeds", "Real"])
    assert list(wide.index) == ["Ipswich", "Lazio"]
    assert wide.loc["Ipswich", "Real"] == 1.0


def test_backtest_frame_brier_terms() -> None:
    report = {
        "per_tie": [
            {
                "round": "final",
                "first": "Porto",
                "second": "Celtic",
                "winner": "Porto",
                "model": 0.6,
                "coefficient": 0.7,
            },
            {
                "round": "semi-final",
                "first": "Lazio",
                "second": "Porto",
                "winner": "Porto",
                "model": 0.4,
                "coefficient": 0.5,
            },
        ]
    }
    b = backtest_frame(report)
    assert_schema(b, BACKTEST)
    assert list(b["first_won"]) == [True, False]
    assert np.allclose(b["brier_model"], [0.16, 0.16])  # (0.6-1)², (0.4-0)²
    assert np.allclose(b["brier_coefficient"], [0.09, 0.25])


def test_every_schema_is_documented_in_the_readme() -> None:
    """The README's column tables are the schemas' own text (docs/make_frames_doc.py)."""
    text = README.read_text("utf-8")
    for schema in SCHEMAS:
        assert schema.markdown() in text, f"README is out of date for {schema.name}"


def test_frames_do_not_import_pandas_until_used() -> None:
    code = (
        "import sys, uefacup, uefacup.frames, uefacup.simulate.results, uefacup.cli;"
        "print('pandas' in sys.modules or 'matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_reprs_are_one_short_line(season) -> None:  # type: ignore[no-untyped-def]
    """The season's dataclass repr was 126,624 characters; a summary line says what matters."""
    text = repr(season)
    assert "\n" not in text and len(text) < 200
    assert text == (
        "<Season 2002-03 '2002–03 UEFA Cup': 145 clubs from 51 associations, 8 rounds, "
        "144 ties, 287 matches; champion Porto>"
    )
    rep = replay(season)
    assert repr(rep) == (
        "<SeasonReplay 2002-03: champion Porto, runner-up Celtic (2–3, extra_time); 144 ties "
        "in 8 rounds; proper: 205 matches, 576 goals>"
    )
    for html in (season._repr_html_(), rep._repr_html_()):
        assert "<table>" in html and "Quarter-finals" in html and len(html) < 5000
    assert repr(_result([[1] * len(COLUMNS), [1] * len(COLUMNS)], 1)).startswith(
        "<SimulationResult: 1 seasons from start, seed 7"
    )
