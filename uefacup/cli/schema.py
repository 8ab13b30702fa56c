"""``uefacup schema``: the season format's reference, from the schema the loader uses."""

from __future__ import annotations

import click

from uefacup.cli.app import format_option, main


@main.command("schema")
@format_option("markdown", "json")
def schema_command(fmt: str) -> None:
    """Print the reference of season.toml: Markdown tables, or the JSON Schema.

    The JSON Schema lets an editor check a season file as it is written; the Markdown is the
    README's "Season format" section.
    """
    from uefacup.format.reference import json_text, markdown

    click.echo(json_text() if fmt == "json" else markdown(), nl=fmt == "markdown")
