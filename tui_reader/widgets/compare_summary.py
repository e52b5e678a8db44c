"""The compare summary: sentence counts, then figure conflicts, then figures and quotes only one side has.

Choosing an item posts ``SummaryItemChosen`` with the side and sentence to scroll to.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui_reader.widgets.compare_layout import Row

if TYPE_CHECKING:
    from tui_reader.core.model import Comparison, Sentence

SNIPPET = 70


def _short(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def sentence_of(sentences: Sequence[Sentence], offset: int) -> int:
    """Index of the sentence that holds body ``offset`` (the nearest one before it)."""
    return max(0, bisect_right([s.start for s in sentences], offset) - 1)


@dataclass(frozen=True, slots=True)
class SummaryItem:
    """One line of the summary list and where it points: side 0 is A, 1 is B."""

    label: Content
    side: int
    sentence: int


def summary_counts(rows: Sequence[Row], left: str = "A", right: str = "B") -> str:
    """ "12 shared · 5 paraphrased · 3 only in A · 7 only in B" from the aligned rows."""
    kinds = [r.kind for r in rows]
    return (
        f"{kinds.count('same')} shared · {kinds.count('paraphrase')} paraphrased · "
        f"{kinds.count('only_left')} only in {left} · {kinds.count('only_right')} only in {right}"
    )


def summary_items(comparison: Comparison) -> list[SummaryItem]:
    """Figure conflicts first, then figures only in A / B, then quotations only in A / B."""
    sa, sb = comparison.sentences_a, comparison.sentences_b
    items: list[SummaryItem] = []
    for c in comparison.figures.conflicts:
        why = f" ({c.why})" if c.why else ""
        label = Content.assemble(
            ("conflict ", "bold $text-error"), f"A “{c.a.span.text}” vs B “{c.b.span.text}”", (why, "dim")
        )
        items.append(SummaryItem(label, 0, c.a.sentence))
    for side, notes in ((0, comparison.figures.only_a), (1, comparison.figures.only_b)):
        for note in notes:
            where = "A" if side == 0 else "B"
            label = Content.assemble((f"figure only in {where} ", "bold $text-warning"), f"“{note.span.text}”")
            items.append(SummaryItem(label, side, note.sentence))
    for side, spans, sentences in ((0, comparison.quotes.only_a, sa), (1, comparison.quotes.only_b, sb)):
        for span in spans:
            where = "A" if side == 0 else "B"
            speaker = f" — {span.speaker}" if span.speaker else ""
            label = Content.assemble(
                (f"quote only in {where} ", "bold $text-accent"), f"“{_short(span.text)}”", (speaker, "dim")
            )
            items.append(SummaryItem(label, side, sentence_of(sentences, span.start)))
    return items


class CompareSummary(Vertical):
    """Counts on top, the list of differences below; choosing one posts ``SummaryItemChosen``."""

    class ItemChosen(Message):
        """A summary item was chosen: scroll to ``sentence`` of side ``side`` (0: A, 1: B)."""

        def __init__(self, side: int, sentence: int) -> None:
            super().__init__()
            self.side = side
            self.sentence = sentence

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[SummaryItem] = []

    def compose(self) -> ComposeResult:
        """The widgets of this screen, top to bottom."""
        yield Static(id="summary-counts")
        yield OptionList(id="summary-items")

    def show(self, counts: str, items: list[SummaryItem], span: str = "") -> None:
        """Show the counts line and the items (or a note that there are no figure or quote differences)."""
        self._items = items
        self.query_one("#summary-counts", Static).update(Content(counts + span))
        options = self.query_one(OptionList)
        options.clear_options()
        if items:
            options.add_options(Option(item.label) for item in items)
        else:
            options.add_option(Option(Content("No figure conflicts and no quotation on one side only."), disabled=True))

    def set_counts(self, counts: str) -> None:
        """Replace the counts line only (the list keeps its place)."""
        self.query_one("#summary-counts", Static).update(Content(counts))

    def message(self, text: str) -> None:
        """Show a one-line message instead of a summary (loading, errors)."""
        self._items = []
        self.query_one("#summary-counts", Static).update(Content(text))
        self.query_one(OptionList).clear_options()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._items):
            item = self._items[event.option_index]
            self.post_message(self.ItemChosen(item.side, item.sentence))
