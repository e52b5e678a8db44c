"""The search index on the seeds: hand-checked expectations, incremental updates, load, matches, similar."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SEED_A, SEED_B, SEEDS, tree_digest
from tui_reader.core.index import SearchIndex


@pytest.fixture(scope="module")
def seeds_index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    ix = SearchIndex.open([SEEDS])
    ix.update()
    mp.undo()
    return ix


def ids(ix: SearchIndex, query: str) -> set[str]:
    result = ix.search(query)
    return {h.id for h in result.hits}


# Read off the two seeds by hand: what each query must find (and nothing else).
EXPECTED = {
    "5,500": {SEED_A},
    "5500": {SEED_A},
    "80%": {SEED_A, SEED_B},  # "about 80 percent" / "more than 80%"
    "80 per cent": {SEED_A, SEED_B},
    "Lungescu": {SEED_A, SEED_B},
    '"no NATO buildup"': {SEED_A, SEED_B},  # SEED_A writes "no Nato build-up"
    '"no NATO build-up"': {SEED_A, SEED_B},  # and SEED_B "no NATO buildup"
    '"no Nato build-up in the region"': {SEED_A, SEED_B},
    "num:>5000": {SEED_A, SEED_B},  # 5,500 troops / 50,000 supporters, 200,000 people
    "num:>100,000": {SEED_B},
    "num:5000..6000": {SEED_A},
    "num:>50%": {SEED_A, SEED_B},  # about 80 percent / more than 80%
    "troops num:>=5,500": {SEED_A, SEED_B},
    '"Oana Lungescu"': {SEED_A, SEED_B},
    "US": {SEED_A},
    "EU": {SEED_A},
    "UK": {SEED_B},
    "troop": {SEED_A, SEED_B},
    "50,000": {SEED_B},
    "200,000": {SEED_B},
    "1.5": {SEED_B},
    "1.5 miles": {SEED_B},
    "800,000": set(),
    "000": set(),
    "5": set(),
    "August 9th": {SEED_A},
    "Tsikhanouskaya": {SEED_A},
    "Raab OR Tsikhanouskaya": {SEED_A, SEED_B},
    "NATO -Raab": {SEED_A},
    "title:Belarus": {SEED_B},
    "date:2020-08": {SEED_A},
    "date:2021..": set(),
    "Lukash*": {SEED_A, SEED_B},
}


@pytest.mark.parametrize(("query", "expected"), EXPECTED.items())
def test_seed_expectations(seeds_index: SearchIndex, query: str, expected: set[str]) -> None:
    assert ids(seeds_index, query) == expected


def test_hits_carry_metadata_matches_and_a_snippet(seeds_index: SearchIndex) -> None:
    result = seeds_index.search("5500")
    assert result.total == 1 and result.took_ms >= 0
    hit = result.hits[0]
    assert hit.title.startswith("Tensions grow") and hit.date == "2020-08-18"
    article = seeds_index.load(hit.id)
    assert article is not None
    assert [m.text for m in hit.matches] == ["5,500"]
    for m in hit.matches:
        assert article.body[m.start : m.end] == m.text and m.kind == "match"
    assert "5,500" in hit.snippet
    offset = hit.matches[0].start - hit.snippet_start + (1 if hit.snippet.startswith("…") else 0)
    assert hit.snippet[offset : offset + 5] == "5,500"


def test_matches_and_articles_and_load(seeds_index: SearchIndex) -> None:
    metas = seeds_index.articles()
    assert [m.id for m in metas] == [SEED_A, SEED_B]
    article = seeds_index.load(SEED_B)
    assert article is not None and article.id == SEED_B
    spans = seeds_index.matches(article, "80 percent")
    assert [s.text for s in spans] == ["80%"]
    assert seeds_index.load("no-such-id") is None


def test_similar_finds_the_other_account(seeds_index: SearchIndex) -> None:
    got = seeds_index.similar(SEED_A)
    assert [i for i, _ in got] == [SEED_B]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_query_never_raises(seeds_index: SearchIndex, query: str) -> None:
    result = seeds_index.search(query)
    for hit in result.hits:
        article = seeds_index.load(hit.id)
        assert article is not None
        for m in hit.matches:
            assert article.body[m.start : m.end] == m.text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_piece_of_a_body_finds_its_article_and_highlights_in_it(seeds_index: SearchIndex, data) -> None:
    article = seeds_index.load(SEED_A)
    assert article is not None
    words = article.body.split()
    start = data.draw(st.integers(0, len(words) - 1))
    piece = " ".join(words[start : start + data.draw(st.integers(1, 3))])
    quoted = '"' + piece.replace('"', " ").replace("“", " ").replace("”", " ") + '"'
    result = seeds_index.search(quoted)
    for hit in result.hits:
        body = seeds_index.load(hit.id).body  # type: ignore[union-attr]
        for m in hit.matches:
            assert body[m.start : m.end] == m.text
    if any(ch.isalnum() for ch in piece):
        assert SEED_A in {h.id for h in result.hits}, quoted


def test_incremental_add_change_delete(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    ix = SearchIndex.open([corpus])
    first = ix.update()
    assert first.rebuilt and first.articles == 2
    assert ix.update().unchanged == 2

    (corpus / "new.txt").write_text("Quokka census\n\nThere are 14,300 quokkas on the island.\n", "utf-8")
    report = ix.update(quick=True)
    assert report.added == 1 and not report.rebuilt
    assert ids(ix, "14300 quokkas") == {"new"}

    (corpus / "new.txt").write_text("Quokka census\n\nThere are 9,100 quokkas now.\n", "utf-8")
    report = ix.update()
    assert report.changed == 1
    assert ids(ix, "14,300") == set() and ids(ix, "9100") == {"new"}

    (corpus / f"{SEED_A}.txt").unlink()
    report = ix.update(quick=True)
    assert report.removed == 1
    assert ids(ix, "5500") == set()
    assert [m.id for m in ix.articles()] == [SEED_B, "new"]

    # A second process sees the same committed index without building.
    again = SearchIndex.open([corpus])
    assert again.update(quick=True).unchanged == 2
    assert ids(again, "9,100") == {"new"}


def test_the_corpus_is_never_written(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    before = tree_digest(corpus)
    ix = SearchIndex.open([corpus])
    ix.update()
    ix.search("NATO")
    ix.update(rebuild=True)
    ix.similar(SEED_A)
    assert tree_digest(corpus) == before
    assert not any(p.name.startswith(".") for p in corpus.rglob("*"))


def test_a_parallel_build_equals_a_serial_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(40):
        (corpus / f"a{n:02}.txt").write_text(f"Story {n}\n\nThere were {n},500 people and 8{n}% said yes.\n", "utf-8")
    monkeypatch.setattr("tui_reader.core.index.PARALLEL_MIN_FILES", 10)
    monkeypatch.setenv("NEWSREADER_INDEX_PROCS", "2")
    parallel = SearchIndex.open([corpus])
    assert parallel.update().articles == 40
    assert len(parallel._ix._segments()) == 2, parallel.parallel_error  # the parallel path ran
    monkeypatch.setenv("NEWSREADER_INDEX_PROCS", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other-cache"))
    serial = SearchIndex.open([corpus])
    serial.update()
    assert [m.id for m in parallel.articles()] == [m.id for m in serial.articles()]
    for query in ("7,500", "87%", "story", '"said yes"'):
        assert [h.id for h in parallel.search(query).hits] == [h.id for h in serial.search(query).hits]
    assert ids(parallel, "7500") == {"a07"}
    # The parallel index keeps working incrementally.
    (corpus / "a07.txt").unlink()
    assert parallel.update(quick=True).removed == 1
    assert ids(parallel, "7500") == set()


def test_searching_while_a_worker_thread_updates(tmp_path: Path) -> None:
    import threading

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    ix = SearchIndex.open([corpus])
    ix.update()
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for n in range(15):
                (corpus / f"n{n}.txt").write_text(f"Note {n}\n\nThe figure is {n},250.\n", "utf-8")
                ix.update(quick=True)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    while thread.is_alive():
        result = ix.search("5,500")
        assert {h.id for h in result.hits} == {SEED_A}, result.notice
    thread.join()
    assert not errors
    assert {h.id for h in ix.search("14,250").hits} == {"n14"}


def test_totals_are_exact_for_one_word_with_and_without_deletions(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "t.txt").write_text("Belarus title only\n\nNothing about that country here.\n", "utf-8")
    ix = SearchIndex.open([corpus])
    ix.update()
    assert ix.search("belarus").total == 3  # two bodies and one title
    assert ix.search("title:belarus").total == 2
    (corpus / f"{SEED_A}.txt").unlink()
    ix.update()
    result = ix.search("belarus")
    assert result.total == 2 == len(result.hits)


def test_words_side_by_side_rank_above_words_scattered(tmp_path: Path) -> None:
    """ "Theresa May" finds both articles (every word, anywhere), the one that names her first, even though
    the other says each word more often."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    scattered = "Theresa visited. It may rain, it may not. Theresa stayed. Nobody knows what may come next."
    (corpus / "scattered.txt").write_text(f"Weather\n\n{scattered} {scattered}\n", "utf-8")
    (corpus / "named.txt").write_text("Politics\n\nThe prime minister, Theresa May, spoke at length today.\n", "utf-8")
    for n in range(20):  # a corpus, so that the two words are rare in it
        (corpus / f"other{n}.txt").write_text(f"Other {n}\n\nThe council met on day {n} and said little.\n", "utf-8")
    ix = SearchIndex.open([corpus])
    ix.update()
    result = ix.search("Theresa May")
    assert [h.id for h in result.hits] == ["named", "scattered"] and result.total == 2
    assert ix.search("May Theresa").hits[0].id == "scattered"  # the order of the words counts
    # a figure takes the positions a phrase gives it: "80 per cent rise" is side by side in "figures"
    (corpus / "figures.txt").write_text("Figures\n\nThere was an 80 per cent rise in sales.\n", "utf-8")
    apart = "The rise was slow. Then 80 per cent of it went. Another rise came, and a rise again, and a rise."
    (corpus / "apart.txt").write_text(f"Apart\n\n{apart}\n", "utf-8")
    ix.update()
    assert [h.id for h in ix.search("80 per cent rise").hits] == ["figures", "apart"]


