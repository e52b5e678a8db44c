"""The app's one door to core: list, load, annotate, search and compare articles.

Plain Python (no Textual): every method may run in a worker thread and returns core's own objects. The
screens never call core directly, so the app stays a renderer of what core returns, and tests can hand the
app a ``Library`` over any corpus.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tui_reader.core.corpus import Corpus, default_paths
from tui_reader.core.model import Article, SearchResult, Skipped, Span

if TYPE_CHECKING:
    from tui_reader.core.model import Comparison

Progress = Callable[[int, int], None]
ANNOTATION_CACHE = 64
"""Articles whose annotations are kept: moving back and forth in the list, or comparing, reuses them."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What the source list shows of an article, known without reading its body."""

    id: str
    title: str
    outlet: str | None = None
    byline: str | None = None
    date: str | None = None
    url: str | None = None
    path: str = ""

    @property
    def source(self) -> str:
        """Who published it: the outlet, else the byline, else the web domain, else the file name."""
        if self.outlet:
            return self.outlet
        if self.byline:
            return self.byline
        if self.url:
            host = urlsplit(self.url).hostname or ""
            if host:
                return host.removeprefix("www.")
        return Path(self.path).stem if self.path else self.id

    @classmethod
    def of(cls, article: Article) -> Entry:
        """The list entry of a loaded article."""
        return cls(article.id, article.title, article.outlet, article.byline, article.date, article.url, article.path)


class Library:
    """A corpus as the app sees it; ``scan`` first, then the other calls (each safe from a worker thread)."""

    def __init__(self, paths: list[Path] | None = None) -> None:
        self.paths = list(paths) if paths else None
        self._corpus: Corpus | None = None
        self._entries: dict[str, Entry] = {}
        self._annotations: dict[str, tuple[str, tuple[Span, ...]]] = {}  # id -> (body, spans), oldest first
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """A short name for the corpus (its folder or file names)."""
        roots = self.paths or default_paths()
        names = [p.resolve().name or str(p) for p in roots]
        return ", ".join(names[:2]) + (f" +{len(names) - 2}" if len(names) > 2 else "")

    def scan(self, progress: Progress | None = None) -> tuple[list[Entry], list[Skipped]]:
        """Read the corpus and list its articles (with what was skipped and why)."""
        corpus = Corpus.load(self.paths, progress=progress)
        entries = [Entry.of(a) for a in corpus.articles]
        with self._lock:
            self._corpus = corpus
            self._entries = {e.id: e for e in entries}
        return entries, list(corpus.skipped)

    def entry(self, article_id: str) -> Entry | None:
        """The list entry of an article id."""
        return self._entries.get(article_id)

    @property
    def searchable(self) -> bool:
        """True when search is available (the index module exists)."""
        return False

    def update_index(self, progress: Progress | None = None) -> str | None:
        """Build or refresh the search index; returns a one-line notice when it fell back, else None."""
        return None

    def load(self, article_id: str) -> Article | None:
        """The whole article (body and blocks), or None when it is gone."""
        corpus = self._corpus
        return corpus.get(article_id) if corpus else None

    def annotate(self, article: Article) -> list[Span]:
        """Quotations (with speaker), terms and figures of ``article``, sorted by start (kept for a while)."""
        with self._lock:
            cached = self._annotations.get(article.id)
        if cached is not None and cached[0] is article.body:
            return list(cached[1])
        try:
            from tui_reader.core.annotate import annotate
        except ImportError:  # the annotator has not landed on this branch yet
            return []
        spans = tuple(annotate(article))
        with self._lock:
            self._annotations[article.id] = (article.body, spans)
            while len(self._annotations) > ANNOTATION_CACHE:
                self._annotations.pop(next(iter(self._annotations)))
        return list(spans)

    def search(self, query: str) -> SearchResult | None:
        """Ranked hits with match offsets, or None while search is not available."""
        return None

    def matches(self, article: Article, query: str) -> list[Span]:
        """Every match of ``query`` in ``article``."""
        return []

    def candidates(self, article: Article, limit: int = 10) -> list[tuple[str, float]]:
        """Other accounts of the same story, best first, as ``(id, score)``."""
        try:
            from tui_reader.core.compare import rank_candidates
        except ImportError:  # compare has not landed on this branch yet
            return []
        corpus = self._corpus
        return rank_candidates(article, corpus.articles if corpus else [], limit) if corpus else []

    def compare(self, a: Article, b: Article) -> Comparison | None:
        """The sentence alignment and differences of two accounts (None while compare is not available)."""
        try:
            from tui_reader.core.compare import compare
        except ImportError:
            return None
        return compare(a, b, spans_a=self.annotate(a), spans_b=self.annotate(b))
