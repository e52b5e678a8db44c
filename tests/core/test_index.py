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
