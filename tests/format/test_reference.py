"""The README's season-format reference and docs/season-format.schema.json are the schema's.

Issue 13: "Generate a JSON Schema of the season format, and document the format in the README
from it." These tests keep the two documents in step with the loader: each key the schema
accepts appears in the README's reference and in the JSON Schema file, and a key the loader
refuses appears in neither.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from uefacup.format.schema import DrawSpec, RoundSpec, SeasonFile

ROOT = Path(__file__).resolve().parents[2]


def readme_reference() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    return text.split("<!-- season-format:start -->")[1].split("<!-- season-format:end -->")[0]


def test_readme_lists_every_key_of_a_round_and_its_draw() -> None:
    reference = readme_reference()
    for model in (RoundSpec, DrawSpec, SeasonFile):
        for key in model.model_fields:
            assert f"| `{key}` |" in reference or key in ("final", "stated", "draw", "format")


def test_readme_reference_is_what_uefacup_schema_prints() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "uefacup", "schema"], capture_output=True, text=True, check=True
    )
    assert readme_reference().strip() == done.stdout.strip(), (
        "run python scripts/update_readme_format.py"
    )


def test_committed_json_schema_is_current_and_forbids_unknown_keys() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "uefacup", "schema", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    committed = (ROOT / "docs" / "season-format.schema.json").read_text("utf-8")
    assert json.loads(committed) == json.loads(done.stdout)
    schema = json.loads(committed)
    assert schema["additionalProperties"] is False
    assert all(d["additionalProperties"] is False for d in schema["$defs"].values())
