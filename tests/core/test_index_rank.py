"""The fast ranking of one-word queries is Whoosh's ranking: the same ids, the same scores, the same ties (and
every other query's too, but for words typed together, whose side-by-side check is a Whoosh phrase query's).

``index._rank_word`` reads posting blocks and the length column itself instead of going through Whoosh's
matchers; here it is compared with ``searcher.search`` on an index of several segments with deleted documents
(an incremental update after some files changed), for common, rare, title-only and case-sensitive words.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS, SHARED_CORPORA
from tui_reader.core import index as index_module
from tui_reader.core.index import SearchIndex
from tui_reader.core.query import Word, parse

WORDS = ["said", "the", "year", "govern", "minist", "US", "us", "troop", "5500", "80%", "zzzz", "elect", "bbc"]


def _corpus(root: Path) -> Path:
    """bbc_news's business and politics articles when the shared corpora are here, else synthetic text."""
    root.mkdir()
    bbc = SHARED_CORPORA / "bbc_news"
    if bbc.exists():
        for folder in ("business", "politics"):
            shutil.copytree(bbc / folder, root / folder)
        return root
    words = " ".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")).split()
    rng = random.Random(7)
    for n in range(600):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(5, 400)))
        (root / f"{n:04d}.txt").write_text(f"{rng.choice(words)} {rng.choice(words)}\n\n{body}\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    tmp = tmp_path_factory.mktemp("rank")
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(tmp / "cache"))
    mp.setattr(index_module, "FLUSH_POSTINGS", 40_000)  # several segments
    root = _corpus(tmp / "corpus")
    ix = SearchIndex.open([root])
    ix.update()
    for path in sorted(root.rglob("*.txt"))[::7]:  # an incremental update: deletions in the old segments
        text = path.read_text(encoding="utf-8", errors="replace")
        path.unlink()
        path.write_text(text + "\n\nThe minister said so again.\n", encoding="utf-8")
    ix.update()
    mp.undo()
    return ix


def test_the_index_has_segments_and_deletions(index: SearchIndex) -> None:
    reader = index._searcher.reader()
    assert len(index._ix._segments()) >= 3
    assert reader.has_deletions()


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("field", [None, "title", "body"])
@pytest.mark.parametrize("limit", [1, 10, 50])
def test_one_word_ranking_is_whooshs(index: SearchIndex, word: str, field: str | None, limit: int) -> None:
    searcher = index._searcher
    tree = Word(word, field)
    fast = index_module._rank_word(searcher, tree, limit)
    assert fast is not None
    results = searcher.search(index_module._to_whoosh(tree, searcher), limit=limit)
    assert [(f["id"], score) for f, score in fast[0]] == [(r["id"], r.score) for r in results]
    assert fast[1] == len(list(searcher.docs_for_query(index_module._to_whoosh(tree, searcher))))


def test_searching_a_word_gives_the_whoosh_ranking(index: SearchIndex) -> None:
    for query in ("said", "minister", "title:economy"):
        tree = parse(query).tree
        result = index.search(query, limit=20)
        searcher = index._searcher
        expected = [r["id"] for r in searcher.search(index_module._to_whoosh(tree, searcher), limit=20)]
        assert [h.id for h in result.hits] == expected


QUERIES = [
    "interest rates",
    "80 per cent rise",
    "build-up plan",
    "interest -bank rates",
    "chelsea manager",
    '"prime minister"',
    '"the minister said"',
    "said OR minister",
    "minister -said",
    "title:economy growth",
    "elect*",
    "troops",
    "5,500",
]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("limit", [1, 10])
def test_every_query_ranks_and_counts_as_whoosh_does(index: SearchIndex, query: str, limit: int) -> None:
    """Whoosh's ranking, except that words typed together put the best articles that hold them side by side
    (as a Whoosh phrase query finds them) first."""
    searcher = index._searcher
    parsed = parse(query)
    ranked, total = index_module._rank(searcher, parsed.tree, limit, together=parsed.together)
    wquery = index_module._to_whoosh(parsed.tree, searcher)
    assert [(f["id"], s) for f, s in ranked] == _whoosh_ranking(searcher, parsed, limit)
    assert total == len(list(searcher.docs_for_query(wquery)))


def _whoosh_ranking(searcher: object, parsed: object, limit: int) -> list[tuple[str, float]]:
    """Whoosh's ranking of the query; for words typed together, the best 50 with the documents that a Whoosh
    phrase query of each run finds (in the title or the body) moved up by the best score."""
    from whoosh import query as wq

    pool = max(limit, 50) if parsed.together else limit
    ranked = [(r.docnum, r.score) for r in searcher.search(index_module._to_whoosh(parsed.tree, searcher), limit=pool)]
    if parsed.together and ranked:
        phrases = [wq.Phrase(field, list(run.terms)) for run in parsed.together for field in ("title", "body")]
        together = {r.docnum for r in searcher.search(wq.Or(phrases), limit=None)}
        top = ranked[0][1]
        ranked = sorted(((d, s + top if d in together else s) for d, s in ranked), key=lambda item: -item[1])
    return [(searcher.stored_fields(d)["id"], s) for d, s in ranked[:limit]]


def test_small_segments_are_merged_and_big_ones_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each incremental update adds a segment; past MAX_SEGMENTS small ones they are merged into one, while a
    big segment (a build's) is left alone, and every article is still found."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(index_module, "MAX_SEGMENTS", 3)
    monkeypatch.setattr(index_module, "SMALL_SEGMENT", 5)
    root = tmp_path / "corpus"
    root.mkdir()
    for n in range(12):
        (root / f"base{n}.txt").write_text(f"Base {n}\n\nA base story number {n}.\n", encoding="utf-8")
    ix = SearchIndex.open([root])
    ix.update()
    big = {s.segment_id() for s in ix._ix._segments()}
    for n in range(10):
        (root / f"extra{n}.txt").write_text(f"Extra {n}\n\nAn extra story about {n},777 emus.\n", encoding="utf-8")
        ix.update()
        segments = ix._ix._segments()
        assert sum(1 for s in segments if s.doc_count_all() < 5) <= 3
        assert big <= {s.segment_id() for s in segments}
    assert ix.search("emus").total == 10
    assert ix.search("base").total == 12
