"""The facts panel: the article's quotations (with speaker) and figures (kind, value) as a list to jump from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_reader.messages import FactChosen

if TYPE_CHECKING:
    from tui_reader.core.model import Span

SNIPPET = 60
"""Cells of a quotation shown in the panel before an ellipsis."""


def _one_line(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fact_label(span: Span) -> Content:
    """How one quotation or figure reads in the panel (article text as plain text, never markup)."""
    if span.kind == "figure":
        detail = " ".join(str(p) for p in (span.qualifier, span.figure_kind) if p)
        value = f" = {span.value}" if span.value is not None and str(span.value) != span.text else ""
        unit = f" {span.unit}" if span.unit else ""
        return Content.assemble((_one_line(span.text, 30), "$text-accent"), (f"  {detail}{value}{unit}", "dim"))
    speaker = span.speaker or "unattributed"
    return Content.assemble(f"“{_one_line(span.text)}”", (f"\n  — {speaker}", "dim"))


class FactsPanel(OptionList):
    """Quotations first (in text order), then figures; choosing one posts ``FactChosen``."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = "Facts"
        self._spans: list[Span] = []

    def set_spans(self, spans: Sequence[Span]) -> None:
        """Show the quotations and figures among ``spans``."""
        quotes = [s for s in spans if s.kind == "quote"]
        figures = [s for s in spans if s.kind == "figure"]
        self._spans = quotes + figures
        self.clear_options()
        if not self._spans:
            self.add_option(Option(Content("No quotations or figures found."), disabled=True))
            self.border_subtitle = ""
            return
        self.add_options(Option(fact_label(s)) for s in self._spans)
        self.border_subtitle = f"{len(quotes)} quotes · {len(figures)} figures"

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._spans):
            self.post_message(FactChosen(self._spans[event.option_index].start))
