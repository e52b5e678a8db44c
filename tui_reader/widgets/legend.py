"""The highlight legend: a sample of each highlight, drawn with the reader's own highlight styles."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from tui_reader.widgets.reader import HIGHLIGHT_CLASSES

SAMPLES = (
    (("“no build-up in the region”", "hl--quote"), (" — Oana Lungescu", "hl--speaker")),
    (("at least 5,500", "hl--figure"),),
    (("‘scare-quoted’", "hl--term"),),
    (("5,500", "hl--match"), ("  ", ""), ("5,500", "hl--current")),
)
MEANINGS = (
    "a quotation, with who said it (key 1 turns these off)",
    "a figure: count, money, percent, date… (key 2)",
    "a term in scare quotes (with quotations)",
    "search matches, and the current one (key 3; n / N move)",
)


class Legend(Widget):
    """What each highlight colour means, with a live sample in the current theme."""

    COMPONENT_CLASSES: ClassVar[set[str]] = set(HIGHLIGHT_CLASSES)
    DEFAULT_CSS = "Legend { height: auto; }"

    def render(self) -> Table:
        """A two-column grid: the sample, then what it means (wrapping within its column when narrow)."""
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column(style="dim")
        for parts, meaning in zip(SAMPLES, MEANINGS, strict=True):
            sample = Text("  ")
            for text, name in parts:
                sample.append(text, self.get_component_rich_style(name, partial=True) if name else "")
            grid.add_row(sample, meaning)
        return grid
