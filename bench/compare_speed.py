"""Compare speed: two long accounts of one story (about 1,500 words each) aligned and diffed, and story matching.

Run with ``python -m bench.compare_speed``. Uses the longest same-story pair of ../shared/corpora's AllSides
groups when it is there, else the seeds repeated to 1,500 words. Prints medians; asserts nothing.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from tui_reader.core.compare import compare, rank_candidates
from tui_reader.core.corpus import Corpus
from tui_reader.core.model import Article
from tui_reader.core.paths import seeds_dir
from tui_reader.core.sentences import split_sentences

GROUPS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "allsides_fulltext_groups"


def words(article: Article) -> int:
    return len(article.body.split())


def long_pair() -> tuple[Article, Article, Corpus | None]:
    """The same-story pair whose shorter article is closest to 1,500 words (or repeated seeds)."""
    if GROUPS.exists():
        corpus = Corpus.load([GROUPS / "articles.jsonl"])
        best: tuple[float, Article, Article] | None = None
        for line in (GROUPS / "stories.jsonl").read_text(encoding="utf-8").splitlines():
            ids = json.loads(line)["article_ids"]
            arts = [a for a in (corpus.get(i) for i in ids) if a is not None]
            for x in range(len(arts)):
                for y in range(x + 1, len(arts)):
                    gap = abs(words(arts[x]) - 1500) + abs(words(arts[y]) - 1500)
                    if best is None or gap < best[0]:
                        best = (gap, arts[x], arts[y])
        if best is not None:
            return best[1], best[2], corpus
    seeds = Corpus.load([seeds_dir()]).articles

    def grow(article: Article) -> Article:
        times = 1500 // max(1, words(article)) + 1
        return Article(article.id, article.path, article.title, "\n\n".join([article.body] * times))

    return grow(seeds[0]), grow(seeds[1]), None


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    a, b, corpus = long_pair()
    print(f"pair: {a.id} ({words(a)} words) / {b.id} ({words(b)} words)")
    cmp = compare(a, b, spans_a=[], spans_b=[])
    print(f"  {len(cmp.sentences_a)} x {len(cmp.sentences_b)} sentences, {len(cmp.pairs)} pairs")
    print(f"  split_sentences (both): {median_ms(lambda: (split_sentences(a), split_sentences(b)), 20):.1f} ms")
    print(f"  compare, spans given:   {median_ms(lambda: compare(a, b, spans_a=[], spans_b=[]), 20):.1f} ms")
    print(f"  compare, with annotate: {median_ms(lambda: compare(a, b), 5):.1f} ms")
    if corpus is not None:
        pool = corpus.articles
        print(f"story matching over {len(pool)} articles (in memory, profiles built each call):")
        print(f"  rank_candidates: {median_ms(lambda: rank_candidates(a, pool), 3):.0f} ms")
        index_path(a)


def index_path(a: Article) -> None:
    """Story matching with the index's similar() as the first cut (what `newsreader compare A` does when an
    index is built), in a throwaway cache folder."""
    import os
    import tempfile

    from tui_reader.core.index import SearchIndex

    with tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache
        index = SearchIndex.open([GROUPS / "articles.jsonl"])
        started = time.perf_counter()
        index.update()
        print(f"  (index built in {time.perf_counter() - started:.1f} s)")
        print(f"  rank_candidates via the index's similar(): {median_ms(lambda: rank_candidates(a, index), 5):.0f} ms")
        index.close()


if __name__ == "__main__":
    main()
