"""The app's one door to core: list, load, annotate, search and compare articles.

Plain Python (no Textual): every method may run in a worker thread and returns core's own objects. The
screens never call core directly, so the app stays a renderer of what core returns, and tests can hand the
app a ``Library`` over any corpus.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tui_reader.core.corpus import RECORD_KINDS, Corpus, SourceFile, default_paths, discover, read_source
from tui_reader.core.model import Article, Comparison, SearchResult, Skipped, Span

if TYPE_CHECKING:
    from tui_reader.core.index import SearchIndex
    from tui_reader.core.model import ArticleMeta

Progress = Callable[[int, int], None]
PROVISIONAL_FROM = 500
"""From this many files, a first run lists file names at once instead of reading the corpus for titles."""
MAX_STORY_ARTICLES = 5_000
"""Larger corpora are not grouped by story (one more-like-this search an article: minutes past this)."""
STORY_CANDIDATES = 5
"""Candidates per article considered when linking articles into stories."""
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
        return self.id  # the file's path in the corpus: often a folder that says something ("business/281")

    @classmethod
    def of(cls, article: Article | ArticleMeta) -> Entry:
        """The list entry of an article, or of the index's metadata for one (which has no byline or url)."""
        return cls(
            article.id,
            article.title,
            article.outlet,
            getattr(article, "byline", None),
            article.date,
            getattr(article, "url", None),
            article.path,
        )


