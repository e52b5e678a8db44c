"""The status line above the footer: search position ("match 2 of 7 in 2 articles"), notices, errors."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class StatusLine(Widget):
    """One line of plain text; ``tone`` ("", "warning", "error") picks its colour."""

    text: reactive[str] = reactive("")
    tone: reactive[str] = reactive("")

    def say(self, text: str, tone: str = "") -> None:
        """Show ``text`` (plain text, never markup) in the given tone."""
        self.text = text
        self.tone = tone

    def watch_tone(self, old: str, new: str) -> None:
        """Swap the tone class that colours the line."""
        if old:
            self.remove_class(f"-{old}")
        if new:
            self.add_class(f"-{new}")

    def render(self) -> Content:
        """The message as plain text."""
        return Content(self.text.replace("\n", " "))
