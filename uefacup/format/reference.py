"""The season format's reference, generated from the schema: JSON Schema and a Markdown table.

The README's "Season format" section is this module's Markdown output, so the documentation
cannot drift from what the loader accepts (a test compares them).
"""

from __future__ import annotations

import json
from typing import Any

from uefacup.format.schema import BUILT_IN_RULES, SeasonFile

_TABLES: tuple[tuple[str, str], ...] = (
    ("", "SeasonFile"),
    ("[final]", "FinalFacts"),
    ("[[schedule]]", "ScheduleSpec"),
    ("[stated]", "StatedTotals"),
    ("[draw.missing_coefficient]", "MissingCoefficient"),
    ("[format.defaults]", "TieRules"),
    ("[[format.round]]", "RoundSpec"),
    ("[[format.round]] draw = { ... }", "DrawSpec"),
)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``season.toml`` (draft 2020-12, as pydantic writes it)."""
    schema = SeasonFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def json_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def markdown() -> str:
    """One table per TOML table of ``season.toml``: key, type, default, meaning."""
    schema = json_schema()
    defs: dict[str, Any] = schema["$defs"]
    out: list[str] = []
    for title, name in _TABLES:
        node = schema if name == "SeasonFile" else defs[name]
        out.append(f"**{title or 'top level'}**")
        out.append("")
        out.append("| key | type | default | meaning |")
        out.append("|---|---|---|---|")
        required = set(node.get("required", ()))
        for key, prop in node["properties"].items():
            if "$ref" in prop and name == "SeasonFile":
                continue  # a table of its own, listed below
            default = "required" if key in required else _default(prop)
            if key in BUILT_IN_RULES and name in ("TieRules", "RoundSpec"):
                builtin = f"`{json.dumps(BUILT_IN_RULES[key])}`"
                default = builtin if name == "TieRules" else f"[format.defaults], else {builtin}"
            text = prop.get("description", "").replace("|", "\\|")
            out.append(f"| `{key}` | {_type(prop)} | {default} | {text} |")
        out.append("")
    return "\n".join(out)


def _default(prop: dict[str, Any]) -> str:
    if "default" not in prop:
        return "empty"
    value = prop["default"]
    if value is None:
        return "none"
    return f"`{json.dumps(value)}`"


def _type(prop: dict[str, Any]) -> str:
    if "anyOf" in prop:
        kinds = [_type(p) for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(kinds)
    if "const" in prop:
        return f"`{json.dumps(prop['const'])}`"
    if "enum" in prop:
        return " \\| ".join(f"`{json.dumps(v)}`" for v in prop["enum"])
    if "$ref" in prop:
        return "table"
    kind = prop.get("type", "any")
    if kind == "array":
        return f"array of {_type(prop.get('items', {}))}"
    if kind == "string" and prop.get("format") == "date":
        return "date"
    if kind == "number":
        return "float"
    return str(kind)
