"""The bar on top of the main screen: app name, corpus name, article count, and the index's state."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class TitleBar(Widget):
    """One line: "newsreader · seeds · 2 articles" on the left, the index state on the right."""

    corpus: reactive[str] = reactive("")
    count: reactive[int | None] = reactive(None)
    state: reactive[str] = reactive("")

    def render(self) -> Content:
        """Corpus names come from user paths: plain text, never markup."""
        left = Content.assemble(("newsreader", "bold"))
        if self.corpus:
            left += Content(f"  {self.corpus}")
        if self.count is not None:
            left += Content(f"  ·  {self.count:,} article{'s' if self.count != 1 else ''}")
        right = Content(self.state.replace("\n", " "))
        if right.cell_length > self.size.width // 2:  # a long notice: the corpus and its count come first
            right = right.truncate(max(1, self.size.width // 2), ellipsis=True)
        room = self.size.width - right.cell_length - 2
        if left.cell_length > room:
            left = left.truncate(max(0, room), ellipsis=True)
        gap = max(2, self.size.width - left.cell_length - right.cell_length)
        return left + Content(" " * gap) + right
