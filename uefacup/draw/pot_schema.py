"""The pot file's schema (pydantic, strict, unknown keys refused) and its one-line problems.

Why strict: a misspelt key (``assoc`` for ``association``) would otherwise be ignored and
silently drop the constraint it was meant to carry; a string where a number belongs would be
coerced. Every problem of the file is reported at once, one line each, as
``FILE: draws[3].seeded[2]: unknown key 'assoc'``: pydantic's error location becomes the key
path, and its error type a short sentence.

Why the schema is written as pydantic's *core* schema (the validator ``pydantic_core`` builds,
the one every ``BaseModel`` compiles to) and not as ``BaseModel`` classes: the pot file is read
by ``uefacup draw --pots``, a command whose whole process should take less time than the
published calculator's on a round of 16 (issue 17). Importing ``pydantic`` and building the
three models took about three times as long as importing ``pydantic_core`` and building these
validators (120 ms against 43 ms in one run on the shared machine, load 3.4): ``pydantic.types``,
``annotated_types``, the plugin loader with its ``importlib.metadata``, the model machinery.
``pydantic_core`` is the same Rust validator, with the same errors and error types. The
validated draw is a plain dict (the ``TypedDict`` types below describe it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict

from pydantic_core import SchemaValidator, ValidationError

if TYPE_CHECKING:
    from pydantic_core import CoreSchema

__all__ = [
    "DrawSpec",
    "PotFileSpec",
    "TeamSpec",
    "draw_validator",
    "file_validator",
    "problems_of_validation",
]


class TeamSpec(TypedDict):
    """A ball: its name, association and origin group (both keep teams apart), coefficient."""

    name: str
    association: str | None
    group: str | None
    coefficient: float | None


class DrawSpec(TypedDict):
    """One two-pot draw; ``forbidden_pairs`` keeps two named teams apart as well."""

    seeded: list[TeamSpec]
    unseeded: list[TeamSpec]
    forbidden_pairs: list[list[str]]
    competition: str | None
    season: str | None
    note: str | None


class PotFileSpec(TypedDict):
    """A file of many draws (the shared knockout-draw file), with an optional ``source``."""

    draws: list[DrawSpec]
    source: str | None


def _name() -> dict[str, Any]:
    return {"type": "str", "min_length": 1, "pattern": r"\S", "strict": True}


def _optional(schema: dict[str, Any], default: Any = None) -> dict[str, Any]:
    """A key that may be left out (then ``default``); ``None`` is allowed as a value."""
    return {
        "type": "typed-dict-field",
        "required": False,
        "schema": {
            "type": "default",
            "schema": {"type": "nullable", "schema": schema},
            "default": default,
        },
    }


def _required(schema: dict[str, Any]) -> dict[str, Any]:
    return {"type": "typed-dict-field", "required": True, "schema": schema}


def _object(fields: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A JSON object with exactly these keys (unknown keys are an error)."""
    return {"type": "typed-dict", "fields": fields, "extra_behavior": "forbid", "strict": True}


def _list(items: dict[str, Any], **limits: int) -> dict[str, Any]:
    return {"type": "list", "items_schema": items, "strict": True, **limits}


def _text() -> dict[str, Any]:
    return {"type": "str", "strict": True}


_TEAM = _object(
    {
        "name": _required(_name()),
        "association": _optional(_text()),
        "group": _optional(_text()),
        "coefficient": _optional(
            {"type": "float", "ge": 0, "allow_inf_nan": False, "strict": True}
        ),
    }
)
_DRAW = _object(
    {
        "seeded": _required(_list(_TEAM, min_length=1)),
        "unseeded": _required(_list(_TEAM, min_length=1)),
        "forbidden_pairs": {
            "type": "typed-dict-field",
            "required": False,
            "schema": {
                "type": "default",
                "schema": _list(_list(_name(), min_length=2, max_length=2)),
                "default_factory": list,
            },
        },
        "competition": _optional(_text()),
        "season": _optional(_text()),
        "note": _optional(_text()),
    }
)
_FILE = _object(
    {
        "draws": _required(_list(_DRAW, min_length=1)),
        "source": _optional(_text()),
    }
)


def _validator(schema: dict[str, Any]) -> SchemaValidator:
    core: CoreSchema = schema  # plain dicts: the core schema is TypedDicts
    return SchemaValidator(core)


_validators: dict[str, SchemaValidator] = {}


def draw_validator() -> SchemaValidator:
    """The validator of one draw object (built on first use, then kept)."""
    if "draw" not in _validators:
        _validators["draw"] = _validator(_DRAW)
    return _validators["draw"]


def file_validator() -> SchemaValidator:
    """The validator of a file of ``draws`` (built on first use, then kept)."""
    if "file" not in _validators:
        _validators["file"] = _validator(_FILE)
    return _validators["file"]


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
