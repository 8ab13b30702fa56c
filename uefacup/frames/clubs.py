"""A season's clubs, and a derived entry list with its audit trail, as DataFrames.

The clubs frame is what ``clubs.csv`` records (the entrants as the season lists them); the entry
list frame is what ``derive_entry_list`` computes from the association ranking and the domestic
results, one row per entrant with the sentence saying how its berth was filled, so the two can
be compared with a merge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from uefacup.frames.schema import Column, FrameSchema
from uefacup.model import Season
from uefacup.rules.access import round_name

if TYPE_CHECKING:
    import pandas as pd

    from uefacup.rules.entry_list import EntryList

__all__ = ["CLUBS", "ENTRY_LIST", "clubs_frame", "clubs_rows", "entry_list_frame"]

CLUBS = FrameSchema(
    name="clubs",
    row="one row per entrant, in the order of the season's clubs.csv",
    columns=(
        Column("club", "string", "canonical name, the identifier every other frame uses"),
        Column("association", "string", "national association"),
        Column("round", "string", "round key the club entered at"),
        Column("label", "string", "how it took its berth: CW, CR, LC, 1st … 7th, FP, UIC …"),
        Column("coefficient", "Float64", "club coefficient used for seeding; <NA> where none"),
        Column("coefficient_source", "string", "source id of the coefficient (see NOTES.md)"),
        Column("aliases", "string", "other spellings the sources use, joined by `; `"),
    ),
)

ENTRY_LIST = FrameSchema(
    name="entry_list",
    row="one row per entrant derived by the access rules, in the order they were derived",
    columns=(
        Column("club", "string", "canonical name"),
        Column("association", "string", "national association"),
        Column("round", "string", "round key of entry"),
        Column("label", "string", "the label of the berth taken (CW, 2nd, UIC …)"),
        Column("place", "string", "the association's place the club filled"),
        Column("place_round", "string", "the round that place entered at before any promotion"),
        Column("promoted", "boolean", "True where the title-holders rule moved the place up"),
        Column("how", "string", "audit trail: why this club took this place"),
    ),
)


def clubs_frame(season: Season) -> pd.DataFrame:
    """``CLUBS`` for ``season``."""
    return CLUBS.build(clubs_rows(season))


def clubs_rows(season: Season) -> list[dict[str, Any]]:
    """The rows of ``CLUBS`` as plain values (see ``matches_rows``)."""
    return [
        {
            "club": c.name,
            "association": c.association,
            "round": str(c.round),
            "label": c.label.value,
            "coefficient": c.coefficient,
            "coefficient_source": c.coefficient_source or None,
            "aliases": "; ".join(c.aliases) or None,
        }
        for c in season.clubs
    ]


def entry_list_frame(entry_list: EntryList) -> pd.DataFrame:
    """``ENTRY_LIST`` for a derived entry list, each row with the step that placed the club."""
    trail: dict[str, dict[str, Any]] = {}
    for res in entry_list.resolutions:
        for a in res.assignments:
            trail[a.club] = {
                "place_round": str(a.place.round),
                "promoted": a.place.promoted,
                "how": a.how,
            }
        for e in entry_list.external.get(res.association, ()):
            trail[e.club] = {
                "place_round": str(e.round),
                "promoted": False,
                "how": f"entered outside the domestic places ({round_name(e.round)})",
            }
    rows = []
    for e in entry_list.entries:
        t = trail.get(e.club, {})
        rows.append(
            {
                "club": e.club,
                "association": e.association,
                "round": str(e.round),
                "label": e.label.value,
                "place": e.place,
                "place_round": t.get("place_round"),
                "promoted": t.get("promoted"),
                "how": t.get("how"),
            }
        )
    return ENTRY_LIST.build(rows)
