"""The index cache under attack: damaged, stale-locked, leftover, unwritable, locked by another process.

Each case must heal (rebuild, or an index in memory) with a one-line notice, keep searching, and never write
to the corpus.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEED_A, SEEDS, tree_digest
from tui_reader.core import paths
from tui_reader.core.index import SearchIndex


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


def built(corpus: Path) -> tuple[SearchIndex, Path]:
    ix = SearchIndex.open([corpus])
    ix.update()
    base = paths.cache_dir() / "index" / paths.corpus_key([corpus])
    gen = base / (base / "CURRENT").read_text().strip()
    ix.close()
    return ix, gen


def works(corpus: Path, *, quick: bool = False) -> SearchIndex:
    """A fresh process's view: open, update, and the seed expectation still holds."""
    ix = SearchIndex.open([corpus])
    report = ix.update(quick=quick)
    assert report.articles == 2
    assert {h.id for h in ix.search("5,500").hits} == {SEED_A}
    return ix


def one_line(notice: str | None) -> str:
    assert notice and "\n" not in notice and len(notice) < 300
    return notice


def test_truncated_toc_is_rebuilt(corpus: Path) -> None:
    _, gen = built(corpus)
    for toc in gen.glob("_MAIN_*.toc"):
        toc.write_bytes(toc.read_bytes()[:7])
    assert "damaged" in one_line(works(corpus).notice)


def test_garbage_everywhere_is_rebuilt(corpus: Path) -> None:
    _, gen = built(corpus)
    for path in gen.iterdir():
        if path.is_file():
            path.write_bytes(os.urandom(200))
    assert "damaged" in one_line(works(corpus, quick=True).notice)


@pytest.mark.parametrize("victim", ["manifest.pickle", "CURRENT"])
def test_bad_manifest_or_pointer_is_rebuilt(corpus: Path, victim: str) -> None:
    _, gen = built(corpus)
    target = gen / victim if victim == "manifest.pickle" else gen.parent / victim
    target.write_text("{not a pickle" if victim == "manifest.pickle" else "../../etc", "utf-8")
    assert "damaged" in one_line(works(corpus).notice)


def test_missing_segment_file_is_rebuilt(corpus: Path) -> None:
    _, gen = built(corpus)
    for seg in gen.glob("*.seg"):
        seg.unlink()
    for postings in gen.glob("*.pst"):
        postings.unlink()
    works(corpus)


def test_bit_flips_in_postings_never_crash_a_search(corpus: Path) -> None:
    _, gen = built(corpus)
    for postings in gen.glob("*.pst"):
        data = bytearray(postings.read_bytes())
        for i in range(0, len(data), 7):
            data[i] ^= 0xFF
        postings.write_bytes(bytes(data))
    ix = SearchIndex.open([corpus])
    ix.update(quick=True)
    for query in ("NATO", "5,500", '"no NATO buildup"', "elect*"):
        ix.search(query)  # results or a notice, never an exception
    if ix.damaged:
        ix.update()
        assert {h.id for h in ix.search("5,500").hits} == {SEED_A}


def test_stale_locks_and_leftover_temp_files_are_ignored(corpus: Path) -> None:
    _, gen = built(corpus)
    (gen / "MAIN_WRITELOCK").write_text("")
    (gen.parent / "LOCK").write_text("stale")
    (gen / "MAIN.tmp").mkdir(exist_ok=True)
    (gen / "MAIN.tmp" / "junk.tmp").write_bytes(b"\0" * 64)
    (gen / "_MAIN_99.toc.12345.6").write_bytes(b"half a toc")
    (corpus / "new.txt").write_text("Emus\n\nAn emu census: 3,333.\n", "utf-8")
    ix = SearchIndex.open([corpus])
    report = ix.update()
    assert report.added == 1 and not report.rebuilt
    assert {h.id for h in ix.search("3333").hits} == {"new"}


def test_older_schema_is_rebuilt(corpus: Path) -> None:
    _, gen = built(corpus)
    import pickle

    manifest = gen / "manifest.pickle"
    data = pickle.loads(manifest.read_bytes())
    data["format"] = "0." + data["format"]
    manifest.write_bytes(pickle.dumps(data))
    ix = works(corpus)
    assert "another version" in one_line(ix.notice)


