"""The Textual app: styles, app-wide keys, the command palette, and the workers that read and index the corpus.

Thin by design: it starts the main screen at once (usable while the corpus is read and indexed in a
worker), routes progress to it, and owns nothing else. Screens keep their own state.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import get_current_worker

from tui_reader.commands import NewsreaderCommands
from tui_reader.library import Library
from tui_reader.messages import CorpusLoaded, CorpusProgress, IndexReady
from tui_reader.screens.help import HelpScreen
from tui_reader.screens.main import MainScreen

PROGRESS_EVERY = 0.1
"""Seconds between progress updates sent from the worker (the bar needs no more)."""


class NewsreaderApp(App[None]):
    """Newsreader: a source list, a reader with highlights, search as you type, and compare."""

    TITLE = "newsreader"
    CSS_PATH = "newsreader.tcss"
    COMMANDS = App.COMMANDS | {NewsreaderCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # Shown by each screen's footer in its own place; here so ? works on every screen.
        Binding("question_mark", "help", "Help", show=False, tooltip="Every key, and what the colours mean"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]

    def __init__(self, library: Library | None = None, *, theme: str | None = None) -> None:
        super().__init__()
        self.library = library or Library()
        if theme:
            self.theme = theme

    def on_mount(self) -> None:
        """Set up what needs the DOM once mounted."""
        self.main = MainScreen(self.library)
        self.push_screen(self.main)
        self.scan_corpus()

    @work(thread=True, exclusive=True, group="corpus")
    def scan_corpus(self) -> None:
        """Read the corpus (then build or update the index) without blocking the interface."""
        last = 0.0

        def progress(stage: str) -> object:
            def report(done: int, total: int) -> None:
                nonlocal last
                now = time.monotonic()
                if now - last >= PROGRESS_EVERY or done == total:
                    last = now
                    self.main.post_message(CorpusProgress(stage, done, total))

            return report

        entries, skipped = self.library.scan(progress("reading"))  # type: ignore[arg-type]
        if get_current_worker().is_cancelled:
            return
        self.main.post_message(CorpusLoaded(entries, skipped))
        if self.library.searchable:
            self.main.post_message(CorpusProgress("indexing", 0, 0))
            entries, notice = self.library.update_index(progress("indexing"))  # type: ignore[arg-type]
            if entries is not None and not get_current_worker().is_cancelled:
                self.main.post_message(CorpusLoaded(entries, []))
            self.main.post_message(IndexReady(notice))

    def action_help(self) -> None:
        """Show every key and the highlight legend."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def run_app(paths: list[Path] | None) -> int:
    """Run the reader on ``paths`` (None: the bundled seeds); returns the exit code."""
    NewsreaderApp(Library(paths)).run()
    return 0
