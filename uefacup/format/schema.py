"""The schema of ``season.toml``: pydantic v2 models, strict, unknown keys forbidden.

Why pydantic in strict mode: a season file is written by hand, and the two failures that cost
users results are a misspelt key that is silently ignored (``extra_tme = "full"`` would turn a
silver-goal final into full extra time) and a value of the wrong type that is silently coerced
(``away_goals = "no"`` read as true, ``legs = 2.9`` read as 2). Strict models refuse both, and
``model_json_schema()`` publishes the format (``uefacup schema``; README, "Season format").

These models only describe shape and the rules that need no other file. Checks against the
club list (round sizes, group sizes adding up, entrants) live in ``uefacup.format.checks``.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

ExtraTimeKind = Literal["none", "full", "silver_goal", "golden_goal"]

_STRICT = ConfigDict(strict=True, extra="forbid", frozen=True)

Key = Annotated[str, Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]


class TieRules(BaseModel):
    """How a tie of a round is decided. Every key may be left out of a round and is then taken
    from ``[format.defaults]``, and from the built-in default below where that omits it too."""

    model_config = _STRICT

    legs: Literal[1, 2] | None = Field(
        default=None, description="1 (one match) or 2 (home and away)."
    )
    away_goals: bool | None = Field(
        default=None, description="Level on aggregate: more goals scored away wins (two legs only)."
    )
    away_goals_in_extra_time: bool | None = Field(
        default=None,
        description="Goals the visitors score in extra time of the second leg count as away "
        "goals (needs away_goals).",
    )
    extra_time: ExtraTimeKind | None = Field(
        default=None,
        description="What follows a level tie: none (straight to penalties), full (two halves "
        "played out), silver_goal (a side leading after either half wins), golden_goal (the "
        "first goal wins).",
    )
    extra_time_minutes: Annotated[int, Field(ge=2, le=60, multiple_of=2)] | None = Field(
        default=None,
        description="Length of extra time in minutes (two equal halves).",
    )
    penalties: Literal[True] | None = Field(
        default=None,
        description="A shoot-out settles a tie still level; must be true (replays are not "
        "modelled).",
    )


BUILT_IN_RULES: dict[str, object] = {
    "legs": 2,
    "away_goals": True,
    "away_goals_in_extra_time": True,
    "extra_time": "full",
    "extra_time_minutes": 30,
    "penalties": True,
}
"""The defaults of a key that neither a round nor ``[format.defaults]`` gives."""


class DrawSpec(BaseModel):
    """How a round is drawn."""

    model_config = _STRICT

    seeded: bool = Field(
        description="true: clubs are split by club coefficient into a seeded and an unseeded "
        "half and every tie pairs one of each; false: one open bowl."
    )
    groups: list[Annotated[int, Field(ge=2)]] = Field(
        default_factory=list,
        description="Sizes of the draw groups, in order; they must add up to the round's clubs. "
        "Empty: one group.",
    )
    associations_apart: bool = Field(
        default=False, description="Clubs of one association may not be drawn together."
    )
    forbidden_pairs: list[Annotated[list[str], Field(min_length=2, max_length=2)]] = Field(
        default_factory=list,
        description="Pairs of clubs (canonical names) that may not be drawn together.",
    )
    nominal_home: bool = Field(
        default=True,
        description="One-match round: the first club drawn is the nominal home side.",
    )
    held_with: list[Key] = Field(
        default_factory=list,
        description="Keys of the rounds drawn the same day straight after this one, in order; "
        "they must follow this round directly and be open draws.",
    )


class RoundSpec(TieRules):
    """One round of the competition: its key and name, tie rules and draw."""

    key: Key = Field(description="Identifier used in matches.csv, clubs.csv, the CLI and JSON.")
    name: str = Field(min_length=1, description='Printable name ("Quarter-finals").')
    short: Annotated[str, Field(min_length=1, max_length=4)] | None = Field(
        default=None,
        description='Column heading in narrow tables ("QF"); derived from the name when left out.',
    )
    proper: bool = Field(
        default=True,
        description="Counted in the competition proper's statistics (false: a qualifying "
        "round, summarised apart).",
    )
    venue: Literal["neutral", "first-drawn"] | None = Field(
        default=None,
        description="One-leg rounds only (required there): at a neutral ground, or at the "
        "ground of the club drawn first.",
    )
    entrants: Annotated[int, Field(ge=0)] | None = Field(
        default=None, description="Clubs entering here, checked against clubs.csv when given."
    )
    draw: DrawSpec = Field(description="How the round is drawn (an inline table).")


class FormatSpec(BaseModel):
    """The competition's rounds, in the order they are played; the last one is the final."""

    model_config = _STRICT

    defaults: TieRules = Field(
        default_factory=lambda: TieRules.model_validate({}),
        description="Tie rules of every round that does not set them itself.",
    )
    round: list[RoundSpec] = Field(min_length=1, description="The rounds, first to final.")


