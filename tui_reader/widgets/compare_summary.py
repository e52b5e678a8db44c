"""The compare summary: sentence counts, then figure conflicts, then figures and quotes only one side has.

Choosing an item posts ``SummaryItemChosen`` with the side and sentence to scroll to.
"""

from __future__ import annotations

import re
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

from tui_reader.core.furniture import count_prose
from tui_reader.widgets.compare_layout import Row, Side

if TYPE_CHECKING:
    from tui_reader.core.model import Comparison, Sentence

_SPACE = re.compile(r"\s+")
SNIPPET = 70
"""Characters of a quotation shown in the summary."""
CONTEXT = 26
"""Characters of the sentence shown either side of a figure or quotation, so a reader knows which one it is."""
MAX_CONTEXTS = 3
"""Occurrences of one repeated value whose context is shown (the rest are counted)."""


def _short(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def sentence_of(sentences: Sequence[Sentence], offset: int) -> int:
    """Index of the sentence that holds body ``offset`` (the nearest one before it)."""
    return max(0, bisect_right([s.start for s in sentences], offset) - 1)


def context(body: str, sentence: Sentence | None, start: int, end: int, room: int = CONTEXT) -> Content:
    """The words around ``body[start:end]`` inside its sentence ("…on August 9th both EU…"), the value bold.

    Cut at word boundaries; an ellipsis says where the sentence goes on. Plain text with styles by offsets.
    """
    first, last = (sentence.start, sentence.end) if sentence is not None else (start, end)
    left, right = max(first, start - room), min(last, end + room)
    if left > first:
        space = body.find(" ", left, start)
        left = space + 1 if space != -1 else start
    if right < last:
        space = body.rfind(" ", end, right)
        right = space if space != -1 else end
    before = ("…" if left > first else "") + _squash(body[left:start])
    after = _squash(body[end:right]) + ("…" if right < last else "")
    return Content.assemble((before, "dim"), (_squash(body[start:end]), "bold"), (after, "dim"))


def _squash(text: str) -> str:
    """Runs of white space (line breaks too) as one space: a context is one line."""
    return _SPACE.sub(" ", text)


@dataclass(frozen=True, slots=True)
class SummaryItem:
    """One line of the summary list: a difference, and every place it occurs as ``(side, sentence)``
    (side 0 is A, 1 is B); a value repeated in the text is one item that goes to each place in turn."""

    label: Content
    targets: tuple[tuple[int, int], ...]


def summary_counts(rows: Sequence[Row], left: Side, right: Side) -> str:
    """ "12 shared · 5 paraphrased · 3 only in A · 7 only in B" from the aligned rows; page furniture
    (bylines, credits, post signatures: never aligned) is not counted, as in ``newsreader compare``."""
    kinds = [r.kind for r in rows]
    only_left = count_prose((i for r in rows if r.kind == "only_left" for i in r.left), left.sentences)
    only_right = count_prose((j for r in rows if r.kind == "only_right" for j in r.right), right.sentences)
    return (
        f"{kinds.count('same')} shared · {kinds.count('paraphrase')} paraphrased · "
        f"{only_left} only in {left.label} · {only_right} only in {right.label}"
    )


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def summary_items(comparison: Comparison) -> list[SummaryItem]:
    """Figure conflicts first, then figures only in A / B, then quotations only in A / B.

    Occurrences of the same value (the same figure twice in A) are grouped into one item, which shows the
    words around each so a reader knows which is which.
    """
    sa, sb = comparison.sentences_a, comparison.sentences_b
    sentences = (sa, sb)
    bodies = (comparison.a.body, comparison.b.body)
    groups: dict[tuple[object, ...], list[tuple[int, int, int, int]]] = {}  # key -> (side, sentence, start, end)
    heads: dict[tuple[object, ...], Content] = {}

    def add(key: tuple[object, ...], head: Content, side: int, sentence: int, start: int, end: int) -> None:
        heads.setdefault(key, head)
        groups.setdefault(key, []).append((side, sentence, start, end))

    for c in comparison.figures.conflicts:
        why = f" ({c.why})" if c.why else ""
        head = Content.assemble(
            ("conflict ", "bold $text-error"), f"A “{c.a.span.text}” vs B “{c.b.span.text}”", (why, "dim")
        )
        add(("conflict", _key(c.a.span.text), _key(c.b.span.text)), head, 0, c.a.sentence, c.a.span.start, c.a.span.end)
    for side, notes in ((0, comparison.figures.only_a), (1, comparison.figures.only_b)):
        where = "AB"[side]
        for note in notes:
            head = Content.assemble((f"figure only in {where} ", "bold $text-warning"), f"“{note.span.text}”")
            add(("figure", side, _key(note.span.text)), head, side, note.sentence, note.span.start, note.span.end)
    for side, spans in ((0, comparison.quotes.only_a), (1, comparison.quotes.only_b)):
        where = "AB"[side]
        for span in spans:
            speaker = f" — {span.speaker}" if span.speaker else ""
            head = Content.assemble(
                (f"quote only in {where} ", "bold $text-accent"), f"“{_short(span.text)}”", (speaker, "dim")
            )
            add(("quote", side, _key(span.text)), head, side, sentence_of(sentences[side], span.start), -1, -1)
    items: list[SummaryItem] = []
    for key, places in groups.items():
        label = heads[key]
        if len(places) > 1:
            label += Content.styled(f" ×{len(places)}", "bold")
        if key[0] == "figure":  # quotations are their own context; a conflict names both sides
            shown = [context(bodies[s], _get(sentences[s], n), a, b) for s, n, a, b in places[:MAX_CONTEXTS]]
            more = len(places) - len(shown)
            label += Content("  ") + Content.styled(" · ", "dim").join(shown)
            if more:
                label += Content.styled(f" · and {more} more", "dim")
        items.append(SummaryItem(label, tuple((s, n) for s, n, _, _ in places)))
    return items


def _get(sentences: Sequence[Sentence], index: int) -> Sentence | None:
    return sentences[index] if 0 <= index < len(sentences) else None


class CompareSummary(Vertical):
    """Counts on top, the list of differences below; choosing one posts ``SummaryItemChosen``."""

    @dataclass
    class ItemChosen(Message):
        """A summary item was chosen: scroll to ``sentence`` of side ``side`` (0: A, 1: B); ``place`` says
        "2 of 3" when the item's value occurs several times (empty otherwise)."""

        side: int
        sentence: int
        place: str = ""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[SummaryItem] = []
        self._last: tuple[int, int] = (-1, -1)  # (item, occurrence) chosen last: enter again goes to the next

    def compose(self) -> ComposeResult:
        """The widgets of this screen, top to bottom."""
        yield Static(id="summary-counts")
        yield OptionList(id="summary-items")

    def show(self, counts: str, items: list[SummaryItem], span: str = "") -> None:
        """Show the counts line and the items (or a note that there are no figure or quote differences)."""
        self._items = items
        self._last = (-1, -1)
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
        self._last = (-1, -1)
        self.query_one("#summary-counts", Static).update(Content(text))
        self.query_one(OptionList).clear_options()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._items):
            item = self._items[event.option_index]
            index, seen = self._last
            occurrence = (seen + 1) % len(item.targets) if index == event.option_index else 0
            self._last = (event.option_index, occurrence)
            side, sentence = item.targets[occurrence]
            place = f"{occurrence + 1} of {len(item.targets)}" if len(item.targets) > 1 else ""
            self.post_message(self.ItemChosen(side, sentence, place))
