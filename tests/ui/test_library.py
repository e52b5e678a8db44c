"""The Library: the app's door to core. The first screen lists from the saved list without opening the index;
the first run of a big corpus lists files at once; the index takes over, updated in a helper process when big."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

import tui_reader.library
from tests.conftest import SEED_A, SEED_B, SEEDS, tree_digest
from tui_reader.core import listcache
from tui_reader.library import PROVISIONAL_FROM, Entry, Library


def test_small_corpus_first_run_reads_titles_then_uses_the_index() -> None:
    library = Library([SEEDS])
    entries, skipped = library.scan()
    assert not library.provisional and not skipped
    assert {e.id: e.source for e in entries}[SEED_A] == "Ken Hanly"  # the byline, read from the file
    new_entries, notice = library.update_index()
    assert notice is None and new_entries is None  # the index lists the same articles: nothing to redraw
    assert library.load(SEED_A).title.startswith("Tensions grow")
    assert library.search("5,500").hits[0].id == SEED_A
    again = Library([SEEDS])
    listed, _ = again.scan()  # the second run lists what the first one saved
    assert listed == entries


def test_the_saved_list_shows_without_opening_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    Library([SEEDS]).scan()
    first = Library([SEEDS])
    first.scan()
    first.update_index()  # saves the list
    opened: list[str] = []
    real = tui_reader.library._index_class

    def counting():
        opened.append("index")
        return real()

    monkeypatch.setattr(tui_reader.library, "_index_class", counting)
    library = Library([SEEDS])
    entries, _ = library.scan()
    assert {e.id for e in entries} == {SEED_A, SEED_B} and opened == []
    assert library.load(SEED_B).id == SEED_B and opened == ["index"]  # opened when first needed


def test_a_stale_saved_list_is_replaced_after_the_update(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "one.txt").write_text("First headline\n\nSome text about 5,500 troops.\n")
    library = Library([corpus])
    library.scan()
    library.update_index()
    (corpus / "two.txt").write_text("Second headline\n\nMore text.\n")
    later = Library([corpus])
    listed, _ = later.scan()
    assert [e.id for e in listed] == ["one"]  # the saved list, at once
    fresh, _ = later.update_index()
    assert fresh is not None and {e.title for e in fresh} == {"First headline", "Second headline"}
    assert [e.id for e in Library([corpus]).scan()[0]] == ["one", "two"]  # and saved for next time


def test_an_unreadable_saved_list_is_ignored(tmp_path: Path) -> None:
    Library([SEEDS]).update_index()
    target = listcache.location([SEEDS])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"\x00garbage")
    entries, _ = Library([SEEDS]).scan()
    assert {e.id for e in entries} == {SEED_A, SEED_B}


def test_a_big_corpus_is_indexed_in_a_helper_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Library, "SUBPROCESS_FROM", 1)
    library = Library([SEEDS])
    library.scan()
    seen: list[tuple[int, int]] = []
    _, notice = library.update_index(lambda done, total: seen.append((done, total)))
    assert notice is None and seen and seen[-1][0] == seen[-1][1]
    assert library.search("5,500").hits[0].id == SEED_A  # the app searches what the helper built
    assert library.load(SEED_A).title.startswith("Tensions grow")


def test_closing_stops_the_helper_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Library, "SUBPROCESS_FROM", 1)
    corpus = tmp_path / "many"
    corpus.mkdir()
    for n in range(400):
        (corpus / f"{n:04}.txt").write_text(f"Headline {n}\n\n" + "Words of an article body. " * 200)
    library = Library([corpus])
    library.scan()
    progressed = threading.Event()
    done: list[object] = []

    def progress(count: int, total: int) -> None:
        progressed.set()

    worker = threading.Thread(target=lambda: done.append(library.update_index(progress)))
    worker.start()
    assert progressed.wait(60)
    helper = library._helper
    library.close()
    worker.join(30)
    assert done == [(None, None)] and helper is not None and helper.poll() is not None


def test_big_corpus_first_run_lists_file_names_at_once(tmp_path: Path) -> None:
    corpus = tmp_path / "many"
    corpus.mkdir()
    for n in range(PROVISIONAL_FROM):
        (corpus / f"{n:04}.txt").write_text(f"Headline number {n}\n\nBody of article {n} with 5,500 troops.\n")
    before = tree_digest(corpus)
    library = Library([corpus])
    entries, _ = library.scan()
    assert library.provisional
    assert len(entries) == PROVISIONAL_FROM and entries[0] == Entry("0000", "0000", path=entries[0].path)
    assert library.load("0007").title == "Headline number 7"  # read on demand
    assert library.search("5,500").hits == ()  # nothing searchable before the build, and no error
    refreshed, _ = library.update_index()
    assert not library.provisional
    assert refreshed is not None and {e.title for e in refreshed} >= {"Headline number 7"}
    assert library.search("5,500").total == PROVISIONAL_FROM
    assert tree_digest(corpus) == before  # the corpus is only read


def test_bylines_read_on_a_first_run_survive_the_switch_to_the_index() -> None:
    library = Library([SEEDS])
    library.scan()
    library.update_index()
    assert library.entry(SEED_A).source == "Ken Hanly"
    listed, _ = Library([SEEDS]).scan()  # and in the list saved for the next start
    assert {e.id: e.source for e in listed}[SEED_A] == "Ken Hanly"


def test_a_helper_that_cannot_start_leaves_the_update_to_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Library, "SUBPROCESS_FROM", 1)
    monkeypatch.setattr(Library, "HELPER", ("/nonexistent/python",))
    library = Library([SEEDS])
    library.scan()
    _, notice = library.update_index()
    assert notice is None and library.search("5,500").hits[0].id == SEED_A


def test_a_helper_that_dies_while_indexing_is_reported_not_repeated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Library, "SUBPROCESS_FROM", 1)
    dies = 'import sys; print(\'{"done": 1, "total": 2}\', flush=True); sys.exit(9)'
    monkeypatch.setattr(Library, "HELPER", (sys.executable, "-c", dies))
    library = Library([SEEDS])
    library.scan()
    entries, notice = library.update_index()
    assert entries is None and notice is not None and "exit status 9" in notice


def test_a_list_read_from_an_index_built_elsewhere_is_saved_even_if_the_app_quits_at_once() -> None:
    from tui_reader.core.index import SearchIndex

    SearchIndex.open([SEEDS]).update()  # as `newsreader index` does
    library = Library([SEEDS])
    entries, _ = library.scan()
    assert listcache.load([SEEDS]) is None
    library.close()  # quitting: the update itself is skipped
    library.update_index()
    saved = listcache.load([SEEDS])
    assert saved is not None and [row[0] for row in saved.rows] == [e.id for e in entries]


def test_a_notice_the_update_has_dealt_with_is_not_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    from tui_reader.core.index import MANIFEST, SearchIndex
    from tui_reader.core.model import ArticleMeta, UpdateReport

    # A real index of another format: opening it says "it will be rebuilt", and the update rebuilds it.
    Library([SEEDS]).update_index()
    base = SearchIndex.open([SEEDS]).base
    manifest = base / (base / "CURRENT").read_text("ascii").strip() / MANIFEST
    data = pickle.loads(manifest.read_bytes())
    data["format"] = "0." + data["format"]
    manifest.write_bytes(pickle.dumps(data))
    library = Library([SEEDS])
    library.saved_list()
    _, notice = library.update_index()
    assert notice is None

    class Rebuilt:
        base = None
        notice = None

        @classmethod
        def open(cls, paths):
            return cls()

        def update(self, progress=None):
            return UpdateReport(files=1, articles=1, notice="in memory")

        def __len__(self) -> int:
            return 1

        def articles(self):
            return [ArticleMeta("a", "a.txt", "A title")]

        def skipped(self):
            return []

    monkeypatch.setattr(tui_reader.library, "_index_class", lambda: Rebuilt)
    assert Library([SEEDS]).update_index()[1] == "in memory"


def test_a_list_saved_by_another_reading_of_the_files_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    """When files read differently (a new READER_VERSION), the list saved from the old reading is not shown."""
    Library([SEEDS]).update_index()
    assert listcache.load([SEEDS]) is not None
    monkeypatch.setattr(listcache, "FORMAT", listcache.FORMAT + ".next")
    assert listcache.load([SEEDS]) is None
