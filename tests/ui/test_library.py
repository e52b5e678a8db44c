"""The Library: the app's door to core. First run of a big corpus lists files at once; the index takes over."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEED_A, SEEDS, tree_digest
from tui_reader.library import PROVISIONAL_FROM, Entry, Library


def test_small_corpus_first_run_reads_titles_then_uses_the_index() -> None:
    library = Library([SEEDS])
    entries, skipped = library.scan()
    assert not library.provisional and not skipped
    assert {e.id: e.source for e in entries}[SEED_A] == "Ken Hanly"  # the byline, read from the file
    new_entries, notice = library.update_index()
    assert notice is None and new_entries is not None
    assert library.load(SEED_A).title.startswith("Tensions grow")
    again = Library([SEEDS])
    listed, _ = again.scan()  # the second run lists from the index without reading a file
    assert {e.id for e in listed} == {e.id for e in entries}


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
    refreshed, _ = library.update_index()
    assert {e.id: e.source for e in refreshed}[SEED_A] == "Ken Hanly"
