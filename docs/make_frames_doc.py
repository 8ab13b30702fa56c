"""Rewrite the README's DataFrame column tables from the declared schemas.

Run ``python docs/make_frames_doc.py`` after changing a schema in ``uefacup/frames/``; the test
``tests/frames/test_frames.py`` fails while the README and the schemas disagree. The tables go
between the ``<!-- frames:begin -->`` and ``<!-- frames:end -->`` markers.
"""

from __future__ import annotations

from pathlib import Path

from uefacup.frames import SCHEMAS

BEGIN, END = "<!-- frames:begin -->", "<!-- frames:end -->"


def main() -> None:
    readme = Path(__file__).resolve().parents[1] / "README.md"
    text = readme.read_text("utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    body = "\n\n".join(s.markdown() for s in SCHEMAS)
    readme.write_text(f"{head}{BEGIN}\n{body}\n{END}{tail}", "utf-8")


if __name__ == "__main__":
    main()
