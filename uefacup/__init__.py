"""uefacup: the 2002-03 UEFA Cup as software.

The library does everything the CLI does::

    from uefacup import load_season, replay, resolve_tie
    season = load_season("2002-03")
    result = replay(season)
    result.champion            # 'Porto'

Modules are grouped by concept: ``model`` (frozen domain values), ``rules`` (pure tie and
entry-list rules), ``draw`` (seeding and draws), ``io`` (season folders and source importers),
``report`` (text and JSON rendering), ``cli`` (a thin shell).
"""

from uefacup.errors import (
    DataError,
    DrawError,
    EntryListError,
    ParseError,
    SeasonError,
    SimulationError,
    TieError,
    UefaCupError,
    UnknownClubError,
)
from uefacup.io.entry_inputs import load_entry_inputs
from uefacup.io.season_folder import embedded_seasons, load_season, load_season_with_aliases
from uefacup.io.seeds import find_seeds, read_seeds
from uefacup.model import (
    Association,
    Club,
    DecidedBy,
    ExtraTime,
    Label,
    Leg,
    Round,
    RuleSet,
    Score,
    Season,
    Tie,
    TieOutcome,
)
from uefacup.reconcile import Discrepancy, reconcile
from uefacup.replay import SeasonReplay, replay
from uefacup.rules.entry_list import EntryInputs, EntryList, derive_entry_list
from uefacup.rules.ties import resolve_tie, shootout_possible, validate_tie

__all__ = [
    "Association",
    "Club",
    "DataError",
    "DecidedBy",
    "Discrepancy",
    "DrawError",
    "EntryInputs",
    "EntryList",
    "EntryListError",
    "ExtraTime",
    "Label",
    "Leg",
    "ParseError",
    "Round",
    "RuleSet",
    "Score",
    "Season",
    "SeasonError",
    "SeasonReplay",
    "SimulationError",
    "Tie",
    "TieError",
    "TieOutcome",
    "UefaCupError",
    "UnknownClubError",
    "derive_entry_list",
    "embedded_seasons",
    "find_seeds",
    "load_entry_inputs",
    "load_season",
    "load_season_with_aliases",
    "read_seeds",
    "reconcile",
    "replay",
    "resolve_tie",
    "shootout_possible",
    "validate_tie",
]
