"""Where things live: the bundled seed corpus and the user cache directory (platformdirs).

The cache is ours to write; the corpus never is.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "newsreader"


def seeds_dir() -> Path:
    """Return the folder of bundled seed articles: the default corpus.

    An installed wheel carries them as package data (``tui_reader/seeds``); a source checkout (also an
    editable install) has them at the top of the repository.
    """
    packaged = Path(__file__).resolve().parent.parent / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "seeds"


def cache_dir() -> Path:
    """Return the user cache directory for newsreader (honours ``XDG_CACHE_HOME`` on Linux)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def corpus_key(roots: list[Path]) -> str:
    """Return a stable short name for a corpus, from its resolved root paths, to name its index folder."""
    joined = os.pathsep.join(sorted(str(p.resolve()) for p in roots))
    digest = hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    label = "-".join(p.resolve().name or "root" for p in roots[:2])
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in label)[:40]
    return f"{safe}-{digest}"