def test_figure_filter_highlights_the_figures_in_range(seeds_index: SearchIndex) -> None:
    result = seeds_index.search("num:>5000")
    matched = {h.id: [m.text for m in h.matches] for h in result.hits}
    assert matched[SEED_A] == ["5,500"]
    assert sorted(matched[SEED_B]) == ["200,000", "50,000"]
    assert seeds_index.search("num:>5k").notice  # not a number: said, not guessed


def test_a_figure_filter_over_many_figures_is_bounded_and_says_so(
    seeds_index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui_reader.core import index as index_module

    monkeypatch.setattr(index_module, "MAX_NUM_TERMS", 2)
    result = seeds_index.search("num:>0")
    assert result.hits and result.notice and "most common searched" in result.notice


def test_a_build_worker_ends_when_its_parent_is_killed(tmp_path: Path) -> None:
    """A worker whose parent dies (a quitting app stops the index helper) stops building at once."""
    import os
    import select
    import signal
    import subprocess
    import sys

    child_code = (
        "from tui_reader.core.index import _exit_with_parent; import time; _exit_with_parent(0.05); "
        "print('ready', flush=True); time.sleep(60)"
    )
    parent_code = (
        "import subprocess, sys, time; "
        f"c = subprocess.Popen([sys.executable, '-c', {child_code!r}], stdout=subprocess.PIPE, text=True); "
        "assert c.stdout.readline().strip() == 'ready'; print(c.pid, flush=True); time.sleep(60)"
    )
    parent = subprocess.Popen([sys.executable, "-c", parent_code], stdout=subprocess.PIPE, text=True)
    child_pid = int(parent.stdout.readline())
    parent.kill()
    parent.wait()

    # Wait on the process itself (a pidfd turns readable when it exits, reaped or not), not on a clock.
    try:
        pidfd = os.pidfd_open(child_pid)
    except ProcessLookupError:  # already gone and reaped
        return
    try:
        gone = bool(select.select([pidfd], [], [], 10)[0])
    finally:
        os.close(pidfd)
    if not gone:
        os.kill(child_pid, signal.SIGKILL)
    assert gone, "the worker outlived its parent"
