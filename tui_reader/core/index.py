"""The search index: a persistent Whoosh index per corpus in the user cache dir, kept up to date incrementally.

This is the only module that imports whoosh. Terms come from :mod:`tui_reader.core.analysis` (fed to Whoosh
already analysed, which is also what makes indexing fast); queries from :mod:`tui_reader.core.query`; match
offsets are computed from the article text with the same analyzer, so what is found is what is highlighted.

Speed (bench/results.md): segments are written block by block in Whoosh's own format (``_write_field``), and
one-word queries are ranked from the posting blocks with Whoosh's BM25F arithmetic (``_rank_word``); both
are checked against Whoosh's own code paths by tests (test_index_writer.py, test_index_rank.py).

Layout of the cache (``paths.cache_dir()/index/<corpus key>/``): ``CURRENT`` names the live generation folder
``g<N>``, which holds the Whoosh files, ``catalog.pickle`` (every source file's stat, ids and list metadata)
and ``manifest.pickle`` (a small header: generation, folder times, counts; all a search reads, because each
document stores where its article is). A rebuild writes a new folder and switches ``CURRENT`` atomically, so a
search never sees a half-built index; an incremental update commits into the live folder (Whoosh's table of
contents is written atomically) and then replaces the catalog and the manifest, which record the Whoosh
generation they match. ``LOCK`` (flock) lets one process update
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
import heapq
import itertools
import math
import operator
import os
import pickle
import shutil
import threading
import time
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from struct import Struct
from typing import Any

from whoosh import fields as wfields
from whoosh import index as windex
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, STORED_COLUMN, WHOOSH3_HEADER_MAGIC, W3TermInfo, _lenfield
from whoosh.collectors import TopCollector
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.scoring import BM25F
from whoosh.system import pack_int as _PACK_INT
from whoosh.system import pack_long as _PACK_LONG
from whoosh.system import pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

from tui_reader.core import READER_VERSION, analysis, corpus, paths
from tui_reader.core.analysis import Term, analyze, index_terms
from tui_reader.core.figures import format_value
from tui_reader.core.model import Article, ArticleMeta, Hit, SearchResult, Skipped, Span, UpdateReport
from tui_reader.core.query import And, DateRange, Not, NumRange, Or, Phrase, Prefix, Word, find_matches, parse

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no cross-process lock; Whoosh's own lock still guards writes
    fcntl = None  # type: ignore[assignment]

SCHEMA_VERSION = 4
"""Bump when the schema or the manifest changes: older indexes are rebuilt."""
FORMAT = f"{SCHEMA_VERSION}.{analysis.ANALYZER_VERSION}.{READER_VERSION}"
INDEX_NAME = "MAIN"
MANIFEST = "manifest.pickle"
CATALOG = "catalog.pickle"
MAX_INDEXED_CHARS = 2_000_000
"""Only this much of one article is indexed and searched for matches (no real article comes close)."""
OTHER_VERSION_NOTICE = "the index was made by another version of newsreader; it will be rebuilt"
"""What opening an index of another format says (an update's report leaves it out once it has rebuilt)."""
MAX_PREFIX_TERMS = 200
"""A wildcard expands to at most this many terms (the most frequent ones)."""
MAX_NUM_TERMS = 2000
"""A figure filter (``num:>5000``) searches at most this many different figures (the most frequent ones)."""
TITLE_BOOST = 2.0
PHRASE_POOL = 50
"""How many of the best articles for words typed together are checked for those words side by side."""
SNIPPET_CHARS = 180
LEAD_CHARS = 1500
"""How much of the body counts as the lead for more-like-this."""
SIMILAR_TERMS = 30
FLUSH_POSTINGS = 2_000_000
"""A segment is committed after this many postings (about 10,000 news articles): bounds the memory used."""
MAX_SEGMENTS = 8
"""Small segments (one an incremental update) are merged when there are more than this."""
SMALL_SEGMENT = 2_000
"""Documents in a segment below which it counts as small. Big segments are never merged: a merge goes through
Whoosh's per-posting path (minutes at 89,000 articles), and a search over a dozen segments costs little more."""
MIN_COMPRESS = 64
"""Posting blocks whose pickle is shorter than this are stored as they are (the block says so, and Whoosh's
reader then skips decompressing): zlib made them no smaller, and they are most blocks of a news corpus."""
BLOCK_PICKLE = 4
"""Pickle protocol of posting blocks. Whoosh writes protocol 2, which stores each posting's positions as a call
to ``_codecs.encode``: 10x slower to write and 6x slower to read than protocol 4, and 2.5x the bytes once
compressed. Whoosh's reader unpickles either."""
DEFAULT_PROCS = 2
"""Worker processes for a big build (at most one a core); NEWSREADER_INDEX_PROCS overrides. Measured on the
2-core machine at 22,250 articles: 15.8 s with two workers, 29.0 s in one process; searches of the two-segment
index are as fast (p95 41.9 against 40.7 ms). An earlier measurement, with other work busy on both cores, saw
no gain: the workers run at a lower priority, so a reader using the machine meanwhile keeps its share."""
WORKER_NICENESS = 5
"""How much lower a build worker's scheduling priority is than the process that started it."""
PARALLEL_MIN_FILES = 1500
"""Below this many files a build runs in one process (starting workers costs about half a second)."""
_PACK_UINT = Struct("!I").pack
_dumps = pickle.dumps
_sub = operator.sub
_SINGLE: dict[int, bytes] = {}


class _Analyzed(wfields.TEXT):
    """A text field whose terms come from analysis.py: lists of :class:`Term` (what ``_Builder`` passes), or a
    plain string analysed here (Whoosh's own ``add_document`` path). Whoosh's Tokenizer/Filter chain is not
    used: its per-token objects were most of stock Whoosh's indexing time, and queries are parsed by query.py.
    """

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


def _compress(data: bytes, level: int) -> bytes:
    """zlib with a 4 KB window: the same format (Whoosh's ``zlib.decompress`` reads it) without the 256 KB of
    state ``zlib.compress`` allocates and clears on every call, which cost 100 us a block, 20 times the work
    itself, when most blocks hold a few postings."""
    packer = zlib.compressobj(level, zlib.DEFLATED, 12, 4)
    return packer.compress(data) + packer.flush()


def _encode_positions(positions: list[int]) -> bytes:
    """Whoosh's Positions encoding (count, then pickled deltas), without the per-call overhead."""
    if len(positions) == 1:  # most postings: one position, encoded once and kept
        pos = positions[0]
        got = _SINGLE.get(pos)
        if got is None:
            got = _SINGLE[pos] = _PACK_UINT(1) + pickle.dumps([pos], 2)
        return got
    base = 0
    deltas = []
    for pos in positions:
        deltas.append(pos - base)
        base = pos
    return _PACK_UINT(len(deltas)) + pickle.dumps(deltas, 2)


class _Builder:
    """Adds documents straight into Whoosh's codec, skipping its posting pool (a size estimate per posting,
    a sort of every posting, and a second pass over them).

    Postings are grouped per field and term in memory (docnums, frequencies, encoded positions) and written
    in term order when the segment is committed; past ``FLUSH_POSTINGS`` postings a segment is committed
    and a new one started, which bounds memory. Deletions go through the ordinary Whoosh writer.
    """

    def __init__(self, ix: Any, *, segments_only: bool = False) -> None:
        self.ix = ix
        self.segments_only = segments_only  # a worker process: hand segments to the parent, write no TOC
        self.segments: list[Any] = []
        self._start()

    def _start(self) -> None:
        if self.segments_only:
            from whoosh.writing import SegmentWriter

            writer = SegmentWriter(self.ix, _lk=False, limitmb=32, compound=False)  # the parent holds the lock
        else:
            writer = self.ix.writer(limitmb=32, compound=False)  # a compound file is copied to memory on open
        self.writer = writer
        self.schema = writer.schema
        self.tables: dict[str, dict[str, tuple[array, array, list[bytes]]]] = {}
        self.lengths: dict[str, array] = {}  # per text field: its length in each document, by docnum
        self.postings = 0
        writer._flush_segment = self._flush  # our postings instead of its (empty) pool
        # Stored fields are compressed one document at a time: with the small-window zlib, not zlib.compress's
        # 256 KB of fresh state per call (100 us a document, 7% of a build).
        perdoc = writer.perdocwriter
        if not perdoc._has_column("_stored"):
            perdoc._create_column("_stored", STORED_COLUMN)
        perdoc._get_column("_stored")._child._compress = _compress

    def delete_file(self, key: str) -> None:
        """Delete every document of one source file."""
        self.writer.delete_by_term("file", key)

    def add(
        self, ids: dict[str, str], texts: dict[str, list[tuple[str, int, int, int]]], stored: dict[str, Any]
    ) -> None:
        """Add one document: ``ids`` are ID fields (``id`` is stored), ``texts`` analysed text fields, ``stored``
        values kept with the document only."""
        writer = self.writer
        docnum = writer.docnum
        perdoc = writer.perdocwriter
        schema = self.schema
        tables = self.tables
        perdoc.start_doc(docnum)
        for fieldname, value in stored.items():
            perdoc.add_field(fieldname, schema[fieldname], value, 0)
        count = 0
        for fieldname, value in ids.items():
            table = tables.get(fieldname)
            if table is None:
                table = tables[fieldname] = {}
            entry = table.get(value)
            if entry is None:
                entry = table[value] = (array("I"), array("I"), [])
            entry[0].append(docnum)
            entry[1].append(1)
            perdoc.add_field(fieldname, schema[fieldname], value if fieldname == "id" else None, 0)
            count += 1
        single = _SINGLE
        for fieldname, terms in texts.items():
            table = tables.get(fieldname)
            if table is None:
                table = tables[fieldname] = {}
                self.lengths[fieldname] = array("I")
            poses: dict[str, list[int]] = {}
            for text, pos, _start, _end in terms:
                got = poses.get(text)
                if got is None:
                    poses[text] = [pos]
                else:
                    got.append(pos)
            for word, positions in poses.items():
                entry = table.get(word)
                if entry is None:
                    entry = table[word] = (array("I"), array("I"), [])
                entry[0].append(docnum)
                if len(positions) == 1:
                    entry[1].append(1)
                    value = single.get(positions[0])
                    entry[2].append(value if value is not None else _encode_positions(positions))
                else:
                    entry[1].append(len(positions))
                    entry[2].append(_encode_positions(positions))
            length = len(terms)
            lengths = self.lengths[fieldname]
            if len(lengths) < docnum:
                lengths.extend([0] * (docnum - len(lengths)))  # documents without this field
            lengths.append(length)
            perdoc.add_field(fieldname, schema[fieldname], None, length)
            count += len(poses)
        perdoc.finish_doc()
        writer.docnum += 1
        writer._added = True
        self.postings += count
        if self.postings >= FLUSH_POSTINGS:
            self._end_segment()
            self._start()

    def _end_segment(self) -> None:
        if self.segments_only:
            self.segments.append(self.writer._finalize_segment())
            self.writer._finish()
        else:
            self.writer.commit(merge=False)

    def _flush(self) -> None:
        """Write the collected postings (called by Whoosh's commit in place of its pool flush)."""
        writer = self.writer
        writer.perdocwriter.close()
        fw = writer.fieldwriter
        for fieldname in sorted(self.tables):
            table = self.tables[fieldname]
            if table:
                _write_field(fw, fieldname, self.schema[fieldname], table, self.lengths.get(fieldname))
        fw.close()
        self.tables = {}

    def commit(self) -> None:
        """Commit the last segment; merge segments when there are many (after many small updates)."""
        if self.writer.docnum > 0 or not self.segments_only:
            self._end_segment()
        else:
            self.writer.cancel()
        if not self.segments_only:
            small = [s for s in self.ix.refresh()._segments() if s.doc_count_all() < SMALL_SEGMENT]
            if len(small) > MAX_SEGMENTS:
                self.ix.refresh().writer(compound=False).commit(mergetype=_merge_small)

    def cancel(self) -> None:
        """Abandon the segment being written."""
        with contextlib.suppress(Exception):
            self.writer.cancel()


def _merge_small(writer: Any, segments: list[Any]) -> list[Any]:
    """A Whoosh merge policy: merge every small segment into one, keep the big ones as they are."""
    from whoosh.reading import SegmentReader

    keep = []
    for segment in segments:
        if segment.doc_count_all() < SMALL_SEGMENT:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
        else:
            keep.append(segment)
    return keep


def _index_files(
    builder: _Builder,
    files: list[corpus.SourceFile],
    taken: dict[str, list[Any]],
    records: dict[str, dict[str, Any]],
    done_one: Callable[[int, int], None],
) -> None:
    """Read, analyse and add the articles of ``files``; fill ``taken`` (id -> list metadata) and ``records``."""
    add = builder.add
    for done, src in enumerate(files, start=1):
        articles, skipped = corpus.read_source(src)
        path = str(src.path)
        stored_path = None if path == src.display else path
        ids = []
        for n, article in enumerate(articles):
            article_id = corpus.unique_article_id(article.id, article.path, taken)
            taken[article_id] = [src.display, article.id, n, article.title, article.outlet, article.date]
            ids.append(article_id)
            keys = {"id": article_id, "file": src.display}
            if article.date:
                keys["date"] = article.date
            title = index_terms(article.title)
            body = index_terms(article.body[:MAX_INDEXED_CHARS])
            # The body field also holds the title's terms (after a gap, so no phrase spans the two): a one-word
            # query's total is then the term's document frequency, with no second pass over its postings.
            after = (body[-1][1] if body else 0) + 2
            body.extend((text, pos + after, start, end) for text, pos, start, end in title)
            texts = {"title": title, "body": body}
            if article.outlet:
                texts["outlet"] = index_terms(article.outlet)
            if article.byline:
                texts["byline"] = index_terms(article.byline)
            # Where to read the article again, kept with its document: a search reads its hits from here
            # without the catalog (file key, id in the file, index in the file, path, file id, kind, sidecar).
            source = (src.display, article.id, n, stored_path, src.id, src.kind, src.meta)
            add(keys, texts, {"src": source})
        records[src.display] = {
            "path": path,
            "id": src.id,
            "kind": src.kind,
            "size": src.size,
            "mtime": src.mtime_ns,
            "meta": [list(kv) for kv in src.meta],
            "articles": ids,
            "skipped": [[s.path, s.reason] for s in skipped],
        }
        done_one(done, len(articles))


class _WorkerStorage(FileStorage):
    """The index folder as a build worker sees it: a temporary folder of its own (Whoosh names it after the
    index, so two workers would remove each other's)."""

    def temp_storage(self, name: str | None = None) -> Any:
        """A temporary storage private to this process."""
        return super().temp_storage(f"{name or 'tmp'}.{os.getpid()}")


def _exit_with_parent(every: float = 0.25) -> None:
    """End this worker as soon as the process that started it is gone (killed, or stopped by a quitting app):
    a daemon worker is only stopped by its parent's orderly exit, and would otherwise build on for nothing."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _worker(number: int, gen_dir: str, files: list[corpus.SourceFile], results: Any) -> None:
    """A build worker process: index ``files`` into new segments of the index at ``gen_dir``, report back."""
    _exit_with_parent()
    try:
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICENESS)  # the app (or whatever the user runs) keeps the upper hand over a build
        ix = _WorkerStorage(gen_dir).open_index(INDEX_NAME)
        builder = _Builder(ix, segments_only=True)
        taken: dict[str, list[Any]] = {}
        records: dict[str, dict[str, Any]] = {}
        pending = [0, 0]

        def done_one(done: int, articles: int) -> None:
            pending[0] += 1
            pending[1] += articles
            if pending[0] >= 64:
                results.put((number, "progress", pending[0], pending[1]))
                pending[0] = pending[1] = 0

        _index_files(builder, files, taken, records, done_one)
        builder.commit()
        results.put((number, "progress", pending[0], pending[1]))
        results.put((number, "done", builder.segments, taken, records))
    except BaseException as exc:  # the parent falls back to building in one process
        results.put((number, "error", _short(exc)))


def _build_procs(files: list[corpus.SourceFile]) -> int:
    """How many worker processes a build uses: several only for many one-article files and several cores."""
    setting = os.environ.get("NEWSREADER_INDEX_PROCS", "")
    procs = min(int(setting) if setting.isdigit() else DEFAULT_PROCS, os.cpu_count() or 1)
    if len(files) < PARALLEL_MIN_FILES or any(f.kind in corpus.RECORD_KINDS for f in files):
        return 1
    return procs


def _write_field(
    fw: Any, fieldname: str, fieldobj: Any, table: dict[str, tuple[array, array, list[bytes]]], lengths: array | None
) -> None:
    """Write one field's terms and postings in Whoosh 3's format, block by block, the same bytes as feeding
    every posting to ``fw.add`` (tests/core/test_index_writer.py checks that), at a fraction of the calls:
    whole blocks are encoded from the arrays at once instead of one posting at a time."""
    fw.start_field(fieldname, fieldobj)
    codec = fw._codec
    limit, comp = codec._blocklimit, codec._compression
    postfile = fw._postfile.file  # the raw file: StructFile's wrappers were a tenth of the writing time
    tell, write = postfile.tell, postfile.write
    tindex_add = fw._tindex.add
    prefix = pack_ushort(fw._fieldid)
    boost = fieldobj.format.field_boost
    fixed = fieldobj.format.fixed_value_size()
    keep_values = fixed is None or fixed < 0
    pack_info = W3TermInfo._struct.pack
    for word in sorted(table):
        docs, freqs, values = table[word]
        start = tell()
        write(WHOOSH3_HEADER_MAGIC)
        n = len(docs)
        weight_sum = 0.0
        minlength: int | None = None
        maxlength = 0
        maxweight = 0.0
        for b in range(0, n, limit):
            last = b + limit >= n
            ids = docs[b : b + limit] if n > limit else docs
            fr = freqs[b : b + limit] if n > limit else freqs
            weights = array("f", fr) if boost == 1.0 else array("f", [f * boost for f in fr])
            low, high = min(fr), max(fr)
            block_maxweight = high * boost
            if lengths is None:
                block_min, block_max = None, 0
            else:
                lens = [lengths[d] for d in ids]
                block_min, block_max = min(lens), max(lens)
                if block_max == 0:
                    block_min = None
            if low * boost == 1.0 and high * boost == 1.0:
                mini_weights: Any = None
            elif low == high:
                mini_weights = weights[0]
            else:
                mini_weights = tuple(weights)
            mini_ids = (ids[0], *map(_sub, ids[1:], ids[:-1]))
            if keep_values:
                mini_values: Any = tuple(values[b : b + limit] if n > limit else values)
            elif fixed == 0:
                mini_values = None
            else:
                mini_values = b"".join(values[b : b + limit])
            data = _dumps((mini_ids, mini_weights, mini_values), BLOCK_PICKLE)
            block_comp = comp if len(data) >= MIN_COMPRESS else 0
            if block_comp:
                data = _compress(data, block_comp)
            info = _dumps(
                (len(ids), ids[-1], block_maxweight, block_comp, length_to_byte(block_min), length_to_byte(block_max)),
                2,
            )
            size = len(info) + len(data)
            write(_PACK_INT(-size if last else size))
            write(info)
            write(data)
            weight_sum += sum(weights)
            if block_min is not None and (minlength is None or block_min < minlength):
                minlength = block_min
            if block_max > maxlength:
                maxlength = block_max
            if block_maxweight > maxweight:
                maxweight = block_maxweight
        terminfo = pack_info(
            0,
            weight_sum,
            n,
            0 if minlength is None else length_to_byte(minlength),
            length_to_byte(maxlength),
            maxweight,
            docs[0],
            docs[-1],
        )
        tindex_add(prefix + word.encode("utf-8"), terminfo + _PACK_LONG(start) + _PACK_INT(tell() - start))
    fw.finish_field()


def _schema() -> wfields.Schema:
    return wfields.Schema(
        id=wfields.ID(stored=True, unique=True),
        file=wfields.ID(),
        src=wfields.STORED(),
        title=_Analyzed(field_boost=TITLE_BOOST, phrase=True),
        body=_Analyzed(phrase=True),
        outlet=_Analyzed(phrase=True),
        byline=_Analyzed(phrase=True),
        date=wfields.ID(),
    )


class _Manifest:
    """What the index holds: per source file its stat and ids, per article its list metadata.

    Kept in two files of the generation folder: ``manifest.pickle``, a small header read on every start
    (generation, roots, folder times, counts, what was skipped), and ``catalog.pickle`` with every file's
    record and every article's list entry, read only when something needs them (an update, the article list,
    ``load`` by id). A search needs neither: each hit's source is stored with its Whoosh document. At 22,000
    articles the catalog takes 45 ms to unpickle, a sixth of a whole ``newsreader search``.
    """

    __slots__ = ("_articles", "_catalog", "_counts", "_files", "_from_disk", "_skipped", "broken", "dirs", "format")
    __slots__ += ("generation", "roots", "walk_skipped")

    def __init__(
        self,
        format: str = FORMAT,
        generation: int = -1,
        roots: list[str] | None = None,
        dirs: dict[str, int] | None = None,
        files: dict[str, dict[str, Any]] | None = None,
        articles: dict[str, list[Any]] | None = None,
        walk_skipped: list[list[str]] | None = None,
    ) -> None:
        self.format = format
        self.generation = generation
        self.roots = roots if roots is not None else []
        self.dirs = dirs if dirs is not None else {}
        self.walk_skipped = walk_skipped if walk_skipped is not None else []
        self._files = files if files is not None else {}
        self._articles = articles if articles is not None else {}  # id -> [file key, raw id, n, title, outlet, date]
        self._catalog: Path | None = None  # where the files and articles are, while not read yet
        self._counts = (0, 0)
        self._skipped: list[list[str]] = []
        self._from_disk = False  # read from a header, which lists what was skipped
        self.broken = False
        """True when the catalog could not be read: the next update rebuilds."""

    @property
    def files(self) -> dict[str, dict[str, Any]]:
        """Every source file's record, by file key (read from the catalog on first use)."""
        if self._catalog is not None:
            self._load_catalog()
        return self._files

    @property
    def articles(self) -> dict[str, list[Any]]:
        """Every article's list entry, by id, in corpus order (read from the catalog on first use)."""
        if self._catalog is not None:
            self._load_catalog()
        return self._articles

    def read_catalog(self) -> bool:
        """Read the catalog now if it is not read yet; False when it could not be read."""
        if self._catalog is not None:
            self._load_catalog()
        return not self.broken

    def counts(self) -> tuple[int, int]:
        """How many files and articles, without reading the catalog."""
        if self._catalog is not None:
            return self._counts
        return len(self._files), len(self._articles)

    def _load_catalog(self) -> None:
        path, self._catalog = self._catalog, None
        try:
            got = pickle.loads(path.read_bytes())  # type: ignore[union-attr]
            if got["generation"] != self.generation:
                raise ValueError("the catalog is not the manifest's generation")
            self._files, self._articles = dict(got["files"]), dict(got["articles"])
            if len(self._files) != self._counts[0] or len(self._articles) != self._counts[1]:
                raise ValueError("the catalog's counts are not the manifest's")
        except Exception:
            self._files, self._articles, self.broken = {}, {}, True

    def to_bytes(self) -> tuple[bytes, bytes]:
        """The header and the catalog, pickled like Whoosh's own table of contents (json was 4x slower to load)."""
        catalog = {"generation": self.generation, "files": self.files, "articles": self.articles}
        header = {
            "format": self.format,
            "generation": self.generation,
            "roots": self.roots,
            "dirs": self.dirs,
            "walk_skipped": self.walk_skipped,
            "counts": list(self.counts()),
            "skipped": [[s.path, s.reason] for s in self.skipped()],
        }
        dump = pickle.dumps
        return dump(header, protocol=pickle.HIGHEST_PROTOCOL), dump(catalog, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_bytes(cls, data: bytes, catalog: Path) -> _Manifest:
        """Load the header (the catalog is read when first needed); raises on anything malformed."""
        got = pickle.loads(data)
        if not isinstance(got, dict):
            raise ValueError("the manifest is not a mapping")
        manifest = cls(
            format=str(got["format"]),
            generation=int(got["generation"]),
            roots=list(got["roots"]),
            dirs=dict(got["dirs"]),
            walk_skipped=list(got["walk_skipped"]),
        )
        if manifest.format != FORMAT:
            return manifest
        files, articles = got["counts"]
        manifest._counts = (int(files), int(articles))
        manifest._skipped = [list(s) for s in got["skipped"]]
        manifest._catalog = catalog
        manifest._from_disk = True
        return manifest

    def skipped(self) -> list[Skipped]:
        """Everything skipped: by the walk, and inside files that were read (the header keeps the list)."""
        if self._from_disk:
            return [Skipped(p, r) for p, r in self._skipped]
        out = [Skipped(p, r) for p, r in self.walk_skipped]
        for info in self._files.values():
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
        self.indexed_articles = 0
        """Articles added by the running update so far (for progress displays)."""
        self.damaged = False
        self.parallel_error: str | None = None
        """Why the last parallel build fell back to one process (for diagnosis)."""
        """Set when a search found the index unreadable: the next ``update()`` rebuilds it."""

    # ----- opening -----------------------------------------------------------------------------------------

    @property
    def built(self) -> bool:
        """True when there is a committed index to search (an update may still bring it up to date)."""
        return self._searcher is not None

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
        manifest = _Manifest.from_bytes((gen_dir / MANIFEST).read_bytes(), gen_dir / CATALOG)
        if manifest.format != FORMAT:
            self.notice = OTHER_VERSION_NOTICE
            return False
        ix = windex.open_dir(str(gen_dir), indexname=INDEX_NAME)
        if ix.latest_generation() != manifest.generation:
            raise ValueError("index and manifest disagree (an update was interrupted)")
        searcher = ix.searcher(weighting=_weighting())
        if searcher.doc_count() != manifest.counts()[1]:
            searcher.close()
            raise ValueError("index and manifest disagree on the article count")
        self._install(ix, searcher, gen_dir, manifest)
        return True

    def _still_current(self) -> bool:
        """True when what we have open is still what CURRENT names, at the generation we know."""
        if self._ix is None or self._gen_dir is None or self.base is None:
            return False
        try:
            name = (self.base / "CURRENT").read_text("ascii").strip()
            return name == self._gen_dir.name and self._ix.latest_generation() == self._manifest.generation
        except (OSError, UnicodeDecodeError):
            return False

    def _install(self, ix: Any, searcher: Any, gen_dir: Path | None, manifest: _Manifest) -> None:
        with self._lock:
            # The old searcher is not closed: a search in another thread may still use it; it is freed (and
            # its files closed) when the last reference goes.
            self._ix, self._searcher, self._gen_dir, self._manifest = ix, searcher, gen_dir, manifest

    # ----- updating ----------------------------------------------------------------------------------------

    def update(
        self,
        progress: Callable[[int, int], None] | None = None,
        *,
        rebuild: bool = False,
        quick: bool = False,
        wait: float = 0.0,
    ) -> UpdateReport:
        """Bring the index up to date with the files; safe in a worker thread; ``progress(done, total)`` in files.

        ``quick`` first compares only the folders' modification times (see the module docstring) and walks
        the files only when one changed. ``rebuild`` builds everything afresh. ``wait`` is how many seconds to
        wait for another process's update to finish before searching what it committed so far.
        """
        started = time.perf_counter()
        self.indexed_articles = 0
        if self.damaged:
            rebuild, self.damaged = True, False
            self.notice = "the index was damaged; rebuilt it"
        if self.base is not None and self._ix is None and not rebuild:
            with contextlib.suppress(Exception):
                self._open_current()  # errors are dealt with under the lock
        if quick and self._ix is not None and not rebuild and self._folders_unchanged():
            return self._report(started, unchanged=self._manifest.counts()[0])
        try:
            with self._update_lock(wait):
                return self._update_locked(progress, rebuild, started)
        except OSError as exc:  # even memory fell through (temp space full): search what there is
            self.notice = f"the index could not be built ({_short(exc)})"
            return self._report(started)
        except _Busy:
            if self._ix is None:
                # Nothing committed to search yet: build our own copy in memory.
                self.notice = "another newsreader is building the index; this one uses an index in memory"
                self.base = None
                return self._update_locked(progress, True, started)
            self.notice = "another newsreader is updating the index; results may be a moment out of date"
            return self._report(started, unchanged=self._manifest.counts()[0])

    @contextlib.contextmanager
    def _update_lock(self, wait: float = 0.0) -> Iterator[None]:
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
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError:
                    if time.monotonic() >= deadline:
                        raise _Busy() from None
                    time.sleep(0.1)  # another process is writing; poll its lock

            yield
        finally:
            with contextlib.suppress(OSError):
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            handle.close()

    def _update_locked(
        self, progress: Callable[[int, int], None] | None, rebuild: bool, started: float
    ) -> UpdateReport:
        if self.base is not None and not rebuild:
            # Another process may have committed or rebuilt since we opened: start from what is on disk.
            try:
                if not self._still_current() and not self._open_current():
                    rebuild = True
            except Exception as exc:
                rebuild = True
                self.notice = f"the index was damaged ({_short(exc)}); rebuilt it"
        dirs = _folder_times(self.roots)
        found = corpus.discover(self.roots)
        if self._ix is not None and not rebuild:
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
        if not old.read_catalog():
            raise ValueError("the catalog is unreadable")
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
        builder = _Builder(self._ix)
        try:
            for key in [*removed, *(s.display for s in changed)]:
                builder.delete_file(key)
                for article_id in old.files.get(key, {}).get("articles", ()):
                    manifest.articles.pop(article_id, None)
                manifest.files.pop(key, None)
            self._add_files(builder, [*changed, *added], manifest, progress)
            builder.commit()
        except BaseException:
            builder.cancel()
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
        try:
            if gen_dir is None or not self._parallel_add(ix, gen_dir, found.files, manifest, progress):
                builder = _Builder(ix)
                try:
                    self._add_files(builder, found.files, manifest, progress)
                    builder.commit()
                except BaseException:
                    builder.cancel()
                    raise
        except OSError as exc:
            if gen_dir is None:
                raise
            # A full disk, a cache dir taken away: keep going in memory.
            shutil.rmtree(gen_dir, ignore_errors=True)
            self._fall_back_to_memory(exc)
            return self._build(found, dirs, progress, started)
        except BaseException:
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

    def _parallel_add(
        self,
        ix: Any,
        gen_dir: Path,
        files: list[corpus.SourceFile],
        manifest: _Manifest,
        progress: Callable[[int, int], None] | None,
    ) -> bool:
        """Index ``files`` in worker processes, each writing its own segments; False if it was not done.

        Used for big corpora of one-article files on a machine with several cores (the files are split in
        order, so ids and document order are the same as a build in one process). Any failure -> False, and
        the caller builds in this process instead.
        """
        procs = _build_procs(files)
        if procs < 2:
            return False
        import multiprocessing
        import queue

        ctx = multiprocessing.get_context("spawn")  # safe from a worker thread, unlike fork
        results = ctx.Queue()
        size = -(-len(files) // procs)
        chunks = [files[i : i + size] for i in range(0, len(files), size)]
        workers = [
            ctx.Process(target=_worker, args=(n, str(gen_dir), chunk, results), daemon=True)
            for n, chunk in enumerate(chunks)
        ]
        outputs: dict[int, tuple[Any, ...]] = {}
        done = 0
        try:
            for worker in workers:
                worker.start()
            while len(outputs) < len(workers):
                try:
                    message = results.get(timeout=0.5)
                except queue.Empty:
                    if any(w.exitcode not in (None, 0) for w in workers):
                        return False
                    continue
                number, kind, *rest = message
                if kind == "progress":
                    done += rest[0]
                    self.indexed_articles += rest[1]
                    if progress is not None:
                        progress(done, len(files))
                elif kind == "done":
                    outputs[number] = tuple(rest)
                else:
                    self.parallel_error = rest[0]
                    return False
            for worker in workers:
                worker.join()
        finally:
            for worker in workers:
                if worker.is_alive():
                    worker.terminate()
                    worker.join()
        segments = []
        for number in range(len(workers)):
            got_segments, taken, records = outputs[number]
            segments.extend(got_segments)
            manifest.articles.update(taken)
            manifest.files.update(records)
        writer = ix.writer()
        writer._close_segment()
        writer._commit_toc(segments)
        writer._finish()
        return True

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
            header, catalog = manifest.to_bytes()
            _atomic_write(gen_dir / CATALOG, catalog)  # first: the header names the generation it belongs to
            _atomic_write(gen_dir / MANIFEST, header)

    def _add_files(
        self,
        builder: _Builder,
        files: list[corpus.SourceFile],
        manifest: _Manifest,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        """Read, analyse and add every article of ``files``; record them in ``manifest``."""
        total = len(files)

        def done_one(done: int, articles: int) -> None:
            self.indexed_articles += articles
            if progress is not None:
                progress(done, total)

        if builder.segments_only:
            raise AssertionError("a parallel build adds files in its workers")
        _index_files(builder, files, manifest.articles, manifest.files, done_one)

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
        files, articles = manifest.counts()
        # What opening announced ("it will be rebuilt") is no news once the update has rebuilt it.
        done = counts.get("rebuilt") and self.notice == OTHER_VERSION_NOTICE
        return UpdateReport(
            files=files,
            articles=articles,
            skipped=tuple(manifest.skipped()),
            seconds=time.perf_counter() - started,
            notice=None if done else self.notice,
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
        return self._manifest.counts()[1]

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
        return self._article(file_key, source, raw_id, n, article_id)

    def _article(self, file_key: str, source: dict[str, Any], raw_id: str, n: int, article_id: str) -> Article | None:
        """Article number ``n`` (id ``raw_id`` inside its file) of a source file, given the id ``article_id``."""
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

    def clear_text_cache(self) -> None:
        """Forget the article texts kept from recent reads (the next ``load`` or search reads the files again)."""
        with self._lock:
            self._file_cache.clear()

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
        if searcher is None:
            notices.append("the index is not built yet")
            return self._result(query, 0, started, (), notices)
        try:
            ranked, total = _rank(searcher, parsed.tree, max(1, limit), notices, parsed.together)
        except Exception as exc:  # a damaged index must not take the caller down
            self.damaged = True
            notices.append(f"the index is damaged ({_short(exc)}); the next update rebuilds it")
            return self._result(query, 0, started, (), notices)
        hits = []
        for stored, score in ranked[: max(0, limit)]:
            hit = self._hit(stored, score, parsed.tree)
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

    def _hit(self, stored: dict[str, Any], score: float, tree: Any) -> Hit | None:
        article_id = stored["id"]
        file_key, raw_id, n, path, file_id, kind, meta = stored["src"]
        source = {"path": path or file_key, "id": file_id, "kind": kind, "meta": meta}
        article = self._article(file_key, source, raw_id, n, article_id)
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
        wquery = _similar_query(article, searcher)
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
    if len(text) > 80:  # a path cut mid-way must look cut, not like the whole path
        text = text[:79] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _cache_base(roots: list[Path]) -> Path | None:
    try:
        return paths.cache_dir() / "index" / paths.corpus_key(roots)
    except Exception:  # an unusable HOME / cache setting: stay in memory
        return None


def _atomic_write(path: Path, data: str | bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
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


def _rank(
    searcher: Any, tree: Any, limit: int, notices: list[str] | None = None, together: tuple[Phrase, ...] = ()
) -> tuple[list[tuple[dict[str, Any], float]], int]:
    """The ``limit`` best ``(stored fields, score)`` for a query tree, and how many documents match in all.

    A one-word query is ranked by :func:`_rank_word`; anything else by Whoosh's collector, in one pass that
    counts every match (block-quality skipping would leave the count to a second pass over the postings).
    Words typed together (``together``, the parser's runs: "Theresa May") rank the articles that have them side
    by side first (see :func:`_side_by_side_first`).
    """
    if isinstance(tree, Word):
        got = _rank_word(searcher, tree, limit)
        if got is not None:
            return got
    wquery = _to_whoosh(tree, searcher, notices)
    total = _quick_total(tree, searcher)
    pool = max(limit, PHRASE_POOL) if together else limit
    # Counting needs every match visited: no block-quality skipping, and no replacing of the matcher by a
    # cheaper one that leaves out documents which cannot reach the top (Whoosh's count is then short).
    counting = total is None
    collector = TopCollector(limit=pool, usequality=not counting, replace=0 if counting else 10)
    searcher.search_with_collector(wquery, collector)
    ranked = [(r.docnum, r.score) for r in collector.results()]
    if together and ranked:
        ranked = _side_by_side_first(searcher, together, ranked)
    stored = searcher.stored_fields
    best = [(stored(docnum), score) for docnum, score in ranked[:limit]]
    return best, total if total is not None else collector.count()


def _side_by_side_first(
    searcher: Any, together: tuple[Phrase, ...], ranked: list[tuple[int, float]]
) -> list[tuple[int, float]]:
    """``ranked`` (the best ``PHRASE_POOL`` by BM25F) with the documents that hold one of the ``together`` runs
    side by side, in order, in the title or the body moved up: each gains the pool's best score, so scores
    stay in rank order.

    A Whoosh phrase query for the same boost reads the positions of every document that has all the words
    (58 ms instead of 22 for "interest rates" in 22,000 articles); this reads those of the pool only.
    """
    docnums = [docnum for docnum, _ in ranked]
    found = set().union(*(_side_by_side(searcher, run.terms, docnums) for run in together))
    if not found:
        return ranked
    top = ranked[0][1]
    moved = [(docnum, score + top if docnum in found else score) for docnum, score in ranked]
    return sorted(moved, key=lambda item: -item[1])


def _side_by_side(searcher: Any, terms: tuple[str, ...], docnums: list[int]) -> set[int]:
    """Which of ``docnums`` hold ``terms`` at consecutive positions in the title or the body (as a phrase
    query would find them)."""
    found: set[int] = set()
    if len(terms) < 2:
        return found
    wanted = sorted(docnums)
    for fieldname, _ in _fields_for(None):
        fieldobj = searcher.schema[fieldname]
        for sub, offset in searcher.leaf_searchers():
            reader = sub.reader()
            local = [d - offset for d in wanted if offset <= d < offset + reader.doc_count_all() and d not in found]
            positions: list[dict[int, set[int]]] = []
            for k, term in enumerate(terms):
                btext = fieldobj.to_bytes(term)
                if not local or (fieldname, btext) not in reader:
                    break
                matcher = reader.postings(fieldname, btext)
                here: dict[int, set[int]] = {}
                for d in local:
                    if matcher.is_active() and matcher.id() < d:
                        matcher.skip_to(d)
                    if not matcher.is_active():
                        break
                    if matcher.id() == d:
                        here[d] = {p - k for p in matcher.value_as("positions")}  # where the run would start
                positions.append(here)
                local = list(here)
            else:
                for d in local:
                    if set.intersection(*(p[d] for p in positions)):
                        found.add(d + offset)
    return found


_BYTE_TO_LENGTH = [byte_to_length(b) for b in range(256)]


def _rank_word(searcher: Any, word: Word, limit: int) -> tuple[list[tuple[dict[str, Any], float]], int] | None:
    """Whoosh's own ranking of a one-word query (title OR body, BM25F), computed a posting block at a time.

    Whoosh scores a common word through a union matcher, a scorer and a column lookup per document (about
    3 us each: 60 ms for "said" in 22,000 articles). This reads the same blocks and the same length column
    and evaluates the same expression in the same order, so scores, ranks and ties (lower document number
    first) are Whoosh's exactly; tests/core/test_index_rank.py compares the two. None when the weighting is
    not the plain BM25F this assumes.
    """
    weighting = searcher.weighting
    if type(weighting) is not BM25F or weighting._field_B:
        return None
    b, k1 = weighting.B, weighting.K1
    reader = searcher.reader()
    scores: dict[int, float] = {}
    for fieldname, _ in _fields_for(word.field):
        fieldobj = searcher.schema[fieldname]
        btext = fieldobj.to_bytes(word.text)
        if (fieldname, btext) not in reader:
            continue
        if not fieldobj.scorable:
            return None
        idf = searcher.idf(fieldname, word.text)
        avgfl = searcher.avg_field_length(fieldname) or 1
        k1_plus_1, one_minus_b = k1 + 1, 1 - b
        field_scores: dict[int, float] = {}
        for sub, offset in searcher.leaf_searchers():
            segment = sub.reader()
            if (fieldname, btext) not in segment:
                continue
            lengths = _length_bytes(segment, fieldname)
            count = len(lengths)
            deleted = segment.deleted_docs_set if segment.has_deletions() else ()
            matcher = segment._terms.matcher(fieldname, btext, fieldobj.format)
            while matcher.is_active():
                matcher._read_ids()
                matcher._read_weights()
                for docnum, tf in zip(matcher._ids, matcher._weights, strict=True):
                    if deleted and docnum in deleted:
                        continue
                    lbyte = lengths[docnum] if docnum < count else 0
                    fl = _BYTE_TO_LENGTH[lbyte] if lbyte else None
                    # whoosh.scoring.bm25, term for term
                    field_scores[offset + docnum] = idf * (
                        (tf * k1_plus_1) / (tf + k1 * (one_minus_b + b * fl / avgfl))
                    )
                matcher._next_block()
        if scores:
            for docnum, score in field_scores.items():
                before = scores.get(docnum)
                scores[docnum] = score if before is None else before + score
        else:
            scores = field_scores
    best = _top(scores, limit)
    stored = searcher.stored_fields
    return [(stored(docnum), score) for docnum, score in best], len(scores)


def _top(scores: dict[int, float], limit: int) -> list[tuple[int, float]]:
    """The ``limit`` best ``(docnum, score)``, ties to the lower document number (Whoosh's order).

    The scores alone are ranked in C; only those reaching the ``limit``-th best are sorted with their ties
    (a key function over every match cost 5 ms for "government" in 89,000 articles)."""
    if limit <= 0:
        return []
    if len(scores) <= limit:
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    floor = heapq.nlargest(limit, scores.values())[-1]
    reaching = [(docnum, score) for docnum, score in scores.items() if score >= floor]
    return sorted(reaching, key=lambda item: (-item[1], item[0]))[:limit]


def _length_bytes(segment: Any, fieldname: str) -> bytes:
    """The field's length byte of every document of a segment (Whoosh's length column, read at once)."""
    perdoc = segment._perdoc
    column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is None:
        return b""
    return column._dbfile.get(column._basepos, column._count * column._fixedlen)


def _quick_total(tree: Any, searcher: Any) -> int | None:
    """The number of matches of a one-word query without visiting its postings (the body field holds the title
    too, so the body's document frequency is exact while no document is deleted); None when not that simple."""
    if not isinstance(tree, Word) or tree.field not in (None, "body"):
        return None
    reader = searcher.reader()
    if reader.has_deletions():
        return None
    return reader.doc_frequency("body", tree.text)


def _fields_for(name: str | None) -> list[tuple[str, float]]:
    if name is None:
        return [("title", 1.0), ("body", 1.0)]
    return [(name, 1.0)]


def _to_whoosh(node: Any, searcher: Any, notices: list[str] | None = None) -> Any:
    """Our query tree -> a Whoosh query (wildcards and figure filters expanded here, bounded; what a bound
    left out is said in ``notices``)."""
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
    if isinstance(node, NumRange):
        figures = _expand_figures(searcher, node, notices)
        return wq.Or([wq.Term("body", f) for f in figures]) if figures else wq.NullQuery
    if isinstance(node, And):
        return wq.And([_to_whoosh(c, searcher, notices) for c in node.children])
    if isinstance(node, Or):
        return wq.Or([_to_whoosh(c, searcher, notices) for c in node.children])
    if isinstance(node, Not):
        return wq.Not(_to_whoosh(node.child, searcher, notices))
    return wq.NullQuery


def _any_field(name: str | None, make: Callable[[str], Any]) -> Any:
    fieldnames = [f for f, _ in _fields_for(name)]
    if len(fieldnames) == 1:
        return make(fieldnames[0])
    return wq.Or([make(f) for f in fieldnames])


def _expand_prefix(searcher: Any, fieldname: str, prefix: str) -> list[str]:
    """At most MAX_PREFIX_TERMS terms of ``fieldname`` that start with ``prefix``, most frequent first."""
    reader = searcher.reader()
    try:
        words = list(itertools.islice(_terms_from(reader, fieldname, prefix), MAX_PREFIX_TERMS * 20))
    except Exception:
        return []
    return _most_frequent(reader, fieldname, words, MAX_PREFIX_TERMS)


def _expand_figures(searcher: Any, node: NumRange, notices: list[str] | None) -> list[str]:
    """The body's figures in ``node``'s range (the terms starting with a digit: the canonical numbers and
    percentages of figures.py, plus ordinals that never match); at most MAX_NUM_TERMS, the most frequent."""
    reader = searcher.reader()
    if node.low is not None and node.low == node.high:  # one value: its canonical term, no scan
        text = format_value(node.low) + ("%" if node.percent else "")  # spelt as the index spells it
        return [text] if node.accepts(text) else []
    try:
        found = [t for digit in "0123456789" for t in _terms_from(reader, "body", digit) if node.accepts(t)]
    except Exception:
        return []
    if len(found) <= MAX_NUM_TERMS:
        return found
    if notices is not None:
        notices.append(
            f"{len(found):,} different figures are in that range: the {MAX_NUM_TERMS:,} most common searched"
        )
    return _most_frequent(reader, "body", found, MAX_NUM_TERMS)


def _terms_from(reader: Any, fieldname: str, prefix: str) -> Iterator[str]:
    """The terms of ``fieldname`` that start with ``prefix``, as text."""
    for word in reader.expand_prefix(fieldname, prefix):
        yield word.decode("utf-8") if isinstance(word, bytes) else word


def _most_frequent(reader: Any, fieldname: str, terms: list[str], limit: int) -> list[str]:
    """The ``limit`` terms of ``terms`` in the most documents, most frequent first."""
    ranked = sorted(((reader.doc_frequency(fieldname, t), t) for t in terms), reverse=True)
    return [t for _, t in ranked[:limit]]


def _similar_query(article: Article, searcher: Any) -> Any:
    """Title, lead and names of ``article`` as an OR of its most telling terms (tf-idf), each boosted by it."""
    lead = article.body[:LEAD_CHARS]
    counts: dict[str, float] = {}
    for weight, terms in ((3.0, analyze(article.title, "query")), (1.0, analyze(lead, "query"))):
        for t in terms:
            if len(t.text) < 3 or t.text in analysis.CASE_SENSITIVE:
                continue
            counts[t.text] = counts.get(t.text, 0.0) + weight
    # Names (capitalised words inside a sentence) count once more.
    for t in analyze(lead, "query"):
        if lead[t.start : t.start + 1].isupper() and lead[max(0, t.start - 2) : t.start].strip() not in (".", ""):
            counts[t.text] = counts.get(t.text, 0.0) + 1.0
    reader = searcher.reader()
    total = max(1, searcher.doc_count())
    scored = []
    for word, tf in counts.items():
        df = reader.doc_frequency("body", word) + reader.doc_frequency("title", word)
        if df <= 1:  # only this article has it: it cannot point to another one
            continue
        scored.append((tf * math.log(total / df), word))
    best = sorted(scored, reverse=True)[:SIMILAR_TERMS]
    if not best:
        return None
    top = best[0][0] or 1.0
    return wq.Or([wq.Term(f, w, boost=max(0.05, score / top)) for score, w in best for f in ("title", "body")])


__all__ = ["SearchIndex", "Term"]
