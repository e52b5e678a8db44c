"""Shared fixtures: paths to our own test data, the seeds, and the real corpora in ../shared (may be absent)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import settings

from tui_reader.core.model import Article

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"
SHARED_CORPORA = Path(os.environ.get("NEWSREADER_CORPORA", ROOT.parent / "shared" / "corpora"))
SEED_A = "000_cbf40d5bed3aab87"
SEED_B = "002_62dd9d57e05a8388"

# `HYPOTHESIS_PROFILE=thorough make test` hunts harder (20x the examples) before a change lands.
settings.register_profile("thorough", max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "2000")), deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own cache dir so no test sees another's index (and none touches the user's)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


def shared_corpus(name: str) -> Path:
    """A corpus from ../shared/corpora, or skip the test when it is not there."""
    path = SHARED_CORPORA / name
    if not path.exists():
        pytest.skip(f"shared corpus {name} is not available")
    return path


def tree_digest(root: Path) -> str:
    """A hash of every file's path, bytes and mode under ``root``: proof that nothing was written."""
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file():
            h.update(str(path.relative_to(root)).encode())
            continue
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
        h.update(str(path.stat().st_mode).encode())
    return h.hexdigest()


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, Article]:
    """The two seed articles as the corpus reader cleans them, keyed "000" and "002"."""
    from tui_reader.core.corpus import Corpus

    corpus = Corpus.load([SEEDS])
    return {a.id[:3]: a for a in corpus.articles}
