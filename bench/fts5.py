"""The reference engine: SQLite FTS5 (stdlib sqlite3, porter tokenizer) over the same files.

Each file is read the simplest fair way (first line headline, the rest body), so the comparison charges FTS5 for
reading and indexing, as newsreader is charged for reading, cleaning and indexing. A query returns the ten best
rows with a snippet each, as newsreader's hits carry a snippet and match offsets.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def _files(corpus: Path) -> list[Path]:
    return sorted(corpus.rglob("*.txt"))


def _row(path: Path) -> tuple[str, str, str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    title, _, body = text.partition("\n")
    return str(path), title, body


def build(corpus: Path, db: Path) -> int:
    """Index every .txt under ``corpus`` into a new FTS5 database at ``db``; returns the article count."""
    if db.exists():
        db.unlink()
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, title, body, tokenize='porter unicode61')")
    con.execute("CREATE TABLE seen (path TEXT PRIMARY KEY, mtime INTEGER, size INTEGER)")
    n = 0
    with con:
        for path in _files(corpus):
            st = path.stat()
            con.execute("INSERT INTO docs VALUES (?, ?, ?)", _row(path))
            con.execute("INSERT INTO seen VALUES (?, ?, ?)", (str(path), st.st_mtime_ns, st.st_size))
            n += 1
    con.close()
    return n


def update(corpus: Path, db: Path) -> int:
    """Catch up with the files the way a reader built on FTS5 would: stat every file, compare with what was
    indexed, delete and re-insert the changed ones (added and removed files too). Returns how many changed."""
    con = sqlite3.connect(db)
    seen = {p: (m, s) for p, m, s in con.execute("SELECT path, mtime, size FROM seen")}
    changed = []
    current = set()
    for path in _files(corpus):
        st = os.stat(path)
        key = str(path)
        current.add(key)
        if seen.get(key) != (st.st_mtime_ns, st.st_size):
            changed.append((path, st))
    gone = [p for p in seen if p not in current]
    with con:
        for key in gone:
            con.execute("DELETE FROM docs WHERE path = ?", (key,))
            con.execute("DELETE FROM seen WHERE path = ?", (key,))
        for path, st in changed:
            con.execute("DELETE FROM docs WHERE path = ?", (str(path),))
            con.execute("INSERT INTO docs VALUES (?, ?, ?)", _row(path))
            con.execute("INSERT OR REPLACE INTO seen VALUES (?, ?, ?)", (str(path), st.st_mtime_ns, st.st_size))
    con.close()
    return len(changed) + len(gone)


def connect(db: Path) -> sqlite3.Connection:
    """An open connection to a built FTS5 database."""
    return sqlite3.connect(db)


def query(con: sqlite3.Connection, match: str, limit: int = 10) -> int:
    """One ranked query on an open connection (title weighted 2, as newsreader's), with a snippet per row;
    returns the number of rows fetched."""
    rows = con.execute(
        "SELECT path, bm25(docs, 0, 2.0, 1.0) AS rank, snippet(docs, 2, '[', ']', '…', 24) FROM docs"
        " WHERE docs MATCH ? ORDER BY rank LIMIT ?",
        (match, limit),
    ).fetchall()
    return len(rows)


def count(con: sqlite3.Connection, match: str) -> int:
    """How many rows match (not timed: shown beside newsreader's totals)."""
    return con.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (match,)).fetchone()[0]
