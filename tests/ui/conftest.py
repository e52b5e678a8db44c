"""Fixtures for the UI tests: an app over the seeds or over a corpus written by the test, and a helper to
wait until the app has done everything it started (workers, then a refresh) without sleeping."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from tests.conftest import SEEDS
from tui_reader.app import NewsreaderApp
from tui_reader.core.corpus import Corpus
from tui_reader.core.model import Article, Hit, SearchResult, Skipped, Span
from tui_reader.library import Entry, Library

HOSTILE_TITLE = "[bold red]Breaking[/] [@click=app.quit]news[/]"
HOSTILE_BODY = (
    "A paragraph with [@click=app.quit]click me[/] and [link=file:///etc/passwd]a link[/link] inside.\n\n"
    "Then [bold an unclosed tag, a lone [/ and a trailing backslash \\\n\n"
    'Officials said "there are at least 5,500 troops [bold]here[/bold]" on Sunday.\n'
)


async def settle(pilot: Pilot) -> None:
    """Let every worker finish and the screen catch up (workers may start more workers, so twice)."""
    for _ in range(3):
        for _attempt in range(5):
            try:
                await pilot.app.workers.wait_for_complete()
                break
            except WorkerCancelled:  # a newer query cancelled an older search: wait for the newer one
                continue
        await pilot.pause()


@pytest.fixture
def make_app() -> Callable[..., NewsreaderApp]:
    """Build the app over given paths (default: the seeds) with a fixed theme."""

    def make(paths: list[Path] | None = None, theme: str = "textual-dark") -> NewsreaderApp:
        return NewsreaderApp(Library(paths or [SEEDS]), theme=theme)

    return make


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> Path:
    """A corpus whose title and body look like Rich/Textual markup."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "markup.txt").write_text(f"{HOSTILE_TITLE}\n\n{HOSTILE_BODY}", encoding="utf-8")
    (folder / "plain.txt").write_text("A plain article\n\nNothing to see here.\n", encoding="utf-8")
    return folder


class SubstringLibrary(Library):
    """A Library whose search is a plain case-insensitive substring scan: the UI's search paths can be tested
    before (and independently of) the real index. Test-only: the app uses core's SearchIndex."""

    searches: list[str]

    def __init__(self, paths: list[Path] | None = None) -> None:
        super().__init__(paths)
        self.searches = []

    @property
    def searchable(self) -> bool:
        return True

    def saved_list(self) -> None:
        return None  # always read the corpus: searching is the substring scan over it

    def scan(self, progress=None) -> tuple[list[Entry], list[Skipped]]:
        corpus = Corpus.load(self.paths, progress=progress)  # no index: searching is the substring scan
        self._corpus = corpus
        return self._set_entries([Entry.of(a) for a in corpus.articles]), list(corpus.skipped)

    def update_index(self, progress=None) -> tuple[list[Entry] | None, str | None]:
        return None, None

    def search(self, query: str) -> SearchResult | None:
        self.searches.append(query)
        needle = query.strip().casefold()
        hits = []
        for article in self._corpus.articles if self._corpus else []:
            spans = tuple(self.matches(article, query))
            if spans:
                hits.append(
                    Hit(article.id, article.path, article.title, article.outlet, article.date, len(spans), spans)
                )
        hits.sort(key=lambda h: -h.score)
        return SearchResult(query=needle, total=len(hits), took_ms=0.0, hits=tuple(hits))

    def matches(self, article: Article, query: str) -> list[Span]:
        needle = query.strip().casefold()
        body = article.body.casefold()
        out, pos = [], body.find(needle) if needle else -1
        while pos != -1:
            out.append(Span("match", pos, pos + len(needle), article.body[pos : pos + len(needle)]))
            pos = body.find(needle, pos + len(needle))
        return out


@pytest.fixture
def search_app() -> Callable[..., NewsreaderApp]:
    """The app over the seeds (or given paths) with the substring search library."""

    def make(paths: list[Path] | None = None) -> NewsreaderApp:
        return NewsreaderApp(SubstringLibrary(paths or [SEEDS]), theme="textual-dark")

    return make
