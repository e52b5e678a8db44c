"""The Rich console every command prints through: no markup, no auto-highlighting, no emoji codes."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text


def make_console(*, stderr: bool = False) -> Console:
    """A console on which only ``Text`` and renderables carry style: article text is never parsed as markup."""
    return Console(highlight=False, markup=False, emoji=False, stderr=stderr)


def hang(text: Text, console: Console, indent: int = 0, label: Text | None = None) -> Text:
    """``text`` wrapped to the console's width less ``indent``, every line indented by ``indent`` (the first
    one after ``label`` instead, when given) and none with trailing spaces: Rich keeps the space a line was
    wrapped at, and pads indented blocks to the width, which output piped to a file would carry."""
    out = label.copy() if label is not None else Text(" " * indent)
    if label is not None and len(label) < indent:
        out.append(" " * (indent - len(label)))
    for n, line in enumerate(text.wrap(console, max(20, console.width - indent))):
        line.rstrip()
        if n:
            out.append("\n" + " " * indent)
        out.append_text(line)
    return out
