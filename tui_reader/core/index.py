"""The search index: a persistent Whoosh index per corpus in the user cache dir, kept up to date incrementally.

This is the only module that imports whoosh. Terms come from :mod:`tui_reader.core.analysis` (fed to Whoosh
already analysed, which is also what makes indexing fast); queries from :mod:`tui_reader.core.query`; match
offsets are computed from the article text with the same analyzer, so what is found is what is highlighted.

Layout of the cache (``paths.cache_dir()/index/<corpus key>/``): ``CURRENT`` names the live generation folder
``g<N>``, which holds the Whoosh files and ``manifest.json`` (every source file's stat, ids and list metadata).
A rebuild writes a new folder and switches ``CURRENT`` atomically, so a search never sees a half-built index;
an incremental update commits into the live folder (Whoosh's table of contents is written atomically) and then
replaces the manifest, which records the Whoosh generation it matches. ``LOCK`` (flock) lets one process update
at a time; another one searches what is committed. Anything unreadable in the cache is rebuilt with a notice;
an unwritable cache falls back to an index in memory. The corpus itself is only ever read.

Freshness (DESIGN "Facts measured"): ``update()`` stats every file (the TUI runs it in a worker thread,
``newsreader index`` runs it); ``update(quick=True)``, used before each ``newsreader search``, stats only the
corpus folders and walks the files only when a folder changed. Added, removed and renamed files always change
their folder, so a search never returns a removed file nor misses an added one; a file edited in place without
a rename keeps its old terms until the next full update (its hits still show the current text).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from pickle import dumps as _dumps
from struct import Struct
from typing import Any

from whoosh import fields as wfields
from whoosh import index as windex
from whoosh import query as wq
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.scoring import BM25F

from tui_reader.core import analysis, corpus, paths
from tui_reader.core.analysis import Term, analyze
from tui_reader.core.model import Article, ArticleMeta, Hit, SearchResult, Skipped, Span, UpdateReport
from tui_reader.core.query import And, DateRange, Not, Or, Phrase, Prefix, Word, find_matches, parse

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no cross-process lock; Whoosh's own lock still guards writes
    fcntl = None  # type: ignore[assignment]

SCHEMA_VERSION = 1
"""Bump when the schema or the manifest changes: older indexes are rebuilt."""
FORMAT = f"{SCHEMA_VERSION}.{analysis.ANALYZER_VERSION}"
INDEX_NAME = "MAIN"
MAX_INDEXED_CHARS = 2_000_000
"""Only this much of one article is indexed and searched for matches (no real article comes close)."""
MAX_PREFIX_TERMS = 200
"""A wildcard expands to at most this many terms (the most frequent ones)."""
TITLE_BOOST = 2.0
SNIPPET_CHARS = 180
WRITER_LIMIT_MB = 256
_PACK_UINT = Struct("!I").pack


class _Analyzed(wfields.TEXT):
    """A text field fed with :class:`Term` lists already analysed by analysis.py (or with a plain string)."""

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        """Yield ``(term bytes, frequency, weight, encoded positions)`` for each distinct term."""
        terms = analyze(value) if isinstance(value, str) else value
        poses: dict[str, list[int]] = {}
        for t in terms:
            got = poses.get(t.text)
            if got is None:
                poses[t.text] = [t.pos]
            else:
                got.append(t.pos)
        boost = self.format.field_boost
        for word, positions in poses.items():
            yield word.encode("utf-8"), len(positions), len(positions) * boost, _encode_positions(positions)


def _encode_positions(positions: list[int]) -> bytes:
    """Whoosh's Positions encoding (count, then pickled deltas), without the per-call overhead."""
    base = 0
    deltas = []
    for pos in positions:
        deltas.append(pos - base)
        base = pos
    return _PACK_UINT(len(deltas)) + _dumps(deltas, 2)


def _schema() -> wfields.Schema:
    return wfields.Schema(
        id=wfields.ID(stored=True, unique=True),
        file=wfields.ID(),
        title=_Analyzed(field_boost=TITLE_BOOST, phrase=True),
        body=_Analyzed(phrase=True),
        outlet=_Analyzed(phrase=True),
        byline=_Analyzed(phrase=True),
        date=wfields.ID(),
    )


