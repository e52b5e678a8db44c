"""The main screen: source list | reader (| facts), the search bar and the status line.

It keeps the reading state (which article, which search, which match) and runs the workers that load,
annotate and search; everything it shows comes from the ``Library`` (core), drawn by the widgets.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer, Input
from textual.worker import get_current_worker

from tui_reader.library import Entry, Library
from tui_reader.messages import (
    ArticleChosen,
    ArticleHighlighted,
    CorpusLoaded,
    CorpusProgress,
    FactChosen,
    IndexReady,
    ListShown,
    SearchClosed,
    SearchEdited,
    SearchSubmitted,
)
from tui_reader.widgets.arrange import ORDER_NAMES, ORDERS, arrange
from tui_reader.widgets.reader import Reader
from tui_reader.widgets.source_list import SourceList
from tui_reader.widgets.status_line import StatusLine
from tui_reader.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from tui_reader.core.model import Article, SearchResult, Skipped, Span
    from tui_reader.widgets.facts_panel import FactsPanel


def while_alive(handler: Callable[..., None]) -> Callable[..., None]:
    """Drop a worker's late result if the screen is being torn down (quitting while indexing or loading).

    Results reach the screen through ``call_from_thread`` or a message; on quit the screen's widgets may be
    gone already, and a result for a screen nobody sees is not an error worth a traceback.
    """

    @functools.wraps(handler)
    def guarded(self: Screen[None], *args: object) -> None:
        if not self.is_attached:
            return
        try:
            handler(self, *args)
        except NoMatches:
            if self.is_attached and self.app.is_running and self.children:
                raise  # a real bug, not teardown

    return guarded


def deliver(app: App[object], callback: Callable[..., object], *args: object) -> None:
    """Hand a thread worker's result to the event loop; after quitting there is no loop, and nothing to do."""
    with contextlib.suppress(RuntimeError):  # the app has closed while the worker ran
        app.call_from_thread(callback, *args)


WIDE = 130
"""Columns from which list, reader and facts panel all fit side by side."""
SEARCH_DEBOUNCE = 0.15
"""Seconds of quiet typing before a search runs (earlier keystrokes cancel it)."""


@dataclass
class SearchState:
    """The search on show: the query, the hits in rank order and their match spans by article id."""

    query: str = ""
    result: SearchResult | None = None
    order: list[str] = field(default_factory=list)
    matches: dict[str, tuple[Span, ...]] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        """True while a non-empty query has results on show."""
        return bool(self.query.strip()) and self.result is not None

    @property
    def total(self) -> int:
        """Matches in all listed articles."""
        return sum(len(m) for m in self.matches.values())


