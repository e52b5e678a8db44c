"""The article list of a corpus, remembered in the user cache so the app can show it before anything else.

Opening the search index costs Whoosh's import (about 140 ms) and its manifest; the list the app shows first
needs neither. After each index update the app saves the list here (one small file per corpus, beside the
index's folder), and on the next start shows it at once while the index is opened and brought up to date in
the background, which then replaces the list if anything changed. It is a cache like the index: missing,
unreadable, from another format, or unwritable, it is simply not used.

Stored with ``marshal`` (plain tuples of strings: fast to read, and it cannot run code the way a pickle can).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tui_reader.core import READER_VERSION
from tui_reader.core.paths import cache_dir, corpus_key

FORMAT = f"1.{READER_VERSION}"
"""Bumped when the layout of ``Row`` changes, or when files read differently (older files are then ignored)."""
_MAGIC = "newsreader-list"

Row = tuple[str, str, str | None, str | None, str | None, str | None, str]
"""One article: ``(id, title, outlet, byline, date, url, path)``."""


@dataclass(frozen=True, slots=True)
class ListSnapshot:
    """A saved list: its rows in corpus order, and the skipped files with their reasons."""

    rows: list[Row]
    skipped: list[tuple[str, str]]


def location(roots: list[Path]) -> Path:
    """Where the list of the corpus at ``roots`` is kept."""
    return cache_dir() / "lists" / f"{corpus_key(roots)}.list"


def load(roots: list[Path]) -> ListSnapshot | None:
    """The saved list of the corpus at ``roots``, or None when there is none that this version can read."""
    try:
        data = marshal.loads(location(roots).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(data, tuple) and len(data) == 4 and data[0] == _MAGIC and data[1] == FORMAT):
        return None
    columns, skipped = data[2], data[3]
    if not (isinstance(columns, tuple) and len(columns) == 7 and isinstance(skipped, list)):
        return None
    if len({len(c) for c in columns if isinstance(c, list)}) != 1 or not all(isinstance(c, list) for c in columns):
        return None
    rows: list[Row] = list(zip(*columns, strict=True))
    if rows and not all(isinstance(v, str) for v in (rows[0][0], rows[0][1], rows[0][6])):
        return None
    return ListSnapshot(rows, [(str(p), str(r)) for p, r in skipped if isinstance(p, str)])


def save(roots: list[Path], rows: list[Row], skipped: list[tuple[str, str]]) -> bool:
    """Remember the list (atomically: a reader never sees half a file); False when the cache is not writable."""
    target = location(roots)
    columns = tuple(list(column) for column in zip(*rows, strict=True)) if rows else tuple([] for _ in range(7))
    data = marshal.dumps((_MAGIC, FORMAT, columns, [list(s) for s in skipped]))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".list-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        return False
    return True