@dataclass(slots=True)
class _Manifest:
    """What the index holds: per source file its stat and ids, per article its list metadata."""

    format: str = FORMAT
    generation: int = -1
    roots: list[str] = field(default_factory=list)
    dirs: dict[str, int] = field(default_factory=dict)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    articles: dict[str, list[Any]] = field(default_factory=dict)  # id -> [file key, raw id, n, title, outlet, date]
    walk_skipped: list[list[str]] = field(default_factory=list)

    def to_json(self) -> str:
        """Serialise (compact: this file is read on every start)."""
        return json.dumps(
            {
                "format": self.format,
                "generation": self.generation,
                "roots": self.roots,
                "dirs": self.dirs,
                "files": self.files,
                "articles": self.articles,
                "walk_skipped": self.walk_skipped,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> _Manifest:
        """Parse; raises ValueError / KeyError / TypeError on anything malformed."""
        data = json.loads(text)
        got = cls(
            format=data["format"],
            generation=int(data["generation"]),
            roots=list(data["roots"]),
            dirs={str(k): int(v) for k, v in data["dirs"].items()},
            files=dict(data["files"]),
            articles=dict(data["articles"]),
            walk_skipped=[list(x) for x in data["walk_skipped"]],
        )
        return got

    def skipped(self) -> list[Skipped]:
        """Everything skipped: by the walk, and inside files that were read."""
        out = [Skipped(p, r) for p, r in self.walk_skipped]
        for info in self.files.values():
            out.extend(Skipped(p, r) for p, r in info.get("skipped", ()))
        return out


class _Busy(Exception):
    """Another process holds the update lock."""


class SearchIndex:
    """A corpus's search index: ``open`` (cheap), ``update`` (incremental), ``search``, ``matches``, ``load``.

    Safe to share between the UI thread (search, load) and one worker thread (update).
    """

    notice: str | None

    def __init__(self, roots: list[Path], base: Path | None) -> None:
        self.roots = roots
        self.base = base  # the corpus's cache folder, or None for an index kept in memory
        self.notice = None
        self._lock = threading.RLock()
        self._ix: Any = None
        self._searcher: Any = None
        self._gen_dir: Path | None = None
        self._manifest = _Manifest()
        self._file_cache: OrderedDict[tuple[str, int, int], list[Article]] = OrderedDict()

    # ----- opening -----------------------------------------------------------------------------------------

    @classmethod
    def open(cls, paths: list[Path] | None = None) -> SearchIndex:
        """Open the index of the corpus at ``paths`` (default: the seeds) without building anything."""
        roots = [Path(p) for p in paths] if paths else corpus.default_paths()
        base = _cache_base(roots)
        self = cls(roots, base)
        if base is not None:
            with contextlib.suppress(Exception):
                self._open_current()
        return self

    def _open_current(self) -> bool:
        """Open the live generation named by CURRENT; False (index left unset) if there is none or it is bad."""
        assert self.base is not None
        current = self.base / "CURRENT"
        if not current.exists():
            return False
        name = current.read_text("ascii", errors="replace").strip()
        gen_dir = self.base / name
        if not name.startswith("g") or not gen_dir.is_dir():
            raise ValueError("CURRENT names no index folder")
        manifest = _Manifest.from_json((gen_dir / "manifest.json").read_text("utf-8"))
        if manifest.format != FORMAT:
            self.notice = "the index was made by another version of newsreader; it will be rebuilt"
            return False
        ix = windex.open_dir(str(gen_dir), indexname=INDEX_NAME)
        if ix.latest_generation() != manifest.generation:
            raise ValueError("index and manifest disagree (an update was interrupted)")
        searcher = ix.searcher(weighting=_weighting())
        if searcher.doc_count() != len(manifest.articles):
            searcher.close()
            raise ValueError("index and manifest disagree on the article count")
        self._install(ix, searcher, gen_dir, manifest)
        return True

    def _install(self, ix: Any, searcher: Any, gen_dir: Path | None, manifest: _Manifest) -> None:
        with self._lock:
            old = self._searcher
            self._ix, self._searcher, self._gen_dir, self._manifest = ix, searcher, gen_dir, manifest
        if old is not None and old is not searcher:
            with contextlib.suppress(Exception):
                old.close()

    # ----- updating ----------------------------------------------------------------------------------------

    def update(
        self,
        progress: Callable[[int, int], None] | None = None,
        *,
        rebuild: bool = False,
        quick: bool = False,
    ) -> UpdateReport:
        """Bring the index up to date with the files; safe in a worker thread; ``progress(done, total)``.

        ``quick`` first compares only the folders' modification times (see the module docstring) and walks
        the files only when one changed. ``rebuild`` builds everything afresh.
        """
        started = time.perf_counter()
        if self.base is not None and self._ix is None and not rebuild:
            try:
                self._open_current()
            except Exception as exc:
                rebuild = True
                self.notice = f"the index was damaged ({_short(exc)}); rebuilt it"
        if quick and self._ix is not None and not rebuild and self._folders_unchanged():
            return self._report(started, unchanged=len(self._manifest.files))
        try:
            with self._update_lock():
                return self._update_locked(progress, rebuild, started)
        except _Busy:
            if self._ix is None:
                # Nothing committed to search yet: build our own copy in memory.
                self.notice = "another newsreader is building the index; this one uses an index in memory"
                self.base = None
                return self._update_locked(progress, True, started)
            self.notice = "another newsreader is updating the index; results may be a moment out of date"
            return self._report(started, unchanged=len(self._manifest.files))

    @contextlib.contextmanager
    def _update_lock(self) -> Iterator[None]:
        """The cross-process update lock (flock on ``LOCK``; released by the kernel if we die)."""
        if self.base is None or fcntl is None:
            yield
            return
        handle = None
        try:
            self.base.mkdir(parents=True, exist_ok=True)
            handle = open(self.base / "LOCK", "a+b")  # noqa: SIM115 - held for the whole block
        except OSError:
            handle = None
        if handle is None:
            yield  # an unwritable cache: the update falls back to memory
            return
        try:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise _Busy() from None
            yield
        finally:
            with contextlib.suppress(OSError):
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            handle.close()

    def _update_locked(
        self, progress: Callable[[int, int], None] | None, rebuild: bool, started: float
    ) -> UpdateReport:
        dirs = _folder_times(self.roots)
        found = corpus.discover(self.roots)
        if self._ix is not None and not rebuild and self.base is not None:
            try:
                return self._incremental(found, dirs, progress, started)
            except Exception as exc:
                self.notice = f"the index could not be updated ({_short(exc)}); rebuilt it"
        return self._build(found, dirs, progress, started)

    def _incremental(
        self,
        found: corpus.Discovery,
        dirs: dict[str, int],
        progress: Callable[[int, int], None] | None,
        started: float,
    ) -> UpdateReport:
        old = self._manifest
        current = {src.display: src for src in found.files}
        changed, added, unchanged = [], [], []
        for key, src in current.items():
            info = old.files.get(key)
            if info is None:
                added.append(src)
            elif (info["mtime"], info["size"], info["id"], info["meta"]) != (
                src.mtime_ns,
                src.size,
                src.id,
                [list(kv) for kv in src.meta],
            ):
                changed.append(src)
            else:
                unchanged.append(src)
        removed = [key for key in old.files if key not in current]
        manifest = _Manifest(
            generation=old.generation,
            roots=[str(r) for r in self.roots],
            dirs=dirs,
            files={k: v for k, v in old.files.items() if k in current},
            articles=dict(old.articles),
            walk_skipped=[[s.path, s.reason] for s in found.skipped],
        )
        if not (changed or added or removed):
            if manifest.dirs != old.dirs or manifest.walk_skipped != old.walk_skipped:
                self._write_manifest(self._gen_dir, manifest)
                with self._lock:
                    self._manifest = manifest
            return self._report(started, unchanged=len(unchanged))
        writer = self._ix.writer(limitmb=WRITER_LIMIT_MB)
        try:
            for key in [*removed, *(s.display for s in changed)]:
                writer.delete_by_term("file", key)
                for article_id in old.files.get(key, {}).get("articles", ()):
                    manifest.articles.pop(article_id, None)
                manifest.files.pop(key, None)
            self._add_files(writer, [*changed, *added], manifest, progress)
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        ix = self._ix.refresh()
        manifest.generation = ix.latest_generation()
        self._write_manifest(self._gen_dir, manifest)
        self._install(ix, ix.searcher(weighting=_weighting()), self._gen_dir, manifest)
        self._file_cache.clear()
        return self._report(
            started, added=len(added), changed=len(changed), removed=len(removed), unchanged=len(unchanged)
        )

    def _build(
        self,
        found: corpus.Discovery,
        dirs: dict[str, int],
        progress: Callable[[int, int], None] | None,
        started: float,
    ) -> UpdateReport:
        """Build the whole index in a fresh generation folder (or in memory), then switch to it."""
        manifest = _Manifest(
            roots=[str(r) for r in self.roots],
            dirs=dirs,
            walk_skipped=[[s.path, s.reason] for s in found.skipped],
        )
        gen_dir = None
        storage: Any
        if self.base is not None:
            try:
                gen_dir = self._new_generation_dir()
                storage = FileStorage(str(gen_dir))
                ix = storage.create_index(_schema(), indexname=INDEX_NAME)
            except OSError as exc:
                self._fall_back_to_memory(exc)
                gen_dir = None
        if gen_dir is None:
            storage = RamStorage()
            ix = storage.create_index(_schema(), indexname=INDEX_NAME)
        writer = ix.writer(limitmb=WRITER_LIMIT_MB)
        try:
            self._add_files(writer, found.files, manifest, progress)
            writer.commit(optimize=True)
        except BaseException:
            writer.cancel()
            if gen_dir is not None:
                shutil.rmtree(gen_dir, ignore_errors=True)
            raise
        ix = ix.refresh()
        manifest.generation = ix.latest_generation()
        if gen_dir is not None:
            try:
                self._write_manifest(gen_dir, manifest)
                _atomic_write(self.base / "CURRENT", gen_dir.name)  # type: ignore[operator]
            except OSError as exc:
                self._fall_back_to_memory(exc)
                shutil.rmtree(gen_dir, ignore_errors=True)
                return self._build(found, dirs, progress, started)
            self._remove_old_generations(keep=gen_dir.name)
        self._install(ix, ix.searcher(weighting=_weighting()), gen_dir, manifest)
        self._file_cache.clear()
        return self._report(started, added=len(manifest.files), rebuilt=True)

    def _fall_back_to_memory(self, exc: OSError) -> None:
        where = self.base
        self.base = None
        self.notice = f"cannot write the index cache in {where} ({_short(exc)}); using an index in memory"

    def _new_generation_dir(self) -> Path:
        assert self.base is not None
        self.base.mkdir(parents=True, exist_ok=True)
        taken = [int(p.name[1:]) for p in self.base.glob("g*") if p.name[1:].isdigit()]
        number = max(taken, default=0) + 1
        while True:
            gen_dir = self.base / f"g{number}"
            try:
                gen_dir.mkdir()
                return gen_dir
            except FileExistsError:
                number += 1

    def _remove_old_generations(self, keep: str) -> None:
        assert self.base is not None
        for old in self.base.glob("g*"):
            if old.name != keep and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)

    def _write_manifest(self, gen_dir: Path | None, manifest: _Manifest) -> None:
        if gen_dir is not None:
            _atomic_write(gen_dir / "manifest.json", manifest.to_json())

    def _add_files(
        self,
        writer: Any,
        files: list[corpus.SourceFile],
        manifest: _Manifest,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        """Read, analyse and add every article of ``files``; record them in ``manifest``."""
        total = len(files)
        add = writer.add_document
        taken = manifest.articles
        for done, src in enumerate(files, start=1):
            articles, skipped = corpus.read_source(src)
            ids = []
            for n, article in enumerate(articles):
                article_id = article.id
                if article_id in taken:
                    # The same record id in two files: the file's name in front, as Corpus does.
                    base = Path(article.path).stem
                    article_id = f"{base}/{article.id}"
                    k = 2
                    while article_id in taken:
                        article_id = f"{base}/{article.id}~{k}"
                        k += 1
                taken[article_id] = [src.display, article.id, n, article.title, article.outlet, article.date]
                ids.append(article_id)
                fields: dict[str, Any] = {
                    "id": article_id,
                    "file": src.display,
                    "title": analyze(article.title),
                    "body": analyze(article.body[:MAX_INDEXED_CHARS]),
                }
                if article.outlet:
                    fields["outlet"] = analyze(article.outlet)
                if article.byline:
                    fields["byline"] = analyze(article.byline)
                if article.date:
                    fields["date"] = article.date
                add(**fields)
            manifest.files[src.display] = {
                "path": str(src.path),
                "id": src.id,
                "kind": src.kind,
                "size": src.size,
                "mtime": src.mtime_ns,
                "meta": [list(kv) for kv in src.meta],
                "articles": ids,
                "skipped": [[s.path, s.reason] for s in skipped],
            }
            if progress is not None:
                progress(done, total)

    def _folders_unchanged(self) -> bool:
        """True when every recorded folder (and file root) still has the modification time we saw."""
        manifest = self._manifest
        if manifest.roots != [str(r) for r in self.roots] or not manifest.dirs:
            return False
        for path, mtime in manifest.dirs.items():
            try:
                if os.stat(path).st_mtime_ns != mtime:
                    return False
            except OSError:
                return False
        return True

    def _report(self, started: float, **counts: Any) -> UpdateReport:
        manifest = self._manifest
        return UpdateReport(
            files=len(manifest.files),
            articles=len(manifest.articles),
            skipped=tuple(manifest.skipped()),
            seconds=time.perf_counter() - started,
            notice=self.notice,
            **counts,
        )

    # ----- reading -----------------------------------------------------------------------------------------

    def articles(self) -> list[ArticleMeta]:
        """Every indexed article's list metadata, in corpus order, without reading any file."""
        manifest = self._manifest
        return [
            ArticleMeta(id=article_id, path=info[0], title=info[3], outlet=info[4], date=info[5])
            for article_id, info in manifest.articles.items()
        ]

    def __len__(self) -> int:
        return len(self._manifest.articles)

    def skipped(self) -> list[Skipped]:
        """The files (or records) the last update could not read, with their reasons."""
        return self._manifest.skipped()

    def load(self, article_id: str) -> Article | None:
        """Read the one article from its file (None if it is gone or no longer readable)."""
        manifest = self._manifest
        info = manifest.articles.get(article_id)
        if info is None:
            return None
        file_key, raw_id, n = info[0], info[1], info[2]
        source = manifest.files.get(file_key)
        if source is None:
            return None
        articles = self._read(file_key, source)
        if not articles:
            return None
        found = None
        if n < len(articles) and articles[n].id == raw_id:
            found = articles[n]
        else:
            found = next((a for a in articles if a.id == raw_id), None)
        if found is None:
            return None
        return found if found.id == article_id else replace(found, id=article_id)

    def _read(self, file_key: str, source: dict[str, Any]) -> list[Article]:
        path = Path(source["path"])
        try:
            st = path.stat()
        except OSError:
            return []
        key = (file_key, st.st_mtime_ns, st.st_size)
        with self._lock:
            cached = self._file_cache.get(key)
            if cached is not None:
                self._file_cache.move_to_end(key)
                return cached
        src = corpus.SourceFile(
            path=path,
            display=file_key,
            id=source["id"],
            kind=source["kind"],
            size=st.st_size,
            mtime_ns=st.st_mtime_ns,
            meta=tuple((k, v) for k, v in source["meta"]),
        )
        articles, _ = corpus.read_source(src)
        with self._lock:
            self._file_cache[key] = articles
            while len(self._file_cache) > 4:
                self._file_cache.popitem(last=False)
        return articles

    # ----- searching ---------------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> SearchResult:
        """Ranked hits for any query string, with match offsets into each hit's body; never raises."""
        started = time.perf_counter()
        parsed = parse(query)
        notices = list(parsed.notices)
        if self.notice:
            notices.append(self.notice)
        if parsed.tree is None:
            notices.append('nothing to search for: type a word, a figure or a "phrase"')
            return self._result(query, 0, started, (), notices)
        with self._lock:
            searcher = self._searcher
            manifest = self._manifest
        if searcher is None:
            notices.append("the index is not built yet")
            return self._result(query, 0, started, (), notices)
        try:
            wquery = _to_whoosh(parsed.tree, searcher)
            results = searcher.search(wquery, limit=max(1, limit))
            total = len(results)
            ranked = [(r["id"], r.score) for r in results]
        except Exception as exc:  # a damaged index must not take the caller down
            notices.append(f"the search failed ({_short(exc)}); run `newsreader index --rebuild`")
            return self._result(query, 0, started, (), notices)
        hits = []
        for article_id, score in ranked[: max(0, limit)]:
            hit = self._hit(article_id, score, parsed.tree, manifest)
            if hit is not None:
                hits.append(hit)
            else:
                total -= 1  # its file went away since the last update
        return self._result(query, total, started, tuple(hits), notices)

    def _result(
        self, query: str, total: int, started: float, hits: tuple[Hit, ...], notices: list[str]
    ) -> SearchResult:
        return SearchResult(
            query=query,
            total=max(total, len(hits)),
            took_ms=(time.perf_counter() - started) * 1000,
            hits=hits,
            notice="; ".join(dict.fromkeys(notices)) or None,
        )

    def _hit(self, article_id: str, score: float, tree: Any, manifest: _Manifest) -> Hit | None:
        info = manifest.articles.get(article_id)
        if info is None:
            return None
        article = self.load(article_id)
        if article is None:
            return None
        spans = _spans(article.body, find_matches(article.body[:MAX_INDEXED_CHARS], tree))
        snippet, snippet_start = _snippet(article.body, spans)
        return Hit(
            id=article_id,
            path=article.path,
            title=article.title,
            outlet=article.outlet,
            date=article.date,
            score=float(score),
            matches=tuple(spans),
            snippet=snippet,
            snippet_start=snippet_start,
        )

    def matches(self, article: Article, query: str) -> list[Span]:
        """Every match of ``query`` in ``article.body`` as ``Span(kind="match")``, in order."""
        tree = parse(query).tree
        return _spans(article.body, find_matches(article.body[:MAX_INDEXED_CHARS], tree))

    def similar(self, article_id: str, limit: int = 10) -> list[tuple[str, float]]:
        """Other articles most like this one (title, lead and names), best first: ``(id, score)``."""
        article = self.load(article_id)
        with self._lock:
            searcher = self._searcher
        if article is None or searcher is None:
            return []
        wquery = _similar_query(article)
        if wquery is None:
            return []
        try:
            results = searcher.search(wquery, limit=limit + 1)
            return [(r["id"], float(r.score)) for r in results if r["id"] != article_id][:limit]
        except Exception:
            return []

    def close(self) -> None:
        """Close the open searcher (files stay as they are)."""
        with self._lock:
            if self._searcher is not None:
                with contextlib.suppress(Exception):
                    self._searcher.close()
            self._searcher = None
            self._ix = None


# ----- helpers ---------------------------------------------------------------------------------------------


def _weighting() -> BM25F:
    return BM25F(B=0.75, K1=1.2)


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text[:80]}" if text else type(exc).__name__


def _cache_base(roots: list[Path]) -> Path | None:
    try:
        return paths.cache_dir() / "index" / paths.corpus_key(roots)
    except Exception:  # an unusable HOME / cache setting: stay in memory
        return None


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _folder_times(roots: list[Path]) -> dict[str, int]:
    """Modification time of every corpus folder (and of file roots), taken before the files are listed."""
    times: dict[str, int] = {}
    seen: set[tuple[int, int]] = set()
    for root in roots:
        try:
            st = os.stat(root)
        except OSError:
            continue
        times[str(root)] = st.st_mtime_ns
        if not os.path.isdir(root):
            continue
        for dirpath, dirnames, _ in os.walk(root, followlinks=True):
            try:
                dst = os.stat(dirpath)
            except OSError:
                dirnames[:] = []
                continue
            key = (dst.st_dev, dst.st_ino)
            if key in seen:
                dirnames[:] = []
                continue
            seen.add(key)
            times[dirpath] = dst.st_mtime_ns
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
    return times


def _spans(body: str, offsets: list[tuple[int, int]]) -> list[Span]:
    return [Span(kind="match", start=a, end=b, text=body[a:b]) for a, b in offsets]


def _snippet(body: str, spans: list[Span]) -> tuple[str, int]:
    """About SNIPPET_CHARS of ``body`` around the first match, on one line; and where it starts in body.

    Newlines become spaces one for one, so offsets inside the snippet are body offsets minus the start
    (plus one for a leading "…").
    """
    if spans:
        first = spans[0].start
        start = max(0, first - SNIPPET_CHARS // 3)
        if start > 0:
            space = body.find(" ", start, first)
            start = space + 1 if space != -1 else start
    else:
        start = 0
    end = min(len(body), start + SNIPPET_CHARS)
    if end < len(body):
        space = body.rfind(" ", start + SNIPPET_CHARS // 2, end)
        end = space if space != -1 else end
    text = body[start:end].replace("\n", " ").replace("\t", " ")
    return ("…" if start > 0 else "") + text + ("…" if end < len(body) else ""), start


def _fields_for(name: str | None) -> list[tuple[str, float]]:
    if name is None:
        return [("title", 1.0), ("body", 1.0)]
    return [(name, 1.0)]


def _to_whoosh(node: Any, searcher: Any) -> Any:
    """Our query tree -> a Whoosh query (wildcards expanded here, bounded)."""
    if isinstance(node, Word):
        return _any_field(node.field, lambda f: wq.Term(f, node.text))
    if isinstance(node, Phrase):
        return _any_field(node.field, lambda f: wq.Phrase(f, list(node.terms)))
    if isinstance(node, Prefix):
        terms: list[Any] = []
        for fieldname, _ in _fields_for(node.field):
            words = _expand_prefix(searcher, fieldname, node.prefix)
            terms.extend(wq.Term(fieldname, w) for w in words)
        return wq.Or(terms) if terms else wq.NullQuery
    if isinstance(node, DateRange):
        return wq.TermRange("date", node.low, node.high)
    if isinstance(node, And):
        return wq.And([_to_whoosh(c, searcher) for c in node.children])
    if isinstance(node, Or):
        return wq.Or([_to_whoosh(c, searcher) for c in node.children])
    if isinstance(node, Not):
        return wq.Not(_to_whoosh(node.child, searcher))
    return wq.NullQuery


def _any_field(name: str | None, make: Callable[[str], Any]) -> Any:
    fieldnames = [f for f, _ in _fields_for(name)]
    if len(fieldnames) == 1:
        return make(fieldnames[0])
    return wq.Or([make(f) for f in fieldnames])


def _expand_prefix(searcher: Any, fieldname: str, prefix: str) -> list[str]:
    """At most MAX_PREFIX_TERMS terms of ``fieldname`` that start with ``prefix``, most frequent first."""
    reader = searcher.reader()
    words: list[tuple[int, str]] = []
    try:
        for n, word in enumerate(reader.expand_prefix(fieldname, prefix)):
            if n >= MAX_PREFIX_TERMS * 20:
                break
            text = word.decode("utf-8") if isinstance(word, bytes) else word
            words.append((reader.doc_frequency(fieldname, text), text))
    except Exception:
        return []
    words.sort(reverse=True)
    return [w for _, w in words[:MAX_PREFIX_TERMS]]


def _similar_query(article: Article) -> Any:
    """Title, lead and names of ``article`` as a weighted OR query (more-like-this)."""
    lead = article.body[:1500]
    counts: dict[str, float] = {}
    for weight, terms in ((3.0, analyze(article.title)), (1.0, analyze(lead, "query"))):
        for t in terms:
            if len(t.text) < 3 or t.text in analysis.CASE_SENSITIVE:
                continue
            counts[t.text] = counts.get(t.text, 0.0) + weight
    # Names (capitalised words not at a sentence start) count double.
    for t in analyze(lead):
        source = lead[t.start : t.end]
        if source[:1].isupper() and t.start > 0 and lead[max(0, t.start - 2) : t.start].strip() not in (".", ""):
            counts[t.text] = counts.get(t.text, 0.0) + 1.0
    best = sorted(counts.items(), key=lambda kv: -kv[1])[:25]
    if not best:
        return None
    return wq.Or([wq.Term(f, w, boost=score) for w, score in best for f in ("title", "body")])


__all__ = ["SearchIndex", "Term"]
