"""Rewrite the README's "Season format" reference from the schema (``uefacup schema``)."""

from __future__ import annotations

from pathlib import Path

from uefacup.format.reference import json_text, markdown

START, END = "<!-- season-format:start -->", "<!-- season-format:end -->"


def main() -> None:
    readme = Path("README.md")
    text = readme.read_text("utf-8")
    head, rest = text.split(START)
    _, tail = rest.split(END)
    readme.write_text(f"{head}{START}\n{markdown()}{END}{tail}", "utf-8")
    Path("docs/season-format.schema.json").write_text(json_text(), "utf-8")


if __name__ == "__main__":
    main()
