"""Story matching on real same-story groups: is the best-ranked other article an account of the same story?"""

from __future__ import annotations

import json
import random

import pytest

from tests.conftest import shared_corpus
from tui_reader.core.corpus import Corpus
from tui_reader.core.stories import best_match, rank_candidates

SAMPLE = 25


@pytest.mark.parametrize(("name", "target"), [("allsides_fulltext_groups", 0.6), ("basil_triplets", 0.9)])
def test_best_ranked_is_the_same_story(name: str, target: float) -> None:
    root = shared_corpus(name)
    corpus = Corpus.load([root / "articles.jsonl"])
    story_of = {
        article_id: record["story_id"]
        for record in map(json.loads, (root / "stories.jsonl").read_text(encoding="utf-8").splitlines())
        for article_id in record["article_ids"]
    }
    sample = random.Random(7).sample(corpus.articles, SAMPLE)
    right = 0
    for article in sample:
        ranked = rank_candidates(article, corpus.articles, limit=3)
        assert article.id not in [i for i, _ in ranked]
        right += bool(ranked) and story_of[ranked[0][0]] == story_of[article.id]
    print(f"\n{name}: best-ranked candidate is the same story for {right}/{SAMPLE} sampled articles")
    assert right / SAMPLE >= target


def test_unrelated_pair_is_no_match() -> None:
    root = shared_corpus("basil_triplets")
    corpus = Corpus.load([root / "articles.jsonl"])
    first = corpus.articles[0]
    unrelated = next(a for a in corpus.articles if a.date and first.date and a.date[:4] != first.date[:4])
    found = best_match(first, [unrelated])
    assert found is None


def test_index_first_cut_finds_the_same_story() -> None:
    """With the index's similar() as the first cut (what `compare A` uses on a large indexed corpus)."""
    from tui_reader.core.index import SearchIndex

    root = shared_corpus("basil_triplets")
    index = SearchIndex.open([root / "articles.jsonl"])
    index.update()
    story_of = {
        article_id: record["story_id"]
        for record in map(json.loads, (root / "stories.jsonl").read_text(encoding="utf-8").splitlines())
        for article_id in record["article_ids"]
    }
    sample = random.Random(7).sample(sorted(story_of), SAMPLE)
    right = 0
    for article_id in sample:
        article = index.load(article_id)
        assert article is not None
        ranked = rank_candidates(article, index, limit=3)
        assert article_id not in [i for i, _ in ranked]
        right += bool(ranked) and story_of[ranked[0][0]] == story_of[article_id]
    index.close()
    print(f"\nbasil_triplets via the index: best-ranked candidate is the same story for {right}/{SAMPLE}")
    assert right / SAMPLE >= 0.9
