"""The app's one door to core: list, load, annotate, search and compare articles.

Plain Python (no Textual): every method may run in a worker thread and returns core's own objects. The
screens never call core directly, so the app stays a renderer of what core returns, and tests can hand the
app a ``Library`` over any corpus.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from tui_reader.core import listcache
from tui_reader.core.paths import seeds_dir

if TYPE_CHECKING:
    from tui_reader.core.corpus import Corpus, SourceFile
    from tui_reader.core.index import SearchIndex
    from tui_reader.core.model import Article, ArticleMeta, Comparison, SearchResult, Skipped, Span, UpdateReport

Progress = Callable[[int, int], None]
PROVISIONAL_FROM = 500
"""From this many files, a first run lists file names at once instead of reading the corpus for titles."""
ANNOTATION_CACHE = 64
"""Articles whose annotations are kept: moving back and forth in the list, or comparing, reuses them."""


UNKNOWN_SOURCE = "source unknown"
"""What the app says of an article whose outlet, byline, web address and folder are all unknown."""


class Entry(NamedTuple):
    """What the source list shows of an article, known without reading its body.

    A named tuple, not a dataclass: the list of 89,000 articles is made of these at start-up, and a tuple is
    built five times faster than a frozen dataclass.
    """

    id: str
    title: str
    outlet: str | None = None
    byline: str | None = None
    date: str | None = None
    url: str | None = None
    path: str = ""

    @property
    def source(self) -> str | None:
        """Who published it: the outlet, else the byline, else the web domain, else the folder the file is in
        ("business" for ``business/281``: in a corpus sorted into folders, what the folders are); None when
        nothing is known (a file name such as ``002_62dd9d57e05a8388`` says nothing to a reader)."""
        if self.outlet:
            return self.outlet
        if self.byline:
            return self.byline
        if self.url:
            host = urlsplit(self.url).hostname or ""
            if host:
                return host.removeprefix("www.")
        return self.id.rpartition("/")[0].rpartition("/")[2] or None

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


@dataclass(frozen=True, slots=True)
class HelperReport:
    """What the index helper process reports at the end: the articles indexed, and a notice if it fell back."""

    articles: int
    changed: bool = True
    notice: str | None = None


class Library:
    """A corpus as the app sees it; ``scan`` first, then the other calls (each safe from a worker thread).

    ``scan`` is what the first screen waits for, so it is the cheapest list there is: the one saved after the
    last run (``core.listcache``), without opening the search index (Whoosh's import alone is 140 ms). The
    index is opened when first needed and brought up to date by ``update_index`` in a worker; on a corpus of
    ``SUBPROCESS_FROM`` articles or more that update runs in a helper process, so that a first build of 89,000
    articles neither takes the app's memory (its peak stays the builder's) nor its interpreter lock.
    Articles are read one at a time when shown; no body is kept beyond the annotations of recent ones.
    """

    SEARCH_LIMIT = 50
    """Hits a search brings back (each is read from disk to find its match offsets)."""
    SUBPROCESS_FROM = 500
    """Articles from which the index is updated in a helper process instead of a thread of the app."""
    HELPER: tuple[str, ...] = (sys.executable, "-m", "tui_reader.index_helper")
    """The helper process's command (the corpus paths follow)."""

    def __init__(self, paths: list[Path] | None = None) -> None:
        self.paths = list(paths) if paths else None
        self._corpus: Corpus | None = None  # a small corpus's first run: read whole, until the index is built
        self._index: SearchIndex | None = None
        self._sources: dict[str, SourceFile] | None = None  # before the index is built: files by article id
        self.provisional = False
        """True while the list shows file names only (a big corpus before its first index build)."""
        self._from_snapshot = False
        self._unsaved = False  # listed from the index: save that list before anything else (quitting early)
        self._entries: dict[str, Entry] = {}
        self._annotations: dict[str, tuple[str, tuple[Span, ...]]] = {}  # id -> (body, spans), oldest first
        self._lock = threading.Lock()
        self._open_lock = threading.Lock()
        self._helper: subprocess.Popen[str] | None = None
        self._closed = False

    @property
    def roots(self) -> list[Path]:
        """The corpus's root paths (the bundled seeds when none were given, as ``corpus.default_paths``)."""
        return self.paths or [seeds_dir()]

    @property
    def name(self) -> str:
        """A short name for the corpus (its folder or file names)."""
        names = [p.resolve().name or str(p) for p in self.roots]
        return ", ".join(names[:2]) + (f" +{len(names) - 2}" if len(names) > 2 else "")

    def _set_entries(self, entries: list[Entry]) -> list[Entry]:
        with self._lock:
            self._entries = {e.id: e for e in entries}
        return entries

    def saved_list(self) -> tuple[list[Entry], list[Skipped]] | None:
        """The list saved by the last run (read in milliseconds, nothing else opened), or None."""
        snapshot = listcache.load(self.roots)
        if snapshot is None:
            return None
        new = tuple.__new__  # the named tuple's constructor without its argument handling (89,000 entries)
        self._from_snapshot = True
        skipped = []
        if snapshot.skipped:
            from tui_reader.core.model import Skipped

            skipped = [Skipped(p, r) for p, r in snapshot.skipped]
        return self._set_entries([new(Entry, row) for row in snapshot.rows]), skipped  # 7 fields, checked by load

    def scan(self, progress: Progress | None = None) -> tuple[list[Entry], list[Skipped]]:
        """List the corpus's articles (with what was skipped and why), as cheaply as possible.

        In order: the list saved by the last run; the search index's list when it is built; a small corpus
        read whole (a second or less); a big one of one-article files listed by file name at once (titles come
        with the index; each article is read when shown).
        """
        saved = self.saved_list()
        if saved is not None:
            return saved
        from tui_reader.core.corpus import RECORD_KINDS, Corpus, discover

        index = self._open_index()
        if len(index):  # built before (by ``newsreader index``, say): list from it without reading any file
            self._unsaved = True
            return self._set_entries([Entry.of(m) for m in index.articles()]), list(index.skipped())
        found = discover(self.roots)
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
        """True: this library has a search index (built, or to be built by ``update_index``)."""
        return True

    def _open_index(self) -> SearchIndex:
        """The search index, opened on first use (from any thread; opening is cheap but imports Whoosh)."""
        index = self._index
        if index is None:
            with self._open_lock:
                index = self._index
                if index is None:
                    index = self._index = _index_class().open(self.paths)
        return index

    def update_index(self, progress: Progress | None = None) -> tuple[list[Entry] | None, str | None]:
        """Bring the index up to date (in a worker thread); returns the new list if it changed, and a notice.

        Once the index is built the in-memory corpus of a first run is let go: articles are read on demand.
        The list is saved for the next start when it changed.
        """
        index = self._open_index()
        if self._unsaved:
            self._unsaved = False
            self._save_list(list(self._entries.values()), index)
        report: HelperReport | UpdateReport | None = None
        if len(self._entries) >= self.SUBPROCESS_FROM and index.base is not None:
            report = self._update_in_helper(progress)
            if report is not None and (report.changed or not len(index)):
                with self._open_lock:  # what the helper committed; the old index is let go first (memory)
                    self._index = index = None  # type: ignore[assignment]
                    index = self._index = _index_class().open(self.paths)
                if report.articles and not len(index):
                    report = None  # the helper could only build in its own memory: build here instead
        if self._closed:
            return None, None
        if report is None:
            report = index.update(progress)
        notice = report.notice
        if not len(index):
            return None, notice
        self._corpus, self._sources, self.provisional = None, None, False
        known = self._entries  # bylines and urls read from the files on a first run: the index has none
        fresh = [_richer(Entry.of(m), known.get(m.id)) for m in index.articles()]
        entries = None
        if fresh != list(known.values()):
            entries = self._set_entries(fresh)
        if entries is not None or not self._from_snapshot:
            self._save_list(fresh, index)
        return entries, notice

    def _save_list(self, entries: list[Entry], index: SearchIndex) -> None:
        """Remember the list for the next start (``core.listcache``)."""
        skipped = [(s.path, s.reason) for s in index.skipped()]
        self._from_snapshot = listcache.save(self.roots, [_row(e) for e in entries], skipped)

    def _update_in_helper(self, progress: Progress | None) -> HelperReport | None:
        """Run the index update in the helper process (``index_helper``); None when it could not run (the caller
        updates in this process then). A helper that dies while indexing is reported, not repeated here: what
        killed it (memory) would take the app down too."""
        command = [*self.HELPER, *(str(p) for p in self.paths or ())]
        try:
            helper = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
            )
        except OSError:
            return None
        self._helper = helper
        try:
            if self._closed:
                return None
            assert helper.stdout is not None
            working = False
            for line in helper.stdout:  # ends when the helper exits (or ``close`` stops it)
                try:
                    message = json.loads(line)
                except ValueError:
                    continue
                if "done" in message:
                    working = True
                    if progress is not None:
                        progress(int(message["done"]), int(message["total"]))
                elif "articles" in message:
                    return HelperReport(
                        int(message["articles"]), bool(message.get("changed", True)), message.get("notice")
                    )
            if working and not self._closed:  # it died while indexing (killed, out of memory): do not retry here
                code = helper.wait()
                return HelperReport(0, False, f"the index helper stopped (exit status {code}); search may be stale")
            return None
        finally:
            self._helper = None
            if helper.poll() is None:
                helper.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                helper.wait(timeout=5)
            if helper.stdout is not None:
                helper.stdout.close()

    def close(self) -> None:
        """Stop a running helper process (the app is quitting); an unfinished build is started again next time."""
        self._closed = True
        helper = self._helper
        if helper is not None and helper.poll() is None:
            with contextlib.suppress(OSError):
                helper.terminate()

    def load(self, article_id: str) -> Article | None:
        """The whole article (body and blocks), or None when it is gone."""
        corpus = self._corpus
        if corpus is not None:
            return corpus.get(article_id)
        index = self._open_index()
        if len(index):
            return index.load(article_id)
        sources = self._file_sources()
        if sources is not None and article_id in sources:
            from tui_reader.core.corpus import read_source

            articles, _ = read_source(sources[article_id])
            return articles[0] if articles else None
        corpus = self._corpus
        return corpus.get(article_id) if corpus is not None else None

    def _file_sources(self) -> dict[str, SourceFile] | None:
        """Before the index is built: the corpus's files by article id (a corpus of records is read whole)."""
        from tui_reader.core.corpus import RECORD_KINDS, Corpus, discover

        with self._open_lock:
            if self._sources is None and self._corpus is None:
                found = discover(self.roots)
                if all(f.kind not in RECORD_KINDS for f in found.files):
                    self._sources = {f.id: f for f in found.files}
                else:
                    self._corpus = Corpus.load(self.paths)
            return self._sources

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
        """Ranked hits with match offsets (a notice says when the index is still being built)."""
        return self._open_index().search(query, limit=self.SEARCH_LIMIT)

    def matches(self, article: Article, query: str) -> list[Span]:
        """Every match of ``query`` in ``article``."""
        return self._open_index().matches(article, query)

    def candidates(self, article: Article, limit: int = 10) -> list[tuple[str, float]]:
        """Other accounts of the same story, best first, as ``(id, score)``."""
        from tui_reader.core.compare import rank_candidates

        corpus = self._corpus
        if corpus is not None:
            return rank_candidates(article, corpus.articles, limit)
        return rank_candidates(article, self._open_index(), limit)

    @property
    def can_match(self) -> bool:
        """True when story matching has a pool to look in (the corpus read whole, or a built index)."""
        return self._corpus is not None or len(self._open_index()) > 0

    def stories(self, progress: Progress | None = None) -> dict[str, str]:
        """Articles that report the same story, as id -> story name (core's one-pass ``group_stories``).

        Reads every article once (one file at a time); ``progress(done, total)`` may raise to stop.
        """
        from tui_reader.core.grouping import group_stories

        ids = list(self._entries)
        articles = (a for a in map(self.load, ids) if a is not None)
        return group_stories(articles, progress, total=len(ids))

    def compare(self, a: Article, b: Article) -> Comparison:
        """The sentence alignment and differences of two accounts (with the annotations kept for both)."""
        from tui_reader.core.compare import compare

        return compare(a, b, spans_a=self.annotate(a), spans_b=self.annotate(b))


def _row(entry: Entry) -> listcache.Row:
    return (entry.id, entry.title, entry.outlet, entry.byline, entry.date, entry.url, entry.path)


def _index_class() -> type[SearchIndex]:
    """The search index class, imported when first needed (whoosh costs 100 ms; the first screen does not)."""
    from tui_reader.core.index import SearchIndex

    return SearchIndex


def _richer(entry: Entry, known: Entry | None) -> Entry:
    """``entry`` with the byline and url of ``known`` (the same article, read from its file) when it lacks them."""
    if known is None or ((entry.byline or not known.byline) and (entry.url or not known.url)):
        return entry
    return entry._replace(byline=entry.byline or known.byline, url=entry.url or known.url)