class Library:
    """A corpus as the app sees it; ``scan`` first, then the other calls (each safe from a worker thread).

    With a search index built, the list comes from the index (no file is read) and articles are read one at
    a time when shown; on the very first run the corpus is read once for the list while the index builds.
    """

    SEARCH_LIMIT = 50
    """Hits a search brings back (each is read from disk to find its match offsets)."""

    def __init__(self, paths: list[Path] | None = None) -> None:
        self.paths = list(paths) if paths else None
        self._corpus: Corpus | None = None
        self._index: SearchIndex | None = None
        self._sources: dict[str, SourceFile] | None = None  # first run of a big corpus: files by article id
        self.provisional = False
        """True while the list shows file names only (a big corpus before its first index build)."""
        self._entries: dict[str, Entry] = {}
        self._annotations: dict[str, tuple[str, tuple[Span, ...]]] = {}  # id -> (body, spans), oldest first
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """A short name for the corpus (its folder or file names)."""
        roots = self.paths or default_paths()
        names = [p.resolve().name or str(p) for p in roots]
        return ", ".join(names[:2]) + (f" +{len(names) - 2}" if len(names) > 2 else "")

    def _set_entries(self, entries: list[Entry]) -> list[Entry]:
        with self._lock:
            self._entries = {e.id: e for e in entries}
        return entries

    def scan(self, progress: Progress | None = None) -> tuple[list[Entry], list[Skipped]]:
        """List the corpus's articles (with what was skipped and why): from the index when it is built.

        Before the first build, a small corpus is read whole (a second or less); a big one of one-article
        files is listed by file name at once (titles come with the index) and each article is read when shown.
        """
        index = _index_class().open(self.paths)
        self._index = index
        if len(index):  # built before: list from it without reading any file
            return self._set_entries([Entry.of(m) for m in index.articles()]), list(index.skipped())
        found = discover(self.paths or default_paths())
        if len(found.files) >= PROVISIONAL_FROM and all(f.kind not in RECORD_KINDS for f in found.files):
            self._sources = {f.id: f for f in found.files}
            self.provisional = True
            return self._set_entries([Entry(f.id, f.id, path=f.display) for f in found.files]), list(found.skipped)
        corpus = Corpus.load(self.paths, progress=progress)
        self._corpus = corpus
        return self._set_entries([Entry.of(a) for a in corpus.articles]), list(corpus.skipped)

    def entry(self, article_id: str) -> Entry | None:
        """The list entry of an article id."""
        return self._entries.get(article_id)

    @property
    def searchable(self) -> bool:
        """True when there is a search index (built, or to be built by ``update_index``)."""
        return self._index is not None

    def update_index(self, progress: Progress | None = None) -> tuple[list[Entry] | None, str | None]:
        """Bring the index up to date (in a worker thread); returns the new list if it changed, and a notice.

        Once the index is built the in-memory corpus of a first run is let go: articles are read on demand.
        """
        index = self._index
        if index is None:
            return None, None
        report = index.update(progress)
        first = self._corpus is not None or self._sources is not None
        changed = report.added or report.changed or report.removed or report.rebuilt or first
        if len(index):
            self._corpus, self._sources, self.provisional = None, None, False
        entries = None
        if changed and len(index):
            known = self._entries  # bylines and urls read from the files on a first run: the index has none
            entries = self._set_entries([_richer(Entry.of(m), known.get(m.id)) for m in index.articles()])
        return entries, report.notice or index.notice

    def load(self, article_id: str) -> Article | None:
        """The whole article (body and blocks), or None when it is gone."""
        corpus = self._corpus
        if corpus is not None:
            return corpus.get(article_id)
        sources = self._sources
        if sources is not None and article_id in sources:
            articles, _ = read_source(sources[article_id])
            return articles[0] if articles else None
        return self._index.load(article_id) if self._index is not None else None

    def annotate(self, article: Article) -> list[Span]:
        """Quotations (with speaker), terms and figures of ``article``, sorted by start (kept for a while)."""
        with self._lock:
            cached = self._annotations.get(article.id)
        if cached is not None and cached[0] == article.body:
            return list(cached[1])
        from tui_reader.core.annotate import annotate  # late: the first screen does not need it

        spans = tuple(annotate(article))
        with self._lock:
            self._annotations[article.id] = (article.body, spans)
            while len(self._annotations) > ANNOTATION_CACHE:
                self._annotations.pop(next(iter(self._annotations)))
        return list(spans)

    def search(self, query: str) -> SearchResult | None:
        """Ranked hits with match offsets, or None while there is no index."""
        index = self._index
        return index.search(query, limit=self.SEARCH_LIMIT) if index is not None else None

    def matches(self, article: Article, query: str) -> list[Span]:
        """Every match of ``query`` in ``article``."""
        index = self._index
        return index.matches(article, query) if index is not None else []

    def candidates(self, article: Article, limit: int = 10) -> list[tuple[str, float]]:
        """Other accounts of the same story, best first, as ``(id, score)``."""
        from tui_reader.core.compare import rank_candidates

        corpus = self._corpus
        if corpus is not None:
            return rank_candidates(article, corpus.articles, limit)
        return rank_candidates(article, self._index, limit) if self._index is not None else []

    def stories(self, progress: Progress | None = None) -> dict[str, str] | None:
        """Articles that report the same story, as id -> story name (the earliest account's title).

        Built from core's story matching (``rank_candidates`` above ``MIN_STORY_SCORE``): two articles are
        one story when either is among the other's candidates; groups are the connected sets. Articles
        with no other account are left out. None when story matching is not available or the corpus is
        larger than ``MAX_STORY_ARTICLES`` (it costs one story-matching query per article).
        """
        from tui_reader.core.compare import rank_candidates
        from tui_reader.core.stories import MIN_STORY_SCORE

        ids = list(self._entries)
        if len(ids) > MAX_STORY_ARTICLES:
            return None
        corpus = self._corpus
        pool = corpus.articles if corpus is not None else self._index
        if pool is None:
            return None
        parent = {i: i for i in ids}

        def root(i: str) -> str:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for done, article_id in enumerate(ids, start=1):
            article = self.load(article_id)
            if article is not None:
                for other, score in rank_candidates(article, pool, STORY_CANDIDATES):
                    if score >= MIN_STORY_SCORE and other in parent:
                        parent[root(other)] = root(article_id)
            if progress:
                progress(done, len(ids))
        groups: dict[str, list[str]] = {}
        for i in ids:
            groups.setdefault(root(i), []).append(i)
        names: dict[str, str] = {}
        for members in groups.values():
            if len(members) < 2:
                continue
            first = min(members, key=lambda i: (self._entries[i].date or "9999", i))
            for member in members:
                names[member] = self._entries[first].title or first
        return names

    def compare(self, a: Article, b: Article) -> Comparison:
        """The sentence alignment and differences of two accounts (with the annotations kept for both)."""
        from tui_reader.core.compare import compare

        return compare(a, b, spans_a=self.annotate(a), spans_b=self.annotate(b))


def _index_class() -> type[SearchIndex]:
    """The search index class, imported when first needed (whoosh costs 100 ms; the first screen does not)."""
    from tui_reader.core.index import SearchIndex

    return SearchIndex


def _richer(entry: Entry, known: Entry | None) -> Entry:
    """``entry`` with the byline and url of ``known`` (the same article, read from its file) when it lacks them."""
    if known is None or ((entry.byline or not known.byline) and (entry.url or not known.url)):
        return entry
    return replace(entry, byline=entry.byline or known.byline, url=entry.url or known.url)