class MainScreen(Screen[None]):
    """Source list on the left, the reader on the right, search at the bottom."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding: it runs as soon as the app reads the key, so what is typed right after it
        # already goes to the search input (see check_action for "/" inside the input).
        Binding("slash", "search", "Search", tooltip="Search the corpus as you type", priority=True),
        Binding("n", "next_match", "Next match", tooltip="Go to the next search match (into the next article)"),
        Binding("N", "previous_match", "Prev match", tooltip="Go to the previous search match"),
        Binding("escape", "clear_search", "Clear search", tooltip="Back to the whole list"),
        Binding("c", "compare", "Compare", tooltip="Compare this article with its closest other account"),
        Binding("f", "toggle_facts", "Facts", tooltip="Show the article's quotations and figures"),
        Binding("o", "cycle_order", "Order", tooltip="Sort by date, group by outlet or story, or file order"),
        Binding("1", "toggle_highlight('quotes')", "Quotes", show=False, tooltip="Quotation highlights on / off"),
        Binding("2", "toggle_highlight('figures')", "Figures", show=False, tooltip="Figure highlights on / off"),
        Binding("3", "toggle_highlight('matches')", "Matches", show=False, tooltip="Search-match highlights on / off"),
        Binding("question_mark", "app.help", "Help", tooltip="Every key, and what the highlight colours mean"),
        Binding("q", "app.quit", "Quit", tooltip="Quit newsreader"),
    ]
    AUTO_FOCUS = "SourceList"

    def __init__(self, library: Library, listed: tuple[list[Entry], list[Skipped]] | None = None) -> None:
        super().__init__()
        self.library = library
        self._listed = listed  # the list saved by the last run: shown in the very first frame
        self._painted = False  # reading the first article (which opens the index) waits for the first frame
        self.by_id: dict[str, Entry] = {}  # the list's entries in order (ids are unique; a refresh keeps the place)
        self.order = "date"
        self.search_state = SearchState()
        self.stories: dict[str, str] | None = None  # id -> story name, once grouped (o: by story)
        self._annotations: dict[str, tuple[Span, ...]] = {}
        self._pending_jump: str | None = None  # "first" / "last": where to land when the next article opens
        self._submit_pending = False  # enter was pressed before the search finished
        self._index_state = ""  # what the title bar says about the index once it is done
        self._queued_steps = 0  # n (+1) / N (-1) pressed while a submitted search was still running
        self._hidden_mounting = False
        self._hidden_mounted = asyncio.Event()

    def compose(self) -> ComposeResult:
        """The widgets of this screen, top to bottom."""
        yield TitleBar(id="title-bar")
        with Horizontal(id="panes"):
            yield SourceList(id="source-list")
            yield Reader(id="reader")
        yield StatusLine(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Set up what needs the DOM once mounted."""
        bar = self.query_one(TitleBar)
        bar.corpus = self.library.name
        bar.state = "reading…"
        self.call_after_refresh(self._first_paint_done)
        if self._listed is not None:
            self._fill(*self._listed)
            self._listed = None

    def _first_paint_done(self) -> None:
        self._painted = True

    async def _mount_hidden(self) -> None:
        """Mount the facts panel and the search bar (hidden) once; later calls wait for that mount.

        They are not composed with the screen: their widgets' styles would delay the first list by a third.
        The screen mounts them once the list is shown, or at once when ``/`` or ``f`` comes first.
        """
        if self._hidden_mounted.is_set():
            return
        if self._hidden_mounting:
            await self._hidden_mounted.wait()
            return
        self._hidden_mounting = True
        from tui_reader.widgets.facts_panel import FactsPanel
        from tui_reader.widgets.search_bar import SearchBar

        facts = FactsPanel(id="facts")
        facts.display = False
        bar = SearchBar(id="search-bar")
        bar.display = False
        await self.query_one("#panes", Horizontal).mount(facts)
        await self.mount(bar, before=self.status)
        article = self.reader.article
        if article is not None and article.id in self._annotations:
            facts.set_spans(self._annotations[article.id])
        self._hidden_mounted.set()

    def _facts_panel(self) -> FactsPanel | None:
        """The facts panel, once mounted."""
        return next(iter(self.query("#facts")), None)  # type: ignore[return-value]

    # -- widgets, by role -----------------------------------------------------------------------------

    @property
    def source_list(self) -> SourceList:
        """The list of articles."""
        return self.query_one(SourceList)

    @property
    def reader(self) -> Reader:
        """The reader pane."""
        return self.query_one(Reader)

    @property
    def status(self) -> StatusLine:
        """The status line."""
        return self.query_one(StatusLine)

    # -- corpus and index -----------------------------------------------------------------------------

    @while_alive
    def on_corpus_progress(self, message: CorpusProgress) -> None:
        """Show reading or indexing progress in the title bar."""
        bar = self.query_one(TitleBar)
        bar.state = f"{message.stage} {message.done:,}/{message.total:,}" if message.total else f"{message.stage}…"

    @while_alive
    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        """Fill the list once the corpus is read (or again, once the index has it); say what was skipped."""
        self._fill(message.entries, message.skipped)

    def _fill(self, entries: list[Entry], skipped: list[Skipped]) -> None:
        self.by_id = {e.id: e for e in entries}
        self.stories = None  # the articles changed: group again when asked
        if self.order == "story":
            self._group_stories()
        bar = self.query_one(TitleBar)
        bar.count = len(self.by_id)
        bar.state = ""
        if self.library.provisional:  # keep the wording: on_index_ready clears it by its start
            self.status.say("Listing files while the index is built: titles and search come when it is done.")
        if skipped:
            first = skipped[0]
            more = f" (and {len(skipped) - 1:,} more)" if len(skipped) > 1 else ""
            self.status.say(f"Skipped {first.path}: {first.reason}{more}", "warning")
        self._show_list()
        self.call_after_refresh(self.post_message, ListShown())
        self.call_after_refresh(self._mount_hidden)
        if self.reader.article is not None:  # what the reader already read beats the index's list
            self._refresh_entry(Entry.of(self.reader.article))
        if not self.by_id:
            self.reader.show(None, "No articles here. Try `newsreader --corpus PATH` with a folder of articles.")

    @while_alive
    def on_index_ready(self, message: IndexReady) -> None:
        """Say in the title bar that search is ready (or how it fell back)."""
        self._index_state = "index ready" if not message.notice else f"index: {message.notice}"
        self.query_one(TitleBar).state = self._index_state
        if self.status.text.startswith("Listing files"):
            self.status.say("")

    def _show_list(self, keep: str | None = None) -> None:
        """Fill the list from the corpus, or from the search results while a search is on."""
        state = self.search_state
        current = keep or (self.reader.article.id if self.reader.article else None)
        if state.active:
            hits = [self.by_id[i] for i in state.order if i in self.by_id]
            counts = {i: len(m) for i, m in state.matches.items()}
            rows = arrange(hits, "relevance", counts)
            empty = f"Nothing matches “{state.query}”. Try fewer words, or esc and clear the search."
        else:
            rows = arrange(list(self.by_id.values()), self.order, stories=self.stories)
            empty = "No articles."
        self.source_list.set_rows(rows, keep=current, empty=empty)

    # -- reading --------------------------------------------------------------------------------------

    def on_article_highlighted(self, message: ArticleHighlighted) -> None:
        """The list cursor moved: show that article (after the first frame, when the list was just filled)."""
        if self._painted:
            self.open_article(message.article_id)
        else:
            self.call_after_refresh(self.open_article, message.article_id)

    def on_article_chosen(self, message: ArticleChosen) -> None:
        """An article was chosen: show it and move to the reader."""
        if self.reader.article is None or self.reader.article.id != message.article_id:
            self.open_article(message.article_id)
        self.set_focus(self.reader)

    def open_article(self, article_id: str) -> None:
        """Load an article into the reader (in a worker; a newer request makes an older one moot)."""
        self._load(article_id)

    @work(exclusive=True, group="load", thread=True)
    def _load(self, article_id: str) -> None:
        article = self.library.load(article_id)
        if get_current_worker().is_cancelled:
            return
        deliver(self.app, self._loaded, article_id, article)

    @while_alive
    def _loaded(self, article_id: str, article: Article | None) -> None:
        if article is None:
            self.reader.show(None, f"Could not read {article_id} any more (moved or deleted?).")
            return
        self.reader.show(article)
        self._refresh_entry(Entry.of(article))
        self._apply_matches()
        cached = self._annotations.get(article.id)
        if cached is not None:
            self._annotated(article.id, cached)
        else:
            self._annotate(article)

    def _refresh_entry(self, entry: Entry) -> None:
        """A loaded article knows more than the index's list (its byline): show it in its row."""
        old = self.by_id.get(entry.id)
        if old is None or old == entry:
            return
        self.by_id[entry.id] = entry  # in its place: a dict keeps the order of its keys
        self.source_list.update_entry(entry)

    @work(exclusive=True, group="annotate", thread=True)
    def _annotate(self, article: Article) -> None:
        spans = tuple(self.library.annotate(article))
        if not get_current_worker().is_cancelled:
            deliver(self.app, self._annotated, article.id, spans)

    @while_alive
    def _annotated(self, article_id: str, spans: tuple[Span, ...]) -> None:
        self._annotations[article_id] = spans
        if self.reader.article is not None and self.reader.article.id == article_id:
            self.reader.set_annotations(spans)
            panel = self._facts_panel()
            if panel is not None:
                panel.set_spans(spans)

    def on_fact_chosen(self, message: FactChosen) -> None:
        """Scroll the reader to the chosen quotation or figure."""
        self.reader.go_to(message.start)

    # -- search ---------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``/`` typed inside the search input is text, not the search key; n / N show only with results."""
        if action == "search":
            return not isinstance(self.focused, Input)
        if action in ("next_match", "previous_match"):
            return bool(self.search_state.active and self.search_state.order) or self._submit_pending
        if action == "clear_search":
            return bool(self.search_state.query.strip()) and not isinstance(self.focused, Input)
        return True

    def action_clear_search(self) -> None:
        """Forget the search: the whole list again, no matches in the reader."""
        from tui_reader.widgets.search_bar import SearchBar

        bar = self.query_one(SearchBar)
        bar.clear()  # posts SearchEdited(""), which restores the list
        bar.display = False

    async def action_search(self) -> None:
        """Open the search input (keys typed meanwhile wait for it: this action is awaited before them)."""
        await self._mount_hidden()
        from tui_reader.widgets.search_bar import SearchBar

        self.query_one(SearchBar).open()

    @on(SearchEdited)
    def _search_edited(self, message: SearchEdited) -> None:
        self._queued_steps = 0  # a new query: n / N pressed for the old one mean nothing now
        if not message.query.strip():
            self.workers.cancel_group(self, "search")
            self._search_done("", None)
            return
        self.run_search(message.query)

    @work(exclusive=True, group="search")
    async def run_search(self, query: str) -> None:
        """Search after a short pause in typing; a newer query cancels this one, so stale results never show."""
        await asyncio.sleep(SEARCH_DEBOUNCE)
        result = await asyncio.to_thread(self.library.search, query)
        self._search_done(query, result)

    @while_alive
    def _search_done(self, query: str, result: SearchResult | None) -> None:
        state = SearchState(query=query, result=result)
        if result is not None:
            state.order = [h.id for h in result.hits]
            state.matches = {h.id: h.matches for h in result.hits}
        self.search_state = state
        self.refresh_bindings()  # n / N appear in the footer only while there are matches
        notice = f" ({result.notice})" if result is not None and result.notice else ""
        if query.strip() and result is None:
            self.status.say("Search is not available yet: the index has not been built.", "warning")
        elif state.active and not state.order:
            self.status.say(f"No articles match “{query}”.{notice}", "warning")
        elif state.active:
            self._say_position()
        else:
            self.status.say("")
        self._show_list()
        self._apply_matches()
        if self._submit_pending and query.strip():
            self._submit_pending = False
            self._go_to_first_match()

    @on(SearchSubmitted)
    def _search_submitted(self, message: SearchSubmitted) -> None:
        self._submit(message.query)

    def _submit(self, query: str) -> None:
        self._focus_reading()
        if self.search_state.query != query and query.strip():
            self._submit_pending = True  # the search is still running: jump when it lands
            self.run_search(query)
        else:
            self._go_to_first_match()

    def _go_to_first_match(self) -> None:
        order = self.search_state.order
        if not order:
            return
        self._pending_jump = "first"
        if self.reader.article is not None and self.reader.article.id == order[0]:
            self._apply_matches()
        else:
            self.source_list.select_id(order[0])

    @on(SearchClosed)
    def _search_closed(self) -> None:
        self._focus_reading()

    def _focus_reading(self) -> None:
        """Focus the reader (or the list when no article is open) at once, not after the next refresh."""
        self.set_focus(self.reader if self.reader.article is not None else self.source_list)

    def _apply_matches(self) -> None:
        """Give the reader the matches of its article; land on the first or last one if a jump is pending."""
        article = self.reader.article
        if article is None:
            return
        matches = self.search_state.matches.get(article.id, ()) if self.search_state.active else ()
        current = None
        landed = bool(matches and self._pending_jump)
        if landed:
            current = 0 if self._pending_jump == "first" else len(matches) - 1
            self._pending_jump = None
        self.reader.set_matches(matches, current)
        if self.search_state.active and self.search_state.order:
            self._say_position()
        if landed and self._queued_steps:  # n / N pressed before the search had landed
            steps, self._queued_steps = self._queued_steps, 0
            for _ in range(abs(steps)):
                self._step_match(1 if steps > 0 else -1)

    def _say_position(self) -> None:
        state = self.search_state
        articles = len(state.order)
        plural = "s" if articles != 1 else ""
        article = self.reader.article
        current = self.reader.current_match
        more = ""
        if state.result is not None and state.result.total > articles:
            more = f" (the best {articles:,} of {state.result.total:,})"
        if article is None or current is None or article.id not in state.matches:
            found = f"{state.total:,} {_matches(state.total)} in {articles:,} article{plural}{more}"
            self.status.say(f"{found} · enter or n: first match")
            return
        before = sum(len(state.matches[i]) for i in state.order[: state.order.index(article.id)])
        self.status.say(f"match {before + current + 1:,} of {state.total:,} in {articles:,} article{plural}{more}")

    def action_next_match(self) -> None:
        """Next match; past the last one in this article, the first match of the next article."""
        self._step_match(1)

    def action_previous_match(self) -> None:
        """Previous match; before the first one, the last match of the previous article."""
        self._step_match(-1)

    def _step_match(self, delta: int) -> None:
        state = self.search_state
        if self._submit_pending or self._pending_jump:
            self._queued_steps += delta  # the search or the jump is still on its way: do this when it lands
            return
        if not state.active or not state.order:
            self.status.say("No search on show: press / to search.", "warning")
            return
        article = self.reader.article
        matches = self.reader.matches
        current = self.reader.current_match
        if article is not None and matches:
            target = (current + delta) if current is not None else (0 if delta > 0 else len(matches) - 1)
            if 0 <= target < len(matches):
                self.reader.set_matches(matches, target)
                self._say_position()
                return
        order = state.order
        here = order.index(article.id) if article is not None and article.id in order else -1
        nxt = (here + delta) % len(order) if here >= 0 else 0
        wrapped = (delta > 0 and nxt <= here) or (delta < 0 and nxt >= here)
        self._pending_jump = "first" if delta > 0 else "last"
        if nxt == here:
            self._apply_matches()
        else:
            self.source_list.select_id(order[nxt])
        if wrapped and len(order) > 1:
            self.notify("Search wrapped around to the " + ("first" if delta > 0 else "last") + " article.")

    # -- toggles and order ----------------------------------------------------------------------------

    def action_toggle_highlight(self, kind: str) -> None:
        """Turn one kind of highlight on or off: "quotes", "figures" or "matches"."""
        attr = f"show_{kind}"
        value = not getattr(self.reader, attr)
        setattr(self.reader, attr, value)
        self.status.say(f"{kind.capitalize()} highlighting {'on' if value else 'off'}.")

    def on_resize(self) -> None:
        """Below ``WIDE`` columns the facts panel takes the list's place instead of squeezing the reader."""
        self.set_class(self.size.width < WIDE, "-narrow")

    async def action_toggle_facts(self) -> None:
        """Show or hide the facts panel."""
        await self._mount_hidden()
        panel = self._facts_panel()
        assert panel is not None
        panel.display = not panel.display
        self.set_class(panel.display, "-facts")
        if panel.display:
            panel.focus()
        elif panel.has_focus or self.focused is None:
            self.reader.focus()

    def action_cycle_order(self) -> None:
        """Sort by date, group by outlet or by story, or keep the corpus's order."""
        if self.search_state.active:
            self.status.say("Search results are ranked best first: esc clears the search, then o changes the order.")
            return
        leaving = self.order == "story"
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)] if self.order in ORDERS else "date"
        if leaving and self.stories is None:  # still grouping: stop (it reads the whole corpus)
            self.workers.cancel_group(self, "stories")
            self.query_one(TitleBar).state = self._index_state
        if self.order == "story" and self.stories is None:
            self.status.say("Grouping articles by story…")
            self._group_stories()
            return
        self._show_list()
        self._say_order()

    def _say_order(self) -> None:
        note = ""
        if self.order == "story" and not self.stories:
            note = " (no two articles here report the same story)" if self.stories == {} else ""
        self.status.say(f"List: {ORDER_NAMES[self.order]}{note}.  o: change")

    @work(exclusive=True, group="stories", thread=True)
    def _group_stories(self) -> None:
        """Story grouping reads every article once: off the event loop, with progress, stopped when cancelled."""
        bar = self.query_one(TitleBar)
        worker = get_current_worker()
        shown = -1

        def progress(done: int, total: int) -> None:
            nonlocal shown
            if worker.is_cancelled:
                raise _Stopped
            percent = done * 100 // max(1, total)
            if percent != shown:
                shown = percent
                deliver(self.app, setattr, bar, "state", f"grouping stories {percent}%")

        try:
            stories = self.library.stories(progress)
        except _Stopped:
            return
        if not worker.is_cancelled:
            deliver(self.app, self._stories_grouped, stories)

    @while_alive
    def _stories_grouped(self, stories: dict[str, str]) -> None:
        self.query_one(TitleBar).state = self._index_state
        self.stories = stories
        if self.order == "story":
            self._show_list()
            self._say_order()

    # -- compare --------------------------------------------------------------------------------------

    def action_compare(self) -> None:
        """Open the compare screen for the article in the reader."""
        article = self.reader.article
        if article is None:
            self.status.say("Open an article first, then press c to compare it.", "warning")
            return
        from tui_reader.screens.compare import CompareScreen

        self.app.push_screen(CompareScreen(self.library, article.id))


class _Stopped(Exception):
    """Raised from a progress callback to stop a cancelled worker's work early."""


def _matches(count: int) -> str:
    """ "match" or "matches" for ``count``."""
    return "match" if count == 1 else "matches"