def resolved_rules(spec: TieRules, defaults: TieRules) -> dict[str, object]:
    """The round's tie rules with ``[format.defaults]`` and the built-in defaults filled in."""
    out: dict[str, object] = {}
    for name in BUILT_IN_RULES:
        value = getattr(spec, name)
        if value is None:
            value = getattr(defaults, name)
        out[name] = BUILT_IN_RULES[name] if value is None else value
    return out


class FinalFacts(BaseModel):
    """Where and when the final was played (a one-match final)."""

    model_config = _STRICT

    date: dt.date | None = Field(default=None, description="Date of the final.")
    venue: str = Field(default="", description="Ground and city of a one-match final.")


class ScheduleSpec(BaseModel):
    """When and where a round was drawn, and the nominal dates of its legs."""

    model_config = _STRICT

    round: Key = Field(description="A round key of the format.")
    draw_date: dt.date | None = Field(default=None, description="Day of the round's draw.")
    draw_place: str = Field(default="", description="City of the draw.")
    legs: list[dt.date] = Field(
        default_factory=list, max_length=2, description="Nominal date of each leg."
    )


class StatedTotals(BaseModel):
    """Totals the sources state about the season; check-sources compares them with the data."""

    model_config = _STRICT

    matches_proper: Annotated[int, Field(ge=0)] | None = Field(
        default=None, description="Matches of the competition proper."
    )
    goals_proper: Annotated[int, Field(ge=0)] | None = Field(
        default=None, description="Goals of the competition proper (extra time included)."
    )
    goals_per_match_proper: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = Field(
        default=None, description="Goals per match of the competition proper."
    )
    teams: Annotated[int, Field(ge=0)] | None = Field(default=None, description="Entrants.")
    associations: Annotated[int, Field(ge=0)] | None = Field(
        default=None, description="Associations with an entrant."
    )


class MissingCoefficient(BaseModel):
    """How the draw seeds a club that has no club coefficient of its own."""

    model_config = _STRICT

    rule: Literal["association-share"] = Field(
        description="association-share: a share of its association's coefficient, ranked "
        "below clubs with a coefficient of their own at an equal value."
    )
    share: int | float | str = Field(
        description='A number or a fraction such as "1/3", from 0 to 1.'
    )

    @field_validator("share", mode="after")
    @classmethod
    def _a_share(cls, value: int | float | str) -> int | float | str:
        if share_fraction(value) is None:
            raise ValueError('must be a number or a fraction such as "1/3" from 0 to 1')
        return value

    @property
    def fraction(self) -> Fraction:
        found = share_fraction(self.share)
        assert found is not None  # validated
        return found


def share_fraction(value: object) -> Fraction | None:
    """A share from 0 to 1 as TOML gives it (int, float or a "p/q" string); None if it is not."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        share = Fraction(value.strip()) if isinstance(value, str) else Fraction(repr(value))
    except (ValueError, ZeroDivisionError):
        return None
    return share if 0 <= share <= 1 else None


class DrawSettings(BaseModel):
    """Settings every draw of the season shares."""

    model_config = _STRICT

    missing_coefficient: MissingCoefficient | None = Field(
        default=None, description="Without it, a club with no coefficient cannot be seeded."
    )


class SeasonFile(BaseModel):
    """``season.toml``: the season's facts and its competition format."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, title="season.toml")

    key: str = Field(min_length=1, description="The season's name, e.g. 2002-03.")
    title: str = Field(min_length=1, description="Printable title.")
    edition: Annotated[int, Field(ge=1)] | None = Field(
        default=None, description="Edition number of the competition."
    )
    holders: str | None = Field(default=None, description="The previous season's winners.")
    attendance: Annotated[int, Field(ge=0)] | None = Field(
        default=None,
        description="Total attendance of the competition proper, where a source gives it.",
    )
    final: FinalFacts = Field(default_factory=lambda: FinalFacts.model_validate({}))
    schedule: list[ScheduleSpec] = Field(
        default_factory=list, description="When each round was drawn and played."
    )
    stated: StatedTotals = Field(default_factory=lambda: StatedTotals.model_validate({}))
    draw: DrawSettings = Field(default_factory=lambda: DrawSettings.model_validate({}))
    format: FormatSpec = Field(description="The competition's rounds and their rules.")
