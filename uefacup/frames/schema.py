"""Declared column schemas of every DataFrame the package returns, and the one frame builder.

A frame's columns are written down once, here in a ``FrameSchema`` next to its builder, with
name, dtype and what the column means. The builder makes the frame *from* the schema (columns
in schema order, each cast to its declared dtype), the README table is generated from the same
objects (``markdown``), and the tests compare a built frame with its schema, so the three can
never drift apart.

Dtypes are pandas' nullable extension types ("string", "Int64", "boolean", "Float64") where a
value can be missing, so a missing penalty score is ``<NA>`` and not a float ``nan`` that turns
an integer column into floats. Columns that repeat once per round of the season (the simulation's
wide frame, the draw matrix) are declared once with ``repeated=True``; ``columns_for`` expands them.

pandas is imported inside ``build`` only: importing ``uefacup.frames`` costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from uefacup.errors import UefaCupError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Column", "FrameSchema", "require_pandas"]


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, pandas dtype and meaning (``repeated``: once per key, see below)."""

    name: str
    dtype: str
    description: str
    repeated: bool = False


@dataclass(frozen=True, slots=True)
class FrameSchema:
    """The columns of one kind of frame, in order, with a sentence saying what a row is."""

    name: str
    row: str
    columns: tuple[Column, ...]

    def columns_for(self, keys: Sequence[str] = ()) -> list[Column]:
        """The concrete columns; a ``repeated`` column becomes one column per key in ``keys``.

        A ``repeated`` column's name is a template with ``{key}`` in it (``{key}`` alone: the
        key is the column name, e.g. a round key or a seeded team's name).
        """
        out: list[Column] = []
        for col in self.columns:
            if col.repeated:
                out.extend(Column(col.name.format(key=k), col.dtype, col.description) for k in keys)
            else:
                out.append(col)
        return out

    def dtypes(self, keys: Sequence[str] = ()) -> dict[str, str]:
        """Column name -> declared dtype, in column order."""
        return {c.name: c.dtype for c in self.columns_for(keys)}

    def build(self, rows: Iterable[Mapping[str, Any]], keys: Sequence[str] = ()) -> pd.DataFrame:
        """A DataFrame of ``rows`` with exactly the schema's columns, each of its dtype.

        A row missing a column or carrying one the schema does not declare is a bug in the
        builder, so it raises ``KeyError`` rather than silently filling or dropping data.
        """
        pd = require_pandas()
        dtypes = self.dtypes(keys)
        names = list(dtypes)
        records = list(rows)
        for record in records:
            if set(record) != set(names):
                extra = sorted(set(record) - set(names))
                missing = sorted(set(names) - set(record))
                raise KeyError(f"{self.name} row: extra {extra}, missing {missing}")
        data = {
            name: pd.Series([r[name] for r in records], dtype=dtype)
            for name, dtype in dtypes.items()
        }
        return pd.DataFrame(data, columns=names)

    def markdown(self) -> str:
        """The schema as a Markdown table, as the README shows it."""
        lines = [
            f"**`{self.name}`**: {self.row}",
            "",
            "| column | dtype | meaning |",
            "|--------|-------|---------|",
        ]
        lines.extend(f"| `{c.name}` | {c.dtype} | {c.description} |" for c in self.columns)
        return "\n".join(lines)


def require_pandas() -> Any:
    """The pandas module, or a one-line ``UefaCupError`` saying which extra installs it."""
    try:
        import pandas
    except ImportError:
        raise UefaCupError("DataFrames need pandas: pip install 'uefacup[frames]'") from None
    return pandas
