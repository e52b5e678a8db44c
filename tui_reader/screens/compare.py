"""The compare screen: an article beside its closest other account, aligned sentence by sentence.

Story matching and the comparison run in a worker (core's ``best_match`` / ``compare`` via the Library);
this screen lays out what comes back: a summary of differences on top, the aligned rows below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from tui_reader.library import Entry, Library
from tui_reader.screens.main import deliver, while_alive
from tui_reader.screens.picker import CandidatePicker
from tui_reader.widgets.compare_layout import SIDE_BY_SIDE_MIN, CompareLayout, build_rows
from tui_reader.widgets.compare_summary import CompareSummary, summary_counts, summary_items
from tui_reader.widgets.compare_view import CompareView

if TYPE_CHECKING:
    from tui_reader.core.model import Article, Comparison


def _describe(label: str, article: Article) -> Content:
    who = Entry.of(article)
    meta = " · ".join(p for p in (who.source, article.date) if p)
    return Content.assemble((f"{label} ", "bold $text-accent"), (article.title or "(untitled)", "bold"), f"  {meta}")


class CompareScreen(Screen[None]):
    """Two accounts side by side (stacked when narrow); ``s`` swaps, ``p`` picks another account."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.pop_screen", "Back", tooltip="Back to the reader"),
        Binding("s", "swap", "Swap", tooltip="Swap the two sides"),
        Binding("p", "pick", "Other accounts", tooltip="Compare with another account of this story"),
        Binding("question_mark", "app.help", "Help", tooltip="Every key, and what the colours mean"),
    ]
    AUTO_FOCUS = "CompareView"

    def __init__(self, library: Library, article_id: str, other_id: str | None = None) -> None:
        super().__init__()
        self.library = library
        self.article_id = article_id
        self.other_id = other_id
        self.comparison: Comparison | None = None
        self.candidates: list[tuple[str, float]] = []
        self.swapped = False
        self._counts = ""

    def compose(self) -> ComposeResult:
        """The widgets of this screen, top to bottom."""
        yield Static(Content("Comparing…"), id="compare-title")
        yield CompareSummary(id="compare-summary")
        yield CompareView(id="compare-view")
        yield Footer(compact=True)

    def on_resize(self) -> None:
        """Narrow terminals get a shorter summary (the rows are stacked there too)."""
        self.set_class(self.size.width < SIDE_BY_SIDE_MIN, "-narrow")

    def on_mount(self) -> None:
        """Set up what needs the DOM once mounted."""
        self.query_one(CompareSummary).message("Finding the closest other account of this story…")
        self.run_compare(self.article_id, self.other_id)

    @work(exclusive=True, group="compare", thread=True)
    def run_compare(self, article_id: str, other_id: str | None) -> None:
        """Load A, find B (the best match unless given), compare them; all off the event loop."""
        worker = get_current_worker()
        article = self.library.load(article_id)
        if article is None:
            deliver(self.app, self._failed, f"Could not read {article_id}.")
            return
        if not self.candidates:
            self.candidates = self.library.candidates(article)
        if other_id is None:
            if not self.candidates and not self.library.can_match:
                text = "Finding other accounts needs the search index, which is still being built: try c again soon."
                deliver(self.app, self._failed, text)
                return
            if not self.candidates:
                deliver(self.app, self._failed, "No other account of this story in the corpus to compare with.")
                return
            other_id = self.candidates[0][0]
        other = self.library.load(other_id)
        if other is None:
            deliver(self.app, self._failed, f"Could not read {other_id}.")
            return
        comparison = self.library.compare(article, other)
        if not worker.is_cancelled:
            deliver(self.app, self._compared, comparison)

    @while_alive
    def _failed(self, text: str) -> None:
        self.query_one(CompareSummary).message(text)
        self.query_one("#compare-title", Static).update(Content("Compare"))

    @while_alive
    def _compared(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.other_id = comparison.b.id
        self._show()

    def _show(self) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        left, right, rows = build_rows(comparison, swapped=self.swapped)
        view = self.query_one(CompareView)
        view.set_layout(CompareLayout(left, right, rows))
        a, b = (comparison.b, comparison.a) if self.swapped else (comparison.a, comparison.b)
        title = Content("\n").join([_describe(left.label, a), _describe(right.label, b)])
        self.query_one("#compare-title", Static).update(title)
        score = next((s for i, s in self.candidates if i == comparison.b.id), None)
        match = f"  ·  story match {score:.2f}" if score is not None else ""
        self._counts = summary_counts(rows, left, right) + match
        self.query_one(CompareSummary).show(self._counts, summary_items(comparison))

    def action_swap(self) -> None:
        """Put the right account on the left and vice versa."""
        self.swapped = not self.swapped
        self._show()

    def action_pick(self) -> None:
        """Choose another account of the story, ranked by similarity."""
        if not self.candidates:
            self.notify("No other accounts to choose from.", severity="warning")
            return
        entries = [(self.library.entry(i), score) for i, score in self.candidates]
        self.app.push_screen(CandidatePicker(entries, current=self.other_id), self._picked)

    def _picked(self, other_id: str | None) -> None:
        if other_id and other_id != self.other_id:
            self.swapped = False
            self.query_one(CompareSummary).message("Comparing…")
            self.run_compare(self.article_id, other_id)

    @on(CompareView.RowChanged)
    def _row_changed(self, message: CompareView.RowChanged) -> None:
        """Say where ``]`` / ``[`` are: "difference 3 of 12" after the counts."""
        layout = self.query_one(CompareView).layout
        if layout is None or not self._counts:
            return
        differences = [i for i, row in enumerate(layout.rows) if row.is_difference]
        where = ""
        if message.row in differences:
            where = f"  ·  difference {differences.index(message.row) + 1} of {len(differences)}"
        self.query_one(CompareSummary).set_counts(self._counts + where)

    @on(CompareSummary.ItemChosen)
    def _summary_item(self, message: CompareSummary.ItemChosen) -> None:
        view = self.query_one(CompareView)
        layout = view.layout
        if layout is None:
            return
        side = 1 - message.side if self.swapped else message.side
        row = layout.row_of_sentence(side, message.sentence)
        if row is not None:
            view.go_to_row(row)
            if message.place:  # the list keeps the focus: enter again goes to the next place
                self.call_after_refresh(self._say_place, message.place)
            else:
                view.focus()

    def _say_place(self, place: str) -> None:
        """ "place 1 of 2" for a value the article has more than once (after ``RowChanged`` wrote its line)."""
        self.query_one(CompareSummary).set_counts(f"{self._counts}  ·  place {place} (enter again: the next)")
