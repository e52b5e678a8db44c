"""Files on disk -> Articles: discovery, ids, format dispatch, and skip reasons for bad input.

The corpus is read-only to us: files are opened for reading and nothing else. Directories are walked
recursively following symlinks but never a loop, hidden entries are skipped, and anything that is not a
regular file (FIFO, socket, device, broken link) is skipped with a reason instead of being opened.
"""

from __future__ import annotations

import difflib
import os
import stat
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui_reader.core import formats
from tui_reader.core.decode import BadInput
from tui_reader.core.model import Article, Skipped
from tui_reader.core.paths import seeds_dir

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Larger files are skipped: no news article is this big, and reading one would stall everything."""

KINDS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
RECORD_KINDS = frozenset({"json", "jsonl", "feed"})


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file that may hold articles: where it is, its id, its format and what ``stat`` said of it.

    ``meta`` is metadata for this file from a sidecar JSONL (``{"file": ..., "outlet": ...}``), if any.
    """

    path: Path
    display: str
    id: str
    kind: str
    size: int
    mtime_ns: int
    meta: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class Discovery:
    """What a walk over the corpus paths found: readable files, skipped entries, and the roots."""

    files: list[SourceFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    roots: list[Path] = field(default_factory=list)


def default_paths() -> list[Path]:
    """The default corpus: the bundled seed articles."""
    return [seeds_dir()]


def discover(paths: Sequence[str | os.PathLike[str]]) -> Discovery:
    """Walk the corpus paths (files or directories) and list the article files with unique ids."""
    found = Discovery()
    entries: list[tuple[Path, str, str, os.stat_result]] = []  # (path, display, relative path, stat)
    for raw in paths:
        given = Path(raw)
        try:
            st = given.stat()
        except OSError as exc:
            found.skipped.append(Skipped(str(given), _os_reason(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            found.roots.append(given)
            _walk(given, entries, found.skipped)
        elif stat.S_ISREG(st.st_mode):
            found.roots.append(given.parent)
            entries.append((given, str(given), given.name, st))
        else:
            found.skipped.append(Skipped(str(given), _not_regular(st)))

    sidecars: dict[Path, dict[str, str]] = {}
    article_entries = []
    for path, display, rel, st in entries:
        kind = KINDS.get(path.suffix.lower())
        if kind is None:
            found.skipped.append(Skipped(display, f"not an article file ({path.suffix or 'no extension'})"))
            continue
        if kind == "jsonl" and _read_sidecar(path, sidecars):
            continue
        article_entries.append((path, display, rel, st, kind))

    ids = _unique_ids([(rel, path) for path, _, rel, _, _ in article_entries], found.roots)
    for (path, display, _rel, st, kind), file_id in zip(article_entries, ids, strict=True):
        meta = sidecars.get(_real(path)) if sidecars else None  # resolve() per file is costly at scale
        found.files.append(
            SourceFile(
                path=path,
                display=display,
                id=file_id,
                kind=kind,
                size=st.st_size,
                mtime_ns=st.st_mtime_ns,
                meta=tuple(sorted((k, v) for k, v in meta.items() if v)) if meta else (),
            )
        )
    return found


def _walk(root: Path, entries: list[tuple[Path, str, str, os.stat_result]], skipped: list[Skipped]) -> None:
    """Depth-first walk in name order, following directory symlinks once (no loops), skipping hidden names."""
    seen: set[tuple[int, int]] = set()

    def on_error(exc: OSError) -> None:
        skipped.append(Skipped(str(exc.filename or root), _os_reason(exc)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=True):
        here = Path(dirpath)
        try:
            st = here.stat()
            key = (st.st_dev, st.st_ino)
        except OSError as exc:
            skipped.append(Skipped(str(here), _os_reason(exc)))
            dirnames[:] = []
            continue
        if key in seen:
            skipped.append(Skipped(str(here), "directory already visited (symbolic link loop)"))
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = here / name
            try:
                st = path.stat()
            except OSError as exc:
                skipped.append(Skipped(str(path), _os_reason(exc)))
                continue
            if not stat.S_ISREG(st.st_mode):
                skipped.append(Skipped(str(path), _not_regular(st)))
                continue
            entries.append((path, str(path), path.relative_to(root).as_posix(), st))


def _unique_ids(items: list[tuple[str, Path]], roots: list[Path]) -> list[str]:
    """Ids are relative paths without extension. Two files of one folder that differ only in extension keep
    their extensions; the same id under two roots gets the root's name in front."""
    stems = [rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel for rel, _ in items]
    names = {root: root.resolve().name or "root" for root in roots}  # resolved once, not once per file
    owners = [_root_of(path, roots, names) for _, path in items]
    per_root = Counter(zip(owners, stems, strict=True))
    ids = [
        rel if per_root[(owner, stem)] > 1 else stem for owner, stem, (rel, _) in zip(owners, stems, items, strict=True)
    ]
    counts = Counter(ids)
    ids = [f"{owner}/{i}" if counts[i] > 1 else i for owner, i in zip(owners, ids, strict=True)]
    taken: Counter[str] = Counter()
    unique = []
    for i in ids:
        taken[i] += 1
        unique.append(i if taken[i] == 1 else f"{i}~{taken[i]}")
    return unique


def _root_of(path: Path, roots: list[Path], names: dict[Path, str]) -> str:
    for root in roots:
        if path.is_relative_to(root):
            return names[root]
    return path.parent.name


def _read_sidecar(path: Path, sidecars: dict[Path, dict[str, str]]) -> bool:
    """Read ``path`` as a metadata sidecar if its records name files and carry no text; True if it was one."""
    try:
        with path.open("rb") as handle:
            first = handle.readline(1 << 20)
        records = list(formats.iter_json_records(first, lines=True))
        if not records or isinstance(records[0][1], BadInput) or not formats.is_sidecar_record(records[0][1]):
            return False
        data = _read_bounded(path)
        for _, record in formats.iter_json_records(data, lines=True):
            if isinstance(record, Mapping) and formats.is_sidecar_record(record):
                meta = {k: v for k, v in formats.sidecar_meta(record).items() if v}
                sidecars[_real(path.parent / str(record["file"]))] = meta
        return True
    except (OSError, BadInput):
        return False


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _os_reason(exc: OSError) -> str:
    reason = exc.strerror or type(exc).__name__
    return f"cannot read ({reason.lower()})"


def _not_regular(st: os.stat_result) -> str:
    """Why a non-regular file is not opened (opening a FIFO would block until a writer appears)."""
    mode = st.st_mode
    if stat.S_ISFIFO(mode):
        return "not a regular file (a FIFO)"
    if stat.S_ISSOCK(mode):
        return "not a regular file (a socket)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "not a regular file (a device)"
    return "not a regular file"


def _read_bounded(path: Path) -> bytes:
    """Read at most ``MAX_FILE_BYTES``; a bigger file is refused, even one that grows while we read it."""
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        size = path.stat().st_size
        raise BadInput(f"too large ({size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)")
    return data


def read_source(src: SourceFile) -> tuple[list[Article], list[Skipped]]:
    """Read one file into articles. Whatever goes wrong becomes a one-line reason; nothing raises."""
    skipped: list[Skipped] = []
    try:
        if src.size > MAX_FILE_BYTES:
            raise BadInput(f"too large ({src.size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB)")
        data = _read_bounded(src.path)
        drafts = _drafts(src, data, skipped)
    except BadInput as exc:
        return [], [Skipped(src.display, str(exc))]
    except OSError as exc:
        return [], [Skipped(src.display, _os_reason(exc))]
    except Exception as exc:  # a file boundary: one bad file must never stop the corpus
        return [], [Skipped(src.display, f"could not be read ({type(exc).__name__}: {str(exc)[:80]})")]

    articles: list[Article] = []
    meta = dict(src.meta)
    if src.kind not in RECORD_KINDS and drafts:
        draft = drafts[0]
        articles.append(
            Article(
                id=src.id,
                path=src.display,
                title=meta.get("title") or draft.title,
                body=draft.body,
                outlet=meta.get("outlet") or draft.outlet,
                byline=meta.get("byline") or draft.byline,
                date=meta.get("date") or draft.date,
                url=meta.get("url") or draft.url,
                section=draft.section,
                blocks=draft.blocks,
            )
        )
        return articles, skipped

    used: Counter[str] = Counter()
    for number, draft in enumerate(drafts, start=1):
        key = draft.key or f"{src.id}#{number}"
        used[key] += 1
        if used[key] > 1:
            key = f"{key}#{used[key]}"
        articles.append(
            Article(
                id=key,
                path=src.display,
                title=draft.title,
                body=draft.body,
                outlet=draft.outlet,
                byline=draft.byline,
                date=draft.date,
                url=draft.url,
                section=draft.section,
                blocks=draft.blocks,
            )
        )
    return articles, skipped


def _drafts(src: SourceFile, data: bytes, skipped: list[Skipped]) -> list[formats.Draft]:
    if src.kind in ("text", "markdown"):
        return formats.read_text(data, markdown=src.kind == "markdown")
    if src.kind == "html":
        return formats.read_html(data)
    if src.kind == "feed":
        drafts, problems = formats.read_feed(data)
        skipped.extend(Skipped(f"{src.display} ({p.split(':', 1)[0]})", p) for p in problems)
        return drafts
    drafts = []
    textless: list[str] = []
    for where, record in formats.iter_json_records(data, lines=src.kind == "jsonl"):
        if isinstance(record, BadInput):
            skipped.append(Skipped(f"{src.display} ({where})", str(record)))
            continue
        if formats.is_sidecar_record(record):
            continue
        if not formats.has_text(record):
            textless.append(where)
            continue
        try:
            drafts.append(formats.record_to_draft(record))
        except BadInput as exc:
            skipped.append(Skipped(f"{src.display} ({where})", f"{where}: {exc}"))
        except RecursionError:
            skipped.append(Skipped(f"{src.display} ({where})", f"{where}: nested too deeply"))
    if textless and not drafts:
        # A file of records without text (a story list, a metadata file): one reason, not one per line.
        raise BadInput(f"no article text in its {len(textless):,} records (no text or body field)")
    skipped.extend(Skipped(f"{src.display} ({w})", f"{w}: record has no text or body") for w in textless)
    if not drafts and not skipped:
        raise BadInput("no articles in the file")
    return drafts


@dataclass(slots=True)
class Corpus:
    """Every article of a corpus in file order, with unique ids, and what was skipped and why."""

    roots: list[Path]
    articles: list[Article]
    skipped: list[Skipped]
    _by_id: dict[str, Article] = field(default_factory=dict, repr=False)

    @classmethod
    def load(
        cls,
        paths: Sequence[str | os.PathLike[str]] | None = None,
        progress: Callable[[int, int], Any] | None = None,
    ) -> Corpus:
        """Discover and read every file; ``progress(done, total)`` is called after each file."""
        found = discover(list(paths) if paths else default_paths())
        articles: list[Article] = []
        skipped = list(found.skipped)
        for done, src in enumerate(found.files, start=1):
            got, bad = read_source(src)
            articles.extend(got)
            skipped.extend(bad)
            if progress:
                progress(done, len(found.files))
        return cls.from_articles(found.roots, articles, skipped)

    @classmethod
    def from_articles(cls, roots: list[Path], articles: Iterable[Article], skipped: list[Skipped]) -> Corpus:
        """Build a corpus from articles, making record ids unique across files (file id in front)."""
        by_id: dict[str, Article] = {}
        ordered: list[Article] = []
        for article in articles:
            unique = unique_article_id(article.id, article.path, by_id)
            if unique != article.id:
                article = _with_id(article, unique)
            by_id[article.id] = article
            ordered.append(article)
        return cls(roots=roots, articles=ordered, skipped=skipped, _by_id=by_id)

    def __len__(self) -> int:
        return len(self.articles)

    def get(self, key: str) -> Article | None:
        """Find an article by id, by path (as given or resolved), or by id ignoring case."""
        if key in self._by_id:
            return self._by_id[key]
        wanted = _real(Path(key))
        for article in self.articles:
            if article.path == key or _real(Path(article.path)) == wanted:
                return article
        folded = key.casefold()
        for article in self.articles:
            if article.id.casefold() == folded:
                return article
        # A unique prefix is enough, as with git hashes: `show 002_62dd`.
        prefixed = [a for a in self.articles if a.id.startswith(key)] if len(key) >= 3 else []
        return prefixed[0] if len(prefixed) == 1 else None

    def suggestions(self, key: str, n: int = 3) -> list[str]:
        """Ids close to ``key`` (by id or by title), for a helpful "did you mean" message."""
        ids = [a.id for a in self.articles]
        close = difflib.get_close_matches(key, ids, n=n, cutoff=0.5)
        if len(close) < n:
            titles = {a.title.casefold(): a.id for a in self.articles}
            for title in difflib.get_close_matches(key.casefold(), list(titles), n=n, cutoff=0.4):
                if titles[title] not in close:
                    close.append(titles[title])
        if len(close) < n:
            folded = key.casefold()
            close += [a.id for a in self.articles if folded in a.id.casefold() and a.id not in close]
        return close[:n]


def unique_article_id(article_id: str, path: str, taken: Container[str]) -> str:
    """The id an article gets in a corpus that already uses the ids in ``taken``: its own, else the name of its
    file in front (``records/abc``), else numbered (``records/abc~2``). The one rule for ``Corpus.load`` and the
    search index, so that both give every article the same id."""
    if article_id not in taken:
        return article_id
    base = Path(path).stem
    unique = f"{base}/{article_id}"
    n = 2
    while unique in taken:
        unique = f"{base}/{article_id}~{n}"
        n += 1
    return unique


def _with_id(article: Article, new_id: str) -> Article:
    from dataclasses import replace

    return replace(article, id=new_id)


def find_article(paths: Sequence[str | os.PathLike[str]] | None, key: str) -> tuple[Article | None, Corpus | None]:
    """Find one article by id or path without reading the whole corpus when the id names a file directly.

    Returns ``(article, None)`` on the fast path, else ``(article_or_None, corpus)`` after a full load (the
    corpus is returned so the caller can suggest close ids).
    """
    roots = list(paths) if paths else default_paths()
    direct = Path(key)
    if direct.is_file() and direct.suffix.lower() in KINDS:
        for root in roots:
            if Path(root).is_dir() and _real(direct).is_relative_to(_real(Path(root))):
                break
        else:
            found = discover([direct])
            got = [a for src in found.files for a in read_source(src)[0]]
            if len(got) == 1:
                return got[0], None
    corpus = Corpus.load(roots)
    return corpus.get(key), corpus
