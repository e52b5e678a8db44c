"""The reference engine: SQLite FTS5 (stdlib sqlite3, porter tokenizer) over the same files.

Each file is read the simplest fair way (first line headline, the rest body), so the comparison charges FTS5 for
reading and indexing, as newsreader is charged for reading, cleaning and indexing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def build(corpus: Path, db: Path) -> int:
    """Index every .txt under ``corpus`` into a new FTS5 database at ``db``; returns the article count."""
    if db.exists():
        db.unlink()
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, title, body, tokenize='porter unicode61')")
    n = 0
    with con:
        for path in sorted(corpus.rglob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            title, _, body = text.partition("\n")
            con.execute("INSERT INTO docs VALUES (?, ?, ?)", (str(path), title, body))
            n += 1
    con.close()
    return n


def update_stat_only(corpus: Path, db: Path) -> int:
    """What an incremental update with nothing changed costs FTS5's caller at least: stat every file."""
    return sum(1 for p in corpus.rglob("*.txt") if p.stat().st_mtime_ns > 0)


def connect(db: Path) -> sqlite3.Connection:
    """An open connection to a built FTS5 database."""
    return sqlite3.connect(db)


def query(con: sqlite3.Connection, match: str, limit: int = 10) -> int:
    """One ranked query on an open connection; returns the number of rows fetched."""
    rows = con.execute(
        "SELECT path, bm25(docs, 0, 2.0, 1.0) AS rank FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?",
        (match, limit),
    ).fetchall()
    return len(rows)
