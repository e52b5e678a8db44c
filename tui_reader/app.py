"""The Textual app: styles, app-wide keys, the command palette, and the workers that read and index the corpus.

Thin by design: it starts the main screen at once (usable while the corpus is read and indexed in a
worker), routes progress to it, and owns nothing else. Screens keep their own state.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import get_current_worker

from tui_reader.library import Library
from tui_reader.messages import CorpusLoaded, CorpusProgress, IndexReady, ListShown
from tui_reader.screens.main import MainScreen
from tui_reader.startup import resume_collector

if TYPE_CHECKING:
    from textual.command import Provider

PROGRESS_EVERY = 0.1
"""Seconds between progress updates sent from the worker (the bar needs no more)."""
FIRST_PAINT_WAIT = 2.0
"""Seconds the indexing worker waits at most for the list's first paint before it starts."""


def _newsreader_commands() -> type[Provider]:
    """The palette's own commands, imported when the palette first opens (Textual's command module: 25 ms)."""
    from tui_reader.commands import NewsreaderCommands

    return NewsreaderCommands


class NewsreaderApp(App[None]):
    """Newsreader: a source list, a reader with highlights, search as you type, and compare."""

    TITLE = "newsreader"
    CSS_PATH = "newsreader.tcss"
    COMMANDS = App.COMMANDS | {_newsreader_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # Shown by each screen's footer in its own place; here so ? works on every screen.
        Binding("question_mark", "help", "Help", show=False, tooltip="Every key, and what the colours mean"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]

    def __init__(self, library: Library | None = None, *, theme: str | None = None) -> None:
        super().__init__()
        self.library = library or Library()
        self._list_shown = threading.Event()
        if theme:
            self.theme = theme

    def on_mount(self) -> None:
        """Show the main screen with the list saved by the last run (if any: milliseconds), then scan."""
        saved = self.library.saved_list()
        self.main = MainScreen(self.library, saved)
        self.push_screen(self.main)
        self.scan_corpus(listed=saved is not None)
        self.set_timer(FIRST_PAINT_WAIT, resume_collector)  # if no list is ever drawn

    @work(thread=True, exclusive=True, group="corpus")
    def scan_corpus(self, listed: bool = False) -> None:
        """Read the corpus unless ``listed`` already, then build or update the index, off the event loop."""
        last = 0.0

        def progress(stage: str) -> object:
            def report(done: int, total: int) -> None:
                nonlocal last
                now = time.monotonic()
                if now - last >= PROGRESS_EVERY or done == total:
                    last = now
                    self.main.post_message(CorpusProgress(stage, done, total))

            return report

        if not listed:
            entries, skipped = self.library.scan(progress("reading"))  # type: ignore[arg-type]
            if get_current_worker().is_cancelled:
                return
            self.main.post_message(CorpusLoaded(entries, skipped))
        # Opening the index imports Whoosh: in this thread it would slow the first paint (the interpreter lock).
        self._list_shown.wait(FIRST_PAINT_WAIT)
        if self.library.searchable:
            self.main.post_message(CorpusProgress("updating the index", 0, 0))
            entries, notice = self.library.update_index(progress("indexing"))  # type: ignore[arg-type]
            if get_current_worker().is_cancelled:
                return
            if entries is not None:
                self.main.post_message(CorpusLoaded(entries, []))
            self.main.post_message(IndexReady(notice))

    @on(ListShown)
    def _list_shown_once(self) -> None:
        """The list has been painted: the indexing worker may start, the garbage collector resume."""
        resume_collector()
        self._list_shown.set()

    def on_unmount(self) -> None:
        """Stop the index helper process, if one is building (the next start takes over)."""
        self.library.close()

    def action_help(self) -> None:
        """Show every key and the highlight legend."""
        from tui_reader.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def run_app(paths: list[Path] | None) -> int:
    """Run the reader on ``paths`` (None: the bundled seeds); returns the exit code."""
    library = Library(paths)
    try:
        NewsreaderApp(library).run()
    finally:
        resume_collector()
        library.close()
    return 0
