"""The pot file's schema (pydantic, strict, unknown keys refused) and its one-line problems.

Why strict: a misspelt key (``assoc`` for ``association``) would otherwise be ignored and
silently drop the constraint it was meant to carry; a string where a number belongs would be
coerced. Every problem of the file is reported at once, one line each, as
``FILE: draws[3].seeded[2]: unknown key 'assoc'``: pydantic's error location becomes the key
path, and its error type a short sentence.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

__all__ = ["DrawSpec", "PotFileSpec", "TeamSpec", "problems_of_validation"]

_STRICT = ConfigDict(strict=True, extra="forbid")

Name = Annotated[str, Field(min_length=1, pattern=r"\S")]
Pair = Annotated[list[Name], Field(min_length=2, max_length=2)]
Coefficient = Annotated[float, Field(ge=0, allow_inf_nan=False)]


class TeamSpec(BaseModel):
    """A ball: its name, association and origin group (both keep teams apart), coefficient."""

    model_config = _STRICT
    name: Name
    association: str | None = None
    group: str | None = None
    coefficient: Coefficient | None = None


class DrawSpec(BaseModel):
    """One two-pot draw; ``forbidden_pairs`` keeps two named teams apart as well."""

    model_config = _STRICT
    seeded: Annotated[list[TeamSpec], Field(min_length=1)]
    unseeded: Annotated[list[TeamSpec], Field(min_length=1)]
    forbidden_pairs: list[Pair] = []
    competition: str | None = None
    season: str | None = None
    note: str | None = None


class PotFileSpec(BaseModel):
    """A file of many draws (the shared knockout-draw file), with an optional ``source``."""

    model_config = _STRICT
    draws: Annotated[list[DrawSpec], Field(min_length=1)]
    source: str | None = None


_SAYS = {
    "missing": "missing key",
    "string_type": "must be a string",
    "float_type": "must be a number",
    "list_type": "must be a list",
    "model_type": "must be an object",
    "dict_type": "must be an object",
    "too_short": "too short",
    "too_long": "too long",
    "string_pattern_mismatch": "must not be blank",
    "string_too_short": "must not be empty",
    "greater_than_equal": "must not be negative",
    "finite_number": "must be a finite number",
}


def _path(loc: tuple[int | str, ...]) -> str:
    """``("draws", 3, "seeded", 2)`` -> ``draws[3].seeded[2]``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _shown(value: Any) -> str:
    text = repr(value)
    if isinstance(value, int) and not isinstance(value, bool) and len(text) > 20:
        return f"an integer of {len(text)} digits"
    return text if len(text) <= 40 else text[:37] + "..."


def problems_of_validation(error: ValidationError, where: str) -> list[str]:
    """One ``where: key.path: what`` line per problem pydantic found, in the file's order."""
    lines: list[str] = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        kind = item["type"]
        value = item.get("input")
        if kind == "extra_forbidden":
            parent = _path(loc[:-1])
            lines.append(f"{where}: {parent + ': ' if parent else ''}unknown key {loc[-1]!r}")
            continue
        if kind == "missing":
            parent = _path(loc[:-1])
            lines.append(f"{where}: {parent + ': ' if parent else ''}missing key {loc[-1]!r}")
            continue
        if kind == "float_type" and isinstance(value, int) and not isinstance(value, bool):
            says = "number out of range"
        elif kind in ("too_short", "too_long"):
            pair = "forbidden_pairs" in loc and isinstance(loc[-1], int)
            says = "must name exactly two teams" if pair else "must not be empty"
        else:
            says = _SAYS.get(kind, item["msg"])
        got = "" if kind in ("too_short", "too_long") else f" (got {_shown(value)})"
        lines.append(f"{where}: {_path(loc) or 'top level'}: {says}{got}")
    return lines
