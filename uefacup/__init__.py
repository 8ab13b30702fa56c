"""uefacup: the 2002-03 UEFA Cup as software.

The library does everything the CLI does::

    from uefacup import load_season, replay, resolve_tie
    season = load_season("2002-03")
    result = replay(season)
    result.champion            # 'Porto'

Modules are grouped by concept: ``model`` (frozen domain values), ``rules`` (pure tie and
entry-list rules), ``draw`` (seeding and draws), ``io`` (season folders and source importers),
``report`` (text and JSON rendering), ``cli`` (a thin shell).

Every name below is imported on first use (``__getattr__``), so that ``import uefacup.cli``
and ``uefacup --help`` load nothing they do not need: a subpackage import always runs this
file first, and the season schema, the rules and the readers would otherwise come with it.
Type checkers see ordinary imports.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_WHERE: dict[str, str] = {
    "Association": "uefacup.model",
    "Club": "uefacup.model",
    "DataError": "uefacup.errors",
    "DecidedBy": "uefacup.model",
    "Discrepancy": "uefacup.reconcile",
    "DrawError": "uefacup.errors",
    "EntryInputs": "uefacup.rules.entry_list",
    "EntryList": "uefacup.rules.entry_list",
    "EntryListError": "uefacup.errors",
    "ExtraTime": "uefacup.model",
    "Label": "uefacup.model",
    "Leg": "uefacup.model",
    "ParseError": "uefacup.errors",
    "Round": "uefacup.model",
    "RuleSet": "uefacup.model",
    "Score": "uefacup.model",
    "Season": "uefacup.model",
    "SeasonError": "uefacup.errors",
    "SeasonReplay": "uefacup.replay",
    "SimulationError": "uefacup.errors",
    "Tie": "uefacup.model",
    "TieError": "uefacup.errors",
    "TieOutcome": "uefacup.model",
    "UefaCupError": "uefacup.errors",
    "UnknownClubError": "uefacup.errors",
    "derive_entry_list": "uefacup.rules.entry_list",
    "embedded_seasons": "uefacup.io.season_folder",
    "find_seeds": "uefacup.io.seeds",
    "load_entry_inputs": "uefacup.io.entry_inputs",
    "load_season": "uefacup.io.season_folder",
    "load_season_with_aliases": "uefacup.io.season_folder",
    "read_seeds": "uefacup.io.seeds",
    "reconcile": "uefacup.reconcile",
    "replay": "uefacup.replay",
    "resolve_tie": "uefacup.rules.ties",
    "shootout_possible": "uefacup.rules.ties",
    "validate_tie": "uefacup.rules.ties",
}
"""Public name -> the module that defines it."""

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


def _lazy_names(
    package: str,
    where: Mapping[str, str],
    namespace: MutableMapping[str, Any],
    public: Iterable[str],
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package`` (PEP 562): a name of ``where`` is
    imported from its module the first time it is asked for and kept in ``namespace`` (the
    package's globals), so the loader runs once a name. ``uefacup.draw`` uses it too; it lives
    here because importing the package must load no submodule (``uefacup --help`` stays light).
    """
    names = tuple(public)

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(names))

    return __getattr__, __dir__


__getattr__, __dir__ = _lazy_names(__name__, _WHERE, globals(), __all__)


class _Package(types.ModuleType):
    """This package's module object: it keeps ``uefacup.replay`` and ``uefacup.reconcile`` the
    public functions after their submodules are imported.

    The import system binds a submodule as an attribute of its package. Two public functions
    share their module's name; an eager ``__init__`` rebound them after importing the modules,
    and a lazy one must refuse the module instead, or ``uefacup.replay`` would turn into a
    module as soon as anything imported ``uefacup.replay``'s module.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _WHERE.get(name) == value.__name__:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