def test_unwritable_cache_falls_back_to_memory(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    ix = works(corpus)
    assert "in memory" in one_line(ix.notice)
    assert blocker.read_text() == "a file where the cache folder should be"


def test_disk_full_while_writing_falls_back_to_memory(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from whoosh.filedb.filestore import FileStorage

    real = FileStorage.create_file
    calls = {"n": 0}

    cache = str(paths.cache_dir())

    def failing(self, name, *args, **kwargs):
        if not str(self.folder).startswith(cache):  # only the cache disk is full
            return real(self, name, *args, **kwargs)
        calls["n"] += 1
        if calls["n"] >= 4:
            raise OSError(28, "No space left on device")
        return real(self, name, *args, **kwargs)

    monkeypatch.setattr(FileStorage, "create_file", failing)
    ix = works(corpus)
    assert "in memory" in one_line(ix.notice)


def test_an_interrupted_build_leaves_a_working_cache(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built(corpus)
    from tui_reader.core import index as index_module

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(index_module, "_index_files", boom)
    with pytest.raises(KeyboardInterrupt):
        SearchIndex.open([corpus]).update(rebuild=True)
    cache = os.environ["XDG_CACHE_HOME"]
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", cache)
    ix = works(corpus, quick=True)
    assert ix.notice is None  # the old generation was never replaced


def test_another_process_updating(corpus: Path) -> None:
    built(corpus)
    base = paths.cache_dir() / "index" / paths.corpus_key([corpus])
    with open(base / "LOCK", "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        (corpus / "new.txt").write_text("Emus\n\nAn emu census: 3,333.\n", "utf-8")
        ix = SearchIndex.open([corpus])
        ix.update()
        assert "another newsreader" in one_line(ix.notice)
        assert {h.id for h in ix.search("5500").hits} == {SEED_A}  # what was committed is searchable
    ix.notice = None
    assert ix.update().added == 1


def test_two_instances_take_turns(corpus: Path) -> None:
    first = SearchIndex.open([corpus])
    second = SearchIndex.open([corpus])
    first.update()
    second.update()
    (corpus / "new.txt").write_text("Emus\n\nAn emu census: 3,333.\n", "utf-8")
    assert first.update(quick=True).added == 1
    # The second one sees the first one's commit rather than indexing the file again.
    assert second.update(quick=True).added == 0
    assert {h.id for h in second.search("3,333").hits} == {"new"}
    (corpus / f"{SEED_A}.txt").unlink()
    assert second.update().removed == 1
    assert first.update().removed == 0
    assert first.search("5500").hits == ()


def test_no_scenario_writes_to_the_corpus(corpus: Path) -> None:
    before = tree_digest(corpus)
    _, gen = built(corpus)
    for toc in gen.glob("_MAIN_*.toc"):
        toc.write_bytes(b"")
    works(corpus)
    SearchIndex.open([corpus]).update(rebuild=True)
    assert tree_digest(corpus) == before


KILLER = """
import os, signal, sys
from pathlib import Path
from whoosh.filedb.filestore import FileStorage
from tui_reader.core.index import SearchIndex

corpus, phase, nth = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
real = FileStorage.create_file
count = [0]

def dying(self, name, *args, **kwargs):
    count[0] += 1
    if count[0] == nth:
        os.kill(os.getpid(), signal.SIGKILL)  # like a power cut in the middle of a commit
    return real(self, name, *args, **kwargs)

ix = SearchIndex.open([corpus])
if phase == "update":
    ix.update()
    (corpus / "late.txt").write_text("Late\\n\\nA late story about 4,444 geese.\\n", "utf-8")
if nth > 0:
    FileStorage.create_file = dying
else:  # die at the -nth atomic rename (manifest or CURRENT)
    real_replace, nth = os.replace, -nth
    def dying_replace(*args):
        count[0] += 1
        if count[0] == nth:
            os.kill(os.getpid(), signal.SIGKILL)
        return real_replace(*args)
    os.replace = dying_replace
ix.update(rebuild=phase == "build")
print("survived")
"""


@pytest.mark.parametrize("phase", ["build", "update"])
@pytest.mark.parametrize("nth", [*range(1, 11), -1, -2])
def test_a_writer_killed_mid_commit_heals(corpus: Path, tmp_path: Path, phase: str, nth: int) -> None:
    import subprocess
    import sys

    for n in range(30):
        (corpus / f"extra{n}.txt").write_text(f"Extra {n}\n\nStory number {n} with {n},001 words.\n", "utf-8")
    script = tmp_path / "killer.py"
    script.write_text(KILLER, "utf-8")
    before = tree_digest(corpus) if phase == "build" else None
    subprocess.run([sys.executable, str(script), str(corpus), phase, str(nth)], timeout=120, env=os.environ.copy())
    ix = SearchIndex.open([corpus])
    report = ix.update()
    assert report.articles == 32 + (phase == "update")
    assert {h.id for h in ix.search("5,500").hits} == {SEED_A}
    assert {h.id for h in ix.search("7,001").hits} == {"extra7"}
    if phase == "update":
        assert {h.id for h in ix.search("4444").hits} == {"late"}
    else:
        assert tree_digest(corpus) == before


def test_a_search_does_not_read_the_catalog(corpus: Path) -> None:
    """Searching needs only the small manifest header: each hit's source is stored with its document."""
    built(corpus)
    ix = SearchIndex.open([corpus])
    ix.update(quick=True)
    result = ix.search("5,500")
    assert result.hits and all(h.matches for h in result.hits)
    assert ix._manifest._catalog is not None, "the catalog was read"
    assert len(ix) == len(ix.articles()) > 0


@pytest.mark.parametrize("damage", ["garbage", "other generation"])
def test_a_bad_catalog_is_rebuilt(corpus: Path, damage: str) -> None:
    import pickle

    _, gen = built(corpus)
    catalog = gen / "catalog.pickle"
    if damage == "garbage":
        catalog.write_bytes(b"\x80\x05not a pickle")
    else:
        data = pickle.loads(catalog.read_bytes())
        data["generation"] += 1
        catalog.write_bytes(pickle.dumps(data))
    ix = SearchIndex.open([corpus])
    assert ix.search("5,500").hits  # search does not need it
    report = ix.update()
    assert report.rebuilt
    assert {a.id for a in ix.articles()} and ix.load(ix.articles()[0].id) is not None


def test_a_long_reason_is_cut_visibly() -> None:
    """The one-line reason in a notice shows that a long message (a deep path) was cut."""
    from tui_reader.core.index import _short

    long = FileNotFoundError(2, "No such file or directory", "/x" * 100)
    text = _short(long)
    assert text.startswith("FileNotFoundError: ") and text.endswith("…")
    assert len(text) <= len("FileNotFoundError: ") + 80
    assert _short(ValueError("short")) == "ValueError: short"
